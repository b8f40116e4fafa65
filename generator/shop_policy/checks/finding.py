"""What every check reports: one Finding type, with a kind, a code and a severity."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any, Literal

Kind = Literal["drift", "consistency", "claims", "law", "template", "policy", "history"]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    kind: Kind
    code: str
    severity: Severity
    file: str
    line: int
    column: int
    message: str
    source: str = ""
    key: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        key = f"{self.key}: " if self.key else ""
        source = f" [{self.source}]" if self.source else ""
        return f"{where}: {self.code} {self.severity}: {key}{self.message}{source}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def exit_code(findings: list[Finding], strict: bool) -> int:
    """1 when an error was found (or, with `strict`, any finding), else 0."""
    failing = [f for f in findings if f.severity is Severity.ERROR or strict]
    return 1 if failing else 0
