"""The case advisor: which clauses apply to one order, what to offer, which replies to send.

The rules live once, here, as a decision table built from the policy (`decision_table`);
their words are in wording.py. `advise` evaluates it in Python for the command line; the
toolkit page exports the same table as JSON and evaluates it in the browser with a small
generic engine, so the form and `shop-policy advise` cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, get_args

from shop_policy.errors import CaseError
from shop_policy.outputs.replies import available
from shop_policy.read.model import Marketplace, Policy
from shop_policy.rules.marketplaces import TAKE_PROBLEMS, TAKE_REFUSED_RETURNS

REASONS = ("change_of_mind", "damaged", "defective", "not_as_described", "not_received",
           "late")
CONDITIONS = ("unused", "used")
MARKETPLACES: tuple[str, ...] = get_args(Marketplace)
DELIVERY = ["not_received", "late"]


@dataclass(frozen=True)
class Case:
    order_date: dt.date
    today: dt.date
    reason: str
    condition: str = "unused"
    marketplace: str = "own_shop"
    shipped_date: dt.date | None = None
    delivered_date: dt.date | None = None
    asked: str | None = None  # what the buyer asked for: one of ASKED
    amount: Decimal | None = None  # what the buyer paid for the order
    case_open: bool = False  # a case is open on the marketplace
    chargeback: bool = False  # a chargeback is open with the payment provider
    order_time: dt.time | None = None  # when in the day the order was placed
    now: dt.time | None = None  # the time of day the case is judged at

    def check(self) -> None:
        dates = [("order date", self.order_date), ("dispatch date", self.shipped_date),
                 ("delivery date", self.delivered_date)]
        known = [(name, day) for name, day in dates if day is not None]
        for (first, a), (second, b) in itertools.pairwise(known):
            if b < a:
                raise CaseError(f"the {second} ({b}) is before the {first} ({a}); "
                                "check the dates")
        if self.delivered_date and not self.shipped_date:
            raise CaseError("a delivery date needs a dispatch date; give --shipped too")
        if known[-1][1] > self.today:
            raise CaseError(f"the {known[-1][0]} ({known[-1][1]}) is after today "
                            f"({self.today}); check the dates or give --today")


def _rule(when: dict[str, list[str]], resolutions: list[str], replies: list[str],
          escalate: tuple[str, ...] = ()) -> dict[str, Any]:
    """One row of the table. `escalate`: the marketplaces whose own process takes this
    case up, where the advisor prepares the escalation reply."""
    return {"when": when, "resolutions": resolutions, "replies": replies,
            "escalate": list(escalate)}


def decision_table(policy: Policy) -> dict[str, Any]:
    """The whole decision, as data: window lengths and ordered rules. First match wins."""
    cancel = policy.cancellation
    returns = policy.returns
    offered = {spec.id for spec in available(policy)}
    rules = [*_delivery_rules(policy), *_fault_rules(policy), *_cancel_rules(policy),
             *_return_rules(policy)]
    for rule in rules:
        rule["replies"] = [r for r in rule["replies"] if r in offered]
    if "unused" not in returns.condition:
        # The policy does not ask for unused items: a used item returns like any other.
        rules = [r for r in rules if r["when"].get("condition") != ["used"]]
        for rule in rules:
            rule["when"].pop("condition", None)
    return {
        "number": policy.version.number,
        "versions": _versions(policy),
        "cancel": {"kind": ("none" if not cancel.allowed else
                            "dispatch" if cancel.until == "dispatch" else "hours"),
                   "days": math.ceil((cancel.hours or 0) / 24), "hours": cancel.hours or 0},
        "return": {"offered": returns.accepted, "starts": returns.window_starts,
                   "days": returns.window_days or 0},
        "report": {"days": policy.damaged_items.report_within_days},
        "escalation": {m: f"escalation-{m}" for m in ("etsy", "ebay", "amazon")
                       if f"escalation-{m}" in offered},
        "rules": rules,
    }


def _delivery_rules(policy: Policy) -> list[dict[str, Any]]:
    """A parcel not dispatched yet, lost or late."""
    lost = policy.damaged_items.remedies_for("not_received")
    return [
        _rule({"reason": DELIVERY, "stage": ["ordered"], "cancel": ["open"]},
              ["dispatch_update", "cancel_refund"], ["cancel-accepted", "dispatch-delay"]),
        _rule({"reason": DELIVERY, "stage": ["ordered"]}, ["dispatch_update"], ["dispatch-delay"]),
        _rule({"reason": DELIVERY}, ["track_parcel", *lost], ["not-received", "lost-parcel"],
              escalate=TAKE_PROBLEMS),
    ]


# The advisor's reasons for a fault, and what the policy calls them.
FAULTS = {"damaged": "damaged_in_transit", "defective": "faulty",
          "not_as_described": "not_as_described"}


def _fault_rules(policy: Policy) -> list[dict[str, Any]]:
    """An item damaged, defective or not as described: reported in time, or late."""
    in_time = {"report": ["open", "not_started"]}
    rules = []
    for late in (False, True):
        for reason, kind in FAULTS.items():
            remedies = policy.damaged_items.remedies_for(kind)  # type: ignore[arg-type]
            reply = "not-as-described" if reason == "not_as_described" else "damaged-item"
            partial = ["offer-partial-refund"] if (
                "partial_refund" in remedies and policy.refunds.partial_refunds) else []
            rules.append(_rule({"reason": [reason]}, ["late_report", *remedies], [reply],
                               escalate=TAKE_PROBLEMS) if late else
                         _rule({"reason": [reason], **in_time}, remedies, [reply, *partial]))
    return rules


def _cancel_rules(policy: Policy) -> list[dict[str, Any]]:
    """A change of mind before delivery: cancel while the window is open, else explain
    (before dispatch, it may be a piece made to order and already begun)."""
    after = ["wait_for_delivery"] if policy.returns.accepted else []
    return [
        _rule({"stage": ["ordered"], "cancel": ["open"]}, ["cancel_refund"],
              ["cancel-ask-reason", "cancel-accepted"]),
        *(_rule({"stage": [stage]}, ["decline_cancel", *after],
                ["ask-reason-after-dispatch", "cancel-too-late", *made])
          for stage, made in (("ordered", ["custom-order-started"]), ("in_transit", []))),
    ]


def _return_rules(policy: Policy) -> list[dict[str, Any]]:
    """A change of mind after delivery: return within the window, in the right condition."""
    offered = policy.returns.change_of_mind
    refund_first = offered[:1] == ["refund"]
    # What follows the first option is offered: as the older wording where it fits.
    alternatives = [("store_credit" if refund_first else "offer_store_credit")
                    if m == "store_credit" else "exchange" if m == "exchange"
                    else "offer_refund" for m in offered[1:]]
    credit = ["offer-store-credit"] if refund_first and "store_credit" in offered else []
    goodwill = ["partial_refund_goodwill"] if policy.refunds.partial_refunds else []
    gesture = ["goodwill-after-window"] if offered and (
        policy.refunds.partial_refunds or policy.offers_store_credit) else []
    return [
        _rule({"return": ["open"], "condition": ["unused"]},
              [f"return_{offered[0]}" if offered else "decline_return", *alternatives],
              ["return-accepted", *credit] if offered else ["return-declined"]),
        _rule({"return": ["open"], "condition": ["used"]},
              ["decline_condition", *goodwill], ["return-condition-not-met"],
              escalate=TAKE_REFUSED_RETURNS),
        _rule({}, ["decline_return", *goodwill], ["return-declined", *gesture]),
    ]


def _versions(policy: Policy) -> list[dict[str, str]]:
    """Every version of the policy with the day it took effect, oldest first."""
    version = policy.version
    known = sorted({(c.date.isoformat(), c.number) for c in version.changes}
                   | {(version.effective_date.isoformat(), version.number)})
    return [{"since": since, "number": number} for since, number in known]


def _window(start: dt.date | None, days: int, today: dt.date) -> dict[str, Any]:
    if start is None:
        return {"state": "not_started"}
    end = start + dt.timedelta(days=days)
    if today <= end:
        return {"state": "open", "end": end.isoformat(), "days": (end - today).days}
    return {"state": "closed", "end": end.isoformat(), "days": (today - end).days}


def _hours_window(case: Case, hours: int) -> dict[str, Any]:
    """A cancellation window of `hours`, to the minute, when both times are known."""
    assert case.order_time is not None and case.now is not None
    end = dt.datetime.combine(case.order_date, case.order_time) + dt.timedelta(hours=hours)
    now = dt.datetime.combine(case.today, case.now)
    shown = end.isoformat(sep=" ", timespec="minutes")
    # No day count: the window ends at a time, which the clause states.
    return {"state": "open" if now <= end else "closed", "end": shown}


def windows(table: dict[str, Any], case: Case) -> dict[str, dict[str, Any]]:
    """The state of each window on `case.today`. Mirrored by windows() in toolkit.js."""
    stage = ("ordered" if case.shipped_date is None else
             "in_transit" if case.delivered_date is None else "delivered")
    cancel = table["cancel"]
    if cancel["kind"] == "none":
        cancel_state: dict[str, Any] = {"state": "not_offered"}
    elif stage != "ordered":
        cancel_state = {"state": "dispatched", "end": case.shipped_date.isoformat()}
    elif cancel["kind"] == "dispatch":
        cancel_state = {"state": "open_until_dispatch"}
    else:
        cancel_state = _window(case.order_date, cancel["days"], case.today)
    if cancel["kind"] == "hours" and stage != "ordered":
        closed = _window(case.order_date, cancel["days"], case.today)
        if closed["state"] == "closed":
            cancel_state = closed
    if cancel["kind"] == "hours" and case.order_time and case.now and \
            cancel_state["state"] in ("open", "closed"):
        cancel_state = _hours_window(case, cancel["hours"])
    returns = table["return"]
    if not returns["offered"]:
        return_state: dict[str, Any] = {"state": "not_offered"}
    else:
        start = case.delivered_date if returns["starts"] == "delivery" else case.shipped_date
        return_state = _window(start, returns["days"], case.today)
        return_state["start"] = returns["starts"]
    report_state = _window(case.delivered_date, table["report"]["days"], case.today)
    order = case.order_date.isoformat()
    applied = [v for v in table["versions"] if v["since"] <= order]
    version_state: dict[str, Any] = ({"state": "known", "version": applied[-1]["number"],
                                      "since": applied[-1]["since"]} if applied
                                     else {"state": "unknown"})
    if applied and applied[-1]["number"] != table["number"]:
        version_state["state"] = "known_without_facts"
    return {"stage": {"state": stage}, "cancel": cancel_state, "return": return_state,
            "report": report_state, "version": version_state}


def match(table: dict[str, Any], case: Case) -> tuple[dict[str, Any], dict[str, Any]]:
    state = windows(table, case)
    facts = {"reason": case.reason, "condition": case.condition,
             "stage": state["stage"]["state"], "cancel": state["cancel"]["state"],
             "return": state["return"]["state"], "report": state["report"]["state"]}
    if facts["cancel"] == "open_until_dispatch":
        facts["cancel"] = "open"
    for rule in table["rules"]:
        if all(facts[key] in allowed for key, allowed in rule["when"].items()):
            return rule, state
    raise AssertionError("the last rule matches every case")


@dataclass(frozen=True)
class Advice:
    clauses: list[dict[str, Any]]
    resolutions: list[str]
    replies: list[str]


# What a buyer may ask for, and the offers of the decision table that give it.
ASKED = {
    "cancel": ("cancel_refund",),
    "refund": ("cancel_refund", "return_refund", "refund", "offer_refund"),
    "store_credit": ("return_store_credit", "store_credit", "offer_store_credit"),
    "exchange": ("return_exchange", "exchange"),
    "replacement": ("replacement",),
    "repair": ("repair",),
    "partial_refund": ("partial_refund", "partial_refund_goodwill"),
}


def _asked_first(resolutions: list[str], asked: str | None) -> list[str]:
    """The offers with what the buyer asked for first, and a word on whether the policy
    gives it here."""
    if asked is None:
        return resolutions
    giving = [r for r in resolutions if r in ASKED[asked]]
    if not giving:
        return [*resolutions, "asked_not_granted"]
    rest = [r for r in resolutions if r != giving[0]]
    return [giving[0], *rest, "asked_granted"]


def judged_by(policy: Policy, case: Case) -> Policy:
    """The version an order is judged by: the one in force on its order date, when its
    facts are known (policies/history/), else the current one."""
    return policy.in_force(case.order_date) or policy


def advise(policy: Policy, case: Case) -> Advice:
    case.check()
    table = decision_table(judged_by(policy, case))
    rule, state = match(table, case)
    resolutions = _asked_first(list(rule["resolutions"]), case.asked)
    replies = list(rule["replies"])
    escalation = table["escalation"].get(case.marketplace)
    if case.chargeback:
        resolutions.insert(0, "chargeback_open")
    elif case.case_open:
        resolutions.insert(0, "case_open")
    if (case.marketplace in rule["escalate"] or case.case_open) and escalation:
        if not (case.case_open or case.chargeback):  # else it is open already
            resolutions.append("prepare_escalation")
        replies.append(escalation)
    clauses = [{"window": name, **state[name]}
               for name in ("cancel", "return", "report", "version")]
    return Advice(clauses=clauses, resolutions=resolutions, replies=replies)
