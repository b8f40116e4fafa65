"""Earlier versions of the policy, with their facts: one file per version in a
`history/` folder beside the policy (`policies/history/2.yaml`).

A history file is the whole policy file as it was while that version was in force: the
seller copies `policies/shop.yaml` there before changing it, or `shop-policy history`
writes it from git. The site publishes each version at its own address, the changes
page says what changed in facts, and the advisor judges an order by the version in
force on its order date.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from shop_policy.errors import PolicyError, Problem
from shop_policy.read.load import Document, load
from shop_policy.read.model import Policy

HISTORY = "history"

def history_folder(policy_path: Path) -> Path:
    return Path(policy_path).parent / HISTORY


def with_history(policy: Policy, policy_path: Path,
                 validate: Callable[[Document], Policy]) -> Policy:
    """`policy` with the earlier versions from its history folder attached. `validate`
    is read.validate.validate (passed in: it imports this module). Raises PolicyError
    listing every problem of every history file."""
    folder = history_folder(policy_path)
    if not folder.is_dir():
        return policy
    earlier: list[Policy] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            doc = load(path)
            old = validate(doc)
        except PolicyError as exc:
            problems.extend(exc.problems)
            continue
        found = list(_mismatches(doc, old, policy, path))
        problems.extend(found)
        if not found:
            earlier.append(old)
    if problems:
        raise PolicyError(problems)
    policy._earlier = tuple(sorted(earlier, key=lambda p: p.version.effective_date))
    return policy


def _mismatches(doc: Document, old: Policy, current: Policy, path: Path
                ) -> Iterator[Problem]:
    number = old.version.number
    listed = {c.number: c for c in current.version.changes}

    def problem(key: str, message: str) -> Problem:
        line, column = doc.locate(tuple(key.split(".")))
        return Problem(str(path), line, column, key, message)

    if path.stem != number:
        yield problem("version.number", f"is '{number}', but the file is named "
                      f"{path.name}; name it {number}.yaml, one file per version")
    elif number not in listed:
        yield problem("version.number", f"'{number}' is not among version.changes of the "
                      "current policy; add it there with its date and summary, or remove "
                      "this file")
    elif listed[number].date != old.version.effective_date:
        yield problem("version.effective_date", f"{old.version.effective_date} differs from "
                      f"the date of version {number} in the current policy's "
                      f"version.changes ({listed[number].date}); make them the same day")
