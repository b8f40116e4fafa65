"""History: each file in policies/history/ is the policy as git last recorded it under
that version number, and each earlier version git knows has its file.

Nothing is checked outside a git repository, or for versions git never saw (a policy
kept elsewhere before). Git is asked read-only: `git log` and `git show`.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from shop_policy.checks.finding import Finding, Severity
from shop_policy.errors import PolicyError
from shop_policy.read.history import history_folder
from shop_policy.read.load import loads
from shop_policy.read.model import Policy
from shop_policy.read.validate import log as quiet
from shop_policy.read.validate import validate

_MOST_COMMITS = 200  # a policy changes a few times a year; this is decades of history


def _git(cwd: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False,
                              timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def _committed(policy_path: Path) -> dict[str, tuple[str, Policy]]:
    """For each version number git has of the policy file: its newest commit and facts."""
    folder = policy_path.resolve().parent
    log = _git(folder, "log", f"-{_MOST_COMMITS}", "--format=%H", "--", policy_path.name)
    if not log:
        return {}

    found: dict[str, tuple[str, Policy]] = {}
    for commit in log.split():
        text = _git(folder, "show", f"{commit}:./{policy_path.name}")
        if text is None:
            continue
        was, quiet.disabled = quiet.disabled, True  # old warnings are not today's
        try:
            policy = validate(loads(text.encode("utf-8"), policy_path.name))
        except PolicyError:
            continue
        finally:
            quiet.disabled = was
        found.setdefault(policy.version.number, (commit, policy))
    return found


def _differences(a: Any, b: Any, path: str = "") -> Iterator[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            yield from _differences(a.get(key), b.get(key), f"{path}.{key}" if path else key)
    elif a != b:
        yield path


def history_findings(policy_path: Path, policy: Policy) -> Iterator[Finding]:
    committed = _committed(Path(policy_path))
    kept = {v.version.number for v in policy.versions[:-1]}
    folder = history_folder(policy_path)
    for number, (commit, then) in committed.items():
        if number == policy.version.number:
            continue
        target = folder / f"{number}.yaml"
        fix = (f"write it from git with: git show {commit[:12]}:./{Path(policy_path).name} "
               f"> {target}")
        if number not in kept:
            yield Finding("history", "HISTORY-MISSING", Severity.WARNING, str(target), 0, 0,
                          f"version {number} is in git (commit {commit[:12]}) but has no "
                          "history file, so orders placed under it are judged by the "
                          f"current rules; {fix}")
            continue
        kept_policy = next(v for v in policy.versions if v.version.number == number)
        changed = list(_differences(
            then.model_dump(mode="json", exclude={"version"}),
            kept_policy.model_dump(mode="json", exclude={"version"})))
        if changed:
            yield Finding("history", "HISTORY-DIFFERS", Severity.ERROR, str(target), 0, 0,
                          f"differs from version {number} as committed in {commit[:12]} "
                          f"({', '.join(changed[:5])}); a history file is a record: {fix}")
