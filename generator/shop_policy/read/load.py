"""Read a policy file with ruamel.yaml, keeping the line and column of every key and value."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import Node, ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from shop_policy.errors import PolicyError, Problem
from shop_policy.read.nodes import MAX_DEPTH, check_tree
from shop_policy.read.source import check_size, decode, odd_indent, position, read_bytes

_FAST_MAX_INDICATORS = 5_000  # the C parser survives nesting 20,000 levels deep

# Hints for the YAML scanner and parser messages a seller is most likely to meet.
_SYNTAX_HINTS = (
    ("'\\t'", "indent with spaces, not tabs"),
    ("mapping values are not allowed", "put a space after each colon, and quote text that "
     "contains ': '"),
    ("could not find expected ':'", "each line needs the form 'key: value'; check the "
     "indentation of this line and the one above"),
    ("expected ',' or ']'", "close the list with ']' or write each entry on its own line "
     "starting with '- '"),
    ("expected ',' or '}'", "close the section with '}' or write each key on its own line"),
    ("found undefined alias", "define the anchor (&name) before using it (*name), or remove "
     "the '*'"),
    ("found unexpected end of stream", "close the quote that starts on this line"),
    ("did not find expected key", "check the indentation: keys of one section line up "
     "under each other"),
    ("did not find expected '-' indicator", "check the indentation: list entries line up "
     "under each other"),
    ("block sequence entries are not allowed", "start the list on the next line, indented "
     "under its key"),
)


try:
    from _ruamel_yaml import CParser

    class _CComposerType(CParser, VersionedResolver):  # type: ignore[misc]
        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            VersionedResolver.__init__(self, version=None, loader=self)

    _CComposer: type | None = _CComposerType
except ImportError:  # the optional C extension is missing: the pure parser does it all
    _CComposer = None


class WrittenInt(int):
    """A whole number from the file that remembers how it was typed ('010', '1_000')."""

    source: str

    def __new__(cls, value: int, source: str) -> WrittenInt:
        number = super().__new__(cls, value)
        number.source = source
        return number

    def __reduce__(self) -> tuple[type, tuple[int, str]]:
        return type(self), (int(self), self.source)


class WrittenFloat(float):
    """A number with a point from the file that remembers how it was typed: a version
    number 3.10 stays "3.10", not the float 3.1."""

    source: str

    def __new__(cls, value: float, source: str) -> WrittenFloat:
        number = super().__new__(cls, value)
        number.source = source
        return number

    def __reduce__(self) -> tuple[type, tuple[float, str]]:
        return type(self), (float(self), self.source)


class _Constructor(RoundTripConstructor):
    """Leaves dates as text, so that pydantic reports a bad date with its position, and
    keeps the text of every number, for the places where a number is read as text."""

    def construct_written_int(self, node: ScalarNode) -> WrittenInt:
        return WrittenInt(self.construct_yaml_int(node), str(node.value))

    def construct_written_float(self, node: ScalarNode) -> WrittenFloat:
        return WrittenFloat(self.construct_yaml_float(node), str(node.value))


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)
_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_written_int)
_Constructor.add_constructor("tag:yaml.org,2002:float", _Constructor.construct_written_float)


@dataclass(frozen=True)
class Document:
    """A loaded policy file: the plain data and a way back to positions in the file."""

    path: str
    data: CommentedMap

    def locate(self, path: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the value at `path`, or of its key when `key` is set.

        Parts of `path` that are not in the data (pydantic adds union tags, a missing
        key is not there) are skipped, so the answer is the deepest position known.
        """
        node: Any = self.data
        position = (0, 0)
        for part in path:
            if isinstance(node, CommentedMap) and part in node:
                position = node.lc.key(part) if key else node.lc.value(part)
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
                position = node.lc.item(part)
                node = node[part]
        return position[0] + 1, position[1] + 1


def load(path: str | Path) -> Document:
    """Load the policy at `path`. Raises PolicyError for anything that is not a YAML mapping."""
    return loads(read_bytes(path), str(path))


def loads(raw: bytes, name: str) -> Document:
    """Load policy text already read from `name`."""
    check_size(raw, name)
    text = decode(raw, name)
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise PolicyError([Problem(name, 1, 1, "file", "is empty; start from the bundled "
                                   "example policies/shop.yaml")])
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    try:
        root = _fast_compose(text)
        if root is None:  # not readable by the fast path: let the full one say why
            root = yaml.compose(text)
        check_tree(root, name)
        data = yaml.constructor.construct_document(root) if root is not None else None
    except MarkedYAMLError as exc:
        raise PolicyError([_syntax_problem(exc, name, text)]) from None
    except YAMLError as exc:
        raise PolicyError([Problem(name, 1, 1, "yaml", f"cannot be read as YAML ({exc}); "
                                   "check the file is a plain text policy")]) from None
    except RecursionError:
        line, column = _too_deep(text)
        raise PolicyError([Problem(name, line, column, "file", f"is nested more than "
                                   f"{MAX_DEPTH} levels deep; a policy needs only a few "
                                   "levels")]) from None
    if not isinstance(data, CommentedMap):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise PolicyError([Problem(name, 1, 1, "file", f"holds {kind}, not a policy; the "
                                   "file must be a set of 'key: value' sections such as "
                                   "'shop:' and 'returns:'")])
    return Document(name, data)


def _fast_compose(text: str) -> Node | None:
    """The node tree by libyaml (ruamel.yaml's C parser), with YAML 1.2's rules as the
    round-trip loader uses them: about ten times faster. The nodes carry the same line
    and column marks and build the same data. None when the C parser is not installed
    or the text has an error; the pure-Python parser then reports it, with its messages.
    """
    # The C parser builds nested nodes by recursion, so a file nested deeply enough
    # would overflow its stack. Every collection needs one of these characters of its
    # own, so their count bounds the depth; a policy has a few hundred.
    if _CComposer is None or sum(map(text.count, "[{-?:")) > _FAST_MAX_INDICATORS:
        return None
    try:
        return _CComposer(text).get_single_node()
    except YAMLError:
        return None


def _too_deep(text: str) -> tuple[int, int]:
    """Where brackets first nest more than MAX_DEPTH deep (quotes aside: a rough guide
    for a file too deep for the parser to say), else the start of the file."""
    depth = 0
    for offset, char in enumerate(text):
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return position(text, offset)
        elif char in "]}":
            depth -= 1
    return 1, 1


def _syntax_problem(exc: MarkedYAMLError, name: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    if exc.problem and "end of stream" in exc.problem and exc.context_mark:
        mark = exc.context_mark  # where the unclosed quote or bracket began
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    odd = odd_indent(text, name, line)
    if odd is not None:  # the likely cause, which the parser cannot name
        return odd
    what = exc.problem or exc.context or "is not valid YAML"
    hint = next((h for needle, h in _SYNTAX_HINTS if needle in what),
                "check the indentation and quoting around this position")
    return Problem(name, line, column, "yaml", f"{what}; {hint}")
