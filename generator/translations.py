"""Where each locale's messages come from.

English is the source language of every template; each other locale needs a complete
catalog in generator/locales/<locale>/LC_MESSAGES/messages.po. A missing catalog is an
error, never a silent fallback to English.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel.messages.catalog import Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from generator.errors import ShopPolicyError

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


def catalog_path(catalog: str) -> Path:
    return LOCALES_DIR / catalog / "LC_MESSAGES" / "messages.po"


class CatalogError(ShopPolicyError):
    """A catalog is missing or not finished: no text may fall back to English."""


@cache
def translations(locale: str) -> gettext.NullTranslations:
    """The messages of `locale`, compiled in memory from its .po catalog.

    An untranslated or fuzzy message is an error: a page must never mix languages.
    """
    catalog = catalog_for(locale)
    if catalog is None:
        raise CatalogError(f"there is no catalog for '{locale}'; start one with "
                           f"`make new-locale LOCALE={locale}`")
    if catalog == SOURCE_LOCALE:
        return gettext.NullTranslations()
    path = catalog_path(catalog)
    with path.open("rb") as handle:
        messages = read_po(handle, locale=catalog)
    unfinished = [m for m in messages if m.id and (m.fuzzy or not _translated(m))]
    if unfinished:
        first = unfinished[0].id if isinstance(unfinished[0].id, str) else unfinished[0].id[0]
        raise CatalogError(f"{path}: {len(unfinished)} messages are untranslated or fuzzy "
                           f"(the first: {first!r}); translate them before publishing "
                           f"'{locale}'")
    buffer = io.BytesIO()
    write_mo(buffer, messages, use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer)


def _translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple | list) else [message.string]
    return all(strings)
