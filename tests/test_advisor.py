"""The case advisor: clauses, resolutions and replies for real cases, by hand."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from babel.dates import format_date
from click.testing import CliRunner

from shop_policy.casework.advisor import Case, advise
from shop_policy.casework.wording import clause_text, messages
from shop_policy.cli import main
from shop_policy.read.validate import read_policy
from shop_policy.text.translations import SOURCE_LOCALE, translations
from tests.advice_cases import CASES, day, run_case
from tests.conftest import EXAMPLE, example_locales


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize("title", list(CASES))
def test_case(title: str) -> None:
    values = CASES[title]
    clauses, resolutions, replies = values[8:]
    policy, case = run_case(values)
    advice = advise(policy, case)
    texts = messages("en", translations("en"))
    sentences = [clause_text(c, texts, "en") for c in advice.clauses]
    assert len(sentences) >= len(clauses or []), sentences
    for expected, actual in zip(clauses or [], sentences, strict=False):
        if expected is not None:
            assert actual == expected
    assert advice.resolutions == resolutions
    assert advice.replies == replies


def test_cli_text_answer_fills_in_known_dates() -> None:
    result = CliRunner().invoke(main, [
        "advise", "--policy", str(EXAMPLE), "--order-date", "2026-09-20",
        "--shipped", "2026-09-22", "--delivered", "2026-09-25", "--today", "2026-11-26",
        "--reason", "change_of_mind", "--marketplace", "etsy"])
    assert result.exit_code == 0, result.output
    assert "  - Return window closed 32 days ago (October 25, 2026)." in result.output
    assert "Replies to send: return-declined, goodwill-after-window\n" in result.output
    assert "Your order was delivered on September 25, 2026," in result.output
    assert "[[order_number]]" in result.output
    late_fault = CliRunner().invoke(main, [
        "advise", "--policy", str(EXAMPLE), "--order-date", "2026-09-20",
        "--shipped", "2026-09-22", "--delivered", "2026-09-25", "--today", "2026-11-26",
        "--reason", "damaged", "--marketplace", "etsy"])
    assert "Replies to send: damaged-item, escalation-etsy\n" in late_fault.output
    assert "When you placed your order on September 20, 2026, version 3" in late_fault.output


def test_cli_json_answer() -> None:
    result = CliRunner().invoke(main, [
        "advise", "--policy", str(EXAMPLE), "--order-date", "2026-11-26",
        "--today", "2026-11-26", "--reason", "change_of_mind", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [r["id"] for r in data["replies"]] == ["cancel-ask-reason", "cancel-accepted"]
    assert data["clauses"][0] == {"window": "cancel", "state": "open", "end": "2026-11-27",
                                  "days": 1, "text": "Cancellation window open until "
                                  "November 27, 2026."}
    assert data["resolutions"] == [{"id": "cancel_refund",
                                    "text": "Cancel the order and refund it in full."}]


@pytest.mark.parametrize(("args", "message"), [
    (["--shipped", "2026-11-01", "--delivered", "2026-10-30"],
     "the delivery date (2026-10-30) is before the dispatch date (2026-11-01)"),
    (["--delivered", "2026-11-03"], "a delivery date needs a dispatch date"),
    (["--shipped", "2026-12-30"], "the dispatch date (2026-12-30) is after today"),
    (["--locale", "it"], "--locale it: the policy is not published in this language"),
])
def test_cli_rejects_inconsistent_cases(args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, [
        "advise", "--policy", str(EXAMPLE), "--order-date", "2026-10-20",
        "--today", "2026-11-26", "--reason", "late", *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_cli_rejects_unknown_reason() -> None:
    result = CliRunner().invoke(main, ["advise", "--order-date", "2026-10-20",
                                       "--reason", "bored"])
    assert result.exit_code == 2
    assert "'bored' is not one of" in result.stderr


def test_decision_table_is_plain_data(tmp_path: Path) -> None:
    from shop_policy.casework.advisor import decision_table

    table = decision_table(read_policy(EXAMPLE))
    assert json.loads(json.dumps(table)) == table
    assert table["rules"][-1]["when"] == {}


def test_escalation_names_the_version_in_effect_on_the_order_date() -> None:
    from shop_policy.casework.advice import resolve

    policy = read_policy(EXAMPLE)
    case = Case(order_date=day("2025-05-01"), shipped_date=day("2025-05-02"),
                delivered_date=day("2025-05-05"), today=day("2025-07-20"),
                reason="damaged", marketplace="etsy")
    result = resolve(policy, case, "en")
    assert result.clauses[3]["text"] == ("On the order date, version 2 of the policy applied "
                                         "(in effect from April 1, 2025).")
    etsy = next(r for r in result.replies if r.id == "escalation-etsy")
    assert "version 2 of our policy applied" in etsy.body
    assert ("- the policy as published on the order date (version 2, in effect from "
            "April 1, 2025)") in etsy.note
    before = resolve(policy, Case(order_date=day("2023-01-05"), today=day("2023-01-06"),
                                  reason="late"), "en")
    assert before.clauses[3]["text"] == ("No version of the policy is recorded for the order "
                                         "date.")


@pytest.mark.parametrize("locale", [lo for lo in example_locales() if lo != SOURCE_LOCALE])
def test_advice_in_every_language(locale: str) -> None:
    from shop_policy.casework.advice import resolve

    policy, case = run_case(CASES["cancel two months after shipment on Etsy: decline; "
                                  "Etsy takes no case for that"])
    result = resolve(policy, case, locale)
    for clause in result.clauses:
        assert "{" not in clause["text"] and clause["text"]
    assert "32" in result.clauses[1]["text"] and "2026-10-25" not in result.clauses[1]["text"]
    # The day in the language's own long form, as Babel writes it.
    assert format_date(dt.date(2026, 10, 25), "long", locale=locale) in result.clauses[1]["text"]
    assert [r.id for r in result.replies] == ["return-declined", "goodwill-after-window"]
    assert "[[order_number]]" in result.replies[0].subject
