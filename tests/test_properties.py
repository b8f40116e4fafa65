"""Property-based tests: random valid policies render everywhere and check clean;
random mutations of a valid policy either work or fail with a clean, located message."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from shop_policy.checks.consistency import consistency_findings
from shop_policy.errors import PolicyError
from shop_policy.paths import Paths
from shop_policy.pipeline import render_all, render_outputs
from shop_policy.read.load import loads
from shop_policy.read.validate import validate
from shop_policy.text.translations import available_locales
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.slow  # hypothesis: 165 generated policies, each validated

LOCALES = available_locales()  # a random policy may publish any of them
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=3, max_size=40).map(
    lambda s: s.strip() or "text")
SETTINGS = settings(max_examples=15, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def subset(options: list[str], min_size: int = 0) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(options), min_size=min_size, max_size=len(options),
                    unique=True)


def money(places: int) -> st.SearchStrategy[str]:
    return st.decimals(min_value=Decimal("0.5"), max_value=Decimal("200"), places=places,
                       allow_nan=False, allow_infinity=False).map(str)


@st.composite
def policies(draw: st.DrawFn) -> dict:
    locales = draw(subset(LOCALES, 1).map(lambda ls: ls[:2]))
    currency, places = draw(st.sampled_from([("EUR", 2), ("USD", 2), ("GBP", 2),
                                             ("JPY", 0), ("PLN", 2)]))
    marketplaces = draw(subset(["own_shop", "etsy", "ebay", "amazon"], 1))
    accepted = draw(st.booleans())
    allowed = draw(st.booleans())

    def cost() -> dict:
        payer = draw(st.sampled_from(["buyer", "seller", "flat_fee"]))
        return {"payer": payer, "fee": draw(money(places))} if payer == "flat_fee" else {
            "payer": payer}

    def local_text() -> dict:
        return {locale: draw(WORDS) for locale in locales}

    cancellation: dict = {"allowed": allowed}
    if allowed:
        if draw(st.booleans()):
            cancellation |= {"until": "hours_after_order",
                             "hours": draw(st.integers(1, 720))}
        else:
            cancellation["until"] = "dispatch"
        cancellation["once_shipped"] = "return" if accepted and draw(st.booleans()) \
            else "not_possible"
    returns: dict = {"accepted": accepted,
                     "shipping": {"change_of_mind": cost(),
                                  "damaged_or_not_as_described": cost()}}
    if accepted:
        returns |= {"window_days": draw(st.integers(1, 365)),
                    "window_starts": draw(st.sampled_from(["delivery", "dispatch"])),
                    "condition": draw(subset(["unused", "original_packaging",
                                              "tags_attached", "proof_of_purchase"]))}
        fee = draw(st.sampled_from(["none", "percent", "amount"]))
        if fee == "percent":
            returns["restocking_fee"] = {"percent": draw(st.integers(1, 50))}
        elif fee == "amount":
            returns["restocking_fee"] = {"amount": draw(money(places))}
    categories = draw(subset(["custom_made", "personalised", "hygiene", "gift_cards"]))
    returns["non_returnable"] = [
        {"category": c, **({"wording": local_text()} if draw(st.booleans()) else {})}
        for c in categories]
    methods = draw(subset(["original_payment", "store_credit", "exchange", "replacement"], 1))
    refunds: dict = {"methods": methods, "issued_within_days": draw(st.integers(1, 90)),
                     "partial_refunds": draw(st.booleans())}
    if "store_credit" in methods and draw(st.booleans()):
        refunds["store_credit"] = {"bonus_percent": draw(st.integers(0, 30)),
                                   "valid_months": draw(st.integers(1, 60))}
    return {
        "version": {"number": str(draw(st.integers(1, 20))), "effective_date": "2026-03-01"},
        "shop": {"name": draw(WORDS).title(), "email": "help@shop.example",
                 "website": "https://shop.example/policies/", "country": "DE",
                 "currency": currency, "default_locale": locales[0], "locales": locales,
                 "marketplaces": marketplaces,
                 "sells_to": draw(subset(["EU", "GB", "US", "WORLD"], 1)),
                 "dispatch_days": draw(st.integers(1, 60))},
        "cancellation": cancellation,
        "returns": returns,
        "refunds": refunds,
        "damaged_items": {"report_within_days": draw(st.integers(1, 365)),
                          "evidence": draw(subset(["photos_of_item", "order_number"])),
                          "remedies": draw(subset(["replacement", "refund", "repair"], 1))},
        "marketplace_notes": {m: local_text() for m in marketplaces if draw(st.booleans())},
    }


def to_yaml(data: dict) -> bytes:
    out = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, out)
    return out.getvalue().encode("utf-8")


@SETTINGS
@given(policies())
def test_random_valid_policies_render_in_every_locale_and_check_clean(data: dict) -> None:
    policy = validate(loads(to_yaml(data), "random.yaml"))
    files = render_all(policy, Paths())
    for locale in policy.shop.locales:
        assert f"{locale}/policy.md" in files[Paths().site_src]
    assert list(consistency_findings(policy, render_outputs(policy, Paths()))) == []


EXAMPLE_LINES = EXAMPLE.read_text("utf-8").splitlines(keepends=True)
# file:line:column: dotted.key: message; a key that is not a plain word is quoted.
LOCATED = re.compile(r'^random\.yaml:\d+:\d+: (?:"(?:[^"\\]|\\.)*"|[^:"])+: .+$')


@st.composite
def mutations(draw: st.DrawFn) -> bytes:
    lines = list(EXAMPLE_LINES)
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "value", "junk", "indent"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "value" and ":" in lines[index]:
            key = lines[index].split(":", 1)[0]
            value = draw(st.one_of(st.integers(-10**6, 10**6).map(str), WORDS,
                                   st.sampled_from(["[]", "{}", "~", "yes", "-1", "1e9"])))
            lines[index] = f"{key}: {value}\n"
        elif action == "junk":
            junk = draw(st.text(min_size=1, max_size=5))
            position = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:position] + junk + lines[index][position:]
        elif action == "indent":
            lines[index] = draw(st.sampled_from(["  ", "\t", " "])) + lines[index]
        if not lines:
            break
    return "".join(lines).encode("utf-8", "surrogatepass")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations())
def test_mutated_policies_load_or_fail_cleanly(raw: bytes) -> None:
    try:
        policy = validate(loads(raw, "random.yaml"))
    except PolicyError as error:
        assert error.problems
        for problem in error.problems:
            assert LOCATED.match(str(problem)), str(problem)
        return
    assert policy.shop.default_locale in policy.shop.locales
