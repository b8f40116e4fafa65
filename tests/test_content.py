"""What the pages say depends on the policy: a question appears only when it is relevant."""

from __future__ import annotations

import pytest

from shop_policy.checks.consistency import plain
from tests.golden import CASES, render_case


def page(case: str, name: str) -> str:
    return render_case(CASES[case])[f"site_src/en/{name}.md"]


@pytest.mark.parametrize(("question", "present_in", "absent_in"), [
    ("Is there a restocking fee?", ["fees"], ["example", "minimal", "strict"]),
    ("Can I have store credit instead of a refund?", ["example", "fees"], ["minimal", "strict"]),
    ("Can I exchange an item?", ["example", "fees"], ["minimal", "strict"]),
    ("Is there anything I cannot return?", ["example", "fees"], ["minimal", "strict"]),
    ("Can I keep a flawed item and get part of my money back?", ["example", "fees"],
     ["minimal", "strict"]),
    ("I bought through a marketplace. Does this policy apply?", ["example", "fees", "strict"],
     ["minimal"]),
    ("My order has already shipped. Can I still cancel?", ["example", "minimal", "fees"],
     ["strict"]),
    ("Who pays for return postage?", ["example", "minimal", "fees"], ["strict"]),
])
def test_faq_question_only_when_relevant(question: str, present_in: list[str],
                                         absent_in: list[str]) -> None:
    for case in present_in:
        assert f"## {question}" in page(case, "faq"), case
    for case in absent_in:
        assert question not in page(case, "faq"), case


def test_every_faq_answer_links_to_its_clause() -> None:
    for case in CASES:
        sections = page(case, "faq").split("\n## ")[1:]
        assert len(sections) >= 5, case
        for section in sections:
            assert "](policy.md#" in section, f"{case}: {section.splitlines()[0]}"


def test_cancellation_wording_follows_the_window() -> None:
    assert "You can cancel your order within 24 hours of placing it." in page("example",
                                                                              "policy")
    assert "Cancel any time until your order is dispatched." in page("fees", "policy")
    assert "it cannot be cancelled" in page("strict", "policy")


def test_return_postage_payer_and_flat_fee() -> None:
    assert "you pay for the return postage" in page("example", "policy")
    # Every value in a Markdown sentence is escaped ("£3\\.95"); a reader sees "£3.95".
    assert "take a flat fee of £3.95 off your refund" in plain(page("fees", "policy"))
    assert "We do not accept returns" in page("strict", "policy")


def test_seller_html_and_markdown_are_inert() -> None:
    policy = page("strict", "policy")
    assert "<b>" not in policy
    assert "&lt;b&gt;Bold&lt;/b&gt; Prints &amp; Co" in policy
    assert "](javascript:" not in policy
    assert r"\[your order\]\(javascript:alert\(1\)\)" in policy


def test_remedies_keep_the_sellers_order() -> None:
    text = page("example", "policy")
    assert text.index("1. a replacement") < text.index("1. a full refund") < text.index(
        "1. a partial refund")
