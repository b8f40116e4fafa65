"""The site engine's side of every site: one mkdocs config per site, and the theme's
partials. With engine/mkdocs.py, the only code that knows mkdocs and Material: the
outputs give it pages and facts, it gives back configuration in its own terms.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from babel import Locale
from markupsafe import Markup, escape

from shop_policy.read.model import Policy
from shop_policy.resources import DATA, static
from shop_policy.text.facts import Facts
from shop_policy.text.translations import right_to_left, translations


def site_config_name(locale: str) -> str:
    return f"mkdocs.{locale}.yml"


def toolkit_config_name(locale: str) -> str:
    return f"mkdocs.toolkit.{locale}.yml"


def theme_language(locale: str) -> str:
    """Material's name for the locale's language: the regional one when Material has it
    (pt-BR), else the language alone (en_GB is shown with Material's en labels)."""
    regional = locale.replace("_", "-")
    languages = resources.files("material") / "templates" / "partials" / "languages"
    if (languages / f"{regional}.html").is_file():
        return regional
    return locale.split("_", 1)[0]


def override_files(ctx: object = None) -> Iterator[tuple[str, str]]:
    """The theme overrides as an output kind's files (see shop_policy.outputs)."""
    yield from theme_overrides().items()
    policy = getattr(ctx, "policy", None)
    if isinstance(policy, Policy):
        for language in sorted({theme_language(locale) for locale in policy.shop.locales}):
            yield from search_language(language).items()


@cache
def search_language(language: str) -> dict[str, str]:
    """Material's words for `language`, made to build the search index in that language
    where its search engine (lunr) knows the language and Material leaves it out: an
    Arabic site's index was built as English and found no Arabic word."""
    material = resources.files("material") / "templates"
    words = material / "partials" / "languages" / f"{language}.html"
    lunr = material / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{language}.min.js"
    if not words.is_file() or not lunr.is_file():
        return {}
    text = words.read_text("utf-8")
    entry = f'  "language": "{language}",\n'
    if '"search.config.lang"' in text or entry not in text:
        return {}
    return {f"overrides/partials/languages/{language}.html": text.replace(
        entry, f'{entry}  "search.config.lang": "{language}",\n')}


@cache
def theme_overrides() -> dict[str, str]:
    """Templates that change Material: the language selector, the page's other languages
    for search engines, and a name for the search dialog (screen readers announce it;
    Material leaves it unnamed)."""
    files = {"overrides/partials/alternate.html": static("overrides", "partials",
                                                        "alternate.html"),
             "overrides/main.html": static("overrides", "main.html")}
    search = (resources.files("material") / "templates" / "partials" / "search.html")
    text = search.read_text("utf-8")
    dialog = '<div class="md-search" data-md-component="search" role="dialog">'
    if dialog in text:
        files["overrides/partials/search.html"] = text.replace(
            dialog, dialog[:-1] + ' aria-label="{{ lang.t(\'search\') }}">')
    return files


def language_name(locale: str) -> str:
    """The language's own name for itself, as a reader looks for it: "Deutsch", "Français"."""
    name = Locale.parse(locale).get_display_name(locale) or locale
    return name[:1].upper() + name[1:]


@cache
def language_names(locales: tuple[str, ...]) -> dict[str, str]:
    """language_name of each locale. Babel loads a locale's whole data to tell: the build
    asks once before it forks, so that no worker loads every language again."""
    return {locale: language_name(locale) for locale in locales}


def alternates(policy: Policy, locale: str) -> list[dict[str, str | bool]]:
    """The page's languages: for the selector, each site's root relative to this one;
    for search engines, by its full address."""
    shop = policy.shop
    names = language_names(tuple(shop.locales))
    return [{"name": names[other], "link": f"../{other}/", "url": f"{shop.website}{other}/",
             "lang": other.replace("_", "-"), "current": other == locale,
             "default": other == shop.default_locale}
            for other in shop.locales]


Nav = list[tuple[str, str | list[str]]]


def footer(policy: Policy, facts: Facts) -> str:
    """The footer, as HTML (the theme prints it as it is): a link back to the shop and
    its e-mail address, then its return address, each escaped as typed."""
    shop = policy.shop
    gettext = translations(facts.locale).gettext
    name = Markup("<bdi>{}</bdi>" if right_to_left(facts.locale) else "{}").format(shop.name)
    back = escape(gettext("Back to %(shop)s")) % {"shop": name}
    links = (f'<a href="{escape(policy.shop.home_page)}">{back}</a> · '
             f'<a href="mailto:{escape(shop.email)}">{escape(shop.email)}</a>')
    if not shop.return_address:
        return links
    # dir="auto": the address keeps its own script's direction on any page; the style
    # sheet sets it on a line of its own.
    address = escape(", ".join(shop.return_address))
    return f'{links}<span dir="auto">{address}</span>'


def site_config(policy: Policy, facts: Facts, base: str, nav: Nav) -> str:
    """One locale's public site: its language, address, language selector and pages."""
    locale = facts.locale
    config = {
        "INHERIT": base,
        "site_name": site_name(policy.shop.name),
        "site_url": facts.site_url,
        "docs_dir": locale,
        "site_dir": f"../site/{locale}",
        "theme": {"language": theme_language(locale), "custom_dir": "overrides"},
        # "alternate" only switches Material's selector on: its own list would link each
        # language's home page as the page's translation (see overrides/main.html).
        "extra": {"alternate": True, "languages": alternates(policy, locale),
                  "homepage": policy.shop.home_page,
                  # The footer names the shop, not the theme.
                  "generator": False},
        "copyright": footer(policy, facts),
        "extra_javascript": ["assets/dates.js", "assets/site.js"],
        "extra_css": ["assets/shop-policy.css", *(["assets/brand.css"] if policy.shop.brand
                                                   else [])],
        "nav": [{title: page} for title, page in nav],
        # Every version of the policy has its page, linked from the changes page.
        "not_in_nav": "/policy/v*.md",
    }
    return dump_config(config, "Generated by shop-policy from the policy file; edit that "
                       "instead.")


def toolkit_config(name: str, policy: Policy, locale: str, base: str, nav: Nav) -> str:
    """One locale's private seller toolkit, titled `name`, with its script and styles.

    It works opened from the disk (file://) as well as served: pages are files, not
    folders (Material's offline plugin), search reads its index from a script, and its
    worker runs in a frame (Material's iframe-worker shim, shipped here instead of
    loaded from a server)."""
    config = {
        "INHERIT": base,
        "site_name": site_name(name),
        "docs_dir": f"toolkit/{locale}",
        "site_dir": f"../toolkit/{locale}",
        "theme": {"language": theme_language(locale), "features": ["toc.follow"],
                  "custom_dir": "overrides"},
        "plugins": ["search", "offline"],
        "extra": {"polyfills": ["assets/iframe-worker.js"], "alternate": True,
                  # The selector only: the private toolkit names no public address.
                  "languages": [{k: v for k, v in language.items() if k != "url"}
                                for language in alternates(policy, locale)],
                  "generator": False},
        "extra_css": ["assets/shop-policy.css", "assets/toolkit.css",
                      *(["assets/brand.css"] if policy.shop.brand else [])],
        "extra_javascript": ["assets/dates.js", "assets/toolkit.js"],
        "nav": [{title: page} for title, page in nav],
    }
    return dump_config(config, "Generated by shop-policy: the private seller toolkit. Never "
                       "publish it.")


def dump_config(config: dict, comment: str) -> str:
    """An mkdocs config as YAML (block style, keys sorted), under a one-line comment."""
    text = yaml.safe_dump(config, allow_unicode=True, default_flow_style=False,
                          sort_keys=True)
    return f"# {comment}\n{text}"


def site_name(name: str) -> str:
    """The shop's name for the theme, which prints it unescaped in places: the characters
    that could open a tag or end an attribute are swapped for look-alikes."""
    return name.translate(str.maketrans({"<": "\u2039", ">": "\u203a", '"': "\u201d",
                                         "`": "\u02bc"}))


DEFAULT_BASE = "mkdocs.base.yml"


def site_base(base_config: Path, site_src: Path) -> tuple[str, dict[str, str]]:
    """The site config every locale's config inherits, relative to site_src/, and the
    files that go with it: none when the project has its own mkdocs.yml; else the
    packaged default look, written into site_src/ with the other sources."""
    if base_config.is_file():
        return Path(os.path.relpath(base_config.resolve(), site_src.resolve())).as_posix(), {}
    return DEFAULT_BASE, {DEFAULT_BASE: (DATA / "mkdocs.yml").read_text("utf-8")}
