"""The law's floor as data: every market's rules with their sources, read by the lint."""

from __future__ import annotations

import dataclasses

import pytest

from shop_policy.checks import policy_lint
from shop_policy.rules.law import LAW, floors, withdrawal_floors
from tests.test_check import WINDOW, codes, fmt, policy_from


def test_every_fact_has_its_source() -> None:
    for floor in LAW.values():
        assert floor.name and floor.countries and floor.duties, floor.code
        for part in (floor.withdrawal, floor.guarantee):
            if part is not None:
                assert part.source.strip(), floor.code
        for duty, source in floor.duties:
            assert duty and source, floor.code


def test_the_main_rules_are_as_the_law_states_them() -> None:
    eu, gb = LAW["EU"].withdrawal, LAW["GB"].withdrawal
    assert eu is not None and gb is not None
    assert (eu.days, eu.starts, eu.refund_days, eu.refund_from) == (14, "delivery", 14,
                                                                     "notice")
    assert (gb.refund_from, eu.same_means, eu.withhold_until_goods) == ("goods_back", True,
                                                                        True)
    assert eu.condition == "deduction", "a trader deducts for handling; it may not refuse"
    assert LAW["EU"].guarantee.years == 2  # type: ignore[union-attr]
    assert LAW["GB"].guarantee.reject_days == 30  # type: ignore[union-attr]
    assert LAW["US"].withdrawal is None and LAW["AU"].withdrawal is None


@pytest.mark.parametrize(("sells_to", "expected"), [
    (["IE"], ["EU"]), (["EU", "GB", "US"], ["EU", "GB", "US"]), (["NO"], ["EU"]),
    (["AU", "NZ"], ["AU"]), (["WORLD"], ["EU", "GB", "US", "AU", "CA"])])
def test_a_shop_meets_the_floors_of_where_it_sells(sells_to: list[str],
                                                   expected: list[str]) -> None:
    assert [f.code for f in floors(sells_to)] == expected
    assert [f.code for f in withdrawal_floors(sells_to)] == [
        c for c in expected if c in ("EU", "GB")]


def test_the_lint_reads_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """Change the period in the table and the rule follows: no second copy of the fact."""
    fourteen = policy_from(fmt(WINDOW, 14))
    assert "EU-WITHDRAWAL" not in codes(fourteen)
    longer = dataclasses.replace(policy_lint.EU_LAW, days=21)
    monkeypatch.setattr(policy_lint, "EU_LAW", longer)
    assert "EU-WITHDRAWAL" in codes(fourteen)
    rule = next(r for r in policy_lint.RULES if r.code == "EU-WITHDRAWAL")
    assert rule.source == LAW["EU"].withdrawal.source  # type: ignore[union-attr]


# Where a buyer in each language looks for the clause.
TERMS = {"en": "withdraw", "de": "Widerruf", "fr": "rétractation", "es": "desistimiento",
         "nl": "herroep", "pl": "odstąpi", "ar": "الانسحاب"}


def test_the_example_tells_every_buyer_their_rights_in_their_language() -> None:
    from shop_policy.checks.law import law_findings
    from shop_policy.read.validate import read_policy
    from tests.golden import CASES, render_case

    files = render_case(CASES["example"])
    for locale, term in TERMS.items():
        page = files[f"site_src/{locale}/policy.md"]
        section = page.split("{#withdrawal}", 1)[1].split("{#legal-guarantee}", 1)[0]
        assert term in section, locale
        assert f"site_src/{locale}/withdrawal-form.md" in files
        assert f"snippets/{locale}/withdrawal-form.txt" in files
        assert "{#legal-guarantee}" in page
    from shop_policy.paths import Paths
    from shop_policy.pipeline import render_outputs

    policy = read_policy(CASES["example"])
    assert list(law_findings(policy, render_outputs(policy, Paths()))) == []


