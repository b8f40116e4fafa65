"""Where each locale's messages come from.

English is the source language of every template; each other locale needs a complete
catalog in generator/shop_policy/locales/<locale>/LC_MESSAGES/messages.po. A missing catalog is an
error, never a silent fallback to English.
"""

from __future__ import annotations

import gettext
import io
import struct
from functools import cache
from pathlib import Path

import babel
from babel.messages.catalog import Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from shop_policy import cache as file_cache
from shop_policy.errors import ShopPolicyError
from shop_policy.resources import LOCALES

SOURCE_LOCALE = "en"
LOCALES_DIR = LOCALES


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


def catalog_path(catalog: str) -> Path:
    return LOCALES_DIR / catalog / "LC_MESSAGES" / "messages.po"


class CatalogError(ShopPolicyError):
    """A catalog is missing or not finished: no text may fall back to English."""


@cache
def translations(locale: str) -> gettext.NullTranslations:
    """The messages of `locale`, compiled from its .po catalog (or read from the cache).

    An untranslated or fuzzy message is an error: a page must never mix languages.
    """
    catalog = catalog_for(locale)
    if catalog is None:
        raise CatalogError(f"there is no catalog for '{locale}'; start one with "
                           f"`make new-locale LOCALE={locale}`")
    if catalog == SOURCE_LOCALE:
        return gettext.NullTranslations()
    path = catalog_path(catalog)
    raw = path.read_bytes()
    # Compiling parses the whole .po file, so a finished catalog's .mo is kept in the
    # user's cache under a hash of its text; a damaged entry is compiled again.
    name = file_cache.key(raw, catalog, babel.__version__) + ".mo"
    cached = file_cache.read("catalogs", name)
    if cached is not None:
        try:
            return Translations(fp=io.BytesIO(cached))
        except (OSError, ValueError, IndexError, UnicodeDecodeError, struct.error):
            pass
    compiled = _compile(path, raw, catalog, locale)
    file_cache.write("catalogs", name, compiled)
    return Translations(fp=io.BytesIO(compiled))


def _compile(path: Path, raw: bytes, catalog: str, locale: str) -> bytes:
    """The .po text compiled to .mo bytes, refused if any message is unfinished."""
    messages = read_po(io.BytesIO(raw), locale=catalog)
    unfinished = [m for m in messages if m.id and (m.fuzzy or not _translated(m))]
    if unfinished:
        first = unfinished[0].id if isinstance(unfinished[0].id, str) else unfinished[0].id[0]
        raise CatalogError(f"{path}: {len(unfinished)} messages are untranslated or fuzzy "
                           f"(the first: {first!r}); translate them before publishing "
                           f"'{locale}'")
    buffer = io.BytesIO()
    write_mo(buffer, messages, use_fuzzy=False)
    return buffer.getvalue()


def _translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple | list) else [message.string]
    return all(strings)
