"""The promise matrix: every shop shape, on its marketplaces, in every locale, makes
exactly the promises its policy grants, and `check` fails on one it does not."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from shop_policy.checks.claims import claim_findings, claims_in, sentences
from shop_policy.cli import main
from shop_policy.paths import Paths
from shop_policy.pipeline import Rendered, render_outputs
from shop_policy.read.model import Policy
from shop_policy.read.validate import read_policy
from shop_policy.text import render as render_module
from shop_policy.text.claims import grants_for
from shop_policy.text.translations import translations
from tests.conftest import example_locales
from tests.shapes import SHAPES, variants, write_shape


@cache
def _folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="shop-policy-shapes-"))


@cache
def shape(name: str, marketplaces: tuple[str, ...] | None = None
          ) -> tuple[Policy, Rendered]:
    policy = read_policy(write_shape(name, _folder(), marketplaces))
    return policy, render_outputs(policy, Paths())


def made(policy: Policy, rendered: Rendered, locale: str) -> dict[str, set[frozenset[str]]]:
    """For each buyer-facing file of `locale`: the claim sets of the promises it makes."""
    worded = sentences(locale)
    return {rel.split("/", 1)[1]: {s.promise.claims for s in
                                   claims_in(rendered.files[folder][rel], worded)}
            for folder, rel in rendered.used if rel.startswith(f"{locale}/")}


def replies(rendered: Rendered) -> set[str]:
    return {Path(rel).stem for rel in rendered.files["snippets"]
            if rel.startswith("en/replies/") and rel.endswith(".txt")}


def promised(policy: Policy, rendered: Rendered) -> set[str]:
    return {claim for sets in made(policy, rendered, "en").values() for s in sets
            for claim in s}


VARIANTS = variants()
IDS = [f"{name}/{'+'.join(places)}" for name, places in VARIANTS]


@pytest.mark.parametrize(("name", "places"), VARIANTS, ids=IDS)
def test_every_locale_makes_the_promises_of_the_default_locale(
        name: str, places: tuple[str, ...]) -> None:
    policy, rendered = shape(name, places)
    english = made(policy, rendered, "en")
    assert english, "the scanner finds no promise at all"
    for locale in policy.shop.locales[1:]:
        assert made(policy, rendered, locale) == english, locale


@pytest.mark.parametrize(("name", "places"), VARIANTS, ids=IDS)
def test_no_text_promises_more_than_the_policy_grants(name: str,
                                                      places: tuple[str, ...]) -> None:
    policy, rendered = shape(name, places)
    assert promised(policy, rendered) <= grants_for(policy)
    assert list(claim_findings(policy, rendered)) == []


# Per shape: claims that must appear somewhere, claims that must appear nowhere, and
# replies that must not exist.
EXPECTED: dict[str, tuple[set[str], set[str], set[str]]] = {
    "example": ({"cancel", "return", "return.refund", "return.store_credit",
                 "return.exchange", "store_credit", "partial_refund", "refund",
                 "fault.free_postage"}, set(), set()),
    "exchange-only": ({"return", "return.exchange", "cancel"},
                      {"return.refund", "return.store_credit", "store_credit"},
                      {"offer-store-credit"}),
    "credit-only": ({"return", "return.store_credit", "return.free_postage", "store_credit"},
                    {"return.refund", "return.exchange", "partial_refund"},
                    {"offer-partial-refund"}),
    "final-sale": (set(), {"return", "cancel", "refund", "partial_refund",
                           "return.refund"},
                   {"return-accepted", "cancel-accepted", "cancel-ask-reason",
                    "offer-partial-refund", "return-condition-not-met"}),
    "faults-only": ({"cancel", "refund"}, {"return", "return.refund", "store_credit"},
                    {"return-accepted", "offer-store-credit"}),
    "personalised-excluded": ({"return", "return.refund"},
                              {"return.store_credit", "return.exchange", "store_credit"},
                              {"offer-store-credit"}),
}


@pytest.mark.parametrize(("name", "places"), VARIANTS, ids=IDS)
def test_each_shape_says_what_it_grants_and_nothing_else(name: str,
                                                        places: tuple[str, ...]) -> None:
    policy, rendered = shape(name, places)
    present, absent, no_replies = EXPECTED[name]
    claims = promised(policy, rendered)
    assert present <= claims, present - claims
    assert not claims & absent, claims & absent
    made = replies(rendered)
    assert not made & no_replies
    # An escalation reply for each marketplace the shop sells on, and no other.
    assert {r.removeprefix("escalation-") for r in made if r.startswith("escalation-")} \
        == set(places) - {"own_shop"}


def test_personalised_goods_are_named_as_excluded_in_the_summary_and_email() -> None:
    _, rendered = shape("personalised-excluded")
    summary = rendered.files["site_src"]["en/policy.md"].split("## ", 2)[1]
    email = rendered.files["snippets"]["en/email/order-confirmation.txt"]
    assert "Some items cannot be returned for a change of mind" in summary
    assert "Some items cannot be returned for a change of mind" in email


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_check_strict_is_clean(name: str, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "policies").mkdir()
    policy = write_shape(name, tmp_path / "policies")
    args = ["--policy", str(policy)]
    assert CliRunner().invoke(main, ["generate", *args]).exit_code == 0
    result = CliRunner().invoke(main, ["check", "--strict", *args])
    assert result.exit_code == 0, result.output


class _Planted:
    """A catalog in which one ordinary sentence was translated as a promise."""

    def __init__(self, inner: Any, msgid: str, text: str) -> None:
        self.inner, self.msgid, self.text = inner, msgid, text

    def gettext(self, message: str) -> str:
        return self.text if message == self.msgid else self.inner.gettext(message)

    ugettext = gettext  # Babel's catalogs offer this name too, and Jinja prefers it

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@pytest.mark.parametrize("locale", example_locales())
def test_a_planted_over_promise_fails_in_any_locale(locale: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    policy, _ = shape("credit-only")
    refund = next(s for s in sentences(locale)
                  if s.promise.claims == {"return.refund"})
    planted = re.sub(r"%\(\w+\)s", "…", translations(locale).gettext(refund.promise.msgid))
    innocent = "Please send it to:"  # an ordinary line of the return-accepted reply

    def planted_catalog(tag: str) -> Any:
        real = translations(tag)
        return _Planted(real, innocent, planted) if tag == locale else real

    monkeypatch.setattr(render_module, "translations", planted_catalog)
    rendered = render_outputs(policy, Paths())
    findings = list(claim_findings(policy, rendered))
    assert {f.file for f in findings} >= {f"snippets/{locale}/replies/return-accepted.txt"}
    assert all(f.code == "CLAIM-NOT-GRANTED" for f in findings)
    assert all(f"/{locale}/" in f.file for f in findings)


def test_a_promise_outside_its_claim_block_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """A template that states a promise without its claim (as if copied out of the
    block) is caught: the text is scanned, not the template."""
    policy, rendered = shape("final-sale")
    files: Mapping[str, str] = rendered.files["snippets"]
    rel = "de/replies/return-declined.txt"
    cancel = next(s for s in sentences("de") if s.promise.claims == {"cancel"})
    worded = re.sub(r"%\(\w+\)s", "X", translations("de").gettext(cancel.promise.msgid))
    rendered.files["snippets"] = {**files, rel: files[rel] + worded}
    try:
        findings = list(claim_findings(policy, rendered))
    finally:
        rendered.files["snippets"] = dict(files)
    assert [f.file for f in findings] == [f"snippets/{rel}"]
    assert "an order can be cancelled" in findings[0].message


def test_the_grants_cache_stays_small_in_a_long_running_process() -> None:
    from shop_policy.text import claims

    policy, _ = shape("example")
    for _ in range(3 * claims._MOST_POLICIES):
        claims._granted(policy.model_copy())
    assert len(claims._GRANTED) <= claims._MOST_POLICIES
