"""Cases for the advisor, each with what it must answer: the command line's tests and
the browser's advisor form both run them."""

from __future__ import annotations

import datetime as dt

from shop_policy.casework.advisor import Case
from shop_policy.read.validate import read_policy
from tests.conftest import EXAMPLE, POLICIES

POLICY_FILES = {"example": EXAMPLE, "strict": POLICIES / "strict.yaml",
                "fees": POLICIES / "fees.yaml", "minimal": POLICIES / "minimal.yaml"}

# (policy, order, shipped, delivered, today, reason, condition, marketplace,
#  expected clause sentences, expected resolutions, expected replies)
CASES = {
    "an order placed under version 2 is judged by its 21 days, not today's 30": (
        "example", "2025-06-01", "2025-06-02", "2025-06-05", "2025-06-30", "change_of_mind",
        "unused", "own_shop",
        [None, "Return window closed 4 days ago (June 26, 2025).", None,
         "On the order date, version 2 of the policy applied (in effect from April 1, 2025)."],
        ["decline_return", "partial_refund_goodwill"],
        ["return-declined", "goodwill-after-window"]),
    "cancel a month after shipment, return window still open": (
        "example", "2026-10-25", "2026-10-27", "2026-10-31", "2026-11-26", "change_of_mind",
        "unused", "etsy",
        ["Cancellation window closed 31 days ago (October 26, 2026).",
         "Return window open until November 30, 2026.",
         "Window to report damage or faults open until November 30, 2026."],
        ["return_refund", "store_credit", "exchange"],
        ["return-accepted", "offer-store-credit"]),
    "cancel two months after shipment on Etsy: decline; Etsy takes no case for that": (
        "example", "2026-09-20", "2026-09-22", "2026-09-25", "2026-11-26", "change_of_mind",
        "unused", "etsy",
        ["Cancellation window closed 66 days ago (September 21, 2026).",
         "Return window closed 32 days ago (October 25, 2026).",
         "Window to report damage or faults closed 32 days ago (October 25, 2026)."],
        ["decline_return", "partial_refund_goodwill"],
        ["return-declined", "goodwill-after-window"]),
    "same on the own shop: no marketplace case": (
        "example", "2026-09-20", "2026-09-22", "2026-09-25", "2026-11-26", "change_of_mind",
        "unused", "own_shop", None,
        ["decline_return", "partial_refund_goodwill"],
        ["return-declined", "goodwill-after-window"]),
    "cancel on the day of the order": (
        "example", "2026-11-26", None, None, "2026-11-26", "change_of_mind", "unused",
        "own_shop",
        ["Cancellation window open until November 27, 2026.",
         "Return window not started yet: it counts from delivery.",
         "Window to report damage or faults counts from delivery."],
        ["cancel_refund"], ["cancel-ask-reason", "cancel-accepted"]),
    "cancel three days after ordering, not yet dispatched": (
        "example", "2026-11-23", None, None, "2026-11-26", "change_of_mind", "unused",
        "own_shop", ["Cancellation window closed 2 days ago (November 24, 2026)."],
        ["decline_cancel", "wait_for_delivery"],
        ["ask-reason-after-dispatch", "cancel-too-late", "custom-order-started"]),
    "cancel inside 24 hours but already dispatched, on eBay: no case to prepare": (
        "example", "2026-11-25", "2026-11-25", None, "2026-11-26", "change_of_mind", "unused",
        "ebay",
        ["The order was dispatched on November 25, 2026: it can no longer be cancelled."],
        ["decline_cancel", "wait_for_delivery"],
        ["ask-reason-after-dispatch", "cancel-too-late"]),
    "damaged, reported in time": (
        "example", "2026-11-10", "2026-11-12", "2026-11-15", "2026-11-20", "damaged",
        "unused", "own_shop",
        [None, None, "Window to report damage or faults open until December 15, 2026."],
        ["replacement", "refund", "partial_refund"], ["damaged-item", "offer-partial-refund"]),
    "damaged, reported late on Etsy": (
        "example", "2026-09-28", "2026-09-29", "2026-10-01", "2026-11-26", "damaged", "used",
        "etsy",
        [None, None, "Window to report damage or faults closed 26 days ago (October 31, 2026)."],
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
        "own_shop", None, ["track_parcel", "replacement", "refund"],
        ["not-received", "lost-parcel"]),
    "not received, in transit, on Etsy: the buyer may open a non-delivery case": (
        "example", "2026-11-10", "2026-11-12", None, "2026-11-26", "not_received", "unused",
        "etsy", None, ["track_parcel", "replacement", "refund", "prepare_escalation"],
        ["not-received", "lost-parcel", "escalation-etsy"]),
    "late, not yet dispatched, still cancellable": (
        "example", "2026-11-26", None, None, "2026-11-26", "late", "unused", "own_shop",
        None, ["dispatch_update", "cancel_refund"], ["cancel-accepted", "dispatch-delay"]),
    "late, not yet dispatched, past the cancellation window": (
        "example", "2026-11-20", None, None, "2026-11-26", "late", "unused", "own_shop",
        None, ["dispatch_update"], ["dispatch-delay"]),
    "used item inside the return window, on Etsy: no case for a change of mind": (
        "example", "2026-11-10", "2026-11-12", "2026-11-15", "2026-11-20", "change_of_mind",
        "used", "etsy", None,
        ["decline_condition", "partial_refund_goodwill"], ["return-condition-not-met"]),
    "used item inside the return window, on eBay: the buyer may ask eBay to step in": (
        "example", "2026-11-10", "2026-11-12", "2026-11-15", "2026-11-20", "change_of_mind",
        "used", "ebay", None,
        ["decline_condition", "partial_refund_goodwill", "prepare_escalation"],
        ["return-condition-not-met", "escalation-ebay"]),
    "no cancellations, no returns: asked to cancel, on Amazon": (
        "strict", "2026-11-26", None, None, "2026-11-26", "change_of_mind", "unused",
        "amazon",
        ["The policy does not allow cancellations.",
         "The policy does not accept returns for a change of mind."],
        ["decline_cancel"], ["ask-reason-after-dispatch", "cancel-too-late"]),
    "no returns: delivered, changed their mind": (
        "strict", "2026-11-01", "2026-11-02", "2026-11-05", "2026-11-10", "change_of_mind",
        "unused", "own_shop", None, ["decline_return"], ["return-declined"]),
    "cancellable until dispatch": (
        "fees", "2026-11-20", None, None, "2026-11-26", "change_of_mind", "unused", "etsy",
        ["Cancellation possible until the order is dispatched."],
        ["cancel_refund"], ["cancel-ask-reason", "cancel-accepted"]),
    "return window counted from dispatch": (
        "fees", "2026-09-30", "2026-10-01", "2026-10-03", "2026-11-26", "change_of_mind",
        "unused", "etsy", [None, "Return window open until November 30, 2026."],
        ["return_store_credit", "offer_refund", "exchange"], ["return-accepted"]),
    "no store credit, no partial refunds: a plain return": (
        "minimal", "2026-11-01", "2026-11-02", "2026-11-05", "2026-11-10", "change_of_mind",
        "unused", "own_shop", None, ["return_refund"], ["return-accepted"]),
    "last day of the return window": (
        "example", "2026-10-20", "2026-10-22", "2026-10-27", "2026-11-26", "change_of_mind",
        "unused", "own_shop",
        [None, "Return window open: today is the last day (November 26, 2026).",
         "Window to report damage or faults open: today is the last day (November 26, 2026)."],
        ["return_refund", "store_credit", "exchange"],
        ["return-accepted", "offer-store-credit"]),
    "one day after the return window": (
        "example", "2026-10-20", "2026-10-22", "2026-10-27", "2026-11-27", "change_of_mind",
        "unused", "own_shop", [None, "Return window closed 1 day ago (November 26, 2026)."],
        ["decline_return", "partial_refund_goodwill"],
        ["return-declined", "goodwill-after-window"]),
}


def day(text: str | None) -> dt.date | None:
    """The date written as YYYY-MM-DD, or None for no date."""
    return dt.date.fromisoformat(text) if text else None


def run_case(values: tuple) -> tuple:
    """The policy and the Case that one entry of CASES describes."""
    (name, order, shipped, delivered, today, reason, condition, marketplace,
     *_expected) = values
    policy = read_policy(POLICY_FILES[name])
    case = Case(order_date=day(order), shipped_date=day(shipped),
                delivered_date=day(delivered), today=day(today), reason=reason,
                condition=condition, marketplace=marketplace)
    return policy, case
