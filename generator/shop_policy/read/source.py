"""The policy file's text: read within a size limit, decoded, and checked for characters
that do not belong in it, before any YAML parser sees it."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path

from shop_policy.errors import PolicyError, Problem

MAX_BYTES = 1_000_000

_NOT_FILES = ((stat.S_ISDIR, "folder"), (stat.S_ISCHR, "device"), (stat.S_ISBLK, "device"),
              (stat.S_ISFIFO, "named pipe"), (stat.S_ISSOCK, "socket"))

# What YAML 1.2 accepts in a document, inverted.
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd"
                            "\U00010000-\U0010ffff]")

# A space other than U+0020 in the indentation at the start of a line: YAML counts only
# U+0020 as indentation, so such a line breaks the structure around it.
ODD_SPACES = "\xa0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff"
_ODD_INDENT = re.compile(f"^[ \t]*([{ODD_SPACES}])", re.MULTILINE)
STARTS_WITH_ODD_SPACE = re.compile(f"[{ODD_SPACES}]")


def _problem(name: str, message: str, line: int = 1, column: int = 1) -> PolicyError:
    return PolicyError([Problem(name, line, column, "file", message)])


def read_bytes(path: str | Path) -> bytes:
    """The bytes of the policy file at `path`, refused unless it is a regular file of at
    most MAX_BYTES. Never waits for a pipe's writer and never reads past the limit."""
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise _problem(name, "no such file; check the path, or copy policies/shop.yaml as "
                       "a starting point") from None
    except OSError as exc:
        raise _problem(name, f"cannot be read ({exc.strerror}); check the path and its "
                       "permissions") from None
    try:
        mode = os.fstat(fd)
        if not stat.S_ISREG(mode.st_mode):
            kind = next((kind for test, kind in _NOT_FILES if test(mode.st_mode)),
                        "special file")
            raise _problem(name, f"is a {kind}, not a file; give the path of the policy "
                           "file itself, such as policies/shop.yaml")
        if mode.st_size > MAX_BYTES:
            raise _too_large(name, mode.st_size)
        with open(fd, "rb", closefd=False) as source:  # buffered: reads until the limit
            raw = source.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _problem(name, f"cannot be read ({exc.strerror}); check the path and its "
                       "permissions") from None
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:  # it grew since, or its size was not told
        raise _too_large(name, len(raw))
    return raw


def _too_large(name: str, size: int) -> PolicyError:
    return _problem(name, f"is {size:,} bytes, more than the {MAX_BYTES:,} a policy file may "
                    "have; a policy needs only a few kilobytes")


def check_size(raw: bytes, name: str) -> None:
    if len(raw) > MAX_BYTES:
        raise _too_large(name, len(raw))


def decode(raw: bytes, name: str) -> str:
    """The text of `raw`, refused unless it is UTF-8 without NUL or control characters."""
    try:
        text = raw.decode("utf-8-sig")  # a byte order mark at the start is dropped
    except UnicodeDecodeError as exc:
        before = exc.object[: exc.start]  # the bytes after the mark, if there was one
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise _problem(name, f"is not UTF-8 text (byte 0x{exc.object[exc.start]:02x}); save "
                       "the file as UTF-8", line, column) from None
    if "\x00" in text:
        line, column = position(text, text.index("\x00"))
        raise _problem(name, "contains a NUL character, so it is not a text file; save the "
                       "policy as plain text", line, column)
    bad = _NOT_PRINTABLE.search(text)
    if bad:
        line, column = position(text, bad.start())
        raise _problem(name, "contains an invisible control character "
                       f"(U+{ord(bad.group(0)):04X}); delete it", line, column)
    return text


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of `offset` in `text`."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def odd_indent(text: str, name: str, last_line: int) -> Problem | None:
    """The first line up to `last_line` indented with a space YAML does not count as
    indentation (a no-break space, say), for a parser error caused by it."""
    found = _ODD_INDENT.search(text)
    if found is None:
        return None
    line, column = position(text, found.start(1))
    if line > last_line:
        return None
    return Problem(name, line, column, "yaml", odd_indent_message(found.group(1)))


def odd_indent_message(char: str) -> str:
    what = unicodedata.name(char, "unusual space").lower()
    article = "an" if what[0] in "aeiou" else "a"
    return (f"this line is indented with {article} {what} (U+{ord(char):04X}), which YAML does not "
            "count as indentation; replace it with ordinary spaces")
