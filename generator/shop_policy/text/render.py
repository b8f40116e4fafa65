"""The one Jinja2 environment every output is rendered with."""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.runtime import Context
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup, escape

from shop_policy.read.model import text_for
from shop_policy.rules.law import floors, withdrawal_floors
from shop_policy.text import claims, labels
from shop_policy.text.claims import ClaimExtension
from shop_policy.text.layout import tidy
from shop_policy.text.translations import right_to_left, translations

# Python-Markdown's backslash escapes ('|' with the tables extension mkdocs always loads);
# '<', '>' and '&' are left to HTML escaping.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def md(value: Any, *, cell: bool = False) -> Markup:
    """Seller text made inert in Markdown: no HTML, no links, no emphasis, no attribute
    lists, shown as typed. The seller's paragraphs are kept; in a table `cell` they are
    separated by line breaks, since a blank line would end the table."""
    lines = str(value).splitlines()
    escaped = [escape(_MARKDOWN_SPECIAL.sub(r"\\\1", line.strip())) for line in lines]
    # Join the lines of one paragraph with a space.
    text = re.sub(r"(?<!\n)\n(?!\n)", " ", "\n".join(escaped))
    paragraphs = [part.strip() for part in re.split(r"\n{2,}", text) if part.strip()]
    # Every part is escaped already: join them as plain text, then mark the whole safe.
    return Markup(("<br><br>" if cell else "\n\n").join(paragraphs))


def isolated(value: str, locale: str) -> Markup:
    """A name the seller typed, inside a sentence of `locale`: inert in Markdown and, on a
    right-to-left page, isolated, so a Latin name keeps its own order ("Candle Co." its
    final stop) inside an Arabic sentence."""
    text = md(value)
    return Markup("<bdi>{}</bdi>").format(text) if right_to_left(locale) else text


@pass_context
def _isolated(context: Context, value: str) -> Markup:
    return isolated(value, context["f"].locale)


# JSON inside HTML goes through Jinja's |tojson (htmlsafe_json_dumps): <, >, & and '
# escaped, so it cannot close its <script>; text kept readable, keys in a stable order.
JSON_IN_HTML = {"sort_keys": True, "ensure_ascii": False}


def json_in_html(value: Any) -> Markup:
    """The same as |tojson, for JSON built in Python (the structured data)."""
    return htmlsafe_json_dumps(value, **JSON_IN_HTML)


def lines(text: str) -> Markup:
    """Plain text for display, one block per line, each line in its own direction: in
    an Arabic reply, a line that is only an address or a [[placeholder]] still reads
    left to right (a single text block would turn its brackets round)."""
    line = Markup('<span class="sp-line" dir="auto">{}</span>')
    return Markup("").join(line.format(_isolated_placeholders(part))
                           for part in str(text).rstrip("\n").split("\n"))


def _isolated_placeholders(line: str) -> Markup:
    """The line, escaped, each [[placeholder]] in a <bdi> of its own, named for the
    toolkit's fill-in fields (toolkit.js writes the seller's value into it)."""
    parts = re.split(r"\[\[([a-z_]+)\]\]", line)
    placeholder = Markup('<bdi class="sp-ph" data-name="{0}">[[{0}]]</bdi>')
    return Markup("").join(placeholder.format(part) if index % 2 else escape(part)
                           for index, part in enumerate(parts))


@pass_context
def local(context: Context, texts: dict[str, str]) -> str:
    """The seller's own text in the locale being rendered (validated to exist, or allowed
    to fall back to the default locale's text)."""
    return text_for(texts, context["f"].locale, context["p"].shop.default_locale)


# What the compiled templates depend on besides their source: the claim extension.
_COMPILER = hashlib.sha1(Path(claims.__file__).read_bytes(), usedforsecurity=False
                         ).hexdigest()[:12]


def markets(sells_to: list[str]) -> list[str]:
    """The codes of the law's floors a shop selling to `sells_to` meets (rules/law.py)."""
    return [floor.code for floor in floors(list(sells_to))]


def withdrawal_days(sells_to: list[str]) -> int:
    """The longest withdrawal period the law gives where the shop sells (0: none)."""
    return max((f.withdrawal.days for f in withdrawal_floors(list(sells_to))
                if f.withdrawal is not None), default=0)


def guaranteed(sells_to: list[str]) -> bool:
    """Whether the law gives the shop's buyers a guarantee for faulty goods somewhere."""
    return any(f.guarantee is not None for f in floors(list(sells_to)))


