"""A copy of the policy to paste into a page of one's own (a Shopify page, a website),
for sellers who do not host the site: per locale, one self-contained HTML fragment of the
policy and one of the key-facts card, styled inline like the email snippet, every link
leading to the published site. The same Markdown as the site's page, made HTML by
Python-Markdown (what the site engine uses), so the texts are the site's own."""

from __future__ import annotations

import re

from babel import Locale

from shop_policy.outputs.kinds import Context, Files
from shop_policy.text.render import render

LINK = "#00695c"  # the default look's link colour; the shop's own where it has one
FONT = "font-family:Arial,Helvetica,sans-serif;color:#222222;"
TEXT = FONT + "font-size:14px;line-height:21px;margin:0 0 10px 0;"
STYLES = {
    "h1": FONT + "font-size:24px;line-height:30px;margin:0 0 12px 0;",
    "h2": FONT + "font-size:20px;line-height:26px;margin:24px 0 8px 0;",
    "h3": FONT + "font-size:16px;line-height:22px;margin:16px 0 6px 0;",
    "p": TEXT, "ul": TEXT + "padding-inline-start:22px;",
    "ol": TEXT + "padding-inline-start:22px;", "li": "margin:0 0 4px 0;",
    "table": "border-collapse:collapse;margin:0 0 10px 0;" + FONT + "font-size:14px;",
    "th": "border:1px solid #dddddd;padding:6px 8px;text-align:start;",
    "td": "border:1px solid #dddddd;padding:6px 8px;text-align:start;",
    "div": "border:1px solid {link};border-radius:4px;padding:10px 14px 2px 14px;"
           "margin:12px 0;",
    "a": "color:{link};text-decoration:underline;",
}
BUTTON = ("display:inline-block;background:{link};color:#ffffff;padding:8px 16px;"
          "border-radius:4px;text-decoration:none;font-weight:bold;")
_TAG = re.compile(r"<(" + "|".join(STYLES) + r")(?=[\s>])([^>]*)>")
_PAGE = re.compile(r'href="(?!https?:|mailto:|#)([^"#]*?)\.md(#[^"]*)?"')


def files(ctx: Context) -> Files:
    """snippets/<locale>/embed/policy.html and facts.html."""
    policy = render(ctx.env, "site/policy.md.j2", p=ctx.policy, f=ctx.facts, json_ld="",
                    markdown=True)
    yield f"{ctx.locale}/embed/policy.html", fragment(ctx, policy)
    yield f"{ctx.locale}/embed/facts.html", fragment(ctx, render(
        ctx.env, "site/embed-facts.md.j2", p=ctx.policy, f=ctx.facts, markdown=True))


def fragment(ctx: Context, text: str) -> str:
    """The Markdown of a page as one HTML fragment with inline styles."""
    import markdown  # the site engine's converter, loaded only when rendering

    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # the page's description
    html = markdown.markdown(text, extensions=["attr_list", "admonition"])
    html = _PAGE.sub(lambda m: f'href="{_address(ctx, m.group(1))}{m.group(2) or ""}"', html)
    brand = ctx.policy.shop.brand
    link = brand.primary if brand and brand.primary else LINK
    html = _TAG.sub(lambda m: _styled(m.group(1), m.group(2), link), html)
    direction = Locale.parse(ctx.locale).text_direction
    return (f'<div lang="{ctx.locale.replace("_", "-")}" dir="{direction}" '
            f'style="max-width:720px;">\n{html}\n</div>\n')


def _address(ctx: Context, page: str) -> str:
    """Where a page of the site is published: `faq` -> https://.../en/faq/."""
    return ctx.facts.site_url + ("" if page in ("", "index") else f"{page}/")


def _styled(tag: str, attributes: str, link: str) -> str:
    style = (BUTTON if tag == "a" and "md-button" in attributes else
             STYLES[tag] + "font-weight:bold;" if "admonition-title" in attributes else
             STYLES[tag])
    return f'<{tag}{attributes} style="{style.format(link=link)}">'
