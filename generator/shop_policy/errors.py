"""Typed errors that know where they happened and format themselves.

Only the command line prints and exits; everything else raises one of these.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_PLAIN_KEY = re.compile(r"[A-Za-z0-9_\-]+")


def dotted(path: Sequence[str | int]) -> str:
    """A key's path as people write it: returns.non_returnable[0].wording. A key that is
    not a plain word (a typo such as ':x' or 'my key') is quoted, so it cannot be taken
    for the separators around it."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
            continue
        name = part if _PLAIN_KEY.fullmatch(part) else json.dumps(part, ensure_ascii=False)
        text += f".{name}" if text else name
    return text or "file"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, at a 1-based line and column."""

    file: str
    line: int
    column: int
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.key}: {self.message}"


class ShopPolicyError(Exception):
    """Base class of every error the library raises on purpose."""

    exit_code = 1


class PolicyError(ShopPolicyError):
    """The policy file cannot be used. Carries every problem found, in file order."""

    exit_code = 2

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


class OutputConflict(ShopPolicyError):
    """A file the generator would write or delete was not written by it, or was edited."""

    def __init__(self, conflicts: Iterable[str]) -> None:
        self.conflicts = list(conflicts)
        lines = [*self.conflicts, "nothing was written; move your edits into the policy file, "
                 "or run again with --force to overwrite them"]
        super().__init__("\n".join(lines))


class BuildError(ShopPolicyError):
    """The site engine could not build the generated sources."""


class UnsafeOutput(ShopPolicyError):
    """Writing would go through a link or outside an output folder, or a record on disk
    (a manifest, a journal) cannot be trusted. Never overridden by --force."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join([*self.problems, "nothing was written"]))


class OutputError(ShopPolicyError):
    """An output file could not be written (a full disk, a refused permission)."""


class CatalogError(ShopPolicyError):
    """A catalog is missing or not finished: no text may fall back to English."""


class CaseError(ShopPolicyError):
    """The facts of a case do not fit together (a delivery before the dispatch...)."""

    exit_code = 2
