"""The law's floor, in the texts: what a buyer in each market must be told is there, in
every locale. The markets and their duties come from the law's table (rules/law.py);
the words are each locale's own, as its catalog has them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from shop_policy.checks.consistency import plain
from shop_policy.checks.finding import Finding, Severity
from shop_policy.pipeline import Rendered
from shop_policy.read.model import Policy
from shop_policy.rules.law import LAW, floors
from shop_policy.text import labels
from shop_policy.text.facts import facts_for
from shop_policy.text.labels import N_
from shop_policy.text.render import withdrawal_where
from shop_policy.text.translations import translations

Need = tuple[str, str]  # ("msg", msgid), ("where", labels dict), ("fact", name), ("text", ...)


@dataclass(frozen=True)
class Duty:
    """Something each locale's texts must say where a market asks for it."""

    code: str
    markets: frozenset[str]
    what: str
    source: str
    files: tuple[tuple[str, str, tuple[Need, ...]], ...]  # (folder, path in the locale, needs)
    applies: Callable[[Policy], bool] = lambda policy: True


_PERIOD: Need = ("fact", "withdrawal_period")
# The refund's clock as the law sets it: from the buyer's notice, with the right to wait.
_REFUND: Need = ("msg", N_(
    "We then refund everything you paid, including the standard delivery charge, within "
    "%(days)s of the day you tell us, by the same means of payment and at no cost to you. "
    "We may wait with the refund until we have the goods back or you have shown us that "
    "you sent them, whichever comes first."))
# A sentence that differs by where the right applies: the variant for this shop's buyers.
_CONDITION: Need = ("where", "WITHDRAWAL_CONDITION")
_DISPATCH: Need = ("fact", "dispatch_time")
_FORM: Need = ("where", "FORM_TITLE")
DUTIES = (
    Duty("LAW-WITHDRAWAL-INFO", frozenset({"EU", "GB"}),
         "the right of withdrawal, its period and the withdrawal form",
         f"{LAW['EU'].duties[0][1]}; {LAW['GB'].duties[0][1]}",
         (("site_src", "policy.md", (("where", "RIGHT_TITLE"), _PERIOD,
                                     ("text", "withdrawal-form.md"), _REFUND)),
          ("site_src", "withdrawal-form.md", (_FORM,)),
          ("snippets", "withdrawal-form.txt", (_FORM,)),
          ("site_src", "faq.md", (("where", "FAQ_QUESTION"), _PERIOD)),
          ("snippets", "email/order-confirmation.txt", (_PERIOD, ("fact", "form_url"))))),
    Duty("LAW-CONDITION-DEDUCTION", frozenset({"EU", "GB"}),
         "that an item's condition allows a deduction, never a refusal, on a withdrawal",
         LAW["EU"].withdrawal.source,  # type: ignore[union-attr]
         (("site_src", "policy.md", (("where", "CONDITION_DEDUCTION"),)),
          ("snippets", "replies/return-condition-not-met.txt", (_CONDITION,))),
         lambda policy: policy.returns.accepted and bool(policy.returns.condition)),
    Duty("LAW-GUARANTEE-INFO", frozenset({"EU", "GB", "AU"}),
         "the legal guarantee for faulty goods, apart from the seller's own window",
         f"{LAW['EU'].duties[2][1]}; {LAW['AU'].duties[0][1]}",
         (("site_src", "policy.md", (("msg", N_("Legal guarantee for faulty goods")), ("msg", N_(
             "Telling us about damage within %(window)s helps us claim from the carrier; it "
             "does not shorten these rights.")))),)),
    Duty("LAW-DISPATCH-TIME", frozenset({"US", "EU"}), "when the order is dispatched",
         f"{LAW['US'].duties[0][1]}; {LAW['EU'].duties[3][1]}",
         (("site_src", "policy.md", (_DISPATCH,)), ("site_src", "faq.md", (_DISPATCH,)),
          ("snippets", "email/order-confirmation.txt", (_DISPATCH,)))),
)


def law_findings(policy: Policy, rendered: Rendered) -> Iterator[Finding]:
    """An error for each text that leaves out what a market's law asks it to say."""
    reached = {floor.code for floor in floors(list(policy.shop.sells_to))}
    for duty in DUTIES:
        if duty.markets & reached and duty.applies(policy):
            for locale in policy.shop.locales:
                yield from _locale(policy, rendered, duty, locale)


def _locale(policy: Policy, rendered: Rendered, duty: Duty, locale: str
            ) -> Iterator[Finding]:
    catalog = translations(locale)
    facts = facts_for(policy, locale, catalog)
    sells_to = list(policy.shop.sells_to)

    def words(need: Need) -> str:
        kind, value = need
        if kind == "where":
            kind, value = "msg", getattr(labels, value)[withdrawal_where(sells_to)]
        if kind == "msg":  # the longest part of the locale's sentence between its values
            parts = re.split(r"%\(\w+\)s", plain(catalog.gettext(value)))
            return max((p.strip() for p in parts), key=len)
        return plain(getattr(facts, value) if kind == "fact" else value)

    for folder, rel, needs in duty.files:
        path = f"{locale}/{rel}"
        text = rendered.files[folder].get(path)
        if text is None:
            missing = "the file is missing"
        else:
            seen = plain(text)
            absent = [words(n) for n in needs if words(n) not in seen]
            if not absent:
                continue
            missing = f"'{absent[0]}' is missing"
        yield Finding("law", duty.code, Severity.ERROR, f"{folder}/{path}", 0, 0,
                      f"does not tell the buyer {duty.what} ({missing})", duty.source)
