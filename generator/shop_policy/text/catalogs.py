"""Compile a gettext catalog, refusing one that is not finished.

This module needs only Babel, so the package build (setup.py) can load it by its path
to compile the catalogs it ships, with the same rule the tool applies at run time.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po


class UnfinishedCatalog(ValueError):
    """A catalog with untranslated or fuzzy messages: a page must never mix languages."""


def compile_po(path: Path) -> bytes:
    """The catalog at `path` compiled to .mo bytes; raises UnfinishedCatalog if any
    message is untranslated or fuzzy."""
    locale = path.parent.parent.name
    messages = read_po(io.BytesIO(path.read_bytes()), locale=locale)
    unfinished = [m for m in messages if m.id and (m.fuzzy or not _translated(m))]
    if unfinished:
        first = unfinished[0].id if isinstance(unfinished[0].id, str) else unfinished[0].id[0]
        raise UnfinishedCatalog(f"{path}: {len(unfinished)} messages are untranslated or "
                                f"fuzzy (the first: {first!r}); translate them before "
                                f"publishing '{locale}'")
    buffer = io.BytesIO()
    write_mo(buffer, messages, use_fuzzy=False)
    return buffer.getvalue()


def compile_all(locales: Path) -> list[Path]:
    """Compile every catalog under `locales` into a .mo file beside it, where that is
    missing or older than its catalog. Returns the files written."""
    written = []
    for po in sorted(locales.glob("*/LC_MESSAGES/messages.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime_ns >= po.stat().st_mtime_ns:
            continue
        mo.write_bytes(compile_po(po))
        written.append(mo)
    return written


def _translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple | list) else [message.string]
    return all(strings)


if __name__ == "__main__":
    import sys

    try:
        for done in compile_all(Path(sys.argv[1])):
            print(f"compiled {done}")
    except UnfinishedCatalog as exc:
        sys.exit(f"error: {exc}")
