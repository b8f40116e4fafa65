"""The front door of a built site: a page that sends visitors to the default locale;
and the public site's page for an address that does not exist."""

from __future__ import annotations

from shop_policy.engine.theme import language_names
from shop_policy.outputs.kinds import Context, Files
from shop_policy.text.render import render


def files(ctx: Context) -> Files:
    default = ctx.policy.shop.default_locale
    yield "index.html", render(ctx.env, "site/redirect.html.j2", shop=ctx.policy.shop.name,
                               target=f"{default}/", lang=default)


def not_found(ctx: Context) -> Files:
    """site/404.html, which hosts such as GitHub Pages or Netlify serve for any unknown
    address: the shop's name and its policy in every language, by full address, so the
    links work at whatever depth the page is served."""
    shop = ctx.policy.shop
    names = language_names(tuple(shop.locales))
    links = [{"href": f"{shop.website}{locale}/", "lang": locale.replace("_", "-"),
              "name": names[locale]} for locale in shop.locales]
    yield "404.html", render(ctx.env, "site/not-found.html.j2", shop=shop.name,
                             links=links, lang=shop.default_locale.replace("_", "-"))