def test_a_shop_outside_the_eu_and_the_uk_has_no_withdrawal_text() -> None:
    from tests.golden import CASES, render_case

    files = render_case(CASES["strict"])  # sells to the US only
    assert "{#withdrawal}" not in files["site_src/en/policy.md"]
    assert "site_src/en/withdrawal-form.md" not in files
    assert "We usually dispatch orders within 1 working day." in files["site_src/en/faq.md"]


@pytest.mark.parametrize(("folder", "path", "cut", "code"), [
    ("site_src", "de/policy.md", "### ", "LAW-WITHDRAWAL-INFO"),
    ("snippets", "pl/email/order-confirmation.txt", "", "LAW-DISPATCH-TIME"),
    ("site_src", "fr/policy.md", "{#legal-guarantee}", "LAW-GUARANTEE-INFO"),
    ("snippets", "es/replies/return-condition-not-met.txt", "", "LAW-CONDITION-DEDUCTION"),
])
def test_a_text_that_leaves_out_what_the_law_asks_is_an_error(
        folder: str, path: str, cut: str, code: str) -> None:
    from shop_policy.checks.law import law_findings
    from shop_policy.paths import Paths
    from shop_policy.pipeline import render_outputs
    from shop_policy.read.validate import read_policy
    from tests.conftest import EXAMPLE

    policy = read_policy(EXAMPLE)
    rendered = render_outputs(policy, Paths())
    text = rendered.files[folder][path]
    if code == "LAW-WITHDRAWAL-INFO":  # drop the section on the right of withdrawal
        head, rest = text.split("{#withdrawal}", 1)
        text = head.rsplit(cut, 1)[0] + cut + rest.split("\n" + cut, 1)[1]
    elif code == "LAW-GUARANTEE-INFO":
        head, rest = text.split(cut, 1)
        text = head.rsplit("### ", 1)[0] + rest.split("## ", 1)[1]
    elif code == "LAW-CONDITION-DEDUCTION":  # the reply without its withdrawal sentence
        import re

        from shop_policy.text.translations import translations

        said = translations("es").gettext(
            "If you live in the EU or the UK and are still within the legal withdrawal "
            "period of %(period)s from receiving it, you can send it back all the same: we "
            "would only deduct for any loss in value from handling it more than needed to "
            "check it.")
        for part in re.split(r"%\(\w+\)s", said):
            text = text.replace(part.strip(), "")
    else:  # the email without its first point, the dispatch time
        lines = text.splitlines(keepends=True)
        text = "".join(line for line in lines if not line.startswith("- ") or
                       lines.index(line) != next(i for i, x in enumerate(lines)
                                                 if x.startswith("- ")))
    rendered.files[folder][path] = text
    found = [f for f in law_findings(policy, rendered)]
    assert [(f.code, f.file) for f in found] == [(code, f"{folder}/{path}")]


@pytest.mark.parametrize(("sells_to", "said"), [
    ("[EU]", "If you live in the EU, yes"), ("[GB]", "If you live in the UK, yes"),
    ("[EU, GB]", "If you live in the EU or the UK, yes")])
def test_the_texts_name_only_the_markets_the_shop_sells_to(tmp_path, sells_to: str,
                                                         said: str) -> None:
    from shop_policy.checks.law import law_findings
    from shop_policy.paths import Paths
    from shop_policy.pipeline import render_outputs
    from shop_policy.read.validate import read_policy
    from tests.conftest import POLICIES

    path = tmp_path / "shop.yaml"
    path.write_text((POLICIES / "minimal.yaml").read_text("utf-8").replace(
        "sells_to: [EU]", f"sells_to: {sells_to}"), "utf-8")
    policy = read_policy(path)
    rendered = render_outputs(policy, Paths())
    assert said in rendered.files["site_src"]["en/faq.md"]
    assert list(law_findings(policy, rendered)) == []


