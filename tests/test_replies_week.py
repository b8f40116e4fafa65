"""The replies of a seller's ordinary week: each exists exactly for the shop shapes whose
policy allows what it says, and says only what that policy grants."""

from __future__ import annotations

from pathlib import Path

import pytest

from shop_policy.outputs.replies import GROUPS, SPEC_BY_ID, SPECS, render_reply
from shop_policy.read.model import Policy
from shop_policy.read.validate import read_policy
from shop_policy.text.facts import facts_for
from shop_policy.text.render import environment, use_locale
from shop_policy.text.translations import translations
from tests.shapes import SHAPES, write_shape

WEEK = ("return-received", "return-arrived-damaged", "refund-issued", "where-is-refund",
        "missing-item",
        "lost-parcel", "return-unannounced", "dispatch-delay", "custom-order-started",
        "bad-review-threat", "closing", "goodwill-exception", "wrong-address", "exchange",
        "chargeback", "customs-duties")
# Every shop shape here says who pays import duties (the example does: the buyer).
EVERY_SHOP = {"customs-duties", "missing-item", "lost-parcel", "return-unannounced",
              "dispatch-delay",
              "bad-review-threat", "closing", "goodwill-exception", "wrong-address",
              "chargeback"}
# Beyond those every shop gets: which shapes get each of the others, and why not.
ONLY_IN = {
    # a change-of-mind return to receive
    "return-received": {"example", "exchange-only", "credit-only",
                        "personalised-excluded"},
    "return-arrived-damaged": {"example", "exchange-only", "credit-only",
                               "personalised-excluded"},
    # money refunded in some case (a cancellation, a fault, a lost parcel)
    "refund-issued": {"example", "exchange-only", "credit-only", "faults-only",
                      "personalised-excluded"},
    "where-is-refund": {"example", "exchange-only", "credit-only", "faults-only",
                        "personalised-excluded"},
    # personalised goods excluded, and no cancelling them until dispatch
    "custom-order-started": {"example", "personalised-excluded"},
    # exchanges offered for a change of mind
    "exchange": {"example", "exchange-only"},
}


@pytest.fixture(scope="module")
def shapes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Policy]:
    folder = tmp_path_factory.mktemp("shapes")
    return {name: read_policy(write_shape(name, folder)) for name in SHAPES}


def render(policy: Policy, reply_id: str, locale: str = "en") -> str:
    env = environment()
    use_locale(env, locale)
    reply = render_reply(env, SPEC_BY_ID[reply_id], policy,
                         facts_for(policy, locale, translations(locale)))
    return f"{reply.subject}\n{reply.body}"


def test_every_reply_of_the_week_is_in_a_group() -> None:
    assert set(WEEK) <= set(SPEC_BY_ID)
    assert {spec.group for spec in SPECS} == set(GROUPS)
    assert set(WEEK) == EVERY_SHOP | set(ONLY_IN)


@pytest.mark.parametrize("reply_id", WEEK)
def test_each_reply_is_there_exactly_where_the_policy_allows_it(
        shapes: dict[str, Policy], reply_id: str) -> None:
    spec = SPEC_BY_ID[reply_id]
    expected = set(SHAPES) if reply_id in EVERY_SHOP else ONLY_IN[reply_id]
    present = {name for name, policy in shapes.items() if spec.ruled_out(policy) is None}
    assert present == expected


def test_a_lost_or_missing_parcel_is_offered_what_the_policy_gives_for_it(
        shapes: dict[str, Policy]) -> None:
    for reply_id in ("lost-parcel", "missing-item"):
        final = render(shapes["final-sale"], reply_id)
        assert "- a replacement\n- store credit\n" in final
        assert "refund" not in final.lower()
        assert "- a replacement\n- a full refund\n" in render(shapes["example"], reply_id)


def test_dispatch_delay_offers_cancelling_with_a_refund_even_in_a_final_sale(
        shapes: dict[str, Policy]) -> None:
    """Cancelling a delayed order for a full refund is the law's floor (FTC Mail Order
    Rule, 2011/83/EU art. 18), whatever the policy says about cancelling."""
    text = render(shapes["final-sale"], "dispatch-delay")
    assert "within 3 working days" in text
    assert "or cancel the order: we will refund everything you paid for it" in text


def test_the_exchange_reply_states_only_the_policys_money(
        shapes: dict[str, Policy]) -> None:
    example = render(shapes["example"], "exchange")
    assert "If it costs less, we refund the difference within 5 days." in example
    assert "The postage to send it back is yours to pay." in example
    only = render(shapes["exchange-only"], "exchange")
    assert "within our return window of 14 days" in only
    assert "If it costs less" not in only and "store credit" not in only


