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


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/shop-policy, else ~/.cache/shop-policy (with no home folder, one
    in the temporary folder)."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = os.path.join(Path.home(), ".cache")
        except RuntimeError:
            base = os.path.join(tempfile.gettempdir(), f"cache-{os.getuid()}")
    return Path(base) / "shop-policy"


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
