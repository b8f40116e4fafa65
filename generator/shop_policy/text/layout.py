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


def _linkify(escaped: str) -> str:
    return _URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped)


def text_to_html(text: str) -> str:
    """The same reply as simple HTML for help desks with a rich-text editor (placeholder
    tokens pass through as they are)."""
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
                lis = "".join(f"<li>{_linkify(html.escape(item[2:], quote=False))}</li>"
                              for item in group)
                out.append(f"<ul>{lis}</ul>")
            else:
                body = "<br>\n".join(_linkify(html.escape(line.strip(), quote=False))
                                     for line in group)
                out.append(f"<p>{body}</p>")
    return "\n".join(out) + "\n"
