"""The case advisor: clauses, resolutions and replies for real cases, by hand."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from shop_policy.casework.advisor import Case, advise, clause_text, messages
from shop_policy.cli import main
from shop_policy.read.validate import read_policy
from shop_policy.text.translations import translations
from tests.conftest import EXAMPLE, POLICIES

POLICY_FILES = {"example": EXAMPLE, "strict": POLICIES / "strict.yaml",
                "fees": POLICIES / "fees.yaml", "minimal": POLICIES / "minimal.yaml"}

# (policy, order, shipped, delivered, today, reason, condition, marketplace,
#  expected clause sentences, expected resolutions, expected replies)
CASES = {
    "cancel a month after shipment, return window still open": (
        "example", "2026-10-25", "2026-10-27", "2026-10-31", "2026-11-26", "change_of_mind",
        "unused", "etsy",
        ["Cancellation window closed 31 days ago (2026-10-26).",
         "Return window open until 2026-11-30.",
         "Window to report damage or faults open until 2026-11-30."],
        ["return_refund", "store_credit", "exchange"],
        ["return-accepted", "offer-store-credit"]),
    "cancel two months after shipment on Etsy: decline, prepare the case": (
        "example", "2026-09-20", "2026-09-22", "2026-09-25", "2026-11-26", "change_of_mind",
        "unused", "etsy",
        ["Cancellation window closed 66 days ago (2026-09-21).",
         "Return window closed 32 days ago (2026-10-25).",
         "Window to report damage or faults closed 32 days ago (2026-10-25)."],
        ["decline_return", "partial_refund_goodwill", "prepare_escalation"],
        ["return-declined", "escalation-etsy"]),
    "same on the own shop: no marketplace case": (
        "example", "2026-09-20", "2026-09-22", "2026-09-25", "2026-11-26", "change_of_mind",
        "unused", "own_shop", None,
        ["decline_return", "partial_refund_goodwill"], ["return-declined"]),
    "cancel on the day of the order": (
        "example", "2026-11-26", None, None, "2026-11-26", "change_of_mind", "unused",
        "own_shop",
        ["Cancellation window open until 2026-11-27.",
         "Return window not started yet: it counts from delivery.",
         "Window to report damage or faults counts from delivery."],
        ["cancel_refund"], ["cancel-ask-reason", "cancel-accepted"]),
    "cancel three days after ordering, not yet dispatched": (
        "example", "2026-11-23", None, None, "2026-11-26", "change_of_mind", "unused",
        "own_shop", ["Cancellation window closed 2 days ago (2026-11-24)."],
        ["decline_cancel", "wait_for_delivery"], ["cancel-too-late"]),
    "cancel inside 24 hours but already dispatched, on eBay": (
        "example", "2026-11-25", "2026-11-25", None, "2026-11-26", "change_of_mind", "unused",
        "ebay",
        ["The order was dispatched on 2026-11-25: it can no longer be cancelled."],
        ["decline_cancel", "wait_for_delivery", "prepare_escalation"],
        ["cancel-too-late", "escalation-ebay"]),
    "damaged, reported in time": (
        "example", "2026-11-10", "2026-11-12", "2026-11-15", "2026-11-20", "damaged",
        "unused", "own_shop",
        [None, None, "Window to report damage or faults open until 2026-12-15."],
        ["replacement", "refund", "partial_refund"], ["damaged-item", "offer-partial-refund"]),
    "damaged, reported late on Etsy": (
        "example", "2026-09-28", "2026-09-29", "2026-10-01", "2026-11-26", "damaged", "used",
        "etsy", [None, None, "Window to report damage or faults closed 26 days ago (2026-10-31)."],
        ["late_report", "replacement", "refund", "partial_refund", "prepare_escalation"],
        ["damaged-item", "escalation-etsy"]),
    "not as described, in time": (
        "example", "2026-11-10", "2026-11-12", "2026-11-15", "2026-11-20", "not_as_described",
        "used", "own_shop", None,
        ["replacement", "refund", "partial_refund"],
        ["not-as-described", "offer-partial-refund"]),
    "defective, delivery date unknown": (
        "example", "2026-11-10", "2026-11-12", None, "2026-11-20", "defective", "used",
        "own_shop", None, ["replacement", "refund", "partial_refund"],
        ["damaged-item", "offer-partial-refund"]),
    "not received, in transit": (
        "example", "2026-11-10", "2026-11-12", None, "2026-11-26", "not_received", "unused",
        "own_shop", None, ["track_parcel", "replacement", "refund"], ["not-received"]),
    "late, not yet dispatched, still cancellable": (
        "example", "2026-11-26", None, None, "2026-11-26", "late", "unused", "own_shop",
        None, ["dispatch_update", "cancel_refund"], ["cancel-accepted"]),
    "late, not yet dispatched, past the cancellation window": (
        "example", "2026-11-20", None, None, "2026-11-26", "late", "unused", "own_shop",
        None, ["dispatch_update"], []),
    "used item inside the return window": (
        "example", "2026-11-10", "2026-11-12", "2026-11-15", "2026-11-20", "change_of_mind",
        "used", "etsy", None,
        ["decline_condition", "partial_refund_goodwill", "prepare_escalation"],
        ["return-condition-not-met", "escalation-etsy"]),
    "no cancellations, no returns: asked to cancel, on Amazon": (
        "strict", "2026-11-26", None, None, "2026-11-26", "change_of_mind", "unused",
        "amazon",
        ["The policy does not allow cancellations.",
         "The policy does not accept returns for a change of mind."],
        ["decline_cancel", "prepare_escalation"], ["cancel-too-late", "escalation-amazon"]),
    "no returns: delivered, changed their mind": (
        "strict", "2026-11-01", "2026-11-02", "2026-11-05", "2026-11-10", "change_of_mind",
        "unused", "own_shop", None, ["decline_return"], ["return-declined"]),
    "cancellable until dispatch": (
        "fees", "2026-11-20", None, None, "2026-11-26", "change_of_mind", "unused", "etsy",
        ["Cancellation possible until the order is dispatched."],
        ["cancel_refund"], ["cancel-ask-reason", "cancel-accepted"]),
    "return window counted from dispatch": (
        "fees", "2026-09-30", "2026-10-01", "2026-10-03", "2026-11-26", "change_of_mind",
        "unused", "etsy", [None, "Return window open until 2026-11-30."],
        ["return_refund", "store_credit", "exchange"],
        ["return-accepted", "offer-store-credit"]),
    "no store credit, no partial refunds: a plain return": (
        "minimal", "2026-11-01", "2026-11-02", "2026-11-05", "2026-11-10", "change_of_mind",
        "unused", "own_shop", None, ["return_refund"], ["return-accepted"]),
    "last day of the return window": (
        "example", "2026-10-20", "2026-10-22", "2026-10-27", "2026-11-26", "change_of_mind",
        "unused", "own_shop", [None, "Return window open until 2026-11-26."],
        ["return_refund", "store_credit", "exchange"],
        ["return-accepted", "offer-store-credit"]),
    "one day after the return window": (
        "example", "2026-10-20", "2026-10-22", "2026-10-27", "2026-11-27", "change_of_mind",
        "unused", "own_shop", [None, "Return window closed 1 day ago (2026-11-26)."],
        ["decline_return", "partial_refund_goodwill"], ["return-declined"]),
}


def day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def run_case(values: tuple) -> tuple:
    (name, order, shipped, delivered, today, reason, condition, marketplace,
     *_expected) = values
    policy = read_policy(POLICY_FILES[name])
    case = Case(order_date=day(order), shipped_date=day(shipped),
                delivered_date=day(delivered), today=day(today), reason=reason,
                condition=condition, marketplace=marketplace)
    return policy, case


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize("title", list(CASES))
def test_case(title: str) -> None:
    values = CASES[title]
    clauses, resolutions, replies = values[8:]
    policy, case = run_case(values)
    advice = advise(policy, case)
    texts = messages("en", translations("en"))
    sentences = [clause_text(c, texts, "en") for c in advice.clauses]
    for expected, actual in zip(clauses or [], sentences, strict=False):
        if expected is not None:
            assert actual == expected
    assert advice.resolutions == resolutions
    assert advice.replies == replies


def test_cli_text_answer_fills_in_known_dates() -> None:
    result = CliRunner().invoke(main, [
        "advise", "--policy", str(EXAMPLE), "--order-date", "2026-09-20",
        "--shipped", "2026-09-22", "--delivered", "2026-09-25", "--today", "2026-11-26",
        "--reason", "change_of_mind", "--marketplace", "etsy"])
    assert result.exit_code == 0, result.output
    assert "  - Return window closed 32 days ago (2026-10-25)." in result.output
    assert "Replies to send: return-declined, escalation-etsy" in result.output
    assert "Your order was delivered on September 25, 2026," in result.output
    assert "When you placed your order on September 20, 2026, version 3" in result.output
    assert "[[order_number]]" in result.output


def test_cli_json_answer() -> None:
    result = CliRunner().invoke(main, [
        "advise", "--policy", str(EXAMPLE), "--order-date", "2026-11-26",
        "--today", "2026-11-26", "--reason", "change_of_mind", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [r["id"] for r in data["replies"]] == ["cancel-ask-reason", "cancel-accepted"]
    assert data["clauses"][0] == {"window": "cancel", "state": "open", "end": "2026-11-27",
                                  "days": 1, "text": "Cancellation window open until "
                                  "2026-11-27."}
    assert data["resolutions"] == [{"id": "cancel_refund",
                                    "text": "Cancel the order and refund it in full."}]


@pytest.mark.parametrize(("args", "message"), [
    (["--shipped", "2026-11-01", "--delivered", "2026-10-30"],
     "the delivery date (2026-10-30) is before the dispatch date (2026-11-01)"),
    (["--delivered", "2026-11-03"], "a delivery date needs a dispatch date"),
    (["--shipped", "2026-12-30"], "the dispatch date (2026-12-30) is after today"),
    (["--locale", "it"], "--locale it: the policy is not published in this language"),
])
def test_cli_rejects_inconsistent_cases(args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, [
        "advise", "--policy", str(EXAMPLE), "--order-date", "2026-10-20",
        "--today", "2026-11-26", "--reason", "late", *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_cli_rejects_unknown_reason() -> None:
    result = CliRunner().invoke(main, ["advise", "--order-date", "2026-10-20",
                                       "--reason", "bored"])
    assert result.exit_code == 2
    assert "'bored' is not one of" in result.stderr


def test_decision_table_is_plain_data(tmp_path: Path) -> None:
    from shop_policy.casework.advisor import decision_table

    table = decision_table(read_policy(EXAMPLE))
    assert json.loads(json.dumps(table)) == table
    assert table["rules"][-1]["when"] == {}


def test_escalation_names_the_version_in_effect_on_the_order_date() -> None:
    from shop_policy.casework.advice import resolve

    policy = read_policy(EXAMPLE)
    case = Case(order_date=day("2025-05-01"), shipped_date=day("2025-05-02"),
                delivered_date=day("2025-05-05"), today=day("2025-07-20"),
                reason="change_of_mind", marketplace="etsy")
    result = resolve(policy, case, "en")
    assert result.clauses[3]["text"] == ("On the order date, version 2 of the policy applied "
                                         "(in effect from 2025-04-01).")
    etsy = next(r for r in result.replies if r.id == "escalation-etsy")
    assert "version 2 of our policy applied" in etsy.body
    assert ("- the policy as published on the order date (version 2, in effect from "
            "April 1, 2025)") in etsy.note
    before = resolve(policy, Case(order_date=day("2023-01-05"), today=day("2023-01-06"),
                                  reason="late"), "en")
    assert before.clauses[3]["text"] == ("No version of the policy is recorded for the order "
                                         "date.")


@pytest.mark.parametrize("locale", ["de", "fr", "es", "nl", "pl", "ar"])
def test_advice_in_every_language(locale: str) -> None:
    from shop_policy.casework.advice import resolve

    policy, case = run_case(CASES["cancel two months after shipment on Etsy: decline, "
                                  "prepare the case"])
    result = resolve(policy, case, locale)
    for clause in result.clauses:
        assert "{" not in clause["text"] and clause["text"]
    assert "32" in result.clauses[1]["text"] and "2026-10-25" in result.clauses[1]["text"]
    assert [r.id for r in result.replies] == ["return-declined", "escalation-etsy"]
    assert "[[order_number]]" in result.replies[0].subject
