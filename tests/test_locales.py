"""Every locale states the same facts, formatted for that locale by Babel."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from shop_policy.checks.consistency import plain
from shop_policy.cli import main
from shop_policy.read.validate import read_policy
from shop_policy.text.facts import days, facts_for, money, working_days
from shop_policy.text.translations import SOURCE_LOCALE, available_locales, translations
from tests.conftest import EXAMPLE, POLICIES
from tests.golden import CASES, render_case

POLICY = read_policy(EXAMPLE)
LOCALES = POLICY.shop.locales
FILES = render_case(CASES["example"])


def test_example_publishes_every_locale_with_a_catalog() -> None:
    assert sorted(LOCALES) == available_locales()
    assert LOCALES[0] == POLICY.shop.default_locale == SOURCE_LOCALE
    for locale in LOCALES:
        for page in ("index.md", "policy.md", "faq.md"):
            assert f"site_src/{locale}/{page}" in FILES
        assert f"snippets/{locale}/email/order-confirmation.html" in FILES
        assert f"snippets/{locale}/exports/zendesk-macros.json" in FILES
        assert f"site_src/toolkit/{locale}/advisor.md" in FILES


@pytest.mark.parametrize("locale", LOCALES)
def test_every_output_states_the_same_facts(locale: str) -> None:
    facts = facts_for(POLICY, locale, translations(locale))
    policy_page = FILES[f"site_src/{locale}/policy.md"]
    faq = FILES[f"site_src/{locale}/faq.md"]
    email_text = FILES[f"snippets/{locale}/email/order-confirmation.txt"]
    email_html = FILES[f"snippets/{locale}/email/order-confirmation.html"]
    accepted = FILES[f"snippets/{locale}/replies/return-accepted.txt"]
    declined = FILES[f"snippets/{locale}/replies/return-declined.txt"]
    cancel = FILES[f"snippets/{locale}/replies/cancel-too-late.txt"]
    for text in (policy_page, faq, email_text, email_html, cancel):
        assert facts.cancel_window in text
    for text in (policy_page, faq, email_text, email_html, accepted, declined, cancel):
        assert facts.return_window in text
    for text in (policy_page, faq, email_text, email_html, declined):
        assert facts.report_window in text
    for text in (policy_page, faq, accepted):
        assert facts.refund_days in text
    assert facts.store_credit_bonus in policy_page and facts.store_credit_bonus in accepted
    # Markdown-escaped like every value ("1\\. September 2026" at the start of a line
    # would otherwise open a numbered list): compare what a reader sees.
    assert plain(facts.effective_date) in plain(policy_page)
    assert facts.policy_url in email_text and facts.policy_url in accepted
    assert f"{facts.version_url}#return-window" in declined


@pytest.mark.parametrize("locale", [lo for lo in LOCALES if lo != SOURCE_LOCALE])
def test_nothing_is_left_in_english(locale: str) -> None:
    for name in ("policy.md", "faq.md", "index.md", "changes.md"):
        page = re.sub(r"<script.*?</script>|\{#[^}]*\}|\]\([^)]*\)", "",
                      FILES[f"site_src/{locale}/{name}"], flags=re.S)
        for english in ("Cancellations, returns and refunds", "Read the full rule",
                        "within", "refund"):
            assert english not in page, (name, english)
    reply = FILES[f"snippets/{locale}/replies/return-accepted.txt"]
    assert "Thank you" not in reply and "Warm wishes" not in reply


@pytest.mark.parametrize(("locale", "text"), [
    ("de", "30 Tage"), ("fr", "30\xa0jours"), ("es", "30 días"), ("nl", "30 dagen"),
    # Right to left, the number is held to its unit by a no-break space.
    ("pl", "30 dni"), ("ar", "30\xa0يومًا"),  # noqa: RUF001
])
def test_windows_are_formatted_per_locale(locale: str, text: str) -> None:
    assert facts_for(POLICY, locale, translations(locale)).return_window == text
    assert text in FILES[f"site_src/{locale}/policy.md"]


def test_durations_never_round_in_any_locale() -> None:
    for locale in LOCALES:
        assert days(30, locale).startswith("30")
        assert days(2, locale).startswith("2") or locale == "ar"


def test_money_is_formatted_per_locale() -> None:
    assert money(Decimal("4.50"), "EUR", "de") == "4,50\xa0€"
    assert money(Decimal("4.50"), "EUR", "fr") == "4,50\xa0€"
    assert money(Decimal("1234.50"), "EUR", "nl") == "€\xa01.234,50"


def test_polish_plural_forms() -> None:
    pl = translations("pl")
    forms = [working_days(n, "pl", pl) for n in (1, 3, 5, 22)]
    assert forms[0].startswith("1 ") and forms[1].startswith("3 ")
    assert len({forms[0].split(" ", 1)[1], forms[1].split(" ", 1)[1],
                forms[2].split(" ", 1)[1]}) == 3, forms
    assert forms[3].split(" ", 1)[1] == forms[1].split(" ", 1)[1]


def test_arabic_is_right_to_left() -> None:
    facts = facts_for(POLICY, "ar", translations("ar"))
    assert facts.text_direction == "rtl"
    assert 'dir="rtl"' in FILES["snippets/ar/email/order-confirmation.html"]
    assert "  language: ar\n" in FILES["site_src/mkdocs.ar.yml"]


def test_language_selector_links_every_locale() -> None:
    config = FILES["site_src/mkdocs.de.yml"]
    assert re.findall(r"link: \.\./([^/]+)/", config) == LOCALES
    for name in ("English", "Deutsch", "Français", "Español", "Nederlands", "Polski",
                 "العربية"):
        assert f"name: {name}" in config


def test_sellers_own_text_is_shown_in_each_language() -> None:
    assert "Steinzeug ist schwer" in FILES["site_src/de/policy.md"]
    assert "Le grès est lourd" in FILES["site_src/fr/policy.md"]
    assert "Stoneware" not in FILES["site_src/de/policy.md"]


def test_fallback_to_default_locale_warns(tmp_path: Path) -> None:
    text = (POLICIES / "minimal.yaml").read_text("utf-8")
    text = text.replace("locales: [en]", "locales: [en, de]\n  fallback_to_default_locale: true")
    text += "  extra_text: We answer every message within a day.\n"
    path = tmp_path / "policy.yaml"
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["validate", "--policy", str(path)])
    assert result.exit_code == 0
    assert (f"{path}:33:15: damaged_items.extra_text: warning: has no text for de; the 'en' "
            "text is shown there") in result.stderr
    files = render_case(path)
    assert "We answer every message within a day" in files["site_src/de/policy.md"]


def test_missing_catalog_is_an_error_not_english() -> None:
    from shop_policy.errors import CatalogError
    from shop_policy.text.translations import catalog_path

    with pytest.raises(CatalogError, match="no catalog for 'sw'"):
        translations("sw")
    # The source language alone needs no catalog: its messages are the templates' own.
    assert not catalog_path(SOURCE_LOCALE).exists()
    assert translations(SOURCE_LOCALE).gettext("Overview") == "Overview"
    assert translations("de").gettext("Overview") == "Übersicht"
