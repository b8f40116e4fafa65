"""`shop-policy check`: drift, consistency, template lint and policy lint, in one report.

Nothing is written. Every finding has a kind, a code, a severity and a place.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from babel.numbers import format_currency, format_percent
from babel.units import format_unit
from jinja2 import Environment

from shop_policy.checks import policy_lint as lint
from shop_policy.errors import OutputError, dotted
from shop_policy.outputs.replies import available, render_reply
from shop_policy.outputs.site import PAGES, history
from shop_policy.paths import Paths
from shop_policy.pipeline import render_all
from shop_policy.read.load import Document, load
from shop_policy.read.model import Policy
from shop_policy.read.validate import validate
from shop_policy.resources import TEMPLATES
from shop_policy.text.facts import Facts, facts_for
from shop_policy.text.render import environment, render, use_locale
from shop_policy.text.translations import LOCALES_DIR, translations
from shop_policy.write.files import digest
from shop_policy.write.journal import pending
from shop_policy.write.manifest import read_manifest


@dataclass(frozen=True)
class Finding:
    kind: str  # drift, consistency, template, policy
    code: str
    severity: str  # error or warning
    file: str
    line: int
    column: int
    message: str
    source: str = ""
    key: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        key = f"{self.key}: " if self.key else ""
        source = f" [{self.source}]" if self.source else ""
        return f"{where}: {self.code} {self.severity}: {key}{self.message}{source}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def run_checks(policy_path: Path, paths: Paths) -> list[Finding]:
    """Every finding for the policy at `policy_path`. Raises PolicyError if unreadable."""
    if pending(paths.anchor):
        raise OutputError("a build was stopped while putting its files in place; run "
                          "`shop-policy build` to finish it, then check again")
    doc = load(policy_path)
    policy = validate(doc)
    findings = [*policy_findings(doc, policy), *template_findings()]
    findings += drift_findings(policy, paths)
    findings += consistency_findings(policy)
    return findings


# --- policy lint -------------------------------------------------------------------------

def policy_findings(doc: Document, policy: Policy) -> Iterator[Finding]:
    for found in lint.lint(policy):
        line, column = doc.locate(found.path)
        key = dotted(found.path)
        yield Finding("policy", found.rule.code, found.rule.severity, doc.path, line, column,
                      f"{found.message}. {found.rule.summary}", found.rule.source, key)


# --- drift -------------------------------------------------------------------------------

def drift_findings(policy: Policy, paths: Paths) -> Iterator[Finding]:
    """Generated files on disk that differ from what the policy would generate now."""
    for root, files in render_all(policy, paths).items():
        recorded = read_manifest(root)
        for rel, text in sorted(files.items()):
            path = root / rel
            if not path.is_file():
                yield Finding("drift", "DRIFT-MISSING", "error", str(path), 0, 0,
                              "is not generated yet; run `make site`")
            elif digest(path.read_bytes()) != digest(text.encode("utf-8")):
                edited = rel in recorded and digest(path.read_bytes()) != recorded[rel]
                why = ("was edited by hand since it was generated" if edited else
                       "is out of date with the policy, templates or catalogs")
                yield Finding("drift", "DRIFT-CHANGED", "error", str(path), 0, 0,
                              f"{why}; move edits into the policy file and run `make site`")
        for rel in sorted(set(recorded) - set(files)):
            if (root / rel).exists():
                yield Finding("drift", "DRIFT-STALE", "error", str(root / rel), 0, 0,
                              "is no longer generated; run `make site` to remove it")


# --- consistency -------------------------------------------------------------------------

class Recorder:
    """Facts that remember which of them a template used."""

    def __init__(self, facts: Facts) -> None:
        self._facts = facts
        self.used: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        self.used.add(name)
        return getattr(self._facts, name)


def plain(text: str) -> str:
    """Text as a reader sees it: no Markdown escapes, entities decoded, spaces joined."""
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", text)
    return " ".join(html.unescape(text).replace("\xa0", " ").split())


FACT_FIELDS = ("cancel_window", "return_window", "report_window", "refund_days",
               "change_of_mind_fee", "damaged_fee", "restocking_fee", "store_credit_bonus",
               "store_credit_validity", "dispatch_days", "dispatch_time", "effective_date",
               "version",
               "etsy_case_wait", "ebay_step_in_wait", "amazon_claim_wait")


def outputs_with_facts(env: Environment, policy: Policy, locale: str
                       ) -> Iterator[tuple[str, str, set[str], Facts]]:
    """(name, text, facts it used, facts) for each buyer-facing text of one locale."""
    facts = facts_for(policy, locale, translations(locale))
    use_locale(env, locale)
    for page in PAGES:
        recorder = Recorder(facts)
        text = render(env, f"site/{page}.j2", p=policy, f=recorder, json_ld="",
                      history=history(policy, locale))
        yield f"site_src/{locale}/{page}", text, recorder.used, facts
    for name in ("order-confirmation.html", "order-confirmation.txt"):
        recorder = Recorder(facts)
        text = render(env, f"email/{name}.j2", p=policy, f=recorder)
        yield f"snippets/{locale}/email/{name}", text, recorder.used, facts
    for spec in available(policy):
        recorder = Recorder(facts)
        reply = render_reply(env, spec, policy, recorder)  # type: ignore[arg-type]
        yield (f"snippets/{locale}/replies/{spec.id}.txt",
               f"{reply.subject}\n{reply.body}\n{reply.note}", recorder.used, facts)


def mention_patterns(policy: Policy, locale: str) -> list[re.Pattern[str]]:
    """Patterns for any duration, amount or percentage as Babel writes it in `locale`."""
    samples = [format_unit(n, unit, length="long", locale=locale)
               for unit in ("duration-hour", "duration-day", "duration-week",
                            "duration-month") for n in (1, 2, 3, 5, 11, 21, 100, 102)]
    samples.append(format_currency(Decimal("1234.56"), policy.shop.currency, locale=locale))
    samples.append(format_percent(Decimal("0.12"), locale=locale))
    patterns = set()
    for sample in samples:
        text = plain(sample)
        if not re.search(r"\d", text):
            continue  # a number written as a word ("يومان"): nothing to scan for
        pattern = re.escape(text)
        pattern = re.sub(r"(\d)(\\?[.,\s\u202f']?\d)*", r"\\d[\\d.,\\s\\u202f']*", pattern)
        patterns.add(pattern)
    return [re.compile(p + r"(?!\w)") for p in sorted(patterns, key=len, reverse=True)]


def consistency_findings(policy: Policy) -> Iterator[Finding]:
    env = environment()
    for locale in policy.shop.locales:
        patterns = mention_patterns(policy, locale)
        for name, text, used, facts in outputs_with_facts(env, policy, locale):
            seen = plain(_visible(text))
            values = [plain(getattr(facts, f)) for f in FACT_FIELDS if getattr(facts, f)]
            allowed = {_mention(m) for value in values for pattern in patterns
                       for m in pattern.finditer(value)}
            for field in sorted(used & set(FACT_FIELDS)):
                value = plain(getattr(facts, field))
                if value and value not in seen:
                    yield Finding("consistency", "FACT-MISSING", "error", name, 0, 0,
                                  f"uses {field} but does not state it as '{value}'")
            for pattern in patterns:
                for match in pattern.finditer(seen):
                    if _mention(match) not in allowed:
                        yield Finding("consistency", "FACT-UNKNOWN", "error", name, 0, 0,
                                      f"states '{_mention(match)}', which the policy does "
                                      "not give")


def _mention(match: re.Match[str]) -> str:
    return match.group(0).strip().rstrip(".,")


def _visible(text: str) -> str:
    """What a reader sees of an output: no scripts, no tags or attributes."""
    text = re.sub(r"<script\b.*?</script>", " ", text, flags=re.S | re.I)
    return re.sub(r"<[^>]+>", " ", text)


# --- template and catalog lint ------------------------------------------------------------

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
            yield Finding("template", "TEMPLATE-LITERAL", "error", str(shown), line, 0,
                          f"the number '{number}' is written into the template; pass it "
                          "from the policy as a fact")
    from babel.messages.pofile import read_po

    for path in sorted(LOCALES_DIR.glob("*/LC_MESSAGES/messages.po")):
        with path.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if not message.id:
                continue  # the header
            texts = [*_strings(message.id), *_strings(message.string)]
            for text in texts:
                for number, _ in _literal_numbers(text):
                    yield Finding("template", "CATALOG-LITERAL", "error", str(path),
                                  message.lineno, 0, f"the number '{number}' is "
                                  f"written into the message {_strings(message.id)[0]!r}; "
                                  "numbers must come from the policy")


def _strings(value: Any) -> list[str]:
    if isinstance(value, tuple | list):
        return [v for v in value if v]
    return [value] if value else []


def exit_code(findings: list[Finding], strict: bool) -> int:
    failing = [f for f in findings if f.severity == "error" or strict]
    return 1 if failing else 0

