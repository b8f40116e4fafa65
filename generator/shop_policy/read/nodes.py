"""Checks on the YAML node tree, before any data is built from it.

A policy uses plain YAML only: keys are names, values are text, numbers, true/false,
dates, lists and sections. Tags, merge keys and keys that are lists are refused with
their position, and every key is taken as the text it was typed as (`null:` is the key
'null', not a missing one), so that messages name it as the seller wrote it.
"""

from __future__ import annotations

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver

from shop_policy.errors import PolicyError, Problem, dotted
from shop_policy.read.source import STARTS_WITH_ODD_SPACE, odd_indent_message

MAX_DEPTH = 20
MAX_NODES = 20_000

Path_ = tuple[str | int, ...]

_CORE = "tag:yaml.org,2002:"
STR, MAP, SEQ, MERGE = (f"{_CORE}{name}" for name in ("str", "map", "seq", "merge"))
_RESOLVER = VersionedResolver()  # YAML 1.2, as the loader reads the file


def check_tree(root: Node | None, name: str) -> None:
    """Report duplicate keys, tags, merge keys and odd keys (all of them), and refuse trees
    too deep or too large. Keys are turned into text as they were typed.

    Aliases are followed once per use, so an alias bomb is caught by the node budget
    before anything is built from it.
    """
    if root is not None:
        walker = _Walker(name)
        walker.walk(root, (), 0)
        if walker.problems:
            raise PolicyError(walker.problems)


class _Walker:
    def __init__(self, name: str) -> None:
        self.name = name
        self.budget = MAX_NODES
        self.problems: list[Problem] = []

    def add(self, node: Node, path: Path_, message: str, *, key: str | None = None) -> None:
        mark = node.start_mark
        where = key if key is not None else dotted(path)
        self.problems.append(Problem(self.name, mark.line + 1, mark.column + 1, where,
                                     message))

    def walk(self, node: Node, path: Path_, depth: int) -> None:
        self.budget -= 1
        if self.budget < 0:
            self.stop(node, path, f"the file expands to more than {MAX_NODES:,} values "
                      "(too many aliases?); write the values out instead")
        if depth > MAX_DEPTH:
            self.stop(node, path, f"is nested more than {MAX_DEPTH} levels deep; a policy "
                      "needs only a few levels")
        if isinstance(node, ScalarNode) and node.tag == MERGE:
            node.tag = STR  # '<<' as a value is only text
        self.check_tag(node, path)
        if isinstance(node, MappingNode):
            self.walk_mapping(node, path, depth)
        elif isinstance(node, SequenceNode):
            for index, item in enumerate(node.value):
                self.walk(item, (*path, index), depth + 1)

    def stop(self, node: Node, path: Path_, message: str) -> None:
        self.add(node, path, message)
        raise PolicyError(self.problems[-1:])

    def walk_mapping(self, node: MappingNode, path: Path_, depth: int) -> None:
        seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == MERGE:
                self.add(key_node, path, "merge keys (<<) are not supported; write the "
                         "keys out")
                continue
            key = self.key_text(key_node, path)
            if key is None:
                continue
            if key in seen:
                first = seen[key].start_mark
                self.add(key_node, (*path, key), f"appears twice (first on line "
                         f"{first.line + 1}); keep one and delete the other")
            else:
                seen[key] = key_node
            self.walk(value_node, (*path, key), depth + 1)

    def key_text(self, key_node: Node, path: Path_) -> str | None:
        """The key as typed, made text for the constructor; None if it cannot be a key."""
        if not isinstance(key_node, ScalarNode):
            kind = "a list" if isinstance(key_node, SequenceNode) else "a section"
            self.add(key_node, path, f"has {kind} as a key; write each key as a plain "
                     "name, such as 'name: ...'")
            return None
        self.check_tag(key_node, path)
        key = str(key_node.value)
        if key_node.tag.startswith(_CORE):
            key_node.tag = STR  # null, 3, true: the key is what was typed
        if not key_node.style and STARTS_WITH_ODD_SPACE.match(key):  # plain, not quoted
            self.add(key_node, path, odd_indent_message(key[0]), key="yaml")
        return key

    def check_tag(self, node: Node, path: Path_) -> None:
        tag = node.tag
        if isinstance(node, ScalarNode):
            plain = tag == STR or tag == _RESOLVER.resolve(ScalarNode, node.value, (True, False))
        else:
            plain = tag == (MAP if isinstance(node, MappingNode) else SEQ)
        if not plain:
            shown = "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag
            self.add(node, path, f"'{shown}' is a YAML tag, which a policy does not use; "
                     "remove it, or put the whole value in quotes if the '!' is part of "
                     "your text")
