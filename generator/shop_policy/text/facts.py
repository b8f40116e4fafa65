"""Every fact of the policy formatted once, for one locale, with Babel.

Templates never format a number, a date or an amount themselves: they receive these
strings. Durations go through `format_unit`, which never rounds (30 days stays
"30 days"), unlike `format_timedelta`.
"""

from __future__ import annotations

import gettext
import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent
from babel.units import format_unit

from shop_policy.read.model import Policy, ShippingCost
from shop_policy.rules import law
from shop_policy.rules import marketplaces as rules
from shop_policy.text import labels
from shop_policy.text.translations import right_to_left


@dataclass(frozen=True)
class Facts:
    """Formatted facts for one locale. Empty strings stand for facts the policy lacks."""

    locale: str
    shop_name: str
    email: str
    site_url: str
    policy_url: str
    version_url: str  # this version's own page, which never changes
    form_url: str  # the model withdrawal form's page (where the law gives the right)
    version: str
    effective_date: str
    dispatch_days: str
    dispatch_time: str
    cancel_window: str
    return_window: str
    return_conditions: str
    report_window: str
    refund_days: str
    change_of_mind_fee: str
    damaged_fee: str
    restocking_fee: str
    store_credit_bonus: str
    store_credit_validity: str
    marketplaces: str
    etsy_case_wait: str
    ebay_step_in_wait: str
    amazon_claim_wait: str
    # The law's floor where the shop sells (rules/law.py); "" where no market has it.
    withdrawal_period: str = ""
    withdrawal_refund: str = ""
    guarantee_period: str = ""
    reject_period: str = ""
    longer_guarantees: str = ""  # "Ireland (6 years), Spain (3 years) and ..."
    claim_period: str = ""  # how long a UK buyer can claim for a fault, "6 years"
    claim_period_scotland: str = ""

    @property
    def text_direction(self) -> str:
        return Locale.parse(self.locale).text_direction


def version_slug(number: str) -> str:
    """The page name of version `number`: v2, v3.1; a number the seller typed with other
    characters gets a name made from its hash, never a path from their text."""
    if re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z._-]*", number) and ".." not in number:
        return f"v{number}"
    return "v-" + hashlib.sha1(number.encode("utf-8"), usedforsecurity=False).hexdigest()[:10]


def joined(text: str, locale: str) -> str:
    """`text` with each number kept on one line with its unit, where a line would break
    between them in a way that misleads (right-to-left text, where "30" can end one line
    and "days" begin the next on the other side): a no-break space between them."""
    if not right_to_left(locale):
        return text
    return _NUMBER_SPACE.sub("\u00a0", text)


_NUMBER_SPACE = re.compile(r"(?<=\d) (?=\S)|(?<=\S) (?=\d)")


def days(n: int, locale: str) -> str:
    return joined(format_unit(n, "duration-day", length="long", locale=locale), locale)


def hours(n: int, locale: str) -> str:
    return joined(format_unit(n, "duration-hour", length="long", locale=locale), locale)


def months(n: int, locale: str) -> str:
    return joined(format_unit(n, "duration-month", length="long", locale=locale), locale)


def money(amount: Decimal, currency: str, locale: str) -> str:
    return format_currency(amount, currency, locale=locale)


def percent(value: Decimal, locale: str) -> str:
    return format_percent(value / 100, locale=locale, decimal_quantization=False)


def number(n: int, locale: str) -> str:
    return format_decimal(n, locale=locale)


def working_days(n: int, locale: str, gettext_: gettext.NullTranslations) -> str:
    text = gettext_.ngettext("%(num)s working day", "%(num)s working days", n)
    return joined(text % {"num": number(n, locale)}, locale)


def _fee(cost: ShippingCost | None, currency: str, locale: str) -> str:
    return money(cost.fee, currency, locale) if cost and cost.fee is not None else ""


