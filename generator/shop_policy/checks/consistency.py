"""Consistency: every fact a buyer-facing text uses is stated as the policy gives it,
and no text states a duration, amount or percentage that the policy does not give."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from decimal import Decimal

from babel.numbers import format_currency, format_percent
from babel.units import format_unit

from shop_policy.checks.finding import Finding, Severity
from shop_policy.outputs.registry import OUTPUTS
from shop_policy.pipeline import Rendered
from shop_policy.read.model import Policy
from shop_policy.text.facts import facts_for
from shop_policy.text.translations import translations


def plain(text: str) -> str:
    """Text as a reader sees it: no Markdown escapes, entities decoded, spaces joined."""
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", text)
    return " ".join(html.unescape(text).replace("\xa0", " ").split())


FACT_FIELDS = ("cancel_window", "return_window", "report_window", "refund_days",
               "change_of_mind_fee", "damaged_fee", "restocking_fee", "store_credit_bonus",
               "store_credit_validity", "dispatch_days", "dispatch_time", "effective_date",
               "version",
               "etsy_case_wait", "ebay_step_in_wait", "amazon_claim_wait",
               "withdrawal_period", "withdrawal_refund", "guarantee_period", "reject_period",
               "longer_guarantees", "claim_period", "claim_period_scotland")


# A page's style sheet and script are not texts a reader reads.
ASSETS = (".css", ".js")


def mention_patterns(policy: Policy, locale: str) -> list[re.Pattern[str]]:
    """Patterns for any duration, amount or percentage as Babel writes it in `locale`."""
    samples = [format_unit(n, unit, length="long", locale=locale)
               for unit in ("duration-hour", "duration-day", "duration-week",
                            "duration-month", "duration-year")
               for n in (1, 2, 3, 5, 11, 21, 100, 102)]
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


def consistency_findings(policy: Policy, rendered: Rendered) -> Iterator[Finding]:
    """Walk the buyer-facing kinds of the registry, as rendered (with the facts each file
    used), in every locale."""
    checked = {output.folder for output in OUTPUTS if output.checked}
    by_locale: dict[str, list[tuple[str, str, frozenset[str]]]] = {}
    for (folder, rel), used in sorted(rendered.used.items()):
        if folder in checked and not rel.endswith(ASSETS):
            locale = rel.split("/", 1)[0]
            by_locale.setdefault(locale, []).append(
                (f"{folder}/{rel}", rendered.files[folder][rel], used))
    for locale in policy.shop.locales:
        yield from _locale_findings(policy, locale, by_locale.get(locale, []))


def _locale_findings(policy: Policy, locale: str,
                     texts: list[tuple[str, str, frozenset[str]]]) -> Iterator[Finding]:
    facts = facts_for(policy, locale, translations(locale))
    patterns = mention_patterns(policy, locale)
    allowed = _mentions(policy, locale, patterns)
    # The changes page states what earlier versions gave, too ("21 days → 30 days").
    before = set().union(allowed, *(_mentions(v, locale, patterns)
                                    for v in policy.versions[:-1]))
    for name, text, used in texts:
        known = before if name.endswith("/changes.md") else allowed
        seen = plain(_visible(text))
        for field in sorted(used & set(FACT_FIELDS)):
            value = plain(getattr(facts, field))
            if value and value not in seen:
                yield Finding("consistency", "FACT-MISSING", Severity.ERROR, name, 0, 0,
                              f"uses {field} but does not state it as '{value}'")
        for pattern in patterns:
            for match in pattern.finditer(seen):
                if _mention(match) not in known:
                    yield Finding("consistency", "FACT-UNKNOWN", Severity.ERROR, name, 0, 0,
                                  f"states '{_mention(match)}', which the policy does "
                                  "not give")


def _mentions(policy: Policy, locale: str, patterns: list[re.Pattern[str]]) -> set[str]:
    """Every duration, amount or percentage the facts of `policy` state in `locale`."""
    facts = facts_for(policy, locale, translations(locale))
    values = [plain(getattr(facts, f)) for f in FACT_FIELDS if getattr(facts, f)]
    return {_mention(m) for value in values for pattern in patterns
            for m in pattern.finditer(value)}


def _mention(match: re.Match[str]) -> str:
    return match.group(0).strip().rstrip(".,")


def _visible(text: str) -> str:
    """What a reader sees of an output: no scripts, no tags or attributes."""
    text = re.sub(r"<script\b.*?</script>", " ", text, flags=re.S | re.I)
    return re.sub(r"<[^>]+>", " ", text)


