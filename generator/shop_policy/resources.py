"""Where the files the tool ships with lie: templates, static files, catalogs and data."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"
STATIC = PACKAGE / "static"
LOCALES = PACKAGE / "locales"
DATA = PACKAGE / "data"
