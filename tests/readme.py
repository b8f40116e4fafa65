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
                                       "advise-example": advise_example}


def generated(text: str) -> str:
    """`text` with every generated part made anew."""
    return BLOCK.sub(lambda m: m.group(1) + PARTS[m.group(2)]() + m.group(4), text)


def main() -> None:
    README.write_text(generated(README.read_text("utf-8")), "utf-8")
    print(f"wrote {README.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
