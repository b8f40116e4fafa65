"""Where each locale's messages come from.

English is the source language of every template; each other locale needs a complete
catalog in generator/locales/<locale>/LC_MESSAGES/messages.po. A missing catalog is an
error, never a silent fallback to English.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

SOURCE_LOCALE = "en"
LOCALES_DIR = Path(__file__).parent / "locales"


def available_locales() -> list[str]:
    """The source locale plus every locale with a catalog, sorted."""
    found = {p.parent.parent.name for p in LOCALES_DIR.glob("*/LC_MESSAGES/messages.po")}
    return sorted({SOURCE_LOCALE} | found)


def catalog_for(locale: str) -> str | None:
    """The catalog that serves `locale`: its own, else its language's (de_AT -> de)."""
    available = available_locales()
    if locale in available:
        return locale
    language = locale.split("_", 1)[0]
    return language if language in available else None


@cache
def translations(locale: str) -> gettext.NullTranslations:
    catalog = catalog_for(locale)
    if catalog == SOURCE_LOCALE:
        return gettext.NullTranslations()
    raise LookupError(f"no catalog for locale '{locale}'")
