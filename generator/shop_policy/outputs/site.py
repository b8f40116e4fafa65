"""The public policy site's sources: one Markdown page per part, and each locale's config."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from babel.dates import format_date
from markupsafe import Markup

from shop_policy.engine.theme import site_config, site_config_name
from shop_policy.outputs import checker
from shop_policy.outputs.kinds import Context, Files
from shop_policy.outputs.structured import json_ld
from shop_policy.read.model import Policy, text_for
from shop_policy.resources import static
from shop_policy.text import labels
from shop_policy.text.changes import changed_facts
from shop_policy.text.facts import facts_for, version_slug
from shop_policy.text.labels import N_
from shop_policy.text.render import json_in_html, render, withdrawal_days, withdrawal_where
from shop_policy.text.translations import translations

PAGES = ("index.md", "policy.md", "faq.md", "changes.md")
FORM = "withdrawal-form.md"  # where the law gives a right of withdrawal
_SIBLING = re.compile(r"\]\(([\w-]+\.md)")  # a Markdown link to another page of the site
NAV = ((N_("Overview"), "index.md"), (N_("Cancellations, returns and refunds"), "policy.md"),
       (N_("Questions buyers ask"), "faq.md"), (N_("Changes to this policy"), "changes.md"))


def pages(ctx: Context) -> Files:
    """The public site's pages for one locale, by path relative to site_src/. The
    policy page carries the structured data."""
    locale = ctx.locale
    revisions = history(ctx.policy, locale)
    form = bool(withdrawal_days(ctx.policy.shop.sells_to))
    for page in PAGES + (FORM,) * form:
        structured = ""
        if page == "policy.md":
            structured = (Markup('<script type="application/ld+json">')
                          + json_in_html(json_ld(ctx.policy, ctx.facts)) + Markup("</script>"))
        extra = _checker(ctx) if page == "policy.md" else {}
        yield f"{locale}/{page}", render(ctx.env, f"site/{page}.j2", p=ctx.policy,
                                         f=ctx.facts, history=revisions, json_ld=structured,
                                         markdown=True, **extra)
    yield f"{locale}/assets/shop-policy.css", static("shop-policy.css")
    for script in ("dates.js", "site.js"):
        yield f"{locale}/assets/{script}", static(script)


def _checker(ctx: Context) -> dict[str, object]:
    """What the current policy page's "Can I still return it?" form needs."""
    policy = ctx.policy
    return {"checker": json_in_html(checker.checker_data(policy, ctx.locale,
                                                         translations(ctx.locale))),
            "checker_reasons": [r for r in checker.REASONS
                                if r != "change_of_mind" or policy.returns.accepted],
            "zone": checker.zone_name(policy, ctx.locale)}


def versions(ctx: Context) -> Files:
    """Every version whose facts are known, at an address that stays: the page as it
    read while that version was in force (`<locale>/policy/v2.md`, the site's
    /<locale>/policy/v2/). Each is judged by its own facts and grants, not today's."""
    for version in ctx.policy.versions:
        yield version_page(ctx.locale, version.version.number), version_text(ctx, version)


def version_text(ctx: Context, version: Policy) -> str:
    """The page of `version` in the context's locale, rendered once per run."""
    key = f"version page {version.version.number}"
    if key not in ctx.memo:
        locale, known = ctx.locale, ctx.policy.versions
        index = known.index(version)
        following = known[index + 1] if index + 1 < len(known) else None
        until = "" if following is None else format_date(
            following.version.effective_date - dt.timedelta(days=1), "long", locale=locale)
        page = render(ctx.env, "site/policy.md.j2", p=version,
                      f=facts_for(version, locale, translations(locale)),
                      json_ld="", in_force={"until": until})
        # The page sits one folder down (policy/v2.md): its links to sibling pages too.
        ctx.memo[key] = _SIBLING.sub(r"](../\1", page)
    return ctx.memo[key]


def version_page(locale: str, number: str) -> str:
    """Where version `number` of the policy is published, under site_src/."""
    return f"{locale}/policy/{version_slug(number)}.md"


def config(ctx: Context) -> Files:
    """The engine's config of the locale's public site."""
    gettext = translations(ctx.locale).gettext
    nav = [(gettext(title), page) for title, page in NAV]
    where = withdrawal_where(ctx.policy.shop.sells_to)
    if where:
        nav.append((gettext(labels.FORM_TITLE[where]), FORM))
    yield site_config_name(ctx.locale), site_config(ctx.policy, ctx.facts, ctx.base, nav)


@dataclass(frozen=True)
class Revision:
    number: str
    date: str
    summary: str
    facts: tuple[str, ...] = ()
    page: str = ""  # the version's own page, relative to changes.md, when published


def history(policy: Policy, locale: str) -> list[Revision]:
    """The policy's past versions, newest first, with dates and texts for `locale`; for
    each version whose facts are known, what changed in them and where it is published."""
    default = policy.shop.default_locale
    catalog = translations(locale)
    known = {v.version.number: v for v in policy.versions}
    order = [v.version.number for v in policy.versions]
    rows = []
    for change in sorted(policy.version.changes, key=lambda c: c.date, reverse=True):
        version = known.get(change.number)
        facts: tuple[str, ...] = ()
        if version is not None and order.index(change.number) > 0:
            before = known[order[order.index(change.number) - 1]]
            facts = tuple(changed_facts(before, version, locale, catalog))
        page = version_page(locale, change.number).removeprefix(f"{locale}/") \
            if version is not None else ""
        rows.append(Revision(change.number, format_date(change.date, "long", locale=locale),
                             text_for(change.summary, locale, default), facts, page))
    return rows


