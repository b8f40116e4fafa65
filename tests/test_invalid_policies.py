"""Every broken policy in tests/invalid/ gets its exact message, location and exit code 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import tree

INVALID = Path(__file__).resolve().parent / "invalid"
CASES = sorted(INVALID.glob("*.yaml"))


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40
    for case in CASES:
        assert case.with_suffix(".expected").is_file(), f"{case.name} has no .expected file"


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_message_and_location(case: Path) -> None:
    expected = case.with_suffix(".expected").read_text("utf-8").replace("{file}", str(case))
    result = CliRunner().invoke(main, ["validate", "--policy", str(case)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == expected
    assert "Traceback" not in result.output


def test_real_process_exit_code_and_no_traceback() -> None:
    case = INVALID / "many-problems.yaml"
    done = subprocess.run([sys.executable, "-m", "generator", "validate", "--policy", str(case)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.count(f"{case}:") == 3


def test_error_leaves_previous_outputs_untouched(project: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["generate"]).exit_code == 0
    before = tree(project / "site_src")
    broken = (INVALID / "unknown-currency.yaml").read_text("utf-8")
    (project / "policies" / "shop.yaml").write_text(broken, "utf-8")
    result = runner.invoke(main, ["generate"])
    assert result.exit_code == 2
    assert "nothing was written" in result.stderr
    assert tree(project / "site_src") == before


def test_missing_file_is_a_clean_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--policy", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{tmp_path / 'nope.yaml'}:1:1: file: no such file;")


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_generate_writes_nothing(case: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, [
        "generate", "--policy", str(case), "--site-src", str(tmp_path / "src"),
        "--snippets", str(tmp_path / "snippets")])
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_very_large_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    filler = "".join(f"# padding line {i}\n" for i in range(60_000))
    path.write_text(filler + (INVALID.parent / "policies" / "minimal.yaml").read_text(), "utf-8")
    result = CliRunner().invoke(main, ["validate", "--policy", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:1:1: file: is 1,")
    assert "bytes, more than the 1,000,000 a policy file may have" in result.stderr
