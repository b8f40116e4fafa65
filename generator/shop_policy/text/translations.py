"""Where each locale's messages come from.

English is the source language of every template; each other locale needs a complete
catalog in shop_policy/locales/<locale>/LC_MESSAGES/messages.po. A missing catalog is an
error, never a silent fallback to English.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel.core import Locale, negotiate_locale
from babel.support import Translations

from shop_policy.errors import CatalogError
from shop_policy.resources import LOCALES
from shop_policy.text.catalogs import UnfinishedCatalog, compile_po

SOURCE_LOCALE = "en"
LOCALES_DIR = LOCALES


def available_locales() -> list[str]:
    """The source locale plus every locale with a catalog, sorted."""
    found = {p.parent.parent.name for p in LOCALES_DIR.glob("*/LC_MESSAGES/messages.*o")}
    return sorted({SOURCE_LOCALE} | found)


def catalog_for(locale: str) -> str | None:
    """The catalog that serves `locale`: its own, else its language's (de_AT -> de)."""
    return negotiate_locale([locale], available_locales(), aliases=None)


def catalog_path(catalog: str) -> Path:
    return LOCALES_DIR / catalog / "LC_MESSAGES" / "messages.po"


@cache
def translations(locale: str) -> gettext.NullTranslations:
    """The messages of `locale`, from its compiled catalog.

    The package ships each catalog compiled (.mo). In a source checkout whose .mo is
    missing or older than its .po, the .po is compiled here, in memory. Either way an
    untranslated or fuzzy message is an error: a page must never mix languages.
    """
    catalog = catalog_for(locale)
    if catalog is None:
        raise CatalogError(f"there is no catalog for '{locale}'; start one with "
                           f"`make new-locale LOCALE={locale}`")
    if catalog == SOURCE_LOCALE:
        return gettext.NullTranslations()
    po = catalog_path(catalog)
    mo = po.with_suffix(".mo")
    if not po.exists() or (mo.exists() and mo.stat().st_mtime_ns >= po.stat().st_mtime_ns):
        with mo.open("rb") as compiled:
            return Translations(fp=compiled)
    try:
        return Translations(fp=io.BytesIO(compile_po(po)))
    except UnfinishedCatalog as exc:
        raise CatalogError(str(exc)) from None


@cache
def right_to_left(locale: str) -> bool:
    """Whether `locale`'s script is written right to left (Arabic)."""
    return Locale.parse(locale).text_direction == "rtl"
