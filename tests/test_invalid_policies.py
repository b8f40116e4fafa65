"""Every broken policy in tests/invalid/ gets its exact message, location and exit code 2."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, get_args, get_origin

import pytest
from click.testing import CliRunner
from pydantic import BaseModel
from ruamel.yaml import YAML

from shop_policy.cli import main
from shop_policy.errors import PolicyError
from shop_policy.read.load import load
from shop_policy.read.model import Policy
from shop_policy.read.source import MAX_BYTES
from shop_policy.read.validate import read_policy
from tests.conftest import POLICIES, tree

INVALID = Path(__file__).resolve().parent / "invalid"
CASES = sorted(INVALID.glob("*.yaml"))
MINIMAL = POLICIES / "minimal.yaml"


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
    done = subprocess.run([sys.executable, "-m", "shop_policy", "validate", "--policy", str(case)],
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


# --- the file is read within a size limit, whatever --policy points at ---------------------

def _validate_in_child(policy: Path | str) -> subprocess.CompletedProcess[str]:
    """`shop-policy validate` in its own process, held to 1 GB of memory and 20 seconds, so
    that a reader without limits fails the test instead of stalling the machine."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "shop_policy", "validate", "--policy",
                               str(policy)], capture_output=True, text=True, check=False,
                              timeout=20, preexec_fn=limit_memory)
    except subprocess.TimeoutExpired:
        pytest.fail(f"validate --policy {policy} gave no answer within 20 seconds")
    assert time.monotonic() - started < 10, "refused from its size, not after reading it"
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 2, done.stderr
    return done


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused() -> None:
    done = _validate_in_child("/dev/zero")
    assert done.stderr.startswith("/dev/zero:1:1: file: is a device, not a file; give the "
                                  "path of the policy file itself, such as "
                                  "policies/shop.yaml\n")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "policy.yaml"
    os.mkfifo(fifo)
    done = _validate_in_child(fifo)
    assert done.stderr.startswith(f"{fifo}:1:1: file: is a named pipe, not a file;")


def test_a_huge_file_is_refused_from_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as sparse:
        sparse.truncate(3_000_000_000)  # takes no disk space; reading it would take 3 GB
    done = _validate_in_child(path)
    assert done.stderr.startswith(f"{path}:1:1: file: is 3,000,000,000 bytes, more than the "
                                  "1,000,000 a policy file may have;")


def test_a_file_just_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * MAX_BYTES + b"\n")
    with pytest.raises(PolicyError, match="is 1,000,001 bytes, more than the 1,000,000"):
        load(path)


# --- whole numbers are whole numbers --------------------------------------------------------

def _int_fields(model: type[BaseModel], path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every whole-number field of the policy model, through sections and subsections."""
    for name, field in model.model_fields.items():
        kinds = get_args(field.annotation) or (field.annotation,)
        for kind in kinds:
            if get_origin(kind) is Annotated:
                kind = get_args(kind)[0]
            if kind is int:
                yield (*path, name)
            elif isinstance(kind, type) and issubclass(kind, BaseModel):
                yield from _int_fields(kind, (*path, name))


INT_FIELDS = sorted(_int_fields(Policy))


def test_every_whole_number_field_is_found() -> None:
    assert len(INT_FIELDS) >= 6
    assert ("returns", "window_days") in INT_FIELDS
    assert ("refunds", "store_credit", "valid_months") in INT_FIELDS


@pytest.mark.parametrize("value", [True, False, 2.0, 2.5, "3"], ids=repr)
@pytest.mark.parametrize("field", INT_FIELDS, ids=".".join)
def test_a_whole_number_takes_nothing_else(field: tuple[str, ...], value: object,
                                           tmp_path: Path) -> None:
    yaml = YAML(typ="rt")
    data = yaml.load(MINIMAL.read_text("utf-8"))
    section = data
    for part in field[:-1]:
        section = section.setdefault(part, {})
    section[field[-1]] = value
    path = tmp_path / "policy.yaml"
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    with pytest.raises(PolicyError) as raised:
        read_policy(path)
    problem, *others = raised.value.problems
    assert not others, raised.value
    assert problem.key == ".".join(field)
    assert problem.message.startswith("expected a whole number, got "), problem.message
    shown = {True: "true", False: "false", 2.0: "2.0", 2.5: "2.5", "3": "the text '3'"}
    assert problem.message.split("; ")[0].endswith(f"got {shown[value]}"), problem.message
