"""The README's tables and command output, made from the code so they cannot drift.

Each generated part of README.md sits between `<!-- generated: NAME -->` and
`<!-- end generated -->`. `python -m tests.readme` rewrites them; the suite checks
that the README is up to date (tests/test_readme.py).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable

from tests.conftest import EXAMPLE, ROOT

README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- generated: ([a-z-]+) -->\n)(.*?)(<!-- end generated -->)", re.S)


def lint_rules() -> str:
    from shop_policy.checks.policy_lint import RULES

    rows = ["| code | severity | rule | source |", "| --- | --- | --- | --- |"]
    rows += [f"| {r.code} | {r.severity} | {r.summary.rstrip('.')} | {r.source} |"
             for r in RULES]
    return "\n".join(rows) + "\n"


def law_duties() -> str:
    from shop_policy.checks.law import DUTIES

    rows = ["| code | where the shop sells to | every locale's texts say | in | source |",
            "| --- | --- | --- | --- | --- |"]
    for duty in DUTIES:
        files = ", ".join(f"`{rel}`" for _, rel, _ in duty.files)
        rows.append(f"| {duty.code} | {', '.join(sorted(duty.markets))} | {duty.what} | "
                    f"{files} | {duty.source} |")
    return "\n".join(rows) + "\n"


def law_floor() -> str:
    from shop_policy.rules.law import LAW

    rows = ["| market | right of withdrawal | refund | guarantee for faults | source |",
            "| --- | --- | --- | --- | --- |"]
    for floor in LAW.values():
        w, g = floor.withdrawal, floor.guarantee
        right = f"{w.days} days from {w.starts}" if w else "none"
        refund = (f"{w.refund_days} days from the buyer's "
                  f"{'notice' if w.refund_from == 'notice' else 'goods or proof of sending'}"
                  f"{', same means of payment' if w.same_means else ''}") if w else "-"
        guarantee = ("none in law" if g is None else "a reasonable time" if not g.years
                     else f"{g.years} years" + (" to bring a claim" if g.years_count == "claim"
                                                else "")) + (
            f", reject within {g.reject_days} days" if g and g.reject_days else "")
        sources = "; ".join(part.source for part in (w, g) if part is not None) or \
            "; ".join(source for _, source in floor.duties)
        rows.append(f"| {floor.name} | {right} | {refund} | {guarantee} | {sources} |")
    rows += ["", "Where a country goes further than its market:", "",
             "| country | what differs | source |", "| --- | --- | --- |"]
    rows += [f"| {note.country} | {note.note} | {note.source} |"
             for floor in LAW.values() for note in floor.notes]
    return "\n".join(rows) + "\n"


def commands() -> str:
    from shop_policy.cli import main

    rows = ["| command | does |", "| --- | --- |"]
    for name, command in sorted(main.commands.items()):
        rows.append(f"| `{name}` | {command.get_short_help_str(limit=200).rstrip('.')} |")
    return "\n".join(rows) + "\n"


ADVISE = ["advise", "--order-date", "2026-10-25", "--shipped", "2026-10-27", "--delivered",
          "2026-10-31", "--today", "2026-11-26", "--reason", "change_of_mind",
          "--marketplace", "etsy"]


def advise_example() -> str:
    pairs = [" ".join(ADVISE[i:i + 2]) for i in range(1, len(ADVISE), 2)]
    lines = [" ".join(pairs[i:i + 2]) for i in range(0, len(pairs), 2)]
    shown = f"{ADVISE[0]} " + " \\\n    ".join(lines)
    done = subprocess.run([sys.executable, "-m", "shop_policy", *ADVISE, "--policy",
                           str(EXAMPLE)], capture_output=True, text=True, check=True)
    advice = done.stdout.split("\n\n=== ")[0].rstrip("\n")
    return (f"```sh\n.venv/bin/shop-policy {shown}\n```\n\n```text\n{advice}\n```\n")


PARTS: dict[str, Callable[[], str]] = {"lint-rules": lint_rules, "commands": commands,
                                       "advise-example": advise_example,
                                       "law-duties": law_duties, "law-floor": law_floor}


def generated(text: str) -> str:
    """`text` with every generated part made anew."""
    return BLOCK.sub(lambda m: m.group(1) + PARTS[m.group(2)]() + m.group(4), text)


def main() -> None:
    README.write_text(generated(README.read_text("utf-8")), "utf-8")
    print(f"wrote {README.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
