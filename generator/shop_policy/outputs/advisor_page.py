"""The data the toolkit's advisor page runs on: the decision table of every known
version, the advisor's words, and what it fills in by itself (the replies of each
version, and the dispute evidence's quoted clauses), so that the page answers exactly
as `shop-policy advise` does."""

from __future__ import annotations

from typing import Any

from babel.numbers import get_currency_precision

from shop_policy.casework.advice import AMOUNT_OF, cited_without_facts
from shop_policy.casework.advisor import ASKED, decision_table
from shop_policy.casework.evidence import ATTACH, SECTIONS, TIMELINE, WORDS, sections
from shop_policy.casework.wording import messages
from shop_policy.outputs.kinds import Context
from shop_policy.outputs.replies import available, render_reply
from shop_policy.outputs.site import version_text
from shop_policy.read.model import Policy
from shop_policy.text.facts import Facts, facts_for
from shop_policy.text.render import render
from shop_policy.text.translations import translations


def _version(ctx: Context, version: Policy, facts: Facts | None = None) -> dict[str, Any]:
    """One version's filled-in parts: its replies and its quotable clauses. The current
    version's replies are those of the toolkit, and each version's page that of the site:
    both link and quote the version's own page. With `facts`, the current version cites
    an earlier one whose own facts are not kept (cited_without_facts)."""
    catalog = translations(ctx.locale)
    own = facts is None
    facts = facts or facts_for(version, ctx.locale, catalog)
    replies = ctx.replies if version is ctx.policy and own else [
        render_reply(ctx.env, spec, version, facts) for spec in available(version)]
    page = version_text(ctx, version) if own else render(
        ctx.env, "site/policy.md.j2", p=version, f=facts, json_ld="")
    credit = version.refunds.store_credit
    return {
        "replies": {reply.id: {"subject": list(reply.subject_parts),
                               "body": list(reply.body_parts)} for reply in replies},
        "url": facts.version_url,
        "version": catalog.gettext(WORDS["version"]) % {
            "version": facts.version, "date": facts.effective_date,
            "url": facts.version_url},
        "sections": {anchor: list(found) for anchor, found in
                     sections(page, facts.version_url).items()},
        "bonus": (str(credit.bonus_percent) if credit else "0")
        if version.offers_store_credit else None,
    }


def _versions(ctx: Context) -> dict[str, dict[str, Any]]:
    """Every version the advisor may cite: those whose facts are kept, and those it cites
    by number and date only, judged by the current rules."""
    policy = ctx.policy
    found = {v.version.number: _version(ctx, v) for v in policy.versions}
    current = facts_for(policy, ctx.locale, translations(ctx.locale))
    for change in policy.version.changes:
        if change.number not in found:
            found[change.number] = _version(
                ctx, policy, cited_without_facts(current, change.number, change.date))
    return found


def advisor_data(ctx: Context) -> dict[str, Any]:
    policy, locale = ctx.policy, ctx.locale
    gettext = translations(locale).gettext
    currency = policy.shop.currency
    return {
        "locale": locale.replace("_", "-"),
        "table": decision_table(policy),
        "earlier": [decision_table(v) for v in policy.versions[:-1]],
        "texts": messages(locale, translations(locale)),
        "titles": {reply.id: reply.title for reply in ctx.replies},
        "asked": {key: list(offers) for key, offers in ASKED.items()},
        "amount_of": AMOUNT_OF,
        "currency": currency, "digits": get_currency_precision(currency),
        "versions": _versions(ctx),
        "words": {key: gettext(text) for key, text in WORDS.items()},
        "labels": {"copy": gettext("Copy reply"), "copied": gettext("Copied")},
        "timeline": {key: gettext(text) for key, text in TIMELINE.items()},
        "attach": {key: gettext(text) for key, text in ATTACH.items()},
        "sections": {reason: list(anchors) for reason, anchors in SECTIONS.items()},
    }