def exempt_goods(sells_to: list[str]) -> frozenset[str]:
    """The policy's item categories the withdrawal right does not cover there."""
    return frozenset().union(*(f.withdrawal.exceptions for f in
                               withdrawal_floors(list(sells_to)) if f.withdrawal))


def withdrawal_where(sells_to: list[str]) -> str:
    """Where the shop's buyers have a right of withdrawal: "EU GB", "EU", "GB" or ""."""
    return " ".join(f.code for f in withdrawal_floors(list(sells_to)))


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith((".md.j2", ".html.j2"))


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("shop_policy", "templates"),
        # Compiled templates are kept in the user's temporary folder between runs, apart
        # for each version of the code that compiles them (the claim block's).
        bytecode_cache=FileSystemBytecodeCache(pattern=f"__shop_policy_{_COMPILER}_%s.cache"),
        undefined=StrictUndefined,
        autoescape=_autoescape,
        extensions=["jinja2.ext.i18n", ClaimExtension],
        keep_trailing_newline=True,
        # One run renders each template many times; the files do not change meanwhile.
        auto_reload=False,
        trim_blocks=True,
        lstrip_blocks=True,
        # Markdown's attribute lists ({#anchor}) would otherwise open a Jinja comment.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.policies["ext.i18n.trimmed"] = True
    env.filters["md"] = md
    env.filters["tidy"] = tidy
    env.policies["json.dumps_kwargs"] = JSON_IN_HTML
    env.filters["local"] = local
    env.filters["lines"] = lines
    env.filters["isolated"] = _isolated
    env.globals["labels"] = labels
    env.globals["markets"] = markets
    env.globals["withdrawal_days"] = withdrawal_days
    env.globals["withdrawal_where"] = withdrawal_where
    env.globals["guaranteed"] = guaranteed
    env.globals["exempt_goods"] = exempt_goods
    env.globals["return_mail"] = _return_mail
    env.globals["front_matter"] = front_matter
    return env


def mailto(email: str, subject: str, lines: list[str]) -> Markup:
    """A mailto: link that opens a message to `email` with its subject and the lines of
    its body already written, every part percent-encoded (nothing in it can end the link
    or add a header)."""
    query = urlencode({"subject": subject, "body": "\n".join(lines) + "\n"},
                      quote_via=quote)
    return Markup(f"mailto:{quote(email, safe='@')}?{query}")


def return_mail(email: str, locale: str) -> Markup:
    """The message "Start a return" opens, in `locale`'s words."""
    say = translations(locale).gettext
    subject, lines = labels.RETURN_MAIL
    return mailto(email, say(subject), [say(line) for line in lines])


@pass_context
def _return_mail(context: Context, email: str) -> Markup:
    return return_mail(email, context["f"].locale)


def front_matter(locale: str, description: str, **values: str) -> Markup:
    """A page's front matter with its description in `locale`, values as typed: quoted
    for YAML, and HTML-escaped, since the theme prints it into an attribute as it is."""
    text = translations(locale).gettext(description) % values
    return Markup(f"---\ndescription: {json.dumps(html.escape(text), ensure_ascii=False)}"
                  "\n---\n")


def use_locale(env: Environment, locale: str) -> None:
    """Point the environment's gettext at `locale`'s catalog."""
    env.install_gettext_translations(translations(locale), newstyle=True)  # type: ignore[attr-defined]
    # `_()` and {% trans %} reach these two through the globals.
    for name in ("gettext", "ngettext"):
        env.globals[name] = _inert_in_markdown(env.globals[name])


def _inert_in_markdown(translate: Callable[..., str]) -> Callable[..., str]:
    """`translate`, with every value put into a sentence of a Markdown template (a fact,
    the seller's email, the version number) made inert by `md` first, as the seller's
    own texts are: {% trans email=f.email %} cannot turn into a link or an attribute.
    Elsewhere the values are escaped as usual: for HTML, or not at all in plain text."""

    @pass_context
    def call(context: Context, *args: Any, **variables: Any) -> str:
        if (context.name or "").endswith(".md.j2"):
            variables = {key: value if isinstance(value, Markup) else md(value)
                         for key, value in variables.items()}
        return context.call(translate, *args, **variables)

    return call


def render(env: Environment, name: str, **context: Any) -> str:
    text = env.get_template(name).render(**context)
    # One blank line at most, and exactly one newline at the end.
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"
