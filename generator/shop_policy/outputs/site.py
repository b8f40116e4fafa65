"""The public policy site's sources: one Markdown page per part, and each locale's config."""

from __future__ import annotations

from dataclasses import dataclass

from babel.dates import format_date
from markupsafe import Markup

from shop_policy.engine.theme import site_config, site_config_name
from shop_policy.outputs.kinds import Context, Files
from shop_policy.outputs.structured import json_ld
from shop_policy.read.model import Policy, text_for
from shop_policy.resources import static
from shop_policy.text.labels import N_
from shop_policy.text.render import json_in_html, render
from shop_policy.text.translations import translations

PAGES = ("index.md", "policy.md", "faq.md", "changes.md")
NAV = ((N_("Overview"), "index.md"), (N_("Cancellations, returns and refunds"), "policy.md"),
       (N_("Questions buyers ask"), "faq.md"), (N_("Changes to this policy"), "changes.md"))


def pages(ctx: Context) -> Files:
    """The public site's pages for one locale, by path relative to site_src/. The
    policy page carries the structured data."""
    locale = ctx.locale
    revisions = history(ctx.policy, locale)
    for page in PAGES:
        structured = ""
        if page == "policy.md":
            structured = (Markup('<script type="application/ld+json">')
                          + json_in_html(json_ld(ctx.policy, ctx.facts)) + Markup("</script>"))
        yield f"{locale}/{page}", render(ctx.env, f"site/{page}.j2", p=ctx.policy,
                                         f=ctx.facts, history=revisions, json_ld=structured)
    yield f"{locale}/assets/shop-policy.css", static("shop-policy.css")


def config(ctx: Context) -> Files:
    """The engine's config of the locale's public site."""
    gettext = translations(ctx.locale).gettext
    yield site_config_name(ctx.locale), site_config(
        ctx.policy, ctx.facts, ctx.base, [(gettext(title), page) for title, page in NAV])


@dataclass(frozen=True)
class Revision:
    number: str
    date: str
    summary: str


def history(policy: Policy, locale: str) -> list[Revision]:
    """The policy's past versions, newest first, with dates and texts for `locale`."""
    default = policy.shop.default_locale
    rows = []
    for change in sorted(policy.version.changes, key=lambda c: c.date, reverse=True):
        rows.append(Revision(change.number, format_date(change.date, "long", locale=locale),
                             text_for(change.summary, locale, default)))
    return rows


