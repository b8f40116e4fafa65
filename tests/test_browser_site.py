"""The public site as a buyer meets it, in Chromium at desktop and phone widths, in
English, German and Arabic: the facts first, how to return, "Can I still return it?"
answering as `shop-policy advise` does, search in each language, the language selector,
the shop's footer, and the keyboard."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from babel.dates import get_timezone_name

from shop_policy.casework.advisor import Case, decision_table, windows
from shop_policy.read.validate import read_policy
from shop_policy.text import labels
from shop_policy.text.translations import translations
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.browser

LOCALES = ("en", "de", "ar")
WIDTHS = (1280, 390)


def open_page(browser: object, url: str, width: int, today: str | None = None) -> object:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    if today:
        page.add_init_script(f"window.SP_TODAY = {today!r};")
    page.goto(url)
    return page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("locale", LOCALES)
def test_the_start_page_shows_the_facts_each_linked_to_its_clause(
        browser: object, base_url: str, locale: str, width: int) -> None:
    page = open_page(browser, f"{base_url}/site/{locale}/", width)
    card = page.locator(".admonition.sp-facts")
    assert card.is_visible()
    links = card.locator("li > strong > a")
    assert links.count() >= 6
    targets = [urlsplit(links.nth(i).get_attribute("href")) for i in range(links.count())]
    assert {t.fragment for t in targets} >= {"dispatch", "cancellation", "return-window",
                                             "return-shipping", "damaged-items",
                                             "refund-timeline"}
    links.first.click()
    page.wait_for_url("**/policy/#dispatch")
    assert page.locator("#dispatch").is_visible()
    # Every fact in the card is a sentence of the policy page's own words.
    policy = page.locator(".admonition.sp-facts").first.inner_text()
    assert policy.strip()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.problems == []
    page.context.close()


@pytest.mark.parametrize("locale", LOCALES)
def test_start_a_return_opens_a_message_in_the_buyer_language(
        browser: object, base_url: str, locale: str) -> None:
    page = open_page(browser, f"{base_url}/site/{locale}/policy/#how-to-return", 390)
    say = translations(locale).gettext
    button = page.locator("#how-to-return ~ p a.md-button--primary").first
    assert button.inner_text().strip() == say("Start a return")
    href = button.get_attribute("href")
    address, _, query = href.partition("?")
    assert address == "mailto:hello@fernandkiln.example"
    fields = {key: value[0] for key, value in parse_qs(query).items()}
    subject, lines = labels.RETURN_MAIL
    assert fields["subject"] == say(subject)
    assert fields["body"].splitlines() == [say(line) for line in lines]
    assert unquote(href).count("\n") == len(lines)
    # The address is set apart in a box under the steps.
    box = page.locator(".admonition.sp-address")
    assert "Unit 4, Old Mill Yard" in box.inner_text()
    assert page.locator("#how-to-return + ol > li").count() == 4
    page.context.close()


TODAY = "2026-12-02"
# (reason, day it arrived): open, last day, closed for each window of the example.
CHECKS = [("change_of_mind", "2026-11-20"), ("change_of_mind", "2026-11-02"),
          ("change_of_mind", "2026-10-01"), ("faulty", "2026-11-20"),
          ("damaged_in_transit", "2026-11-02"), ("not_as_described", "2026-09-30"),
          ("faulty", "2026-12-05")]


def advised(reason: str, arrived: str) -> tuple[str, str]:
    """What `advise` says of the window for this case: its state and last day."""
    policy = read_policy(EXAMPLE)
    day = dt.date.fromisoformat(arrived)
    today = dt.date.fromisoformat(TODAY)
    if day > today:
        return "future", ""
    case = Case(order_date=day - dt.timedelta(days=3), shipped_date=day - dt.timedelta(days=2),
                delivered_date=day, today=today, reason=reason)
    found = windows(decision_table(policy), case)["return" if reason == "change_of_mind"
                                                   else "report"]
    state = "last_day" if found["state"] == "open" and found["days"] == 0 else found["state"]
    return state, found["end"]


@pytest.mark.parametrize("locale", LOCALES)
def test_can_i_still_return_it_answers_as_advise_does(browser: object, base_url: str,
                                                      locale: str) -> None:
    page = open_page(browser, f"{base_url}/site/{locale}/policy/#check", 390, today=TODAY)
    form = page.locator("#sp-check")
    assert form.is_visible()
    say = translations(locale).gettext
    for reason, arrived in CHECKS:
        form.locator("#sp-check-reason").select_option(reason)
        form.locator("#sp-check-day").fill(arrived)
        form.locator("button[type=submit]").click()
        answer = form.locator("#sp-check-answer")
        state, end = advised(reason, arrived)
        assert (answer.get_attribute("data-state"), answer.get_attribute("data-end")) == \
            (state, end), (reason, arrived)
        kind = "return" if reason == "change_of_mind" else "report"
        key = "future" if state == "future" else f"{kind}.{state}"
        words = say(labels.CHECKER[key]).split("{end}")[0].strip()
        assert answer.inner_text().startswith(words)
        if state in ("open", "last_day"):
            assert form.locator("#sp-check-next a").get_attribute("href").startswith(
                "mailto:hello@fernandkiln.example")
    # The shop's time zone and the last-day rule are stated under the form.
    zone = get_timezone_name("Europe/Dublin", width="long", locale=locale)
    assert page.locator("#sp-check-data + p").inner_text().strip() == \
        say(labels.CHECKER["zone"]) % {"zone": zone}
    assert page.problems == []
    page.context.close()


SEARCHES = {"en": "postage", "de": "Widerruf", "fr": "rétractation", "es": "desistimiento",
            "nl": "herroepingsrecht", "pl": "zwrot", "ar": "الإرجاع"}


@pytest.mark.parametrize("locale", sorted(SEARCHES))
def test_search_finds_a_word_in_each_language(browser: object, base_url: str,
                                              locale: str) -> None:
    page = open_page(browser, f"{base_url}/site/{locale}/policy/", 1280)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("s")
    query = page.locator("input.md-search__input")
    query.fill(SEARCHES[locale])
    query.dispatch_event("keyup")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.locator(".md-search-result__item").count() >= 1
    page.context.close()


@pytest.mark.parametrize(("locale", "name"), [("en", "English"), ("ar", "العربية")])
def test_the_language_selector_names_the_language_and_lists_all_without_scrolling(
        browser: object, base_url: str, locale: str, name: str) -> None:
    page = open_page(browser, f"{base_url}/site/{locale}/faq/", 390)
    assert page.locator(".sp-language__name").inner_text() == name
    page.locator(".md-header__option .md-select").hover()
    items = page.locator(".md-select__link")
    assert items.count() == 7
    assert items.last.is_visible()
    sizes = page.evaluate("(() => { const l = document.querySelector('.md-select__list');"
                          " return [l.scrollHeight, l.clientHeight]; })()")
    assert sizes[0] <= sizes[1]
    page.context.close()


@pytest.mark.parametrize(("start", "other", "name"), [("en", "de", "Deutsch"),
                                                      ("de", "ar", "العربية")])
def test_the_language_selector_keeps_the_clause(browser: object, base_url: str, start: str,
                                                other: str, name: str) -> None:
    page = open_page(browser, f"{base_url}/site/{start}/policy/#return-shipping", 1280)
    page.locator(".md-header__option .md-select").hover()
    page.locator(".md-select__link", has_text=name).click()
    page.wait_for_url(f"**/site/{other}/policy/#return-shipping")
    assert page.locator("#return-shipping").is_visible()
    page.context.close()


@pytest.mark.parametrize("locale", LOCALES)
def test_the_footer_names_the_shop_and_leads_back_to_it(browser: object, base_url: str,
                                                        locale: str) -> None:
    page = open_page(browser, f"{base_url}/site/{locale}/faq/", 390)
    footer = page.locator(".md-copyright")
    back = footer.locator("a").first
    assert back.inner_text() == translations(locale).gettext("Back to %(shop)s") % {
        "shop": "Fern & Kiln"}
    assert back.get_attribute("href") == "https://fernandkiln.example/"
    assert "Material" not in footer.inner_text()
    description = page.locator('meta[name="description"]').get_attribute("content")
    assert "Fern & Kiln" in description
    assert page.locator(".md-top").count() == 1  # back to the top on long pages
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_keyboard_reaches_the_content_soon_with_a_visible_ring(
        browser: object, base_url: str, width: int) -> None:
    """Past the header only (on a phone the closed menu holds no tab stops; on a desktop
    the skip link leads past the menus), with a 2-pixel focus ring."""
    page = open_page(browser, f"{base_url}/site/en/policy/", width)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className").startswith("md-skip")
    # The header (logo, languages, search) and the menu's five pages; the table of
    # contents comes after the text, where it is on screen.
    presses = 20
    for _ in range(presses):
        page.keyboard.press("Tab")
        size = page.evaluate("(r => [r.width, r.height])"
                             "(document.activeElement.getBoundingClientRect())")
        assert min(size) > 0, "a tab stop nobody can see: " + page.evaluate(
            "document.activeElement.outerHTML.slice(0, 120)")
        inside = page.evaluate("document.activeElement.closest('.md-content') !== null")
        if inside:
            break
    assert inside, "Tab never reached the page's content"
    ring = page.evaluate("getComputedStyle(document.activeElement).outlineWidth + ' ' + "
                         "getComputedStyle(document.activeElement).outlineStyle")
    assert ring == "2px solid"
    page.context.close()


@pytest.mark.parametrize("locale", LOCALES)
def test_headings_keep_their_permalink_out_of_the_line(
        browser: object, base_url: str, locale: str) -> None:
    """On a phone a heading that just fits its line does not wrap an empty second line
    for the permalink sign, and the sign does not widen the page."""
    for width in (320, 360, 390, 412):
        page = open_page(browser, f"{base_url}/site/{locale}/faq/", width)
        gaps = page.evaluate("""() => [...document.querySelectorAll(
            '.md-typeset :is(h1, h2, h3) > .headerlink')].filter(link => {
              const heading = link.parentElement;
              const before = heading.getBoundingClientRect().height;
              link.style.display = 'none';
              const after = heading.getBoundingClientRect().height;
              link.style.display = '';
              return before > after + 1;
            }).map(link => link.parentElement.textContent)""")
        assert gaps == [], f"{width}px: {gaps}"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.context.close()


def test_other_languages_cost_the_reader_no_failed_requests(
        browser: object, base_url: str) -> None:
    """The page names its translations for search engines without Material's script
    fetching a sitemap.xml beside each of them (which would fail on every page)."""
    context = browser.new_context()
    page = context.new_page()
    failed: list[str] = []
    sitemaps: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("request", lambda r: sitemaps.append(r.url) if "sitemap" in r.url else None)
    page.goto(f"{base_url}/site/de/policy/")
    page.wait_for_load_state("networkidle")
    assert page.locator('link[hreflang="fr"]').get_attribute("href") == \
        "https://fernandkiln.example/policies/fr/policy/"
    assert failed == []
    assert set(sitemaps) <= {f"{base_url}/site/de/sitemap.xml"}  # its own, for Material
    context.close()
