"""The embeddable copy: the policy and its key facts as HTML fragments a seller pastes
into a page of their own, styled inline, with every link leading to the published site,
and the seller's text shown as typed."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.golden import CASES, render_case


class Parsed(HTMLParser):
    """Every start tag with its attributes, and every id."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("locale", ["en", "de", "ar"])
@pytest.mark.parametrize("name", ["policy", "facts"])
def test_each_fragment_stands_alone(locale: str, name: str) -> None:
    files = render_case(CASES["example"])
    text = files[f"snippets/{locale}/embed/{name}.html"]
    parsed = Parsed(text)
    first_tag, first = parsed.tags[0]
    assert first_tag == "div" and first["dir"] == ("rtl" if locale == "ar" else "ltr")
    ids = {attrs["id"] for _, attrs in parsed.tags if attrs.get("id")}
    for tag, attrs in parsed.tags[1:]:
        assert tag not in ("script", "form", "style", "link"), tag
        if tag not in ("strong", "em", "br", "code", "bdi"):  # inherit their block's style
            assert attrs.get("style"), f"<{tag}> has no inline style"
        href = attrs.get("href")
        if href is not None:
            assert href.startswith(("https://fernandkiln.example/policies/", "mailto:")) or \
                href[1:] in ids, href
    assert "In short" in text or locale != "en"
    if name == "policy":
        assert {"returns", "damaged-items", "how-to-return"} <= ids
        assert "sp-check" not in text  # the checker needs the site's script
        assert f"https://fernandkiln.example/policies/{locale}/changes/" in text


def test_the_seller_text_is_shown_as_typed_never_run() -> None:
    files = render_case(CASES["hostile"])
    fragments = {path: text for path, text in files.items() if "/embed/" in path}
    assert fragments
    for path, text in fragments.items():
        for tag, attrs in Parsed(text).tags:
            assert tag not in ("script", "img", "iframe", "svg", "object"), (path, tag)
            assert not [name for name in attrs if name.startswith("on")], (path, tag)
            assert not (attrs.get("href") or "").lower().startswith("javascript"), path
    # The hostile shop's name is there, as text.
    assert any("&lt;" in text for text in fragments.values())
