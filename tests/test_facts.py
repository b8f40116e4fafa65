"""Facts are formatted by Babel for the locale, exactly, never rounded."""

from __future__ import annotations

import gettext
from decimal import Decimal

import pytest

from shop_policy.read.validate import read_policy
from shop_policy.text.facts import days, facts_for, hours, money, months, percent
from tests.conftest import EXAMPLE, POLICIES


@pytest.mark.parametrize(("n", "text"), [(1, "1 day"), (2, "2 days"), (30, "30 days"),
                                         (365, "365 days")])
def test_days_are_never_rounded(n: int, text: str) -> None:
    assert days(n, "en") == text


def test_hours_stay_hours() -> None:
    assert hours(24, "en") == "24 hours"
    assert hours(48, "en") == "48 hours"


def test_money_is_decimal_and_locale_formatted() -> None:
    assert money(Decimal("4.50"), "EUR", "en") == "€4.50"
    assert money(Decimal("4.50"), "EUR", "de") == "4,50\xa0€"
    assert money(Decimal("1234.5"), "GBP", "en") == "£1,234.50"


def test_percent_keeps_decimals() -> None:
    assert percent(Decimal("12.5"), "en") == "12.5%"
    assert percent(Decimal("10"), "en") == "10%"


def test_months() -> None:
    assert months(12, "en") == "12 months"


def test_example_facts() -> None:
    facts = facts_for(read_policy(EXAMPLE), "en", gettext.NullTranslations())
    assert facts.cancel_window == "24 hours"
    assert facts.return_window == "30 days"
    assert facts.report_window == "30 days"
    assert facts.refund_days == "5 days"
    assert facts.store_credit_bonus == "10%"
    assert facts.store_credit_validity == ""
    assert facts.marketplaces == "our website, Etsy, and eBay"
    assert facts.policy_url == "https://fernandkiln.example/policies/en/policy/"
    assert facts.effective_date == "September 1, 2026"


def test_fees_policy_facts() -> None:
    facts = facts_for(read_policy(POLICIES / "fees.yaml"), "en", gettext.NullTranslations())
    assert facts.change_of_mind_fee == "£3.95"
    assert facts.restocking_fee == "12.5%"
    assert facts.store_credit_validity == "12 months"
    assert facts.cancel_window == ""
