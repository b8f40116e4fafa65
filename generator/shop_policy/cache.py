"""A small per-user cache for work that only depends on files' contents.

Entries are named by a hash of what they were made from, so a stale entry is never
read: a changed input simply has another name. The cache is an optimisation only; if
the folder cannot be made or written, everything still works, just more slowly.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import platformdirs


def cache_dir() -> Path:
    """The user's cache folder for shop-policy, where the platform keeps caches."""
    return Path(platformdirs.user_cache_dir("shop-policy", appauthor=False))


def key(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def read(kind: str, name: str) -> bytes | None:
    try:
        return (cache_dir() / kind / name).read_bytes()
    except OSError:
        return None


def write(kind: str, name: str, data: bytes) -> None:
    """Store an entry atomically (a reader sees the whole entry or none); never fails."""
    folder = cache_dir() / kind
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        try:
            os.write(handle, data)
        finally:
            os.close(handle)
        os.replace(temporary, folder / name)
    except OSError:
        return
