"""Laying out rendered text: paragraphs and lines, and the same text as simple HTML."""

from __future__ import annotations

import html
import re
from typing import Any


def one_line(text: str) -> str:
    return " ".join(text.split())


def tidy(text: Any) -> str:
    """Lay out rendered text: paragraphs split by blank lines, sentences joined.

    A line starting with "- " (a list item) or with two spaces (an address, a link, a
    quoted clause) keeps its own line; any other line joins the one before it.
    """
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", str(text).strip("\n")):
        lines: list[str] = []
        for raw in block.split("\n"):
            line = raw.rstrip()
            if not line.strip():
                continue
            hard = line.startswith(("- ", "  "))
            if lines and not hard and not lines[-1].startswith(("- ", "  ")):
                lines[-1] = f"{lines[-1]} {line.strip()}"
            else:
                lines.append(line if hard else line.strip())
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs) + "\n"


_URL = re.compile(r"https://[^\s<>\"\x00]+")
# A placeholder, as [[name]] or as the reply's token (NUL, name, NUL).
_PLACEHOLDER = re.compile(r"\[\[[a-z_]+\]\]|\x00[a-z_]+\x00")


def _inline(line: str, rtl: bool) -> str:
    """One escaped line, its addresses linked. Right to left, a link and a placeholder
    each keep their own direction (a link with dir="ltr" is isolated, as <bdi> is), so
    "[[order_number]]" keeps its brackets and a web address its final "/"."""
    escaped = html.escape(line, quote=False)
    if rtl:
        escaped = _PLACEHOLDER.sub(lambda m: f"<bdi>{m.group(0)}</bdi>", escaped)
    link = '<a href="{0}" dir="ltr">{0}</a>' if rtl else '<a href="{0}">{0}</a>'
    return _URL.sub(lambda m: link.format(m.group(0)), escaped)


def text_to_html(text: str, *, rtl: bool = False) -> str:
    """The same reply as simple HTML for help desks with a rich-text editor (placeholder
    tokens pass through as they are). Right to left, each paragraph and list says so,
    so that every line of it, an address or a signature too, aligns to the right."""
    direction = ' dir="rtl"' if rtl else ""
    out = []
    for block in text.strip("\n").split("\n\n"):
        lines = block.split("\n")
        groups: list[tuple[bool, list[str]]] = []
        for line in lines:
            is_item = line.startswith("- ")
            if groups and groups[-1][0] == is_item:
                groups[-1][1].append(line)
            else:
                groups.append((is_item, [line]))
        for is_item, group in groups:
            if is_item:
                lis = "".join(f"<li>{_inline(item[2:], rtl)}</li>" for item in group)
                out.append(f"<ul{direction}>{lis}</ul>")
            else:
                body = "<br>\n".join(_inline(line.strip(), rtl) for line in group)
                out.append(f"<p{direction}>{body}</p>")
    return "\n".join(out) + "\n"
