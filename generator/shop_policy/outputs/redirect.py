"""The front door of a built site: a page that sends visitors to the default locale;
and the public site's page for an address that does not exist."""

from __future__ import annotations

from babel import Locale

from shop_policy.engine.theme import language_names
from shop_policy.outputs.kinds import Context, Files
from shop_policy.outputs.site import NAV
from shop_policy.text.labels import N_
from shop_policy.text.render import render
from shop_policy.text.translations import translations

NOT_FOUND = N_("This page does not exist.")
POLICY_TITLE = dict((page, title) for title, page in NAV)["policy.md"]


def files(ctx: Context) -> Files:
    default = ctx.policy.shop.default_locale
    yield "index.html", render(ctx.env, "site/redirect.html.j2", shop=ctx.policy.shop.name,
                               target=f"{default}/", lang=default)


def toolkit_files(ctx: Context) -> Files:
    """The toolkit's front door, which also works opened from the disk: it names the
    default locale's page file (a folder would show a listing there)."""
    default = ctx.policy.shop.default_locale
    yield "index.html", render(ctx.env, "site/redirect.html.j2", shop=ctx.policy.shop.name,
                               target=f"{default}/index.html", lang=default)


def not_found(ctx: Context) -> Files:
    """site/404.html, which hosts such as GitHub Pages or Netlify serve for any unknown
    address: the shop's name, then in every language "page not found" and a link to the
    policy, by full address, so the links work at whatever depth the page is served."""
    shop = ctx.policy.shop
    names = language_names(tuple(shop.locales))
    languages = []
    for locale in shop.locales:
        gettext = translations(locale).gettext
        languages.append({
            "href": f"{shop.website}{locale}/policy/", "lang": locale.replace("_", "-"),
            "dir": Locale.parse(locale).text_direction, "name": names[locale],
            "missing": gettext(NOT_FOUND), "policy": gettext(POLICY_TITLE)})
    yield "404.html", render(ctx.env, "site/not-found.html.j2", shop=shop.name,
                             languages=languages,
                             lang=shop.default_locale.replace("_", "-"))
