"""The full build: mkdocs strict mode, one folder per locale, byte-identical repeats."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from shop_policy.cli import main
from shop_policy.text.translations import translations
from tests.conftest import build_project, example_locales, make_project, tree


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        if tag == "a" and found.get("href"):
            self.hrefs.append(found["href"] or "")
        if tag == "html":
            self.lang = found.get("lang") or ""


def parse(path: Path) -> _Ids:
    parser = _Ids()
    parser.feed(path.read_text("utf-8"))
    return parser


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(tmp_path_factory.mktemp("built"))


def test_site_has_every_page(built: Path) -> None:
    site = built / "site"
    for page in ("en/index.html", "en/policy/index.html", "en/faq/index.html",
                 "en/404.html", "en/sitemap.xml", "index.html"):
        assert (site / page).is_file(), page


def test_root_index_sends_visitors_to_default_locale(built: Path) -> None:
    html = (built / "site" / "index.html").read_text("utf-8")
    assert '<meta http-equiv="refresh" content="0; url=en/">' in html
    assert '<a href="en/">Fern &amp; Kiln</a>' in html


def test_policy_sections_have_stable_anchors(built: Path) -> None:
    page = parse(built / "site" / "en" / "policy" / "index.html")
    assert page.lang == "en"
    for anchor in ("summary", "cancellation", "cancellation-after-dispatch", "returns",
                   "return-window", "return-condition", "return-shipping", "restocking-fee",
                   "non-returnable", "refunds", "refund-timeline", "refund-methods",
                   "store-credit", "partial-refunds", "damaged-items", "marketplaces", "etsy",
                   "ebay", "contact"):
        assert anchor in page.ids, anchor


def test_every_faq_answer_links_to_an_existing_clause(built: Path) -> None:
    policy = parse(built / "site" / "en" / "policy" / "index.html")
    faq = parse(built / "site" / "en" / "faq" / "index.html")
    clause_links = [h for h in faq.hrefs if h.startswith("../policy/#")]
    assert len(clause_links) >= 10
    for href in clause_links:
        assert href.split("#", 1)[1] in policy.ids, href


def test_no_external_requests_in_pages(built: Path) -> None:
    html = (built / "site" / "en" / "policy" / "index.html").read_text("utf-8")
    assert not re.search(r'src="(https?:)?//', html)
    for link in re.findall(r"<link [^>]*>", html):
        assert not re.search(r'href="(https?:)?//(?!fernandkiln\.example)', link), link


def test_seller_text_is_shown_literally(built: Path) -> None:
    html = (built / "site" / "en" / "policy" / "index.html").read_text("utf-8")
    assert "Stoneware is heavy and glaze can chip in transit." in html


def test_two_builds_are_byte_identical(built: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    make_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    assert tree(tmp_path / "site") == tree(built / "site")
    assert tree(tmp_path / "site_src") == tree(built / "site_src")


def test_second_build_rewrites_nothing(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(built)
    result = CliRunner().invoke(main, ["generate"])
    assert result.exit_code == 0
    assert result.output.startswith("0 written, ")


LOCALES = example_locales()


def test_example_checks_clean_in_strict_mode(built: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(built)
    result = CliRunner().invoke(main, ["check", "--strict"])
    assert result.exit_code == 0, result.output
    assert result.output == "0 errors, 0 warnings (strict)\n"


@pytest.mark.parametrize("locale", LOCALES)
def test_json_ld_in_every_locale_matches_the_policy(built: Path, locale: str) -> None:
    import json

    from shop_policy.rules.regions import EU

    page = (built / "site" / locale / "policy" / "index.html").read_text("utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert block is not None
    data = json.loads(block.group(1))
    assert data["@type"] == "OnlineStore" and data["name"] == "Fern & Kiln"
    policy = data["hasMerchantReturnPolicy"]
    assert policy["merchantReturnDays"] == 30
    assert policy["merchantReturnLink"] == (
        f"https://fernandkiln.example/policies/{locale}/policy/#returns")
    assert policy["returnPolicyCategory"] == "https://schema.org/MerchantReturnFiniteReturnWindow"
    assert policy["returnFees"] == "https://schema.org/ReturnFeesCustomerResponsibility"
    assert policy["itemDefectReturnFees"] == "https://schema.org/FreeReturn"
    assert policy["refundType"] == ["https://schema.org/FullRefund",
                                    "https://schema.org/StoreCreditRefund",
                                    "https://schema.org/ExchangeRefund"]
    assert policy["applicableCountry"] == [*EU, "GB", "US"]
    assert "restockingFee" not in policy


def test_every_locale_has_a_changes_page(built: Path) -> None:
    for locale in LOCALES:
        page = (built / "site" / locale / "changes" / "index.html").read_text("utf-8")
        assert "<table>" in page
        policy = (built / "site" / locale / "policy" / "index.html").read_text("utf-8")
        assert 'href="../changes/"' in policy


def test_the_site_root_answers_unknown_addresses_with_every_language(project: Path) -> None:
    """Hosts serve site/404.html for any unknown address, at any depth: its links are
    full addresses, one per language."""
    assert CliRunner().invoke(main, ["build", "--public-only"]).exit_code == 0
    page = (project / "site" / "404.html").read_text("utf-8")
    links = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', page)
    assert [lang for _, lang in links] == ["en", "de", "fr", "es", "nl", "pl", "ar"]
    assert all(href == f"https://fernandkiln.example/policies/{lang}/policy/"
               for href, lang in links)
    # Each language says that the page does not exist, in its own words and direction.
    assert '<li style="margin: 0 0 1rem" lang="ar" dir="rtl">' in page
    for locale in ("de", "ar"):
        said = translations(locale).gettext("This page does not exist.")
        assert said != "This page does not exist." and said in page


class _Links(HTMLParser):
    """The <link> elements of a page's head, as attribute dicts."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link":
            self.links.append(dict(attrs))


def test_each_page_names_the_same_page_in_every_language_by_full_address(
        built: Path) -> None:
    """hreflang for search engines: the policy page's German equivalent is the German
    policy page, not the German home page; x-default is the shop's default language."""
    locales = example_locales()
    for page in ("policy/index.html", "faq/index.html", "index.html"):
        parser = _Links()
        parser.feed((built / "site" / "de" / page).read_text("utf-8"))
        alternates = {link["hreflang"]: link["href"] for link in parser.links
                      if "alternate" in (link.get("rel") or "").split()
                      and link.get("hreflang")}
        path = page.removesuffix("index.html")
        assert alternates == {
            **{locale.replace("_", "-"): f"https://fernandkiln.example/policies/{locale}/"
               f"{path}" for locale in locales},
            "x-default": f"https://fernandkiln.example/policies/en/{path}"}


def test_arabic_pages_isolate_the_shop_name_in_their_sentences(built: Path) -> None:
    """Inside an Arabic sentence a Latin name keeps its own order (a name such as
    "Candle Co." keeps its final stop at its end); other languages need no isolation."""
    arabic = (built / "site" / "ar" / "policy" / "index.html").read_text("utf-8")
    assert "الشراء من <bdi>Fern &amp; Kiln</bdi>." in arabic
    footer = arabic[arabic.index('class="md-copyright'):]
    assert "<bdi>Fern &amp; Kiln</bdi>" in footer
    english = (built / "site" / "en" / "policy" / "index.html").read_text("utf-8")
    assert "<bdi>" not in english and "buy from Fern &amp; Kiln." in english
