"""Policy lint: what the law and the marketplaces ask of a policy, as one table of rules.

Each rule has a code, a severity, a one-line explanation, the source it rests on, and a
check that yields (path in the policy file, what is wrong here). To add a rule, add a
row to RULES and a test with a policy that triggers it and one that does not.
This is a checklist, not legal advice: each message names its source to read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from shop_policy.read.brand import READABLE
from shop_policy.read.model import Policy
from shop_policy.rules import marketplaces as mk
from shop_policy.rules.law import LAW, withdrawal_floors
from shop_policy.rules.regions import EEA, countries

MOST_COUNTRIES = 50  # what Google reads of applicableCountry

Path = tuple[str | int, ...]
Check = Callable[[Policy], Iterator[tuple[Path, str]]]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str  # "error" or "warning"
    summary: str
    source: str
    check: Check


def sells_to(policy: Policy, *countries: str) -> bool:
    codes = set(policy.shop.sells_to)
    return "WORLD" in codes or bool(codes & set(countries))


def sells_to_eu(policy: Policy) -> bool:
    return sells_to(policy, "EU", "EEA", *EEA)


EU_LAW, GB_LAW = LAW["EU"].withdrawal, LAW["GB"].withdrawal
assert EU_LAW is not None and GB_LAW is not None
GUARANTEE_GB = LAW["GB"].guarantee
assert GUARANTEE_GB is not None and GUARANTEE_GB.reject_days is not None
GUARANTEE_AU = LAW["AU"].guarantee
assert GUARANTEE_AU is not None
CALIFORNIA = next(note for note in LAW["US"].notes if note.country == "US-CA")


def _no_returns(policy: Policy, where: str, days: int) -> Iterator[tuple[Path, str]]:
    if not policy.returns.accepted and not policy.returns.only_exempt_goods:
        yield (("returns", "change_of_mind"), f"buyers in {where} may withdraw within {days} "
               "days of delivery without giving a reason, but this policy accepts no "
               "returns; accept them, or set returns.only_exempt_goods: true if everything "
               "you sell is exempt (made to order or personalised, perishable, sealed "
               "hygiene goods)")


def _eu_window(policy: Policy) -> Iterator[tuple[Path, str]]:
    if not sells_to_eu(policy):
        return
    returns, days = policy.returns, EU_LAW.days
    if not returns.accepted:
        yield from _no_returns(policy, "the EU", days)
    elif returns.window_days is not None and returns.window_days < days:
        yield (("returns", "window_days"), f"a return window of {returns.window_days} days "
               f"is shorter than the {days}-day right of withdrawal in the EU")
    elif returns.window_starts == "dispatch" and returns.window_days is not None and \
            returns.window_days < days + policy.shop.dispatch_days + 7:
        yield (("returns", "window_starts"), "the EU withdrawal period counts from "
               f"delivery; a window counted from dispatch may end before {days} days after "
               "delivery")


def _eu_restocking(policy: Policy) -> Iterator[tuple[Path, str]]:
    if sells_to_eu(policy) and policy.returns.accepted and policy.returns.restocking_fee:
        yield (("returns", "restocking_fee"), "a restocking fee may not be charged on an EU "
               "withdrawal; only the direct cost of the return may be")


def _eu_delivery_refund(policy: Policy) -> Iterator[tuple[Path, str]]:
    if sells_to_eu(policy) and EU_LAW.includes_delivery and \
            not policy.refunds.includes_original_shipping:
        yield (("refunds", "includes_original_shipping"), "on an EU withdrawal the refund "
               "must include the original standard delivery charge")


def _uk_window(policy: Policy) -> Iterator[tuple[Path, str]]:
    if not sells_to(policy, "GB"):
        return
    returns, days = policy.returns, GB_LAW.days
    if not returns.accepted:
        yield from _no_returns(policy, "the UK", days)
    elif returns.window_days is not None and returns.window_days < days:
        yield (("returns", "window_days"), f"a return window of {returns.window_days} days "
               f"is shorter than the UK's {days}-day cancellation period")


def _uk_faulty(policy: Policy) -> Iterator[tuple[Path, str]]:
    days, floor = policy.damaged_items.report_within_days, GUARANTEE_GB.reject_days
    if sells_to(policy, "GB") and days < floor:  # type: ignore[operator]
        yield (("damaged_items", "report_within_days"), f"the time to report a fault "
               f"({days}) is shorter than the UK's {floor}-day short-term right to reject "
               "faulty goods")


def _california(policy: Policy) -> Iterator[tuple[Path, str]]:
    returns = policy.returns
    short = not returns.accepted or (returns.window_days or 0) < 7
    if sells_to(policy, "US") and short:
        yield (("returns", "change_of_mind" if not returns.accepted else "window_days"),
               "a policy of fewer than 7 days for refunds must be displayed conspicuously; "
               "shop-policy shows it on the policy page and in the order-confirmation "
               "snippet: paste the snippet into your confirmation and link the policy "
               "page where buyers check out")


def _au_guarantees(policy: Policy) -> Iterator[tuple[Path, str]]:
    if not sells_to(policy, "AU"):
        return
    damaged = policy.damaged_items
    for reason in ("damaged_in_transit", "faulty", "not_as_described"):
        if "refund" not in damaged.remedies_for(reason):  # type: ignore[arg-type]
            own = getattr(damaged.by_reason, reason) is not None
            path: Path = ("damaged_items", "by_reason", reason) if own else \
                ("damaged_items", "remedies")
            words = reason.replace("_", " ")
            yield (path, f"buyers in Australia may choose a refund when goods have a major "
                   f"failure, and no policy may suggest otherwise; an item {words} gets "
                   "no refund here: add refund to the list (after the others, if you like)")
            return


def _brand_contrast(policy: Policy) -> Iterator[tuple[Path, str]]:
    brand = policy.shop.brand
    for key, value, ratio, use in brand.unreadable() if brand else ():
        yield (("shop", "brand", key), f"'{value}' has a contrast of {ratio:.2f}:1 with "
               f"white, too little for {use}: WCAG AA asks at least {READABLE}:1; pick a "
               "darker shade")


def _ftc_shipping(policy: Policy) -> Iterator[tuple[Path, str]]:
    days = policy.shop.dispatch_days
    if sells_to(policy, "US") and days > 30:
        yield (("shop", "dispatch_days"), f"dispatching in {days} working days is more than "
               "the 30 days the FTC Mail Order Rule assumes when no time is stated; state it "
               "in every listing and ask buyers to agree to any delay")


def _etsy_deadline(policy: Policy) -> Iterator[tuple[Path, str]]:
    days = policy.returns.window_days
    if "etsy" in policy.shop.marketplaces and policy.returns.accepted and days is not None \
            and days not in mk.ETSY_RETURN_DEADLINES:
        allowed = ", ".join(str(d) for d in mk.ETSY_RETURN_DEADLINES)
        yield (("returns", "window_days"), f"Etsy's return deadline must be one of {allowed} "
               f"days, not {days}")


def _ebay_restocking(policy: Policy) -> Iterator[tuple[Path, str]]:
    if "ebay" in policy.shop.marketplaces and policy.returns.restocking_fee:
        yield (("returns", "restocking_fee"), "eBay does not allow a restocking fee on "
               "returns for a change of mind")


def _ebay_not_as_described(policy: Policy) -> Iterator[tuple[Path, str]]:
    payer = policy.returns.shipping.damaged_or_not_as_described.payer
    if "ebay" in policy.shop.marketplaces and payer != "seller":
        yield (("returns", "shipping", "damaged_or_not_as_described", "payer"), "on eBay the "
               "seller pays return postage for items not as described")


def _amazon_window(policy: Policy) -> Iterator[tuple[Path, str]]:
    returns = policy.returns
    if "amazon" in policy.shop.marketplaces and (
            not returns.accepted or (returns.window_days or 0) < mk.AMAZON_MIN_RETURN_DAYS):
        yield (("returns", "window_days" if returns.accepted else "change_of_mind"),
               f"seller-fulfilled Amazon orders must allow returns for at least "
               f"{mk.AMAZON_MIN_RETURN_DAYS} days, matching Amazon's own policy")


def _money_back(policy: Policy) -> Iterator[tuple[Path, str]]:
    returns = policy.returns
    law = [f.withdrawal for f in withdrawal_floors(list(policy.shop.sells_to))]
    if any(w.same_means for w in law if w) and returns.accepted and \
            "refund" not in returns.change_of_mind:
        offered = " or ".join(returns.change_of_mind).replace("_", " ")
        yield (("returns", "change_of_mind"), f"buyers in the EU and the UK who withdraw "
               f"within 14 days get their money back, not only {offered}; add refund to "
               "the list (after the others, if you like)")


def _partial_not_offered(policy: Policy) -> Iterator[tuple[Path, str]]:
    if "partial_refund" in policy.damaged_items.remedies and not policy.refunds.partial_refunds:
        yield (("damaged_items", "remedies"), "a partial refund is offered as a remedy, but "
               "refunds.partial_refunds is false")


def _free_returns_but_not_for_faults(policy: Policy) -> Iterator[tuple[Path, str]]:
    shipping = policy.returns.shipping
    if shipping.change_of_mind is not None and shipping.change_of_mind.payer == "seller" and \
            shipping.damaged_or_not_as_described.payer != "seller":
        yield (("returns", "shipping", "damaged_or_not_as_described", "payer"), "returns are "
               "free for a change of mind, yet the buyer pays to return a damaged item")


def _refund_days(policy: Policy) -> Iterator[tuple[Path, str]]:
    days = policy.refunds.issued_within_days
    for floor in withdrawal_floors(list(policy.shop.sells_to)):
        law = floor.withdrawal
        if law is not None and days > law.refund_days:
            yield (("refunds", "issued_within_days"), f"{days} days is longer than the "
                   f"{law.refund_days} days within which a withdrawal must be refunded in "
                   f"the {floor.name}; refund within {law.refund_days} days")
            return


def _structured_countries(policy: Policy) -> Iterator[tuple[Path, str]]:
    named = countries(list(policy.shop.sells_to))
    if not named:
        yield (("shop", "sells_to"), "selling worldwide names no country, so search engines "
               "cannot tell where the return policy applies; list the countries or regions "
               "you ship to")
    elif len(named) > MOST_COUNTRIES:
        yield (("shop", "sells_to"), f"{len(named)} countries are more than the "
               f"{MOST_COUNTRIES} a return policy may name for search engines; list the "
               "main ones")


def _cancel_longer_than_dispatch(policy: Policy) -> Iterator[tuple[Path, str]]:
    hours = policy.cancellation.hours
    dispatch_hours = policy.shop.dispatch_days * 24
    if policy.cancellation.allowed and hours is not None and hours > dispatch_hours:
        yield (("cancellation", "hours"), f"the cancellation window of {hours} hours is "
               f"longer than the usual {policy.shop.dispatch_days} working days to dispatch, "
               "so many orders will ship before it closes")


RULES: tuple[Rule, ...] = (
    Rule("EU-WITHDRAWAL", "error", "EU consumers may withdraw within 14 days of delivery.",
         EU_LAW.source, _eu_window),
    Rule("EU-RESTOCKING", "error", "No restocking fee on an EU withdrawal.",
         "Directive 2011/83/EU art. 13 and 14", _eu_restocking),
    Rule("EU-DELIVERY-REFUND", "error", "An EU withdrawal refunds standard delivery too.",
         "Directive 2011/83/EU art. 13(1)", _eu_delivery_refund),
    Rule("UK-CANCELLATION", "error", "UK consumers may cancel within 14 days of delivery.",
         GB_LAW.source, _uk_window),
    Rule("UK-REJECT-FAULTY", "warning", "UK consumers may reject faulty goods for 30 days.",
         GUARANTEE_GB.source, _uk_faulty),
    Rule("US-CA-DISPLAY", "warning", "A policy under 7 days must be displayed in California.",
         CALIFORNIA.source, _california),
    Rule("AU-CONSUMER-GUARANTEES", "error", "Australian buyers may choose a refund for a "
         "major failure.", GUARANTEE_AU.source, _au_guarantees),
    Rule("US-FTC-SHIPPING", "warning", "Ship within the stated time, or 30 days.",
         "FTC Mail, Internet, or Telephone Order Merchandise Rule, 16 CFR 435",
         _ftc_shipping),
    Rule("ETSY-DEADLINE", "error", "Etsy accepts only certain return deadlines.",
         "Etsy Help: Setting return and exchange policies", _etsy_deadline),
    Rule("EBAY-RESTOCKING", "error", "No restocking fee for buyer's remorse on eBay.",
         "eBay Help: Return policies for sellers", _ebay_restocking),
    Rule("EBAY-NOT-AS-DESCRIBED", "error", "eBay sellers pay to return items not as described.",
         "eBay Money Back Guarantee policy", _ebay_not_as_described),
    Rule("AMAZON-30-DAYS", "error", "Seller-fulfilled returns must match Amazon's 30 days.",
         "Amazon Seller Central: Returns for seller-fulfilled orders", _amazon_window),
    Rule("EU-UK-MONEY-BACK", "error", "A withdrawal is refunded in money, not credit.",
         "Directive 2011/83/EU art. 13(1); Consumer Contracts Regulations 2013, reg. 34",
         _money_back),
    Rule("POLICY-PARTIAL-REFUND", "error", "Partial refund promised but not offered.",
         "this policy's own refunds.partial_refunds", _partial_not_offered),
    Rule("POLICY-FREE-RETURNS", "error", "Free returns, yet the buyer pays for faults.",
         "this policy's own returns.shipping", _free_returns_but_not_for_faults),
    Rule("EU-UK-REFUND-DAYS", "error", "A withdrawal is refunded within 14 days.",
         f"Directive 2011/83/EU art. 13(1); {GB_LAW.source}", _refund_days),
    Rule("JSONLD-COUNTRIES", "warning", "The return policy names 1 to 50 countries.",
         "Google Search Central: merchant return policy structured data",
         _structured_countries),
    Rule("BRAND-CONTRAST", "error", "The shop's colours keep text readable (WCAG AA).",
         "WCAG 2.1, success criterion 1.4.3 (Contrast, minimum)", _brand_contrast),
    Rule("POLICY-CANCEL-WINDOW", "warning", "Cancellation window outlasts the dispatch time.",
         "this policy's own shop.dispatch_days", _cancel_longer_than_dispatch),
)


@dataclass(frozen=True)
class Finding:
    rule: Rule
    path: Path
    message: str


def lint(policy: Policy) -> list[Finding]:
    return [Finding(rule, path, message)
            for rule in RULES for path, message in rule.check(policy)]
