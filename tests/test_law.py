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
