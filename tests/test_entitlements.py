"""What each situation gets: returns.change_of_mind in the seller's order, keys a choice
makes meaningless, and policies in the 0.1 shape read with a warning saying what to write."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from shop_policy.errors import PolicyError
from shop_policy.read.validate import read_policy
from tests.conftest import POLICIES

MINIMAL = (POLICIES / "minimal.yaml").read_text("utf-8")
NEW_RETURNS = """returns:
  change_of_mind: [refund]
  window_days: 14
  shipping:
    change_of_mind:
      payer: buyer
    damaged_or_not_as_described:
      payer: seller
"""
OLD = MINIMAL.replace("  change_of_mind: [refund]\n", "  accepted: true\n").replace(
    "refunds:\n", "refunds:\n  methods: [original_payment, store_credit]\n")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "shop.yaml"
    path.write_text(text, "utf-8")
    return path


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [str(r.problem) for r in caplog.records  # type: ignore[attr-defined]
            if r.levelno == logging.WARNING and hasattr(r, "problem")]


def test_the_minimal_policy_is_in_the_new_shape() -> None:
    assert NEW_RETURNS in MINIMAL


def test_the_old_shape_loads_with_a_warning_naming_the_line_to_write(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = write(tmp_path, OLD)
    policy = read_policy(path)
    assert policy.returns.change_of_mind == ["refund", "store_credit"]
    said = warnings(caplog)
    assert said == [
        f"{path}:19:3: returns.accepted: warning: is the way shop-policy 0.1 wrote this; it "
        "was read as 'change_of_mind: [refund, store_credit]': write that line here instead "
        "(what a buyer who changed their mind can have, in your order; [] for no returns)",
        f"{path}:27:3: refunds.methods: warning: is no longer read: what a change of mind "
        "gets is now returns.change_of_mind, and what a fault gets damaged_items.remedies; "
        "remove this line"]


def test_old_no_returns_becomes_an_empty_list(tmp_path: Path,
                                              caplog: pytest.LogCaptureFixture) -> None:
    text = OLD.replace("accepted: true", "accepted: false")
    policy = read_policy(write(tmp_path, text))
    assert policy.returns.change_of_mind == []
    assert "read as 'change_of_mind: []'" in warnings(caplog)[0]


def test_an_error_in_the_old_shape_points_into_the_file(tmp_path: Path) -> None:
    text = OLD.replace("  window_days: 14\n", "")
    with pytest.raises(PolicyError) as caught:
        read_policy(write(tmp_path, text))
    [problem] = caught.value.problems
    assert (problem.line, problem.key) == (19, "returns.change_of_mind")
    assert "returns.window_days is needed" in problem.message


def test_no_returns_needs_no_change_of_mind_keys(tmp_path: Path,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    policy = read_policy(write(tmp_path, MINIMAL.replace(NEW_RETURNS,
                                                         "returns:\n  change_of_mind: []\n")))
    assert not policy.returns.accepted
    assert policy.returns.shipping.damaged_or_not_as_described.payer == "seller"
    assert warnings(caplog) == []


def test_keys_that_no_returns_makes_meaningless_are_named(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    text = MINIMAL.replace("change_of_mind: [refund]", "change_of_mind: []").replace(
        "  window_days: 14\n", "  window_days: 14\n  non_returnable:\n"
        "    - category: personalised\n      wording: Named mugs\n")
    read_policy(write(tmp_path, text))
    said = warnings(caplog)
    assert [line.split(": ", 2)[1] for line in said] == [
        "returns.window_days", "returns.non_returnable", "returns.shipping.change_of_mind"]
    assert all("is not used, because returns.change_of_mind is []" in line for line in said)


def test_returns_need_a_postage_payer(tmp_path: Path) -> None:
    text = MINIMAL.replace("    change_of_mind:\n      payer: buyer\n", "")
    with pytest.raises(PolicyError) as caught:
        read_policy(write(tmp_path, text))
    [problem] = caught.value.problems
    assert problem.key == "returns.change_of_mind"
    assert "returns.shipping.change_of_mind.payer is needed" in problem.message


def test_store_credit_terms_without_store_credit_are_named(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    text = MINIMAL.replace("  partial_refunds: false\n",
                           "  partial_refunds: false\n  store_credit:\n    bonus_percent: 5\n")
    read_policy(write(tmp_path, text))
    assert [line.split(": ", 2)[1] for line in warnings(caplog)] == ["refunds.store_credit"]


@pytest.mark.parametrize(("offered", "fires"), [
    ("[store_credit]", True), ("[exchange, store_credit]", True),
    ("[store_credit, refund]", False), ("[]", False)])
def test_eu_buyers_get_their_money_back(tmp_path: Path, offered: str, fires: bool) -> None:
    from shop_policy.checks.policy_lint import RULES

    policy = read_policy(write(tmp_path, MINIMAL.replace("[refund]", offered)))
    rule = next(r for r in RULES if r.code == "EU-UK-MONEY-BACK")
    assert bool(list(rule.check(policy))) is fires


BY_REASON = MINIMAL.replace("  remedies: [replacement, refund]\n",
                            "  remedies: [replacement, refund]\n  by_reason:\n"
                            "    faulty: [repair, refund]\n"
                            "    not_received: [store_credit, refund]\n")


def test_each_kind_of_problem_gets_what_the_policy_gives_it(tmp_path: Path) -> None:
    import datetime as dt

    from shop_policy.casework.advisor import Case, advise
    from shop_policy.paths import Paths
    from shop_policy.pipeline import render_outputs

    policy = read_policy(write(tmp_path, BY_REASON))
    faults = policy.damaged_items
    assert faults.remedies_for("damaged_in_transit") == ["replacement", "refund"]
    assert faults.remedies_for("faulty") == ["repair", "refund"]
    assert faults.remedies_for("not_received") == ["store_credit", "refund"]
    files = render_outputs(policy, Paths()).files
    page = files["site_src"]["en/policy.md"]
    assert "If it does not work as it should, we offer you, in this order:\n\n1. a free " \
           "repair\n1. a full refund" in page
    assert "If your order does not arrive" in page
    damaged = files["snippets"]["en/replies/damaged-item.txt"]
    assert "If it arrived damaged, we can offer you:\n- a replacement\n- a full refund" in \
        damaged
    assert "If it does not work as it should, we can offer you:\n- a free repair" in damaged
    lost = files["snippets"]["en/replies/not-received.txt"]
    assert "then offer you:\n- store credit\n- a full refund" in lost
    assert "a replacement or a refund" not in lost

    def offers(reason: str) -> list[str]:
        day = dt.date(2026, 3, 1)
        return advise(policy, Case(order_date=day, today=day + dt.timedelta(days=9),
                                   reason=reason, shipped_date=day,
                                   delivered_date=None if reason == "not_received"
                                   else day + dt.timedelta(days=3))).resolutions

    assert offers("defective") == ["repair", "refund"]
    assert offers("damaged") == ["replacement", "refund"]
    assert offers("not_received") == ["track_parcel", "store_credit", "refund"]


def test_the_same_remedies_for_every_fault_make_one_list(tmp_path: Path) -> None:
    from shop_policy.paths import Paths
    from shop_policy.pipeline import render_outputs

    policy = read_policy(write(tmp_path, MINIMAL))
    assert not policy.damaged_items.differs_by_reason
    files = render_outputs(policy, Paths()).files
    assert "We will then offer you, in this order:" in files["site_src"]["en/policy.md"]
    assert "a replacement or a refund" in files["snippets"]["en/replies/not-received.txt"]
