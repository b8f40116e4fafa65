"""Where every output goes. The defaults are the project layout."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Paths:
    site_src: Path = Path("site_src")
    snippets: Path = Path("snippets")
    site: Path = Path("site")
    toolkit: Path = Path("toolkit")
    base_config: Path = Path("mkdocs.yml")

    @property
    def outputs(self) -> list[Path]:
        """Every folder the generator writes into."""
        return [self.site_src, self.snippets, self.site, self.toolkit]

    @property
    def anchor(self) -> Path:
        """The project folder: its lock, journal, state and scratch folders live here."""
        return self.site.parent
