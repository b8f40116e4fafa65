"""The order-confirmation snippet: inline styles only, nothing a mail client strips."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.golden import CASES, render_case


class Inspect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def snippet(case: str) -> tuple[str, str]:
    files = render_case(CASES[case])
    return (files["snippets/en/email/order-confirmation.html"],
            files["snippets/en/email/order-confirmation.txt"])


@pytest.mark.parametrize("case", sorted(CASES))
def test_html_uses_inline_styles_only(case: str) -> None:
    html, _ = snippet(case)
    page = Inspect()
    page.feed(html)
    assert set(page.tags) <= {"table", "tr", "td", "a"}
    for tag, attrs in page.attrs:
        assert "class" not in attrs and "id" not in attrs
        assert not any(name.startswith("on") for name in attrs), "no event handlers"
        if tag == "td":
            assert "style" in attrs
        if tag == "a":
            href = attrs["href"] or ""
            assert href.startswith(("https://", "mailto:")), href
    assert "<style" not in html and "<script" not in html and "<link" not in html
    assert "src=" not in html, "no external resources such as images"
    assert "display:flex" not in html and "position:" not in html, "layouts Outlook breaks"
    assert len(html.encode("utf-8")) < 8_000


@pytest.mark.parametrize("case", sorted(CASES))
def test_html_and_text_state_the_same_rules(case: str) -> None:
    html, text = snippet(case)
    page = Inspect()
    page.feed(html)
    visible = " ".join("".join(page.text).split())
    rules = [line[2:] for line in text.splitlines() if line.startswith("- ")]
    assert len(rules) >= 3, text
    for rule in rules:
        assert rule in visible


def test_example_snippet_restates_the_key_rules() -> None:
    html, text = snippet("example")
    assert "- You can cancel within 24 hours of ordering." in text
    assert ("- Changed your mind? Return it within 30 days of delivery, unused and in its "
            "original packaging.") in text
    assert "- You pay return postage when you change your mind." in text
    assert "Our full policy: https://fernandkiln.example/policies/en/policy/" in text
    assert 'href="https://fernandkiln.example/policies/en/policy/"' in html
    assert 'href="mailto:hello@fernandkiln.example"' in html


def test_snippet_follows_the_policy() -> None:
    _, text = snippet("strict")
    assert "- Orders cannot be cancelled once placed." in text
    assert "- No returns for a change of mind." in text
    _, text = snippet("fees")
    assert "- Return postage for a change of mind costs a flat £3.95." in text