def test_every_country_note_belongs_to_its_market_and_has_its_source() -> None:
    from babel import Locale

    for floor in LAW.values():
        for note in floor.notes:
            country = note.country.split("-")[0]
            assert country in floor.countries, note
            assert note.note and note.source, note
            assert not (note.guarantee_years and note.lifetime), note
    eu = LAW["EU"]
    assert eu.guarantee is not None and eu.guarantee.years is not None
    for note in eu.longer_guarantees:  # a note only where the country gives longer
        assert note.lifetime or note.guarantee_years > eu.guarantee.years  # type: ignore[operator]
        for locale in ("en", "de", "fr", "es", "nl", "pl", "ar"):
            assert Locale.parse(locale).territories.get(note.country), (locale, note)
    assert {n.country for n in eu.notes} >= {"DE", "IE", "ES", "NL"}


@pytest.mark.parametrize(("sells_to", "listed", "left_out"), [
    ("[EU]", ["Ireland (6 years)", "Spain (3 years)", "Netherlands (as long as"], []),
    ("[ES, FR]", ["Spain (3 years)"], ["Ireland", "Netherlands"]),
    ("[FR]", [], ["The law of some countries gives you longer"]),
    ("[US]", [], ["The law of some countries gives you longer", "Legal guarantee"])])
def test_the_guarantee_names_the_longer_periods_of_the_countries_the_shop_sells_to(
        tmp_path, sells_to: str, listed: list[str], left_out: list[str]) -> None:
    from shop_policy.checks.consistency import consistency_findings, plain
    from shop_policy.paths import Paths
    from shop_policy.pipeline import render_outputs
    from shop_policy.read.validate import read_policy
    from tests.conftest import POLICIES

    path = tmp_path / "shop.yaml"
    path.write_text((POLICIES / "minimal.yaml").read_text("utf-8").replace(
        "sells_to: [EU]", f"sells_to: {sells_to}"), "utf-8")
    policy = read_policy(path)
    rendered = render_outputs(policy, Paths())
    page = plain(rendered.files["site_src"]["en/policy.md"])
    for said in listed:
        assert said in page
    for said in left_out:
        assert said not in page
    assert [f for f in consistency_findings(policy, rendered)
            if f.code == "FACT-UNKNOWN"] == []


def test_the_uk_guarantee_says_how_long_a_claim_can_be_brought(tmp_path) -> None:
    from shop_policy.checks.consistency import plain
    from shop_policy.paths import Paths
    from shop_policy.pipeline import render_outputs
    from shop_policy.read.validate import read_policy
    from tests.conftest import POLICIES

    path = tmp_path / "shop.yaml"
    path.write_text((POLICIES / "minimal.yaml").read_text("utf-8").replace(
        "sells_to: [EU]", "sells_to: [GB]"), "utf-8")
    rendered = render_outputs(read_policy(path), Paths())
    page = plain(rendered.files["site_src"]["en/policy.md"])
    assert "up to 6 years after delivery (5 years in Scotland)" in page
    assert "it does not shorten these rights" in page


def test_a_shop_selling_only_to_the_uk_speaks_of_cancelling_as_uk_law_does(
        tmp_path) -> None:
    """The UK's model form and rules say "cancel" where the EU's say "withdraw"; every
    locale's texts still carry what the law asks, in the UK's terms."""
    import re

    from shop_policy.checks.law import law_findings
    from shop_policy.paths import Paths
    from shop_policy.pipeline import render_outputs
    from shop_policy.read.validate import read_policy
    from tests.conftest import EXAMPLE

    path = tmp_path / "shop.yaml"
    path.write_text(EXAMPLE.read_text("utf-8").replace(
        "sells_to: [EU, GB, US]", "sells_to: [GB]"), "utf-8")
    policy = read_policy(path)
    rendered = render_outputs(policy, Paths())
    assert list(law_findings(policy, rendered)) == []
    english = {rel: text for folder in ("site_src", "snippets")
               for rel, text in rendered.files[folder].items() if rel.startswith("en/")}
    assert "\n# Cancellation form\n" in english["en/withdrawal-form.md"]
    assert "I cancel my contract of sale" in english["en/withdrawal-form.md"]
    for rel, text in english.items():
        said = re.sub(r"withdrawal-form(\.md|/)|#withdrawal\b|\{#withdrawal\}|id=\"withdrawal\"",
                      "", text)
        assert not re.search(r"withdraw", said, re.I), rel
