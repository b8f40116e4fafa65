"""Where the files the tool ships with lie: templates, static files, catalogs and data."""

from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"
STATIC = PACKAGE / "static"
LOCALES = PACKAGE / "locales"
DATA = PACKAGE / "data"


@cache
def static(*parts: str) -> str:
    """A file of the package's static folder, as text."""
    return STATIC.joinpath(*parts).read_text("utf-8")
