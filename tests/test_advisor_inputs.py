"""What the seller tells the advisor beyond the dates: what the buyer asked for, what they
paid, whether a case or a chargeback is open; and the dispute evidence it writes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from shop_policy.cli import main
from tests.conftest import EXAMPLE

DELIVERED = ["--order-date", "2026-10-01", "--shipped", "2026-10-02", "--delivered",
             "2026-10-04", "--today", "2026-10-20"]


def advise(*args: str, policy: Path = EXAMPLE) -> dict:
    result = CliRunner().invoke(main, ["advise", "--policy", str(policy), "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def ids(answer: dict, part: str) -> list[str]:
    return [item["id"] for item in answer[part]]


def test_the_amount_fills_the_replies_and_works_out_store_credit_with_its_bonus() -> None:
    answer = advise(*DELIVERED, "--reason", "change_of_mind", "--amount", "42.5")
    assert answer["amounts"] == {"paid": "€42.50", "store_credit": "€46.75"}
    credit = next(r for r in answer["replies"] if r["id"] == "offer-store-credit")
    assert "store credit of €46.75" in credit["body"]
    cancel = advise("--order-date", "2026-10-01", "--today", "2026-10-01", "--reason",
                    "change_of_mind", "--amount", "42.5", "--locale", "de")
    accepted = next(r for r in cancel["replies"] if r["id"] == "cancel-accepted")
    assert "42,50\xa0€" in accepted["body"] and "[[amount]]" not in accepted["body"]


def test_what_the_buyer_asked_for_comes_first_when_the_policy_gives_it() -> None:
    answer = advise(*DELIVERED, "--reason", "change_of_mind", "--asked", "exchange")
    assert ids(answer, "resolutions") == ["exchange", "return_refund", "store_credit",
                                          "asked_granted"]
    refused = advise(*DELIVERED, "--reason", "change_of_mind", "--asked", "replacement")
    assert ids(refused, "resolutions")[-1] == "asked_not_granted"


def test_an_open_case_brings_the_escalation_reply_on_any_reason() -> None:
    plain = advise(*DELIVERED, "--reason", "change_of_mind", "--marketplace", "etsy")
    assert "escalation-etsy" not in ids(plain, "replies")
    opened = advise(*DELIVERED, "--reason", "change_of_mind", "--marketplace", "etsy",
                    "--case-open")
    assert ids(opened, "resolutions")[0] == "case_open"
    assert "prepare_escalation" not in ids(opened, "resolutions")
    assert ids(opened, "replies")[-1] == "escalation-etsy"


def test_a_chargeback_asks_for_its_notice_in_the_evidence() -> None:
    answer = advise(*DELIVERED, "--reason", "not_as_described", "--chargeback")
    assert ids(answer, "resolutions")[0] == "chargeback_open"
    attach = answer["evidence"]["attach"]
    assert "The payment provider's notice of the chargeback and its reference." in attach
    assert "The listing as it was on the order date: its text and photos." in attach


def test_the_evidence_quotes_the_version_in_force_and_is_never_written_over(
        tmp_path: Path) -> None:
    target = tmp_path / "evidence.md"
    args = ["advise", "--policy", str(EXAMPLE), "--order-date", "2025-06-01", "--shipped",
            "2025-06-02", "--delivered", "2025-06-05", "--today", "2025-06-30", "--reason",
            "change_of_mind", "--evidence", str(target)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    text = target.read_text("utf-8")
    assert text.startswith("# Dispute evidence\n")
    assert "- Delivered: 2025-06-05" in text
    assert "https://fernandkiln.example/policies/en/policy/v2/#returns" in text
    assert "> If you change your mind, you can return an item within 21 days of the day it " \
           "is delivered." in text
    assert "{#" not in text and "\\." not in text
    again = CliRunner().invoke(main, args)
    assert again.exit_code != 0
    assert "exists already" in again.output
    assert target.read_text("utf-8") == text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evidence.md"]


def test_a_wrong_amount_is_refused() -> None:
    result = CliRunner().invoke(main, ["advise", "--policy", str(EXAMPLE), *DELIVERED,
                                       "--reason", "damaged", "--amount", "forty"])
    assert result.exit_code == 2
    assert "'forty' is not an amount" in result.output


def test_a_cancellation_window_in_hours_is_judged_to_the_minute() -> None:
    def cancel(today: str) -> dict:
        answer = advise("--order-date", "2026-10-01T14:30", "--today", today, "--reason",
                        "change_of_mind")
        return next(c for c in answer["clauses"] if c["window"] == "cancel")

    assert cancel("2026-10-02T14:30")["text"] == \
        "Cancellation window open until October 2, 2026 14:30."
    assert cancel("2026-10-02T14:31")["text"] == \
        "Cancellation window closed at October 2, 2026 14:30."
    # Without the times, the day count: the whole next day is still in.
    assert cancel("2026-10-02")["state"] == "open"
