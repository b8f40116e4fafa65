"""`shop-policy check`: each lint rule, drift, consistency, template and catalog lint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from shop_policy.checks import templates as template_lint
from shop_policy.checks.consistency import consistency_findings
from shop_policy.checks.policy_lint import RULES, lint
from shop_policy.cli import main
from shop_policy.outputs import site as site_pages
from shop_policy.paths import Paths
from shop_policy.pipeline import render_outputs
from shop_policy.read.load import loads
from shop_policy.read.validate import validate
from tests.conftest import POLICIES

MINIMAL = (POLICIES / "minimal.yaml").read_text("utf-8")


def policy_from(*edits: tuple[str, str]):
    text = MINIMAL
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return validate(loads(text.encode("utf-8"), "policy.yaml"))


def codes(policy) -> set[str]:
    return {finding.rule.code for finding in lint(policy)}


WINDOW = ("window_days: 14", "window_days: {}")
SELLS = ("sells_to: [EU]", "sells_to: [{}]")
PLACES = ("marketplaces: [own_shop]", "marketplaces: [own_shop, {}]")
FEE = ("  window_days: 14\n", "  window_days: 14\n  restocking_fee:\n    percent: 10\n")


def fmt(edit: tuple[str, str], *values: object) -> tuple[str, str]:
    return edit[0], edit[1].format(*values)


# code: (edits that trigger it, edits just inside the rule)
CASES = {
    "EU-WITHDRAWAL": ([fmt(WINDOW, 10)], [fmt(WINDOW, 14)]),
    "EU-RESTOCKING": ([FEE], [FEE, fmt(SELLS, "US")]),
    "EU-DELIVERY-REFUND": ([("partial_refunds: false", "partial_refunds: false\n"
                             "  includes_original_shipping: false")],
                           [("partial_refunds: false", "partial_refunds: false\n"
                             "  includes_original_shipping: false"), fmt(SELLS, "US")]),
    "UK-CANCELLATION": ([fmt(SELLS, "GB"), fmt(WINDOW, 10)], [fmt(SELLS, "GB")]),
    "UK-REJECT-FAULTY": ([fmt(SELLS, "GB"), ("report_within_days: 30",
                                             "report_within_days: 14")],
                         [fmt(SELLS, "GB")]),
    "US-CA-DISPLAY": ([fmt(SELLS, "US"), fmt(WINDOW, 5)], [fmt(SELLS, "US"), fmt(WINDOW, 7)]),
    "US-FTC-SHIPPING": ([fmt(SELLS, "US"), ("dispatch_days: 2", "dispatch_days: 45")],
                        [fmt(SELLS, "US"), ("dispatch_days: 2", "dispatch_days: 30")]),
    "ETSY-DEADLINE": ([fmt(PLACES, "etsy"), fmt(WINDOW, 20)],
                      [fmt(PLACES, "etsy"), fmt(WINDOW, 21)]),
    "EBAY-RESTOCKING": ([fmt(PLACES, "ebay"), FEE], [fmt(PLACES, "ebay")]),
    "EBAY-NOT-AS-DESCRIBED": ([fmt(PLACES, "ebay"), ("payer: seller", "payer: buyer")],
                              [fmt(PLACES, "ebay")]),
    "AMAZON-30-DAYS": ([fmt(PLACES, "amazon"), fmt(WINDOW, 29)],
                       [fmt(PLACES, "amazon"), fmt(WINDOW, 30)]),
    "EU-UK-MONEY-BACK": ([("change_of_mind: [refund]", "change_of_mind: [store_credit]")],
                         [("change_of_mind: [refund]", "change_of_mind: [store_credit, refund]")]),
    "POLICY-PARTIAL-REFUND": ([("remedies: [replacement, refund]",
                                "remedies: [replacement, partial_refund]")],
                              [("remedies: [replacement, refund]",
                                "remedies: [replacement, partial_refund]"),
                               ("partial_refunds: false", "partial_refunds: true")]),
    "POLICY-FREE-RETURNS": ([("payer: buyer\n    damaged_or_not_as_described:\n      payer: "
                              "seller", "payer: seller\n    damaged_or_not_as_described:\n"
                              "      payer: buyer")],
                            [("payer: buyer", "payer: seller")]),
    "JSONLD-COUNTRIES": ([fmt(SELLS, "WORLD")], [fmt(SELLS, "US")]),
    "EU-UK-REFUND-DAYS": ([("issued_within_days: 14", "issued_within_days: 20")],
                          [("issued_within_days: 14", "issued_within_days: 20"),
                           fmt(SELLS, "US")]),
    "AU-CONSUMER-GUARANTEES": ([fmt(SELLS, "AU"), ("remedies: [replacement, refund]",
                                                   "remedies: [replacement, repair]")],
                               [fmt(SELLS, "AU"), ("remedies: [replacement, refund]",
                                                   "remedies: [replacement, repair, refund]")]),
    "BRAND-CONTRAST": ([("sells_to: [EU]", "sells_to: [EU]\n  brand:\n    primary: '#1b5e20'\n"
                                            "    accent: '#ff9800'")],
                       [("sells_to: [EU]", "sells_to: [EU]\n  brand:\n    primary: '#1b5e20'\n"
                                           "    accent: '#b33c00'")]),
    "POLICY-CANCEL-WINDOW": ([("until: dispatch", "until: hours_after_order\n  hours: 72")],
                             [("until: dispatch", "until: hours_after_order\n  hours: 48")]),
}


def test_every_rule_has_a_case_and_a_source() -> None:
    assert {rule.code for rule in RULES} == set(CASES)
    for rule in RULES:
        assert rule.severity in {"error", "warning"}
        assert rule.source and rule.summary.endswith(".")


def test_minimal_policy_is_clean() -> None:
    assert codes(policy_from()) == set()


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_triggers_and_stays_quiet(code: str) -> None:
    trigger, quiet = CASES[code]
    assert code in codes(policy_from(*trigger))
    assert code not in codes(policy_from(*quiet))


def test_eu_exceptions_for_made_to_order_goods() -> None:
    no_returns = ("change_of_mind: [refund]\n  window_days: 14", "change_of_mind: []")
    no_route = ("until: dispatch", "until: dispatch\n  once_shipped: not_possible")
    assert "EU-WITHDRAWAL" in codes(policy_from(no_returns, no_route))
    damaged = "    damaged_or_not_as_described:\n      payer: seller\n"
    # One exempt category is not all the shop sells: a hygiene item does not make
    # every other item exempt.
    partly = policy_from(no_returns, no_route, (
        damaged, damaged + "  non_returnable:\n    - category: hygiene\n"))
    assert "EU-WITHDRAWAL" in codes(partly)
    exempt = policy_from(no_returns, no_route, (
        damaged, damaged + "  only_exempt_goods: true\n"))
    assert "EU-WITHDRAWAL" not in codes(exempt)
    assert "UK-CANCELLATION" not in codes(policy_from(
        no_returns, no_route, fmt(SELLS, "GB"), (damaged, damaged + "  only_exempt_goods: "
                                                           "true\n")))


def write(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    text = MINIMAL
    for old, new in edits:
        text = text.replace(old, new, 1)
    path = tmp_path / "policy.yaml"
    path.write_text(text, "utf-8")
    return path


def run_check(path: Path, *args: str):
    return CliRunner().invoke(main, ["check", "--policy", str(path), *args])


def test_check_reports_rule_with_location_and_source(project: Path) -> None:
    path = write(project, fmt(WINDOW, 10))
    assert CliRunner().invoke(main, ["generate", "--policy", str(path)]).exit_code == 0
    result = run_check(path)
    assert result.exit_code == 1
    assert (f"{path}:20:16: EU-WITHDRAWAL error: returns.window_days: a return window of 10 "
            "days is shorter than the 14-day right of withdrawal in the EU. EU consumers may "
            "withdraw within 14 days of delivery. [Directive 2011/83/EU art. 9-14 (exceptions: "
            "art. 16)]") in result.output
    assert result.output.endswith("1 error, 0 warnings\n")


def test_warnings_fail_only_in_strict_mode(project: Path) -> None:
    path = write(project, fmt(SELLS, "US"), fmt(WINDOW, 5))
    CliRunner().invoke(main, ["generate", "--policy", str(path)])
    assert run_check(path).exit_code == 0
    strict = run_check(path, "--strict")
    assert strict.exit_code == 1
    assert "US-CA-DISPLAY warning" in strict.output


def test_check_json(project: Path) -> None:
    path = write(project, fmt(PLACES, "amazon"))
    CliRunner().invoke(main, ["generate", "--policy", str(path)])
    result = run_check(path, "--json")
    data = json.loads(result.output)
    assert result.exit_code == 1
    assert data["errors"] == 1 and data["warnings"] == 0
    finding = data["findings"][0]
    assert finding["code"] == "AMAZON-30-DAYS" and finding["kind"] == "policy"
    assert finding["key"] == "returns.window_days" and finding["line"] == 20


def test_unreadable_policy_exits_two(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("shop: [\n", "utf-8")
    assert run_check(path).exit_code == 2


def test_drift_after_a_hand_edit(project: Path) -> None:
    path = write(project)
    runner = CliRunner()
    assert runner.invoke(main, ["generate", "--policy", str(path)]).exit_code == 0
    assert run_check(path, "--strict").exit_code == 0
    faq = project / "site_src" / "en" / "faq.md"
    faq.write_text(faq.read_text("utf-8").replace("14 days", "28 days"), "utf-8")
    (project / "snippets" / "en" / "replies" / "follow-up.txt").unlink()
    result = run_check(path)
    assert result.exit_code == 1
    assert ("site_src/en/faq.md: DRIFT-CHANGED error: was edited by hand since it was "
            "generated") in result.output
    assert "snippets/en/replies/follow-up.txt: DRIFT-MISSING error" in result.output
    assert faq.read_text("utf-8").count("28 days") >= 1, "check writes nothing"


def test_consistency_catches_a_window_the_policy_does_not_give(project: Path) -> None:
    path = write(project, ("  remedies: [replacement, refund]\n",
                           "  remedies: [replacement, refund]\n  extra_text: Most buyers "
                           "tell us within 45 days.\n"))
    CliRunner().invoke(main, ["generate", "--policy", str(path)])
    result = run_check(path)
    assert ("site_src/en/policy.md: FACT-UNKNOWN error: states '45 days', which the policy "
            "does not give") in result.output


def test_consistency_catches_a_fact_a_text_uses_but_does_not_state(
        monkeypatch: pytest.MonkeyPatch) -> None:
    policy = policy_from()
    real = site_pages.render

    def forgetful(env, name, **context):
        text = real(env, name, **context)
        if name == "site/faq.md.j2":
            return text.replace("14 days", "two weeks")
        return text

    monkeypatch.setattr(site_pages, "render", forgetful)
    found = [str(f) for f in consistency_findings(policy, render_outputs(policy, Paths()))]
    assert ("site_src/en/faq.md: FACT-MISSING error: uses return_window but does not state "
            "it as '14 days'") in found


def test_template_lint_finds_literal_numbers(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "bad.md.j2").write_text(
        '<td style="padding:0 0 6px 0;">{{ f.return_window }}</td>\n'
        "{% trans %}You have 30 days to return it.{% endtrans %}\n"
        "1. {{ item }}\n", "utf-8")
    monkeypatch.setattr(template_lint, "TEMPLATES", tmp_path)
    monkeypatch.setattr(template_lint, "LOCALES_DIR", tmp_path / "none")
    found = list(template_lint.template_findings())
    assert [(f.code, f.line, f.message.split("'")[1]) for f in found] == [
        ("TEMPLATE-LITERAL", 2, "30")]


def test_catalog_lint_finds_literal_numbers(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "xx" / "LC_MESSAGES"
    target.mkdir(parents=True)
    (target / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Within %(window)s."\nmsgstr "Binnen 30 dagen."\n', "utf-8")
    monkeypatch.setattr(template_lint, "TEMPLATES", tmp_path / "none")
    monkeypatch.setattr(template_lint, "LOCALES_DIR", tmp_path)
    found = list(template_lint.template_findings())
    assert len(found) == 1 and found[0].code == "CATALOG-LITERAL"
    assert found[0].line == 5


def test_shipped_templates_and_catalogs_have_no_literal_numbers() -> None:
    assert list(template_lint.template_findings()) == []


def test_consistency_is_not_fooled_by_a_number_inside_another(project: Path) -> None:
    path = write(project, ("  remedies: [replacement, refund]\n",
                           "  remedies: [replacement, refund]\n  extra_text: You get 100% of "
                           "your money back.\n"))
    CliRunner().invoke(main, ["generate", "--policy", str(path)])
    result = run_check(path)
    assert ("site_src/en/policy.md: FACT-UNKNOWN error: states '100%', which the policy "
            "does not give") in result.output


def test_a_fresh_clone_without_outputs_is_checked_on_the_policy_alone(
        project: Path) -> None:
    """Outputs are not committed: no drift to report until something is generated, while
    the lint still runs; once generated, a missing file is drift again."""
    path = write(project)
    result = run_check(path, "--strict")
    assert result.exit_code == 0, result.output
    assert "DRIFT" not in result.output
    assert run_check(write(project, fmt(WINDOW, 10))).exit_code == 1, "the lint still runs"
    path = write(project)
    assert CliRunner().invoke(main, ["generate", "--policy", str(path)]).exit_code == 0
    (project / "snippets" / "en" / "replies" / "follow-up.txt").unlink()
    assert "follow-up.txt: DRIFT-MISSING error" in run_check(path).output
