"""Template lint: a number written into a template or a catalog instead of coming from
the policy as a fact."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po

from shop_policy.checks.finding import Finding, Severity
from shop_policy.resources import TEMPLATES
from shop_policy.text.translations import LOCALES_DIR

_NOT_FACTS = re.compile(
    r"<[^>]*>"            # HTML tags and their attributes (inline CSS sizes)
    r"|&#\d+;"            # character references
    r"|^\s*1\.\s",        # a Markdown ordered list marker
    re.MULTILINE,
)


def _numbers_with_lines(text: str) -> Iterator[tuple[str, int]]:
    for number, offset in _literal_numbers(text):
        yield number, text.count("\n", 0, offset) + 1


def _literal_numbers(text: str) -> Iterator[tuple[str, int]]:
    """Each number written out in `text`, with its offset (tags, character references
    and placeholders blanked out first, keeping every offset in place)."""
    blank = lambda m: " " * len(m.group(0))  # noqa: E731
    cleaned = _NOT_FACTS.sub(blank, text)
    cleaned = re.sub(r"%\([a-z_]+\)s|\{[a-z]+\}", blank, cleaned)
    for match in re.finditer(r"\d+(?:[.,]\d+)?\s*%?", cleaned):
        yield match.group(0).strip(), match.start()


def _masked(source: str) -> str:
    """Template source with Jinja tags and HTML tags blanked out, lines kept in place."""
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))  # noqa: E731
    source = re.sub(r"\{##.*?##\}|\{%.*?%\}|\{\{.*?\}\}", blank, source, flags=re.S)
    return re.sub(r"<[^>]*>", blank, source, flags=re.S)


def template_findings() -> Iterator[Finding]:
    for path in sorted(TEMPLATES.rglob("*.j2")):
        masked = _masked(path.read_text("utf-8"))
        shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
        for number, line in _numbers_with_lines(masked):
            yield Finding("template", "TEMPLATE-LITERAL", Severity.ERROR, str(shown), line, 0,
                          f"the number '{number}' is written into the template; pass it "
                          "from the policy as a fact")
    for path in sorted(LOCALES_DIR.glob("*/LC_MESSAGES/messages.po")):
        with path.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if not message.id:
                continue  # the header
            texts = [*_strings(message.id), *_strings(message.string)]
            for text in texts:
                for number, _ in _literal_numbers(text):
                    yield Finding("template", "CATALOG-LITERAL", Severity.ERROR, str(path),
                                  message.lineno, 0, f"the number '{number}' is "
                                  f"written into the message {_strings(message.id)[0]!r}; "
                                  "numbers must come from the policy")


def _strings(value: Any) -> list[str]:
    if isinstance(value, tuple | list):
        return [v for v in value if v]
    return [value] if value else []
