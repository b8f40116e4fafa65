"""Seller text with HTML, scripts, Markdown and template syntax stays literal and inert."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import pytest

from tests.conftest import POLICIES, build_project

PAYLOADS = ("window.__pwned", "{{ 7*7 }}", "%(x)s")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(tmp_path_factory.mktemp("hostile"), POLICIES / "hostile.yaml")


def pages(root: Path) -> list[Path]:
    return sorted([*root.glob("site/**/*.html"), *root.glob("toolkit/**/*.html")])


def test_no_markup_from_the_seller_survives_in_any_page(hostile: Path) -> None:
    assert len(pages(hostile)) > 20
    for page in pages(hostile):
        text = page.read_text("utf-8")
        assert "<script>window.__pwned" not in text, page
        assert not re.search(r"<(img|iframe|div)[^>]*(onerror|onclick|javascript:)", text), page
        assert not re.search(r"""<[^>]*\s(href|src)=["']?javascript:""", text), page
        assert "</li></ul><script>" not in text, page


def test_seller_text_is_shown_as_typed(hostile: Path) -> None:
    policy = html.unescape(
        re.sub(r"<[^>]+>", "", (hostile / "site/en/policy/index.html").read_text("utf-8")))
    assert "{% for x in range(3) %}loop{% endfor %} ${{ 7*7 }}" in policy
    assert "loop loop loop" not in policy and "$49" not in policy
    assert "[a link](javascript:window.__pwned='md')" in policy
    assert "%(window)s %s {0} {{ f.email }}" in policy
    assert "&lt;b&gt;" in policy, "an entity the seller typed is shown, not decoded"
    assert "</li></ul><script>window.__pwned = 'wording'</script>" in policy


def test_email_replies_and_exports_stay_literal(hostile: Path) -> None:
    snippets = hostile / "snippets" / "en"
    for reply in (snippets / "replies").glob("*.html"):
        text = reply.read_text("utf-8")
        assert "<img" not in text and "<script" not in text
    body = (snippets / "replies" / "follow-up.txt").read_text("utf-8")
    assert body.endswith("Evil <img src=x onerror=\"window.__pwned='name'\"> {{ 7*7 }} "
                         "%(x)s & Co\n"), "plain text keeps the name exactly"
    macros = json.loads((snippets / "exports" / "zendesk-macros.json").read_text("utf-8"))
    assert macros["macros"][0]["title"].startswith("Evil <img")
    assert "<img" not in macros["macros"][0]["actions"][1]["value"]
    rows = list(csv.DictReader(io.StringIO((snippets / "exports" / "replies.csv")
                                           .read_text("utf-8"), newline="")))
    assert rows[-1]["body"] == body
    email = (snippets / "email" / "order-confirmation.html").read_text("utf-8")
    assert "<script" not in email


def test_structured_data_cannot_close_its_script(hostile: Path) -> None:
    page = (hostile / "site/en/policy/index.html").read_text("utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert block is not None
    data = json.loads(block.group(1))
    assert data["name"].startswith("Evil <img src=x")
