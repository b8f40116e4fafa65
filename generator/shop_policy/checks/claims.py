"""Promises: no buyer-facing text, in any locale, makes a claim the policy does not grant.

The sentences that promise something are those of the templates' claim blocks
(`shop_policy.text.claims`). Each is looked for in every rendered text as the locale's
catalog words it, whatever values fill it; where one appears and the policy does not
grant its claims, that is an over-promise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from shop_policy.checks.consistency import plain
from shop_policy.checks.finding import Finding, Severity
from shop_policy.outputs.registry import OUTPUTS
from shop_policy.outputs.site import version_page
from shop_policy.pipeline import Rendered
from shop_policy.read.model import Policy
from shop_policy.text.claims import CLAIMS, Promise, grants_for, promises
from shop_policy.text.render import environment
from shop_policy.text.translations import translations

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")
_MIN_WORDS = 4  # shorter messages ("Store credit") are headings and labels, not promises


@dataclass(frozen=True)
class Sentence:
    """A promise as one locale words it, ready to be found in a text."""

    pattern: re.Pattern[str]
    promise: Promise


def sentences(locale: str, made: list[Promise] | None = None) -> list[Sentence]:
    """Every promise of the templates (or those `made`), as `locale`'s catalog words it."""
    catalog = translations(locale)
    found = []
    for promise in promises(environment()) if made is None else made:
        worded = plain(catalog.gettext(promise.msgid).replace("%%", "%"))
        literal = _PLACEHOLDER.sub(" ", worded)
        if len(literal.split()) < _MIN_WORDS:
            continue
        parts = [re.escape(part) for part in _PLACEHOLDER.split(worded)[::2]]
        found.append(Sentence(re.compile(r".+?".join(parts), re.S), promise))
    return found


def claims_in(text: str, worded: list[Sentence]) -> Iterator[Sentence]:
    """The promises `text` makes."""
    seen = plain(text)
    return (sentence for sentence in worded if sentence.pattern.search(seen))


def claim_findings(policy: Policy, rendered: Rendered) -> Iterator[Finding]:
    """An error for each promise a buyer-facing text makes without its grant; the page
    of each earlier version is held to that version's grants."""
    checked = {output.folder for output in OUTPUTS if output.checked}
    grants = {v.version.number: grants_for(v) for v in policy.versions}
    made = promises(environment())
    for locale in policy.shop.locales:
        worded = sentences(locale, made)
        texts = [(folder, rel, grants[policy.version.number])
                 for folder, rel in sorted(rendered.used)
                 if folder in checked and rel.split("/", 1)[0] == locale]
        texts += [("site_src", version_page(locale, number), granted)
                  for number, granted in grants.items()]
        for folder, rel, granted in texts:
            for sentence in claims_in(rendered.files[folder][rel], worded):
                missing = sorted(sentence.promise.claims - granted)
                if missing:
                    yield Finding(
                        "claims", "CLAIM-NOT-GRANTED", Severity.ERROR, f"{folder}/{rel}", 0, 0,
                        f"promises that {'; that '.join(CLAIMS[m] for m in missing)} "
                        f"(\"{sentence.promise.msgid[:60]}...\", "
                        f"{sentence.promise.template}:{sentence.promise.line}), which "
                        "the policy does not grant")
