"""A build with nothing to do: the policy, the code that renders it, the site's look and
the day are what the last build saw, and every file it wrote is on disk as it left it.
Then rendering and comparing every text again would only confirm that; the build says
so instead. Any doubt (a missing or damaged record, a file that looks touched) means
the full build, which compares every file."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from shop_policy.paths import Paths
from shop_policy.read.model import Policy
from shop_policy.write import statcache
from shop_policy.write.journal import STATE_FILE
from shop_policy.write.manifest import Report, Survey

# Where the build's state keeps the fingerprint of what it was built from.
KEY = "inputs"
_PACKAGE = Path(__file__).parent


def inputs_key(policy: Policy, paths: Paths, *, toolkit: bool,
               today: dt.date | None = None) -> str:
    """What every output depends on besides the output folders themselves: the policy as
    read (its history and logo included), the package's files (templates, catalogs, code:
    by size and time, so an edited template counts), the shared site config, which
    folders are built, and the day (the version in force can change at midnight)."""
    digest = hashlib.sha256()
    brand = policy.shop.brand
    parts = [policy.model_dump_json(warnings=False), (brand.logo_url or "") if brand else "",
             str(today or dt.date.today()), str(toolkit),
             *(str(folder.resolve()) for folder in paths.outputs), _config(paths.base_config)]
    parts += _package_files()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def _config(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _package_files() -> list[str]:
    found = []
    for folder, dirs, files in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            path = os.path.join(folder, name)
            stat = os.stat(path)
            found.append(f"{os.path.relpath(path, _PACKAGE)}:{stat.st_size}:{stat.st_mtime_ns}")
    return found


def last_key(anchor: Path) -> str | None:
    """The inputs key the last complete build saved with its state, if any."""
    try:
        state = json.loads((anchor / STATE_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    key = state.get(KEY) if isinstance(state, dict) else None
    return key if isinstance(key, str) else None


def untouched(anchor: Path, surveys: Iterable[Survey]) -> Report | None:
    """Every output folder as the last run left it: each file its manifest records is on
    disk, looking as it did then (the stat cache). The report of a run that changed
    nothing, or None when any folder needs a closer look."""
    report = Report()
    for folder in surveys:
        known = statcache.load(anchor, folder.root)
        if not folder.recorded or folder.links:
            return None
        for rel in folder.recorded:
            if rel not in known or known[rel] != statcache.stat_of(folder.root / rel):
                return None
        report.unchanged.extend(folder.root / rel for rel in sorted(folder.recorded))
    return report
