"""Low-level file writing: whole files or nothing, and renames that stay on one disk."""

from __future__ import annotations

import errno
import hashlib
import itertools
import os
from pathlib import Path

from shop_policy.errors import OutputError


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path | str) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def file_digest_or_none(path: Path) -> str | None:
    """The digest of a regular file at `path`, or None if there is none (or a link)."""
    if path.is_symlink() or not path.is_file():
        return None
    return file_digest(path)


def write(path: str, data: bytes, flags: int = os.O_TRUNC, *, target: str = "") -> None:
    """Write `data` to `path`; on failure, no partial file is left. A full disk or a
    refused write is reported against `target`, the output file the data is for."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | flags, 0o666)
    except FileExistsError:
        raise
    except OSError as exc:
        raise _failed(exc, target or path) from None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except OSError as exc:
        os.close(fd)
        os.unlink(path)
        raise _failed(exc, target or path) from None
    except BaseException:
        os.close(fd)
        os.unlink(path)
        raise
    os.close(fd)


def _failed(exc: OSError, target: str) -> OutputError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return OutputError(f"{target}: could not be written: the disk is full; free some "
                           "space and run again (nothing was changed)")
    return OutputError(f"{target}: could not be written: {exc.strerror}; check the folder "
                       "and its permissions (nothing was changed)")


def write_beside(target: str, data: bytes) -> str:
    """Write `data` to a new hidden temporary file beside `target` and return its name.
    The folder must exist."""
    folder, name = os.path.split(target)
    for attempt in itertools.count():
        temp = os.path.join(folder, f".{name}.{os.getpid()}.{attempt}.tmp")
        try:
            write(temp, data, os.O_EXCL, target=target)
        except FileExistsError:
            continue
        return temp
    raise AssertionError("unreachable")


def is_temp_beside(temp: str, target: str) -> bool:
    """Whether `temp` is a name `write_beside` gives for `target`."""
    folder, name = os.path.split(target)
    return (os.path.dirname(temp) == folder
            and os.path.basename(temp).startswith(f".{name}.") and temp.endswith(".tmp"))


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.replace(write_beside(str(path), data), path)


def same_disk(one: Path, other: Path) -> bool:
    """Whether a file can be renamed from `one` into `other` (which may not exist yet)."""
    while not other.exists() and other != other.parent:
        other = other.parent
    try:
        return os.stat(one).st_dev == os.stat(other).st_dev
    except OSError:
        return False


def inside(path: Path, root: Path) -> bool:
    """Whether `path` lies strictly inside `root`, with no link on the way from `root`."""
    try:
        rel = path.relative_to(root)
    except ValueError:
        return False
    if not rel.parts or ".." in rel.parts:
        return False
    current = root
    for part in rel.parts[:-1]:
        current = current / part
        if current.is_symlink():
            return False
    return True


def prune(folder: Path, root: Path) -> None:
    """Remove folders left empty by a removal, up to (not including) the output root."""
    while folder != root and folder.is_dir() and not folder.is_symlink():
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
