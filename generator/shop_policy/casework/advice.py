"""Advice for one case, made readable: clause sentences, offers, and the filled-in replies."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from babel.dates import format_date
from babel.numbers import get_currency_precision

from shop_policy.casework.advisor import Case, advise, judged_by
from shop_policy.casework.evidence import WORDS, Evidence, evidence
from shop_policy.casework.wording import clause_text, messages
from shop_policy.errors import CaseError
from shop_policy.outputs.replies import SPEC_BY_ID, Reply, render_reply
from shop_policy.read.model import Policy
from shop_policy.text.facts import Facts, facts_for, money
from shop_policy.text.labels import N_
from shop_policy.text.render import environment, render, use_locale
from shop_policy.text.translations import translations


@dataclass(frozen=True)
class Result:
    case: Case
    locale: str
    clauses: list[dict[str, Any]]
    resolutions: list[dict[str, str]]
    replies: list[Reply]
    evidence: Evidence
    amounts: dict[str, str]

    def evidence_text(self) -> str:
        _ = translations(self.locale).gettext
        return self.evidence.markdown({key: _(WORDS[key])
                                       for key in ("timeline", "policy", "attach")})


def _amounts(policy: Policy, case: Case, locale: str) -> dict[str, str]:
    """What the order is worth, as paid and as store credit with its bonus."""
    if case.amount is None:
        return {}
    currency = policy.shop.currency
    found = {"paid": money(case.amount, currency, locale)}
    if policy.offers_store_credit:
        credit = policy.refunds.store_credit
        bonus = credit.bonus_percent if credit else Decimal(0)
        step = Decimal(1).scaleb(-get_currency_precision(currency))
        value = (case.amount * (100 + bonus) / 100).quantize(step, ROUND_HALF_UP)
        found["store_credit"] = money(value, currency, locale)
    return found


# The replies whose [[amount]] the order's amount fills, and with which of _amounts.
AMOUNT_OF = {"cancel-accepted": "paid", "offer-store-credit": "store_credit"}


def cited_without_facts(facts: Facts, number: str, since: dt.date) -> Facts:
    """The current facts, citing version `number` (in force from `since`), whose own
    facts and page are not kept: its number and date, and a link to the changes."""
    return replace(facts, version=number, version_url=f"{facts.site_url}changes/",
                   effective_date=format_date(since, "long", locale=facts.locale))


def resolve(policy: Policy, case: Case, locale: str) -> Result:
    if locale not in policy.shop.locales:
        raise CaseError(f"--locale {locale}: the policy is not published in this "
                        f"language; use one of {', '.join(policy.shop.locales)}")
    advice = advise(policy, case)
    judged = judged_by(policy, case)
    catalog = translations(locale)
    texts = messages(locale, catalog)
    env = environment()
    use_locale(env, locale)
    facts = facts_for(judged, locale, catalog)  # replies link its page: f.version_url
    version = next(c for c in advice.clauses if c["window"] == "version")
    if version["state"] == "known_without_facts":
        facts = cited_without_facts(facts, version["version"],
                                    dt.date.fromisoformat(version["since"]))
    known = {"order_date": case.order_date, "shipped_date": case.shipped_date,
             "delivered_date": case.delivered_date}
    values = {k: format_date(v, "long", locale=locale) for k, v in known.items() if v}
    amounts = _amounts(judged, case, locale)

    def filled(reply: str) -> dict[str, str]:
        amount = amounts.get(AMOUNT_OF.get(reply, ""))
        return {**values, "amount": amount} if amount else values

    page = render(env, "site/policy.md.j2", p=judged, f=facts, json_ld="")
    return Result(
        case=case,
        locale=locale,
        clauses=[{**c, "text": clause_text(c, texts, locale)} for c in advice.clauses],
        resolutions=[{"id": r, "text": texts["resolutions"][r]} for r in advice.resolutions],
        replies=[render_reply(env, SPEC_BY_ID[r], judged, facts, filled(r))
                 for r in advice.replies],
        evidence=evidence(case, judged, facts, page, catalog),
        amounts=amounts,
    )


def advice_json(result: Result) -> str:
    data = {
        "case": {k: (v.isoformat() if hasattr(v, "isoformat") else
                     str(v) if isinstance(v, Decimal) else v)
                 for k, v in vars(result.case).items()},
        "locale": result.locale,
        "clauses": result.clauses,
        "resolutions": result.resolutions,
        "replies": [{"id": r.id, "title": r.title, "subject": r.subject, "body": r.body}
                    for r in result.replies],
        "amounts": result.amounts,
        "evidence": {**result.evidence.as_dict(), "text": result.evidence_text()},
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def advice_text(result: Result) -> str:
    _ = translations(result.locale).gettext
    lines = [_(N_("What the policy says:"))]
    lines += [f"  - {c['text']}" for c in result.clauses]
    lines += ["", _(N_("What to offer, in this order:"))]
    lines += [f"  {i}. {r['text']}" for i, r in enumerate(result.resolutions, 1)]
    if not result.resolutions:
        lines.append("  -")
    if "store_credit" in result.amounts:
        lines += ["", _(WORDS["paid"]) % {"paid": result.amounts["paid"],
                                          "credit": result.amounts["store_credit"]}]
    lines += ["", _(N_("Replies to send:")) + " " + (", ".join(r.id for r in result.replies)
                                                     or "-")]
    for reply in result.replies:
        lines += ["", f"=== {reply.id}: {reply.title}",
                  _(N_("Subject")) + f": {reply.subject}", "", reply.body.rstrip("\n")]
    return "\n".join(lines) + "\n"
