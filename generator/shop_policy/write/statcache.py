"""What each generated file looked like on disk (size, time, inode) when its content was
last known to match its manifest, so that a run need not read it again to know that
nobody edited it. A cache only: a missing, damaged or stale entry means reading the file.

Deleting a file is never decided from here: a removal always compares the content.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from shop_policy.write.files import atomic_write

CACHE = ".shop-policy-stats.json"
Known = dict[str, list[int]]


def stat_of(path: Path) -> list[int] | None:
    """Size, modification time and inode of a regular file (not through a link)."""
    try:
        found = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return [found.st_size, found.st_mtime_ns, found.st_ino]


def load(anchor: Path, root: Path) -> Known:
    try:
        data = json.loads((anchor / CACHE).read_text("utf-8"))
        known = data[str(root.resolve())]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return known if isinstance(known, dict) else {}


def save(anchor: Path, folders: dict[Path, list[str]]) -> None:
    """Note how each listed file of each folder looks now (just after a run wrote it)."""
    try:
        data = json.loads((anchor / CACHE).read_text("utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    for root, names in folders.items():
        data[str(root.resolve())] = {rel: stat for rel in names
                                     if (stat := stat_of(root / rel)) is not None}
    try:
        atomic_write(anchor / CACHE, json.dumps(data, sort_keys=True).encode("utf-8"))
    except OSError:
        return  # an unwritable cache only costs time
