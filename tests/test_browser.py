"""The built sites in a real browser: Chromium (Debian's, or Playwright's own) driven by
Playwright. Without a Chromium these tests fail, naming the command that installs one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from shop_policy.read.validate import read_policy
from tests import everywhere
from tests.advice_cases import CASES, run_case
from tests.browsing import NO_CHROMIUM, find_chromium, serve
from tests.conftest import EXAMPLE, POLICIES, build_project, example_locales

pytestmark = pytest.mark.browser

def test_without_a_chromium_the_browser_tests_fail_and_say_how_to_install_one(
        tmp_path: Path) -> None:
    absent, folder, found = str(tmp_path / "absent"), str(tmp_path), tmp_path / "chromium"
    found.touch()
    assert find_chromium([None, absent, folder, str(found)]) == str(found)
    with pytest.raises(pytest.fail.Exception) as failed:
        find_chromium([None, absent, folder])
    assert str(failed.value) == NO_CHROMIUM


@pytest.mark.parametrize("path", ["site/en/", "site/en/policy/", "site/en/faq/",
                                  "toolkit/en/", "toolkit/en/email.html",
                                  "toolkit/en/advisor.html"])
def test_pages_load_cleanly(page: object, base_url: str, path: str) -> None:
    response = page.goto(f"{base_url}/{path}")
    assert response.status == 200
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator("h1").count() == 1
    page.wait_for_load_state("networkidle")
    assert page.problems == []


def test_root_redirects_to_default_locale(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/site/")
    page.wait_for_url(f"{base_url}/site/en/")
    assert "Fern & Kiln" in page.title()


def test_faq_links_lead_to_the_clause(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/site/en/faq/")
    page.locator("#return-postage ~ p a", has_text="Read the full rule").first.click()
    page.wait_for_url("**/policy/#return-shipping")
    assert page.locator("#return-shipping").is_visible()


def test_every_copy_button_copies_the_snippet_file(page: object, base_url: str,
                                                   site_root: Path) -> None:
    from shop_policy.outputs.replies import available
    from shop_policy.read.validate import read_policy

    replies = sorted((site_root / "snippets" / "en" / "replies").glob("*.txt"))
    assert len(replies) == len(available(read_policy(EXAMPLE))) >= 15
    for reply in replies:
        page.goto(f"{base_url}/toolkit/en/replies/{reply.stem}.html")
        page.evaluate("sessionStorage.clear()")
        # Placeholders still open: the first press only warns, the second copies.
        page.get_by_role("button", name="Copy reply").click()
        assert page.locator(".sp-warning").inner_text().startswith("Still to fill in: [[")
        assert page.locator("button[data-copied]").count() == 0
        page.get_by_role("button", name="Copy reply").click()
        page.wait_for_selector("button[data-copied]")
        assert page.locator(".sp-warning").inner_text() == ""
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == reply.read_text("utf-8"), reply.name
        html = page.evaluate("""async () => {
            const items = await navigator.clipboard.read();
            return await (await items[0].getType('text/html')).text();
        }""")
        assert html == reply.with_suffix(".html").read_text("utf-8")
    assert page.problems == []


def test_email_buttons_copy_html_and_text(page: object, base_url: str,
                                          site_root: Path) -> None:
    email = site_root / "snippets" / "en" / "email"
    page.goto(f"{base_url}/toolkit/en/email.html")
    page.get_by_role("button", name="Copy HTML code").click()
    page.wait_for_selector("button[data-copied]")
    assert page.evaluate("navigator.clipboard.readText()") == (
        email / "order-confirmation.html").read_text("utf-8")
    page.get_by_role("button", name="Copy plain text").click()
    page.wait_for_function("navigator.clipboard.readText().then(t => t.startsWith('CANC'))")
    assert page.evaluate("navigator.clipboard.readText()") == (
        email / "order-confirmation.txt").read_text("utf-8")
    frame = page.frame_locator("#sp-preview")
    assert frame.locator("td", has_text="You can cancel within 24 hours").count() == 1


EXAMPLE_CASES = {k: v for k, v in CASES.items() if v[0] == "example"}


def open_case(page: object, url: str, case: object) -> None:
    """The advisor page at `url`, with the dates and choices of `case` filled in."""
    page.goto(url)
    for field, value in (("#sp-order", case.order_date), ("#sp-shipped", case.shipped_date),
                         ("#sp-delivered", case.delivered_date), ("#sp-today", case.today)):
        page.fill(field, value.isoformat() if value else "")
    page.select_option("#sp-reason", case.reason)
    page.select_option("#sp-condition", case.condition)
    page.select_option("#sp-marketplace", case.marketplace)


@pytest.mark.parametrize(("title", "locale"), [(t, "en") for t in EXAMPLE_CASES] + [
    ("cancel a month after shipment, return window still open", "pl"),
    ("damaged, reported late on Etsy", "ar"),
    ("one day after the return window", "de")])
def test_advisor_form_agrees_with_the_command_line(page: object, base_url: str,
                                                   title: str, locale: str) -> None:
    from shop_policy.casework.advice import resolve

    values = EXAMPLE_CASES[title]
    policy, case = run_case(values)
    expected = resolve(policy, case, locale)
    open_case(page, f"{base_url}/toolkit/{locale}/advisor.html", case)
    page.locator("#sp-advisor button[type=submit]").click()
    assert page.locator("#sp-clauses li").all_inner_texts() == [
        c["text"] for c in expected.clauses]
    assert page.locator("#sp-resolutions li").all_inner_texts() == [
        r["text"] for r in expected.resolutions]
    assert page.locator("#sp-replies li a").evaluate_all(
        "links => links.map(a => a.dataset.reply)") == [r.id for r in expected.replies]
    assert page.input_value("#sp-today") == case.today.isoformat(), \
        "judged on the case's date, not the real today the page starts with"
    assert page.locator("#sp-evidence").text_content() == expected.evidence_text()
    if locale != "ar":  # Arabic dates: the browser writes Arabic digits, Babel Latin ones
        assert page.locator("#sp-filled pre").all_text_contents() == [
            r.body for r in expected.replies]
    assert page.problems == []


@pytest.mark.parametrize("locale", ["en", "de"])
def test_advisor_form_takes_what_the_command_takes(page: object, base_url: str,
                                                  locale: str) -> None:
    """The amount, the request, an open case: the page fills and orders as `advise`."""
    import dataclasses
    from decimal import Decimal

    from shop_policy.casework.advice import resolve

    policy, case = run_case(EXAMPLE_CASES["cancel a month after shipment, return window "
                                          "still open"])
    case = dataclasses.replace(case, amount=Decimal("42.50"), asked="exchange",
                               case_open=True)
    expected = resolve(policy, case, locale)
    open_case(page, f"{base_url}/toolkit/{locale}/advisor.html", case)
    page.select_option("#sp-asked", "exchange")
    page.fill("#sp-amount", "42.50" if locale == "en" else "42,50")
    page.check("#sp-case-open")
    page.locator("#sp-advisor button[type=submit]").click()
    assert page.locator("#sp-resolutions li").all_inner_texts() == [
        r["text"] for r in expected.resolutions]
    assert page.locator("#sp-filled pre").all_text_contents() == [
        r.body for r in expected.replies]
    credit = next(r.body for r in expected.replies if r.id == "offer-store-credit")
    assert expected.amounts["store_credit"] in credit
    assert page.locator("#sp-evidence").text_content() == expected.evidence_text()
    page.locator("#sp-filled details").first.locator("summary").click()
    page.locator("#sp-filled details").first.get_by_role("button").click()
    page.wait_for_selector("#sp-filled button[data-copied]")
    assert page.evaluate("navigator.clipboard.readText()") == expected.replies[0].body
    assert page.problems == []


LOCALES = example_locales()


@pytest.mark.parametrize("locale", LOCALES)
def test_every_locale_loads_cleanly(page: object, base_url: str, locale: str) -> None:
    for path in ("", "policy/", "faq/", "changes/"):
        response = page.goto(f"{base_url}/site/{locale}/{path}")
        assert response.status == 200
        assert page.get_attribute("html", "lang") == locale
        page.wait_for_load_state("networkidle")
    assert page.problems == []


def test_arabic_reads_right_to_left(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/site/ar/policy/")
    direction = page.evaluate(
        "getComputedStyle(document.querySelector('article')).direction")
    assert direction == "rtl"
    content = page.locator("article").bounding_box()
    heading = page.locator("article h2").first.bounding_box()
    # Right-aligned: the heading hugs the right edge of the article, not the left.
    assert (content["x"] + content["width"]) - (heading["x"] + heading["width"]) < 40


def test_each_line_of_an_arabic_reply_runs_in_its_own_direction(
        page: object, base_url: str, site_root: Path) -> None:
    """Every line aligns to the right, an address and a signature too; inside, each
    keeps its own direction, and a placeholder its brackets."""
    page.goto(f"{base_url}/toolkit/ar/replies/return-accepted.html")
    lines = page.locator("#sp-reply .sp-line")
    texts = lines.all_inner_texts()
    directions = lines.evaluate_all("ls => ls.map(l => getComputedStyle(l).direction)")
    by_text = dict(zip(texts, directions, strict=True))
    assert by_text["[[your_name]]"] == "ltr", "a placeholder line keeps its brackets"
    assert directions[0] == "rtl", "the Arabic greeting reads right to left"
    box = page.locator("#sp-reply").bounding_box()
    right = box["x"] + box["width"]
    for text in ("[[your_name]]", "Unit 4, Old Mill Yard", texts[0]):
        line = lines.filter(has_text=text).first
        ends = line.evaluate("l => { const r = document.createRange(); r.selectNodeContents(l);"
                             " const b = r.getBoundingClientRect(); return b.right; }")
        assert right - ends < 40, f"{text!r} does not align to the right"
    assert page.locator("#sp-reply bdi").filter(has_text="[[buyer_name]]").count() == 1
    shown = "\n".join(texts).replace("\u200b", "")
    body = (site_root / "snippets" / "ar" / "replies" / "return-accepted.txt").read_text(
        "utf-8")
    assert [line for line in shown.split("\n") if line.strip()] == \
        [line for line in body.split("\n") if line.strip()]


@pytest.mark.parametrize(("start", "target"), [("en", "de"), ("de", "ar"), ("ar", "fr")])
def test_language_selector_keeps_the_reader_on_the_same_page(
        page: object, base_url: str, start: str, target: str) -> None:
    page.goto(f"{base_url}/site/{start}/faq/")
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={target}]").click()
    page.wait_for_url(f"{base_url}/site/{target}/faq/")
    assert page.get_attribute("html", "lang") == target


@pytest.fixture(scope="module", params=["hostile.yaml", "everywhere"])
def hostile_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[tuple[str, Path, str]]:
    """A built policy full of payloads, served: (address, folder, the shop's origin).
    "everywhere" is the example with hostile text in every field the model takes."""
    root = tmp_path_factory.mktemp("hostile-browser")
    policy = POLICIES / "hostile.yaml"
    if request.param == "everywhere":
        policy = root / "everywhere.yaml"
        everywhere.write(policy, locales=["en", "ar"])  # every page of two, in a browser
    build_project(root, policy)
    website = urlsplit(read_policy(policy).shop.website)
    server, url = serve(root)
    yield url, root, f"{website.scheme}://{website.netloc}"
    server.shutdown()


# Every handler attribute, and every address outside the allowed origins, in a frame.
SCAN = """allowed => [...document.querySelectorAll("*")].flatMap(element =>
  [...element.attributes].filter(({name, value}) => {
    if (/^on/i.test(name)) return true;
    if (!/^(href|src|srcset|action|formaction|poster|data|xlink:href|cite|ping)$/i
        .test(name)) return false;
    const url = new URL(value, document.baseURI);
    return /^(javascript|data|vbscript):$/.test(url.protocol) ||
      (/^https?:$/.test(url.protocol) && !allowed.includes(url.origin));
  }).map(({name, value}) => `<${element.localName} ${name}="${value}">`))"""


def _inspect(tab: object, root: Path, path: str, allowed: list[str]) -> list[str]:
    """What is wrong on the page `tab` is loading: handler attributes, foreign addresses,
    and whether a script set window.__pwned."""
    if 'http-equiv="refresh"' in (root / path).read_text("utf-8"):  # the root pages
        tab.wait_for_url(lambda now: not now.endswith(path))
    tab.wait_for_load_state("load")
    tab.evaluate("""document.querySelectorAll("article *").forEach(
      e => e.dispatchEvent(new MouseEvent("mouseover", {bubbles: true})))""")
    found = [item for frame in tab.frames for item in frame.evaluate(SCAN, allowed)]
    return found + ([] if tab.evaluate("window.__pwned") is None else ["window.__pwned"])


@pytest.mark.slow
def test_injected_payloads_never_run(browser: object, hostile_site: tuple[str, Path, str]
                                     ) -> None:
    """Every page, site and toolkit: no dialog opens, no script the seller typed runs, no
    element has a handler attribute, nothing links to or loads from another origin."""
    url, root, shop = hostile_site
    allowed = [url, shop, "https://squidfunk.github.io"]  # Material's "Made with" link
    context = browser.new_context()
    dialogs: list[str] = []
    foreign: list[str] = []
    tabs = [context.new_page() for _ in range(4)]  # four pages load at a time
    for tab in tabs:
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        tab.on("request", lambda r: None if r.url.startswith((url, "data:", "about:"))
               else foreign.append(r.url))
    paths = sorted(p.relative_to(root).as_posix() for folder in ("site", "toolkit")
                   for p in (root / folder).rglob("*.html"))
    found = {}
    for start in range(0, len(paths), len(tabs)):
        batch = list(zip(tabs, paths[start:start + len(tabs)], strict=False))
        for tab, path in batch:
            tab.goto(f"{url}/{path}", wait_until="commit")
        found |= {path: bad for tab, path in batch if (bad := _inspect(tab, root, path,
                                                                          allowed))}
    tabs[0].goto(f"{url}/site/en/policy/")
    body = tabs[0].locator("article").inner_text()
    context.close()
    assert len(paths) > 20
    assert (dialogs, foreign, found) == ([], [], {})
    assert "{{ 7*7 }}" in body, "shown as typed"


A11Y_PAGES = [f"site/{locale}/{page}" for locale in LOCALES
              for page in ("", "policy/", "faq/", "changes/")] + [
    "toolkit/en/", "toolkit/en/email.html", "toolkit/en/advisor.html",
    "toolkit/en/replies/return-declined.html", "toolkit/ar/", "toolkit/ar/advisor.html"]


@pytest.mark.slow
def test_no_serious_accessibility_violations(browser: object, base_url: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context()
    page = context.new_page()
    found = {}
    for path in A11Y_PAGES:
        page.goto(f"{base_url}/{path}")
        violations = axe.run(page).response["violations"]
        serious = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations
                   if v["impact"] in ("serious", "critical")]
        if serious:
            found[path] = serious
    context.close()
    assert found == {}


@pytest.mark.parametrize("now", ["14:30", "14:31"])
def test_advisor_form_judges_a_window_in_hours_to_the_minute(page: object, base_url: str,
                                                            now: str) -> None:
    import dataclasses
    import datetime as dt

    from shop_policy.casework.advice import resolve
    from shop_policy.casework.advisor import Case
    from shop_policy.read.validate import read_policy

    policy = read_policy(EXAMPLE)
    case = Case(order_date=dt.date(2026, 10, 1), today=dt.date(2026, 10, 2),
                reason="change_of_mind")
    case = dataclasses.replace(case, order_time=dt.time(14, 30),
                               now=dt.time.fromisoformat(now))
    expected = resolve(policy, case, "en")
    open_case(page, f"{base_url}/toolkit/en/advisor.html", case)
    page.fill("#sp-order-time", "14:30")
    page.fill("#sp-now", now)
    page.locator("#sp-advisor button[type=submit]").click()
    shown = page.locator("#sp-clauses li").all_inner_texts()
    assert shown == [c["text"] for c in expected.clauses]
    assert shown[0] == ("Cancellation window open until October 2, 2026 14:30." if now == "14:30"
                        else "Cancellation window closed at October 2, 2026 14:30.")
    assert page.problems == []


def test_the_toolkit_works_opened_from_the_disk(browser: object, site_root: Path) -> None:
    """file://, as a seller opens toolkit/index.html: its front door leads to the
    default language's overview, links lead to pages (not folder listings), search
    finds a reply, the language selector leads to the same page in German, and the
    copy button copies the reply."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto((site_root / "toolkit" / "index.html").as_uri())
    page.wait_for_url("**/toolkit/en/index.html")
    page.locator(".md-content a", has_text="Return accepted").first.click()
    page.wait_for_url("**/toolkit/en/replies/return-accepted.html")
    assert page.locator("h1").inner_text().startswith("Return accepted (change of mind)")
    page.locator(".sp-copy").first.click()
    page.locator(".sp-copy").first.click()  # the first press warns of open placeholders
    page.wait_for_selector("button[data-copied]")
    copied = page.evaluate("navigator.clipboard.readText()")
    body = (site_root / "snippets/en/replies/return-accepted.txt").read_text("utf-8")
    assert copied.strip() == body.strip()
    german = page.locator("a.md-select__link[hreflang=de]").get_attribute("href")
    page.goto(page.url.rsplit("/", 1)[0] + "/" + german)
    assert page.url.endswith("/toolkit/de/replies/return-accepted.html")
    assert page.get_attribute("html", "lang") == "de"
    page.locator(".md-search__input").click()
    page.keyboard.type("Rückbuchung")  # the chargeback reply
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert results.count() >= 1
    assert problems == []
    context.close()


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_the_case_values_fill_every_reply_before_copying(
        browser: object, base_url: str, site_root: Path, locale: str) -> None:
    """Typed once on one page, the case's values fill the reply shown and copied, on that
    page and the next; dates read in the page's language; nothing is left to warn of."""
    context = browser.new_context(viewport={"width": 390, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{base_url}/toolkit/{locale}/replies/return-accepted.html")
    values = {"buyer_name": "Aoife", "order_number": "FK-1042", "your_name": "Niamh"}
    for name, value in values.items():
        page.fill(f".sp-fill__form input[name={name}]", value)
    shown = page.locator("#sp-reply").inner_text()
    assert "Aoife" in shown and "[[buyer_name]]" not in shown
    page.get_by_role("button", name=re.compile("Copy reply|نسخ")).first.click()
    page.wait_for_selector("button[data-copied]")
    body = (site_root / "snippets" / locale / "replies" / "return-accepted.txt").read_text(
        "utf-8")
    expected = body
    for name, value in values.items():
        expected = expected.replace(f"[[{name}]]", value)
    assert page.evaluate("navigator.clipboard.readText()") == expected
    html = page.evaluate("""async () => {
        const items = await navigator.clipboard.read();
        return await (await items[0].getType('text/html')).text();
    }""")
    assert "Aoife" in html and "Niamh" in html and "[[" not in html
    # The next reply is filled as well, its dates in the page's language.
    page.goto(f"{base_url}/toolkit/{locale}/replies/not-received.html")
    page.fill(".sp-fill__form input[name=shipped_date]", "2026-11-03")
    text = page.locator("#sp-reply").inner_text()
    assert "Aoife" in text
    assert ("November 3, 2026" in text) if locale == "en" else ("2026-11-03" not in text)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


@pytest.mark.parametrize(("locale", "width"), [("en", 1280), ("ar", 390)])
def test_the_advisor_says_which_date_conflicts_and_keeps_its_state(
        browser: object, base_url: str, locale: str, width: int) -> None:
    """A dispatch before the order marks that field and says so next to the button, with
    no empty headings; the form's state is in the address, so it survives a reply's link
    and the way back; "judge the case on" starts at the seller's own day."""
    from shop_policy.casework.wording import DATE_CONFLICTS
    from shop_policy.text.translations import translations

    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{base_url}/toolkit/{locale}/advisor.html")
    local_today = page.evaluate("(d => [d.getFullYear(), d.getMonth() + 1, d.getDate()]"
                                ".map(n => String(n).padStart(2, '0')).join('-'))(new Date())")
    assert page.input_value("#sp-today") == local_today
    page.fill("#sp-order", "2026-11-20")
    page.fill("#sp-shipped", "2026-11-10")
    page.fill("#sp-today", "2026-11-26")
    page.locator("#sp-advisor button[type=submit]").click()
    error = page.locator("#sp-error")
    said = translations(locale).gettext(DATE_CONFLICTS["shipped_before_order"])
    assert error.is_visible() and error.inner_text().startswith(said)
    assert page.get_attribute("#sp-shipped", "aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == "sp-shipped"
    assert page.locator("#sp-advice").is_hidden()
    box = error.bounding_box()
    assert 0 <= box["y"] < 900, "the message is on screen"
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.fill("#sp-shipped", "2026-11-21")
    page.select_option("#sp-reason", "not_received")
    page.locator("#sp-advisor button[type=submit]").click()
    assert page.get_attribute("#sp-shipped", "aria-invalid") is None
    assert error.is_hidden()
    first = page.locator("#sp-replies a").first
    reply = first.get_attribute("href")
    first.click()
    page.wait_for_url(f"**/toolkit/{locale}/{reply}")
    page.go_back()
    page.wait_for_selector("#sp-replies a")
    assert page.input_value("#sp-shipped") == "2026-11-21"
    assert page.input_value("#sp-reason") == "not_received"
    assert page.locator("#sp-replies a").first.get_attribute("href") == reply
    context.close()
