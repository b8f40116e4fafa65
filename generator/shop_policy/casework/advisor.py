"""The case advisor: which clauses apply to one order, what to offer, which replies to send.

The rules live once, here, as a decision table built from the policy (`decision_table`).
`advise` evaluates it in Python for the command line; the toolkit page exports the same
table as JSON and evaluates it in the browser with a small generic engine, so the form
and `shop-policy advise` cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from dataclasses import dataclass
from typing import Any, get_args

from babel import Locale

from shop_policy.errors import CaseError
from shop_policy.outputs.replies import available
from shop_policy.read.model import Marketplace, Policy
from shop_policy.text.labels import N_, NP_

REASONS = ("change_of_mind", "damaged", "defective", "not_as_described", "not_received",
           "late")
CONDITIONS = ("unused", "used")
MARKETPLACES: tuple[str, ...] = get_args(Marketplace)
FAULTS = ["damaged", "defective", "not_as_described"]
DELIVERY = ["not_received", "late"]

RESOLUTIONS = {
    "cancel_refund": N_("Cancel the order and refund it in full."),
    "dispatch_update": N_("Tell the buyer when the order will be dispatched."),
    "decline_cancel": N_("Explain that the order can no longer be cancelled."),
    "wait_for_delivery": N_("Explain the return route: once the parcel arrives, the buyer "
                            "can send it back under the return rules."),
    "return_refund": N_("Accept the return and refund once the item is back."),
    "store_credit": N_("Offer store credit instead of a refund."),
    "exchange": N_("Offer an exchange."),
    "decline_return": N_("Decline politely and firmly, citing the clause."),
    "decline_condition": N_("Decline the return: the item is not in the condition the "
                            "policy requires. Ask for photos first."),
    "partial_refund_goodwill": N_("Optionally, offer a partial refund to settle."),
    "track_parcel": N_("Check the tracking and contact the carrier."),
    "replacement": N_("Send a replacement."),
    "refund": N_("Refund in full."),
    "partial_refund": N_("Offer a partial refund if the buyer keeps the item."),
    "repair": N_("Offer a free repair."),
    "late_report": N_("The reporting window has closed, but the buyer's legal rights for "
                      "faulty goods may still apply: consider offering a remedy anyway."),
    "prepare_escalation": N_("If the buyer opens a case with the marketplace, gather the "
                             "evidence listed in the escalation reply."),
}

CLAUSES = {
    "cancel.open": N_("Cancellation window open until {end}."),
    "cancel.open_until_dispatch": N_("Cancellation possible until the order is dispatched."),
    "cancel.closed": NP_("Cancellation window closed {days} day ago ({end}).",
                         "Cancellation window closed {days} days ago ({end})."),
    "cancel.dispatched": N_("The order was dispatched on {end}: it can no longer be "
                            "cancelled."),
    "cancel.not_offered": N_("The policy does not allow cancellations."),
    "return.open": N_("Return window open until {end}."),
    "return.closed": NP_("Return window closed {days} day ago ({end}).",
                         "Return window closed {days} days ago ({end})."),
    "return.not_started": N_("Return window not started yet: it counts from {start}."),
    "return.not_offered": N_("The policy does not accept returns for a change of mind."),
    "report.open": N_("Window to report damage or faults open until {end}."),
    "report.closed": NP_("Window to report damage or faults closed {days} day ago ({end}).",
                         "Window to report damage or faults closed {days} days ago ({end})."),
    "report.not_started": N_("Window to report damage or faults counts from delivery."),
    "version.known": N_("On the order date, version {version} of the policy applied "
                        "(in effect from {since})."),
    "version.unknown": N_("No version of the policy is recorded for the order date."),
}
INVALID_DATES = N_("Check the dates: the order comes first, then the dispatch, then the "
                   "delivery, and none can be after the day you judge the case on.")
START_WORDS = {"delivery": N_("delivery"), "dispatch": N_("dispatch")}


@dataclass(frozen=True)
class Case:
    order_date: dt.date
    today: dt.date
    reason: str
    condition: str = "unused"
    marketplace: str = "own_shop"
    shipped_date: dt.date | None = None
    delivered_date: dt.date | None = None

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
          escalate: bool = False) -> dict[str, Any]:
    return {"when": when, "resolutions": resolutions, "replies": replies,
            "escalate": escalate}


def decision_table(policy: Policy) -> dict[str, Any]:
    """The whole decision, as data: window lengths and ordered rules. First match wins."""
    cancel = policy.cancellation
    returns = policy.returns
    refunds = policy.refunds
    offered = {spec.id for spec in available(policy)}
    remedies = list(policy.damaged_items.remedies)
    alternatives = [m for m in ("store_credit", "exchange") if m in refunds.methods]
    fault_replies = ["offer-partial-refund"] if (
        "partial_refund" in remedies and refunds.partial_refunds) else []
    goodwill = ["partial_refund_goodwill"] if refunds.partial_refunds else []

    rules = [
        _rule({"reason": DELIVERY, "stage": ["ordered"], "cancel": ["open"]},
              ["dispatch_update", "cancel_refund"], ["cancel-accepted"]),
        _rule({"reason": DELIVERY, "stage": ["ordered"]}, ["dispatch_update"], []),
        _rule({"reason": DELIVERY}, ["track_parcel", "replacement", "refund"],
              ["not-received"]),
        _rule({"reason": ["damaged", "defective"], "report": ["open", "not_started"]},
              remedies, ["damaged-item", *fault_replies]),
        _rule({"reason": ["not_as_described"], "report": ["open", "not_started"]},
              remedies, ["not-as-described", *fault_replies]),
        _rule({"reason": ["damaged", "defective"]}, ["late_report", *remedies],
              ["damaged-item"], escalate=True),
        _rule({"reason": ["not_as_described"]}, ["late_report", *remedies],
              ["not-as-described"], escalate=True),
        _rule({"stage": ["ordered"], "cancel": ["open"]}, ["cancel_refund"],
              ["cancel-ask-reason", "cancel-accepted"]),
        _rule({"stage": ["ordered", "in_transit"]},
              ["decline_cancel", *(["wait_for_delivery"] if returns.accepted else [])],
              ["cancel-too-late"], escalate=True),
        _rule({"return": ["open"], "condition": ["unused"]},
              ["return_refund", *alternatives],
              ["return-accepted", *(["offer-store-credit"] if alternatives[:1] == [
                  "store_credit"] else [])]),
        _rule({"return": ["open"], "condition": ["used"]},
              ["decline_condition", *goodwill], ["return-condition-not-met"],
              escalate=True),
        _rule({}, ["decline_return", *goodwill], ["return-declined"], escalate=True),
    ]
    for rule in rules:
        rule["replies"] = [r for r in rule["replies"] if r in offered]
    if "unused" not in returns.condition:
        # The policy does not ask for unused items: a used item returns like any other.
        rules = [r for r in rules if r["when"].get("condition") != ["used"]]
        for rule in rules:
            rule["when"].pop("condition", None)
    versions = sorted({(c.date.isoformat(), c.number) for c in policy.version.changes}
                      | {(policy.version.effective_date.isoformat(), policy.version.number)})
    return {
        "versions": [{"since": since, "number": number} for since, number in versions],
        "cancel": {"kind": ("none" if not cancel.allowed else
                            "dispatch" if cancel.until == "dispatch" else "hours"),
                   "days": math.ceil((cancel.hours or 0) / 24)},
        "return": {"offered": returns.accepted, "starts": returns.window_starts,
                   "days": returns.window_days or 0},
        "report": {"days": policy.damaged_items.report_within_days},
        "escalation": {m: f"escalation-{m}" for m in ("etsy", "ebay", "amazon")
                       if f"escalation-{m}" in offered},
        "rules": rules,
    }


def _window(start: dt.date | None, days: int, today: dt.date) -> dict[str, Any]:
    if start is None:
        return {"state": "not_started"}
    end = start + dt.timedelta(days=days)
    if today <= end:
        return {"state": "open", "end": end.isoformat(), "days": (end - today).days}
    return {"state": "closed", "end": end.isoformat(), "days": (today - end).days}


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


def advise(policy: Policy, case: Case) -> Advice:
    case.check()
    table = decision_table(policy)
    rule, state = match(table, case)
    resolutions = list(rule["resolutions"])
    replies = list(rule["replies"])
    escalation = table["escalation"].get(case.marketplace)
    if rule["escalate"] and escalation:
        resolutions.append("prepare_escalation")
        replies.append(escalation)
    clauses = [{"window": name, **state[name]}
               for name in ("cancel", "return", "report", "version")]
    return Advice(clauses=clauses, resolutions=resolutions, replies=replies)


def messages(locale: str, translations: Any) -> dict[str, Any]:
    """Translated texts of the advisor, shared by Python and the toolkit page.

    A clause with a count comes as one template per CLDR plural category of the locale,
    so that Python (Babel) and the browser (Intl.PluralRules) pick the same form.
    """
    plural = Locale.parse(locale).plural_form
    samples: dict[str, int] = {}
    # Enough whole numbers to meet every integer plural category CLDR knows.
    for n in (0, 1, 2, 3, 5, 6, 11, 12, 21, 22, 25, 100, 101, 102, 111, 1000, 1000000):
        samples.setdefault(plural(n), n)
    clauses: dict[str, dict[str, str]] = {}
    for key, text in CLAUSES.items():
        if isinstance(text, tuple):
            clauses[key] = {cat: translations.ngettext(text[0], text[1], n)
                            for cat, n in samples.items()}
            # Whole numbers never reach "other" in some languages (Polish); keep one anyway.
            clauses[key].setdefault("other", translations.ngettext(text[0], text[1], 1000))
        else:
            clauses[key] = {"other": translations.gettext(text)}
    return {
        "clauses": clauses,
        "starts": {k: translations.gettext(v) for k, v in START_WORDS.items()},
        "resolutions": {k: translations.gettext(v) for k, v in RESOLUTIONS.items()},
        "invalid": translations.gettext(INVALID_DATES),
    }


def clause_text(clause: dict[str, Any], texts: dict[str, Any], locale: str) -> str:
    """One clause as a sentence. Mirrored by clauseText() in toolkit.js."""
    forms = texts["clauses"][f"{clause['window']}.{clause['state']}"]
    days = clause.get("days")
    category = Locale.parse(locale).plural_form(days) if days is not None else "other"
    template = forms.get(category, forms["other"])
    start = clause.get("start")
    return (template.replace("{end}", str(clause.get("end", "")))
            .replace("{days}", str(days if days is not None else ""))
            .replace("{start}", texts["starts"][start] if start else "")
            .replace("{version}", str(clause.get("version", "")))
            .replace("{since}", str(clause.get("since", ""))))