def facts_for(policy: Policy, locale: str, gettext_: gettext.NullTranslations) -> Facts:
    shop = policy.shop
    cancel = policy.cancellation
    returns = policy.returns
    refunds = policy.refunds
    fee = returns.restocking_fee
    credit = refunds.store_credit
    site_url = f"{shop.website}{locale}/"
    restocking = ""
    if fee is not None and fee.percent is not None:
        restocking = percent(fee.percent, locale)
    elif fee is not None and fee.amount is not None:
        restocking = money(fee.amount, shop.currency, locale)
    return Facts(
        locale=locale,
        shop_name=shop.name,
        email=shop.email,
        site_url=site_url,
        policy_url=f"{site_url}policy/",
        version_url=f"{site_url}policy/{version_slug(policy.version.number)}/",
        form_url=f"{site_url}withdrawal-form/",
        version=policy.version.number,
        effective_date=format_date(policy.version.effective_date, "long", locale=locale),
        dispatch_days=number(shop.dispatch_days, locale),
        dispatch_time=working_days(shop.dispatch_days, locale, gettext_),
        cancel_window=hours(cancel.hours, locale) if cancel.hours else "",
        return_window=days(returns.window_days, locale) if returns.window_days else "",
        return_conditions=format_list(
            [gettext_.gettext(labels.CONDITIONS[c]) for c in returns.condition], locale=locale),
        report_window=days(policy.damaged_items.report_within_days, locale),
        refund_days=days(refunds.issued_within_days, locale),
        change_of_mind_fee=_fee(returns.shipping.change_of_mind, shop.currency, locale),
        damaged_fee=_fee(returns.shipping.damaged_or_not_as_described, shop.currency, locale),
        restocking_fee=restocking,
        store_credit_bonus=percent(credit.bonus_percent, locale) if credit and
        credit.bonus_percent else "",
        store_credit_validity=months(credit.valid_months, locale) if credit and
        credit.valid_months else "",
        marketplaces=format_list(
            [gettext_.gettext(labels.MARKETPLACES[m]) for m in shop.marketplaces],
            locale=locale),
        etsy_case_wait=hours(rules.ETSY_CASE_WAIT_HOURS, locale),
        ebay_step_in_wait=working_days(rules.EBAY_STEP_IN_WORKING_DAYS, locale, gettext_),
        amazon_claim_wait=hours(rules.AMAZON_CLAIM_WAIT_HOURS, locale),
        **_floor_facts(policy, locale),
        longer_guarantees=_longer_guarantees(policy, locale, gettext_),
    )


def years(n: int, locale: str) -> str:
    return joined(format_unit(n, "duration-year", length="long", locale=locale), locale)


def _longer_guarantees(policy: Policy, locale: str, gettext_: gettext.NullTranslations
                       ) -> str:
    """The countries where the shop sells whose guarantee outlasts the EU's, each with
    its period, in the locale's words: the law's country notes (rules/law.py)."""
    names = Locale.parse(locale).territories
    items = []
    for note in law.LAW["EU"].notes_for(list(policy.shop.sells_to)):
        if note.guarantee_years:
            items.append(gettext_.gettext("%(country)s (%(period)s)") % {
                "country": names[note.country], "period": years(note.guarantee_years, locale)})
        elif note.lifetime:
            items.append(gettext_.gettext(
                "%(country)s (as long as such goods can reasonably be expected to last)")
                % {"country": names[note.country]})
    return format_list(items, locale=locale) if items else ""


def _floor_facts(policy: Policy, locale: str) -> dict[str, str]:
    """The periods of the law's floor in the markets the shop sells to."""
    found: dict[str, str] = {}
    sold = list(policy.shop.sells_to)
    for floor in law.floors(sold):
        if floor.withdrawal is not None and "withdrawal_period" not in found:
            found["withdrawal_period"] = days(floor.withdrawal.days, locale)
            found["withdrawal_refund"] = days(floor.withdrawal.refund_days, locale)
        guarantee = floor.guarantee
        if guarantee is not None and guarantee.years and guarantee.years_count == "liable":
            found["guarantee_period"] = years(guarantee.years, locale)
        if guarantee is not None and guarantee.reject_days:
            found["reject_period"] = days(guarantee.reject_days, locale)
        if guarantee is not None and guarantee.years and guarantee.years_count == "claim":
            found["claim_period"] = years(guarantee.years, locale)
        for note in floor.notes_for(sold):
            if note.claim_years:  # in a part of the market, Scotland
                found["claim_period_scotland"] = years(note.claim_years, locale)
    return found
