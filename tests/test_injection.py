"""Seller text with HTML, scripts, Markdown and template syntax stays literal and inert."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests import everywhere
from tests.conftest import POLICIES, build_project, example_locales
from tests.everywhere import Hostile

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


URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data",
                  "xlink:href", "background", "cite", "ping"}


class _Attributes(HTMLParser):
    """Every (tag, attribute, value) of a page, and of the pages inside its srcdoc frames."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            self.found.append((tag, name, value or ""))
            if name == "srcdoc" and value:
                self.found.extend(attributes(value))


def attributes(text: str) -> list[tuple[str, str, str]]:
    parser = _Attributes()
    parser.feed(text)
    parser.close()
    return parser.found


def problems(root: Path, shop: str) -> list[tuple[str, str, str, str]]:
    """Every handler attribute, and every address that leaves the site for somewhere
    other than the shop's own website (`shop`, a host name) or Material's home, in the
    built pages under `root`."""
    found = []
    for page in pages(root):
        for tag, name, value in attributes(page.read_text("utf-8")):
            if name.startswith("on") or (name in URL_ATTRIBUTES and _leaves(value, shop)):
                found.append((page.relative_to(root).as_posix(), tag, name, value))
    return found


def _leaves(address: str, shop: str) -> bool:
    url = urlsplit(address.strip())
    if url.scheme in ("javascript", "data", "vbscript"):
        return True
    return url.scheme in ("", "http", "https") and url.netloc not in (
        "", shop, "squidfunk.github.io")


def test_no_event_handler_or_foreign_link_in_any_page(hostile: Path) -> None:
    """The seller's email, version and change numbers stay text: Markdown's attribute
    lists cannot give an element a handler, and a link the seller typed is no link."""
    assert problems(hostile, "test-shop.example") == []


@pytest.fixture(scope="module")
def everywhere_built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Hostile]:
    root = tmp_path_factory.mktemp("everywhere")
    found = everywhere.write(root / "everywhere.yaml")
    return build_project(root, root / "everywhere.yaml"), found


EXAMPLE_LOCALES = example_locales()


def _field(path: tuple[str | int, ...]) -> str:
    """A path's field: "shop.return_address" for ("shop", "return_address", 2), and
    "refunds.extra_text" for ("refunds", "extra_text", "de")."""
    return ".".join(str(p) for p in path
                    if not isinstance(p, int) and p not in EXAMPLE_LOCALES)


@pytest.mark.slow
def test_hostile_text_in_every_field_stays_inert(everywhere_built: tuple[Path, Hostile]
                                                ) -> None:
    """The example with hostile text in every string field the model takes (see
    tests/everywhere.py): every page of every locale is free of handlers and links out."""
    root, found = everywhere_built
    covered = {_field(path) for path in found.covered}
    skipped = sorted({_field(path) for path in found.skipped} - covered)
    assert len(found.covered) >= 90, f"too few fields took hostile text; skipped: {skipped}"
    for name in ("version.number", "version.changes.number", "version.changes.summary",
                 "shop.name", "shop.email", "shop.website", "shop.return_address",
                 "cancellation.extra_text", "returns.non_returnable.wording",
                 "refunds.extra_text", "damaged_items.extra_text", "marketplace_notes.ebay"):
        assert name in covered, (name, skipped)
    assert len(pages(root)) > 150
    assert problems(root, "shop.example") == []


def test_changes_table_keeps_each_summary_in_its_row(hostile: Path) -> None:
    page = (hostile / "site/en/changes/index.html").read_text("utf-8")
    table = re.search(r"<table>(.*?)</table>", page, re.S)
    assert table is not None
    rows = re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)
    cells = [[html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
              for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)] for row in rows]
    assert [len(row) for row in cells] == [3, 3, 3]
    assert cells[1][0] == "*a*{onclick=alert()}"
    assert cells[2][0] == "1 | 2"
    assert cells[2][2].startswith("Before | after | [[buyer_name]]")
    assert cells[2][2].endswith("A second paragraph, still in its row.")


def shown(page: Path) -> str:
    """The text a reader sees on a built page: no scripts, no tags, entities decoded."""
    text = re.sub(r"<script\b.*?</script>", "", page.read_text("utf-8"), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def test_email_and_version_are_shown_as_typed(hostile: Path) -> None:
    policy = shown(hostile / "site/en/policy/index.html")
    assert "*a*{onmouseover=window.__pwned=1}@test-shop.example" in policy
    assert "(version [x](//evil.example))" in policy
    page = (hostile / "site/en/index.html").read_text("utf-8")
    assert 'href="mailto:*a*{onmouseover=window.__pwned=1}@test-shop.example"' in page


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


TEMPLATES = Path(__file__).resolve().parent.parent / "generator" / "shop_policy" / "templates"
# Names under which templates see the policy, its facts, replies and the seller's lines.
POLICY_DATA = re.compile(r"^(p|f|c|r|rf|d|change|reply|item|line)\b")
INERT = re.compile(r"\|\s*(md|tojson|lines)\b[^|]*$")


def test_markdown_templates_make_every_policy_value_inert() -> None:
    """Outside {% trans %} (where the environment escapes each value), a Markdown template
    prints the policy's values only through `md` (or as JSON, or as plain-text lines)."""
    checked = 0
    for path in sorted(TEMPLATES.rglob("*.md.j2")):
        source = re.sub(r"\{% trans\b.*?\{% endtrans %\}", "", path.read_text("utf-8"),
                        flags=re.S)
        for expression in re.findall(r"\{\{-?\s*(.*?)\s*-?\}\}", source, flags=re.S):
            # Ids and page names are made by shop-policy, never from the seller's text.
            if POLICY_DATA.match(expression) and expression not in {"reply.id", "change.page"}:
                checked += 1
                assert INERT.search(expression), (path.name, expression)
    assert checked >= 15
