"""The README's tables and command output are the code's: `python -m tests.readme`."""

from __future__ import annotations

from tests.readme import BLOCK, PARTS, README, generated


def test_every_generated_part_of_the_readme_is_up_to_date() -> None:
    text = README.read_text("utf-8")
    assert {m.group(2) for m in BLOCK.finditer(text)} == set(PARTS), "every part is used"
    assert generated(text) == text, "run `python -m tests.readme` and review the diff"
