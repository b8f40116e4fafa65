"""The public policy site's sources: Markdown pages and one mkdocs config per locale."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import babel
import yaml
from babel import Locale
from babel.dates import format_date
from jinja2 import Environment
from markupsafe import Markup

from shop_policy import cache as file_cache
from shop_policy.outputs.structured import json_ld
from shop_policy.read.model import Policy, text_for
from shop_policy.resources import DATA, STATIC
from shop_policy.text.facts import Facts
from shop_policy.text.labels import N_
from shop_policy.text.render import json_script, render
from shop_policy.text.translations import translations

PAGES = ("index.md", "policy.md", "faq.md", "changes.md")
NAV = ((N_("Overview"), "index.md"), (N_("Cancellations, returns and refunds"), "policy.md"),
       (N_("Questions buyers ask"), "faq.md"), (N_("Changes to this policy"), "changes.md"))


def config_name(locale: str) -> str:
    return f"mkdocs.{locale}.yml"


def site_sources(env: Environment, policy: Policy, facts: Facts, *, base_config: str
                 ) -> dict[str, str]:
    """The public site's files for one locale (the environment already speaks it), keyed
    by path relative to site_src/.

    `base_config` is the hand-kept mkdocs.yml, relative to site_src/, that each locale's
    config inherits its theme and extensions from.
    """
    locale = facts.locale
    context = {"p": policy, "f": facts, "history": history(policy, locale),
               "json_ld": Markup('<script type="application/ld+json">')
               + json_script(json_ld(policy, facts)) + Markup("</script>")}
    files = {f"{locale}/{page}": render(env, f"site/{page}.j2", **context) for page in PAGES}
    files[f"{locale}/assets/shop-policy.css"] = static("shop-policy.css")
    files[config_name(locale)] = mkdocs_config(policy, facts, base_config,
                                               translations(locale).gettext)
    return files


def theme_language(locale: str) -> str:
    """Material's name for the locale's language: the regional one when Material has it
    (pt-BR), else the language alone (en_GB is shown with Material's en labels)."""
    regional = locale.replace("_", "-")
    languages = resources.files("material") / "templates" / "partials" / "languages"
    if (languages / f"{regional}.html").is_file():
        return regional
    return locale.split("_", 1)[0]


@cache
def static(*parts: str) -> str:
    return STATIC.joinpath(*parts).read_text("utf-8")


@cache
def theme_overrides() -> dict[str, str]:
    """Partials that change Material: the language selector, and a name for the search
    dialog (screen readers announce it; Material leaves it unnamed)."""
    files = {"overrides/partials/alternate.html": static("overrides", "partials",
                                                        "alternate.html")}
    search = (resources.files("material") / "templates" / "partials" / "search.html")
    text = search.read_text("utf-8")
    dialog = '<div class="md-search" data-md-component="search" role="dialog">'
    if dialog in text:
        files["overrides/partials/search.html"] = text.replace(
            dialog, dialog[:-1] + ' aria-label="{{ lang.t(\'search\') }}">')
    return files


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


def language_name(locale: str) -> str:
    """The language's own name for itself, as a reader looks for it: "Deutsch", "Français"."""
    name = Locale.parse(locale).get_display_name(locale) or locale
    return name[:1].upper() + name[1:]


@cache
def language_names(locales: tuple[str, ...]) -> dict[str, str]:
    """language_name of each locale. Babel must load a locale's whole data to tell, so
    the answer is kept in the user's cache: a worker rendering German need not load
    Arabic just to name it in the language selector."""
    entry = file_cache.key(*locales, babel.__version__) + ".json"
    cached = file_cache.read("language-names", entry)
    if cached is not None:
        try:
            names = json.loads(cached)
        except ValueError:
            names = None
        if isinstance(names, dict) and list(names) == list(locales) and \
                all(isinstance(name, str) and name for name in names.values()):
            return names
    names = {locale: language_name(locale) for locale in locales}
    file_cache.write("language-names", entry, json.dumps(names).encode("utf-8"))
    return names


def alternates(policy: Policy, locale: str) -> list[dict[str, str]]:
    """The language selector's entries, relative to this locale's site root."""
    names = language_names(tuple(policy.shop.locales))
    return [{"name": names[other], "link": f"../{other}/",
             "lang": other.replace("_", "-")} for other in policy.shop.locales]


def mkdocs_config(policy: Policy, facts: Facts, base_config: str,
                  gettext: Callable[[str], str]) -> str:
    locale = facts.locale
    config = {
        "INHERIT": base_config,
        "site_name": site_name(policy.shop.name),
        "site_url": facts.site_url,
        "docs_dir": locale,
        "site_dir": f"../site/{locale}",
        "theme": {"language": theme_language(locale), "custom_dir": "overrides"},
        "extra": {"alternate": alternates(policy, locale)},
        "extra_css": ["assets/shop-policy.css"],
        "nav": [{gettext(title): page} for title, page in NAV],
    }
    return dump_config(config, "Generated by shop-policy from the policy file; edit that "
                       "instead.")


# PyYAML's libyaml emitter when it is built in: the same text, three times faster.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_config(config: dict, comment: str) -> str:
    """An mkdocs config as YAML (block style, keys sorted), under a one-line comment."""
    text = yaml.dump(config, Dumper=_DUMPER, allow_unicode=True, default_flow_style=False,
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
