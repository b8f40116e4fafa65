"""The private seller toolkit's sources: one page per reply, the email snippet, the advisor.

They go to site_src/toolkit/<locale>/ with their own mkdocs config, and build into
toolkit/<locale>/, never into the public site.
"""

from __future__ import annotations

from babel.lists import format_list

from shop_policy.casework.advisor import ASKED, CONDITIONS, REASONS
from shop_policy.engine.theme import toolkit_config, toolkit_config_name
from shop_policy.outputs.advisor_page import advisor_data
from shop_policy.outputs.exports import HELP_DESK_VARIABLES
from shop_policy.outputs.kinds import Context, Files
from shop_policy.outputs.replies import GROUPS, SPECS, Reply, reply_title, ruled_out
from shop_policy.resources import static
from shop_policy.text import labels
from shop_policy.text.facts import Facts
from shop_policy.text.labels import N_
from shop_policy.text.placeholders import PLACEHOLDERS
from shop_policy.text.render import render
from shop_policy.text.translations import translations

ASSETS = ("dates.js", "toolkit.js", "toolkit.css", "shop-policy.css")
REASON_LABELS = {
    "change_of_mind": N_("Changed their mind"),
    "damaged": N_("Arrived damaged"),
    "defective": N_("Does not work"),
    "not_as_described": N_("Not as described"),
    "not_received": N_("Has not arrived"),
    "late": N_("Is late"),
}
ASKED_LABELS = {
    "refund": labels.REMEDIES["refund"], "store_credit": labels.REMEDIES["store_credit"],
    "exchange": labels.CHANGE_OF_MIND["exchange"],
    "replacement": labels.REMEDIES["replacement"], "repair": labels.REMEDIES["repair"],
    "partial_refund": N_("a partial refund"), "cancel": N_("to cancel the order"),
}
CONDITION_LABELS = {"unused": N_("Unused"), "used": N_("Used or worn")}


def files(ctx: Context) -> Files:
    """Every toolkit source file of one locale, by path relative to site_src/."""
    policy, locale = ctx.policy, ctx.locale
    gettext = translations(locale).gettext
    root = f"toolkit/{locale}"
    replies = ctx.replies
    missing = [(reply_title(ctx.env, spec, policy, ctx.facts), reason)
               for spec, reason in ruled_out(policy)]
    groups = [(group, title) for group, title in GROUPS.items()
              if any(reply.group == group for reply in replies)]
    yield f"{root}/index.md", render(
        ctx.env, "toolkit/index.md.j2", replies=replies, missing=missing, groups=groups,
        fields=_fields(PLACEHOLDERS, locale),
        placeholders=list(PLACEHOLDERS.items()), desks=HELP_DESK_VARIABLES)
    html, text = ctx.email("order-confirmation.html"), ctx.email("order-confirmation.txt")
    yield f"{root}/email.md", render(ctx.env, "toolkit/email.md.j2", email_html=html,
                                     email_text=text,
                                     preview_page=_preview_page(html, ctx.facts))
    yield f"{root}/advisor.md", render(
        ctx.env, "toolkit/advisor.md.j2",
        reasons=[(r, gettext(REASON_LABELS[r])) for r in REASONS],
        conditions=[(c, gettext(CONDITION_LABELS[c])) for c in CONDITIONS],
        marketplaces=[(m, gettext(labels.MARKETPLACES[m])) for m in policy.shop.marketplaces],
        asked=[(a, gettext(ASKED_LABELS[a])) for a in ASKED],
        data=advisor_data(ctx))
    for reply in replies:
        used = set(reply.subject_parts[1::2]) | set(reply.body_parts[1::2])
        yield f"{root}/replies/{reply.id}.md", render(
            ctx.env, "toolkit/reply.md.j2", reply=reply, dates=_dates(reply, locale),
            fields=_fields([name for name in PLACEHOLDERS if name in used], locale))
    for asset in ASSETS:
        yield f"{root}/assets/{asset}", static(asset)
    yield f"{root}/assets/iframe-worker.js", static("vendor", "iframe-worker.js")


def _fields(names: object, locale: str) -> list[tuple[str, str]]:
    """(placeholder, its label) for the fill-in fields: what it stands for, capitalised."""
    gettext = translations(locale).gettext
    labels_ = [(name, gettext(PLACEHOLDERS[name])) for name in names]
    return [(name, label[:1].upper() + label[1:]) for name, label in labels_]


# The placeholders that come from the case's dates.
DATES = ("order_date", "shipped_date", "delivered_date", "check_back_date")


def _dates(reply: Reply, locale: str) -> str:
    """The case's dates `reply` states, named for its toolkit note ("" for none)."""
    gettext = translations(locale).gettext
    used = set(reply.subject_parts[1::2]) | set(reply.body_parts[1::2])
    return format_list([gettext(PLACEHOLDERS[name]) for name in DATES if name in used],
                       locale=locale)


def config(ctx: Context) -> Files:
    """The engine's config of the locale's toolkit."""
    _ = translations(ctx.locale).gettext
    nav = [(_(N_("Overview")), "index.md"), (_(N_("Case advisor")), "advisor.md"),
           (_(N_("Order-confirmation snippet")), "email.md"),
           (_(N_("Replies")), [f"replies/{spec.id}.md" for spec in SPECS
                               if spec.ruled_out(ctx.policy) is None])]
    name = f"{ctx.policy.shop.name} · {_(N_('Seller toolkit'))}"
    yield toolkit_config_name(ctx.locale), toolkit_config(name, ctx.policy, ctx.locale,
                                                          ctx.base, nav)


def _preview_page(snippet: str, facts: Facts) -> str:
    """A bare page around the snippet, shown in a sandboxed frame, away from the site's CSS."""
    return (f'<!doctype html><html lang="{facts.locale}" dir="{facts.text_direction}">'
            '<head><meta charset="utf-8"></head><body style="margin:16px;background:#ffffff;">'
            f"{snippet}</body></html>")
