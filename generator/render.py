"""The one Jinja2 environment every output is rendered with."""

from __future__ import annotations

import json
import re
from typing import Any

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup, escape

from generator import labels
from generator.model import text_for
from generator.replies import tidy
from generator.translations import translations

# Python-Markdown's backslash escapes; '<', '>' and '&' are left to HTML escaping.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def md(value: Any) -> Markup:
    """Seller text made inert in Markdown: no HTML, no links, no emphasis, shown as typed."""
    lines = str(value).splitlines()
    escaped = [escape(_MARKDOWN_SPECIAL.sub(r"\\\1", line.strip())) for line in lines]
    # Keep the seller's paragraphs; join the lines of one paragraph with a space.
    text = "\n".join(escaped)
    return Markup(re.sub(r"(?<!\n)\n(?!\n)", " ", text))


def json_script(value: Any) -> Markup:
    """JSON safe to place inside <script type="application/json"> in HTML or Markdown."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c")
                  .replace(">", "\\u003e"))


def lines(text: str) -> Markup:
    """Plain text for display, one block per line, each line in its own direction: in
    an Arabic reply, a line that is only an address or a [[placeholder]] still reads
    left to right (a single text block would turn its brackets round)."""
    line = Markup('<span class="sp-line" dir="auto">{}</span>')
    return Markup("").join(line.format(part) for part in str(text).rstrip("\n").split("\n"))


@pass_context
def local(context: Context, texts: dict[str, str]) -> str:
    """The seller's own text in the locale being rendered (validated to exist, or allowed
    to fall back to the default locale's text)."""
    return text_for(texts, context["f"].locale, context["p"].shop.default_locale)


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith((".md.j2", ".html.j2"))


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        # Compiled templates are kept in the user's temporary folder between runs.
        bytecode_cache=FileSystemBytecodeCache(),
        undefined=StrictUndefined,
        autoescape=_autoescape,
        extensions=["jinja2.ext.i18n"],
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
    env.filters["json_script"] = json_script
    env.filters["local"] = local
    env.filters["lines"] = lines
    env.globals["labels"] = labels
    return env


def use_locale(env: Environment, locale: str) -> None:
    """Point the environment's gettext at `locale`'s catalog."""
    env.install_gettext_translations(translations(locale), newstyle=True)  # type: ignore[attr-defined]


def render(env: Environment, name: str, **context: Any) -> str:
    text = env.get_template(name).render(**context)
    # One blank line at most, and exactly one newline at the end.
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"