def test_received_returns_get_what_the_first_option_of_the_policy_is(
        shapes: dict[str, Policy]) -> None:
    assert "We will refund [[amount]] to your original payment method within 5 days" in \
        render(shapes["example"], "return-received")
    credit = render(shapes["credit-only"], "return-received")
    assert "We will issue store credit of [[amount]] within 5 days" in credit
    assert "refund" not in credit.lower().replace("return", "")
    assert "We will now send you the item you chose instead" in \
        render(shapes["exchange-only"], "return-received")


def test_the_unannounced_return_names_the_window_or_that_there_is_none(
        shapes: dict[str, Policy]) -> None:
    assert "Our return window for a change of mind is 30 days" in \
        render(shapes["example"], "return-unannounced")
    assert "We do not take items back for a change of mind" in \
        render(shapes["faults-only"], "return-unannounced")


def test_the_chargeback_answer_is_a_letter_to_the_provider(shapes: dict[str, Policy]) -> None:
    text = render(shapes["example"], "chargeback")
    assert "Dear dispute team," in text and "Hi [[buyer_name]]" not in text
    assert "https://fernandkiln.example/policies/en/policy/v3/" in text
    assert "[[tracking_number]]" in text and "[[delivered_date]]" in text


def test_custom_orders_quote_the_cancellation_window(shapes: dict[str, Policy]) -> None:
    text = render(shapes["personalised-excluded"], "custom-order-started")
    assert "Orders can be cancelled within 24 hours of being placed" in text
    assert "#non-returnable" in text


def test_goodwill_and_difficult_replies_promise_nothing_of_their_own(
        shapes: dict[str, Policy]) -> None:
    """What the seller offers beyond the policy is theirs to fill in: the reply itself
    names no refund, credit or free postage."""
    for reply_id in ("goodwill-exception", "bad-review-threat", "closing"):
        text = render(shapes["final-sale"], reply_id).lower()
        assert "[[offer]]" in text
        for promise in ("refund", "store credit", "free return", "free postage", "prepaid"):
            assert promise not in text, (reply_id, promise)


def test_the_replies_read_in_every_shipped_language(shapes: dict[str, Policy]) -> None:
    """No English left in the German or Arabic text of a new reply."""
    for reply_id in WEEK:
        if SPEC_BY_ID[reply_id].ruled_out(shapes["example"]):
            continue
        english = render(shapes["example"], reply_id)
        for locale in ("de", "ar"):
            text = render(shapes["example"], reply_id, locale)
            assert text != english
            assert "Thank you" not in text and "Please" not in text, (reply_id, locale)


def test_placeholders_are_the_documented_ones(tmp_path: Path) -> None:
    from shop_policy.text.placeholders import PLACEHOLDERS

    policy = read_policy(write_shape("example", tmp_path))
    for reply_id in WEEK:
        text = render(policy, reply_id)
        names = {part.split("]]")[0] for part in text.split("[[")[1:]}
        assert names <= set(PLACEHOLDERS), reply_id


def test_a_damaged_return_keeps_the_buyers_legal_right(shapes: dict[str, Policy]) -> None:
    """Where the buyer withdrew under the law, only the loss in value may be deducted;
    a partial refund is offered only where the policy offers one."""
    example = render(shapes["example"], "return-arrived-damaged")
    assert "under your legal right of withdrawal, we refund you instead" in example
    assert "a partial refund of [[amount]]" in example
    credit = render(shapes["credit-only"], "return-arrived-damaged")  # sells to US, CA
    assert "withdrawal" not in credit and "partial refund" not in credit
    assert "We can send the item back to you, at your cost." in credit


def test_import_duties_are_stated_as_the_policy_says(shapes: dict[str, Policy]) -> None:
    example = shapes["example"]
    assert example.shop.import_duties == "buyer"
    buyer = render(example, "customs-duties")
    assert "they are for the buyer to pay" in buyer and "we cannot refund them" in buyer
    assert "#dispatch" in buyer
    shop_pays = example.model_copy(update={"shop": example.shop.model_copy(
        update={"import_duties": "seller"})})
    seller = render(shop_pays, "customs-duties")
    assert "We pay the import duties and taxes on our orders" in seller
    silent = example.model_copy(update={"shop": example.shop.model_copy(
        update={"import_duties": None})})
    assert SPEC_BY_ID["customs-duties"].ruled_out(silent) == \
        "The policy does not say who pays import duties."
