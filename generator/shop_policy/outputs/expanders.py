"""The reply library for text expanders, for sellers who answer from Etsy's or eBay's
message box: type a shortcut such as `;return-accepted-de` and get the reply.

- An Espanso package per locale (`_manifest.yml`, `package.yml`, `README.md`, as
  Espanso's package specification asks), to copy into Espanso's `match/packages/`.
- A macOS text-replacements file (`.plist`, the format System Settings > Keyboard > Text
  Replacements exports and takes by drag and drop; iPhone and iPad receive it through
  iCloud).

Each reply's body is exactly its snippet's text, placeholders as [[name]] for the seller
to fill in. Espanso reads `{{name}}` as a variable and `$|$` as where the cursor goes: a
word joiner (invisible) inside each keeps whatever the seller typed as plain text.
"""

from __future__ import annotations

import plistlib
import re
from collections.abc import Iterable

import yaml

from shop_policy.engine.theme import language_names
from shop_policy.outputs.kinds import Context, Files
from shop_policy.outputs.replies import Reply
from shop_policy.text.labels import N_
from shop_policy.text.translations import translations

WORD_JOINER = "\u2060"
_ESPANSO_SYNTAX = re.compile(r"(?<=\{)(?=\{)|(?<=\$)(?=\|\$)")
DESCRIPTION = N_("The replies of %(shop)s, one shortcut each: type it to insert the reply.")


def shortcut(reply: Reply) -> str:
    """`;return-accepted-de`: the reply and its language, in what every expander takes."""
    return f";{reply.id}-{reply.locale.lower().replace('_', '-')}"


def package_name(locale: str) -> str:
    """Lowercase letters, digits and hyphens only, as Espanso requires."""
    return f"shop-policy-{locale.lower().replace('_', '-')}"


def inert(text: str) -> str:
    return _ESPANSO_SYNTAX.sub(WORD_JOINER, text)


def _yaml(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=88)


def espanso(replies: Iterable[Reply], shop: str, locale: str, language: str,
            version: str) -> Files:
    """The three files of the locale's Espanso package, by name inside its folder;
    `language` names the locale in its own words."""
    replies = list(replies)
    title = f"{shop} ({language})"
    description = translations(locale).gettext(DESCRIPTION) % {"shop": shop}
    yield "_manifest.yml", _yaml({
        "name": package_name(locale), "title": title, "description": description,
        "version": version, "author": shop})
    yield "package.yml", _yaml({"matches": [
        {"trigger": shortcut(reply), "replace": inert(reply.body), "label": reply.title}
        for reply in replies]})
    lines = [f"# {title}", "", description, ""]
    lines += [f"- `{shortcut(reply)}`: {reply.title}" for reply in replies]
    yield "README.md", "\n".join(lines) + "\n"


def text_replacements(replies: Iterable[Reply]) -> str:
    """The list macOS and iOS keep their text replacements in: phrase and shortcut."""
    entries = [{"phrase": reply.body, "shortcut": shortcut(reply)} for reply in replies]
    return plistlib.dumps(entries, sort_keys=True).decode("utf-8")


def _version(number: str) -> str:
    """The policy's version as the x.y.z Espanso's manifest wants: "3" is 3.0.0."""
    parts = re.findall(r"\d+", number)[:3] or ["0"]
    return ".".join(parts + ["0"] * (3 - len(parts)))


def files(ctx: Context) -> Files:
    """The locale's replies for Espanso and for macOS and iOS text replacements."""
    root = f"{ctx.locale}/exports"
    shop = ctx.policy.shop.name
    package = f"{root}/espanso/{package_name(ctx.locale)}"
    # The names the build worked out once, before it forked.
    language = language_names(tuple(ctx.policy.shop.locales))[ctx.locale]
    for name, text in espanso(ctx.replies, shop, ctx.locale, language,
                              _version(ctx.policy.version.number)):
        yield f"{package}/{name}", text
    yield f"{root}/text-replacements.plist", text_replacements(ctx.replies)
