"""The advisor's words: the clauses it cites, the offers it lists, in every locale.

Shared by `shop-policy advise` (Python) and the toolkit page (the browser), which get
the same translated texts, with one form per plural category of the locale.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel import Locale
from babel.dates import format_date

from shop_policy.text.labels import N_, NP_

RESOLUTIONS = {
    "cancel_refund": N_("Cancel the order and refund it in full."),
    "dispatch_update": N_("Tell the buyer when the order will be dispatched."),
    "decline_cancel": N_("Explain that the order can no longer be cancelled."),
    "wait_for_delivery": N_("Explain the return route: once the parcel arrives, the buyer "
                            "can send it back under the return rules."),
    "return_refund": N_("Accept the return and refund once the item is back."),
    "return_store_credit": N_("Accept the return and issue store credit once the item is "
                              "back."),
    "return_exchange": N_("Accept the return and send the exchange once the item is back."),
    "offer_refund": N_("If the buyer prefers, refund instead."),
    "offer_store_credit": N_("If the buyer prefers, issue store credit instead."),
    "store_credit": N_("Offer store credit instead of a refund."),
    "exchange": N_("Offer an exchange."),
    "decline_return": N_("Decline politely and firmly, citing the clause."),
    "decline_condition": N_("Decline the return: the item is not in the condition the "
                            "policy requires. Ask for photos first."),
    "partial_refund_goodwill": N_("Optionally, offer a partial refund to settle, as a "
                                  "one-off gesture."),
    "track_parcel": N_("Check the tracking and contact the carrier."),
    "replacement": N_("Send a replacement."),
    "refund": N_("Refund in full."),
    "partial_refund": N_("Offer a partial refund if the buyer keeps the item."),
    "repair": N_("Offer a free repair."),
    "late_report": N_("The reporting window has closed, but the buyer's legal rights for "
                      "faulty goods may still apply: consider offering a remedy anyway."),
    "prepare_escalation": N_("If the buyer opens a case with the marketplace, gather the "
                             "evidence listed in the escalation reply."),
    "case_open": N_("A case is open on the marketplace: answer it there, within its "
                    "deadline, with the dispute evidence."),
    "chargeback_open": N_("A chargeback is open: answer it through your payment provider, "
                          "with the dispute evidence, and do not refund the buyer "
                          "separately meanwhile."),
    "asked_granted": N_("What the buyer asked for is among what the policy gives here, so "
                        "it comes first."),
    "asked_not_granted": N_("What the buyer asked for is not among what the policy gives "
                            "here: offer what is listed, or make a clear one-off exception."),
}

CLAUSES = {
    "cancel.open": N_("Cancellation window open until {end}."),
    "cancel.last_day": N_("Cancellation window open: today is the last day ({end})."),
    "cancel.open_until_dispatch": N_("Cancellation possible until the order is dispatched."),
    "cancel.closed": NP_("Cancellation window closed {days} day ago ({end}).",
                         "Cancellation window closed {days} days ago ({end})."),
    "cancel.closed_at": N_("Cancellation window closed at {end}."),
    "cancel.dispatched": N_("The order was dispatched on {end}: it can no longer be "
                            "cancelled."),
    "cancel.not_offered": N_("The policy does not allow cancellations."),
    "return.open": N_("Return window open until {end}."),
    "return.last_day": N_("Return window open: today is the last day ({end})."),
    "return.closed": NP_("Return window closed {days} day ago ({end}).",
                         "Return window closed {days} days ago ({end})."),
    "return.not_started": N_("Return window not started yet: it counts from {start}."),
    "return.not_offered": N_("The policy does not accept returns for a change of mind."),
    "report.open": N_("Window to report damage or faults open until {end}."),
    "report.last_day": N_("Window to report damage or faults open: today is the last day "
                          "({end})."),
    "report.closed": NP_("Window to report damage or faults closed {days} day ago ({end}).",
                         "Window to report damage or faults closed {days} days ago ({end})."),
    "report.not_started": N_("Window to report damage or faults counts from delivery."),
    "version.known": N_("On the order date, version {version} of the policy applied "
                        "(in effect from {since})."),
    "version.known_without_facts": N_("On the order date, version {version} of the policy "
                                      "applied (in effect from {since}), but its rules are "
                                      "not kept in policies/history/: this advice follows "
                                      "the current version."),
    "version.unknown": N_("No version of the policy is recorded for the order date."),
}
INVALID_DATES = N_("Check the dates: the order comes first, then the dispatch, then the "
                   "delivery, and none can be after the day you judge the case on.")
# What conflicts, said at the field that conflicts (the toolkit's advisor form).
DATE_CONFLICTS = {
    "shipped_before_order": N_("The dispatch date is before the order date."),
    "delivered_before_shipped": N_("The delivery date is before the dispatch date."),
    "delivered_without_shipped": N_("A delivery date needs a dispatch date too."),
    "after_today": N_("This date is after the day you judge the case on."),
}
START_WORDS = {"delivery": N_("delivery"), "dispatch": N_("dispatch")}



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
        "conflicts": {k: translations.gettext(v) for k, v in DATE_CONFLICTS.items()},
    }


def clause_text(clause: dict[str, Any], texts: dict[str, Any], locale: str) -> str:
    """One clause as a sentence. Mirrored by clauseText() in toolkit.js."""
    days = clause.get("days")
    state = "last_day" if clause["state"] == "open" and days == 0 else clause["state"]
    if state == "closed" and days is None:  # a window in hours, closed at a time
        state = "closed_at"
    forms = texts["clauses"][f"{clause['window']}.{state}"]
    category = Locale.parse(locale).plural_form(days) if days is not None else "other"
    template = forms.get(category, forms["other"])
    start = clause.get("start")
    return (template.replace("{end}", long_date(str(clause.get("end", "")), locale))
            .replace("{days}", str(days if days is not None else ""))
            .replace("{start}", texts["starts"][start] if start else "")
            .replace("{version}", str(clause.get("version", "")))
            .replace("{since}", long_date(str(clause.get("since", "")), locale)))


def long_date(value: str, locale: str) -> str:
    """A day of the decision table ("2026-11-27", or "2026-11-27 14:00" for a window in
    hours) as the locale writes it ("27. November 2026 14:00"). Mirrored by longDate() in
    toolkit.js: Babel's long format and the browser's agree (tests/test_browser.py)."""
    day, _, time = value.partition(" ")
    try:
        date = dt.date.fromisoformat(day)
    except ValueError:
        return value
    return format_date(date, "long", locale=locale) + (f" {time}" if time else "")
