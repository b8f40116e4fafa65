"""The front door of a built site: a page that sends visitors to the default locale."""

from __future__ import annotations

from shop_policy.outputs.kinds import Context, Files
from shop_policy.text.render import render


def files(ctx: Context) -> Files:
    default = ctx.policy.shop.default_locale
    yield "index.html", render(ctx.env, "site/redirect.html.j2", shop=ctx.policy.shop.name,
                               target=f"{default}/", lang=default)
