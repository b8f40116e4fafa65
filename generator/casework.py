"""Advice for one case, made readable: clause sentences, offers, and the filled-in replies."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date

from generator.advisor import Case, CaseError, advise, clause_text, messages
from generator.facts import facts_for
from generator.model import Policy
from generator.render import environment, use_locale
from generator.replies import SPEC_BY_ID, Reply, render_reply
from generator.translations import translations


@dataclass(frozen=True)
class Result:
    case: Case
    locale: str
    clauses: list[dict[str, Any]]
    resolutions: list[dict[str, str]]
    replies: list[Reply]


def resolve(policy: Policy, case: Case, locale: str) -> Result:
    if locale not in policy.shop.locales:
        raise CaseError(f"--locale {locale}: the policy is not published in this "
                              f"language; use one of {', '.join(policy.shop.locales)}")
    advice = advise(policy, case)
    catalog = translations(locale)
    texts = messages(locale, catalog)
    env = environment()
    use_locale(env, locale)
    facts = facts_for(policy, locale, catalog)
    known = {"order_date": case.order_date, "shipped_date": case.shipped_date,
             "delivered_date": case.delivered_date}
    values = {k: format_date(v, "long", locale=locale) for k, v in known.items() if v}
    return Result(
        case=case,
        locale=locale,
        clauses=[{**c, "text": clause_text(c, texts, locale)} for c in advice.clauses],
        resolutions=[{"id": r, "text": texts["resolutions"][r]} for r in advice.resolutions],
        replies=[render_reply(env, SPEC_BY_ID[r], policy, facts, values)
                 for r in advice.replies],
    )


def advice_json(result: Result) -> str:
    data = {
        "case": {k: (v.isoformat() if hasattr(v, "isoformat") else v)
                 for k, v in vars(result.case).items()},
        "locale": result.locale,
        "clauses": result.clauses,
        "resolutions": result.resolutions,
        "replies": [{"id": r.id, "title": r.title, "subject": r.subject, "body": r.body}
                    for r in result.replies],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def advice_text(result: Result) -> str:
    lines = ["Clauses:"]
    lines += [f"  - {c['text']}" for c in result.clauses]
    lines.append("")
    lines.append("Offer, in this order:" if result.resolutions else "Offer:")
    lines += [f"  {i}. {r['text']}" for i, r in enumerate(result.resolutions, 1)]
    lines.append("")
    ids = ", ".join(r.id for r in result.replies) or "none"
    lines.append(f"Replies to send: {ids}")
    for reply in result.replies:
        lines += ["", f"=== {reply.id}: {reply.title}", f"Subject: {reply.subject}", "",
                  reply.body.rstrip("\n")]
    return "\n".join(lines) + "\n"
