"""Warnings go through logging: on standard error, and counted so that --strict fails."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from shop_policy.cli import main
from shop_policy.read.validate import read_policy

WARNING = ("cancellation.extra_text: warning: has no text for de, fr, es, nl, pl, ar; the "
           "'en' text is shown there")


def with_fallback(project: Path) -> Path:
    """The example policy with one text in English only, shown in every language."""
    path = project / "policies" / "shop.yaml"
    text = path.read_text("utf-8")
    text = text.replace("  dispatch_days: 3\n",
                        "  dispatch_days: 3\n  fallback_to_default_locale: true\n", 1)
    text = text.replace("\ncancellation:\n",
                        "\ncancellation:\n  extra_text: Write to us before we pack it.\n", 1)
    path.write_text(text, "utf-8")
    return path


def test_a_fallback_passes_check_but_fails_check_strict(project: Path) -> None:
    with_fallback(project)
    runner = CliRunner()
    assert runner.invoke(main, ["generate"]).exit_code == 0
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert WARNING in result.stderr
    assert result.stdout == "0 errors, 1 warning\n"
    strict = runner.invoke(main, ["check", "--strict"])
    assert strict.exit_code == 1
    assert WARNING in strict.stderr
    assert strict.stdout == "0 errors, 1 warning (strict)\n"


def test_validate_shows_the_warning_and_passes(project: Path) -> None:
    path = with_fallback(project)
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 0
    assert result.stdout == f"{Path('policies') / 'shop.yaml'}: ok\n"
    assert result.stderr.startswith(f"{Path('policies') / 'shop.yaml'}:")
    assert result.stderr.endswith(f"{WARNING}\n")
    assert path.is_file()


def test_the_library_logs_the_warning_with_its_problem(project: Path,
                                                       caplog: pytest.LogCaptureFixture
                                                       ) -> None:
    path = with_fallback(project)
    with caplog.at_level(logging.WARNING, logger="shop_policy"):
        read_policy(path)
    [record] = caplog.records
    assert record.name.startswith("shop_policy.")
    assert str(record.problem).endswith(WARNING)  # type: ignore[attr-defined]


def test_a_policy_without_warnings_passes_check_strict(project: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["generate"]).exit_code == 0
    result = runner.invoke(main, ["check", "--strict"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
