"""A run stopped at any step of putting its files in place is finished by the next run:
the four output folders are then all from the new build, with no false conflicts."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from shop_policy.cli import main
from shop_policy.paths import Paths
from shop_policy.pipeline import build
from shop_policy.write import journal
from shop_policy.write.files import digest
from shop_policy.write.journal import JOURNAL, recover
from tests.conftest import POLICIES, build_project, tree

FOLDERS = ("site", "toolkit", "site_src", "snippets")
STEPS = ("replace", "unlink", "rmdir")


class Killed(BaseException):
    """Stands for SIGKILL: nothing in the run catches it."""


def outputs(root: Path) -> dict[str, dict[str, bytes]]:
    return {name: tree(root / name) for name in FOLDERS}


@contextmanager
def stop_at(step: int | None) -> Iterator[list[int]]:
    """Count the file-system changes (renames, deletions) made while the journal exists,
    and stop the run just before change number `step`."""
    count = [0]
    real = {name: getattr(os, name) for name in STEPS}

    def counting(name: str):  # type: ignore[no-untyped-def]
        def change(path, *args, **kwargs):  # type: ignore[no-untyped-def]
            journal_there = os.path.exists(ANCHOR[0] / JOURNAL)
            if journal_there:
                count[0] += 1
                if count[0] == step:
                    raise Killed
            return real[name](path, *args, **kwargs)
        return change

    for name in STEPS:
        setattr(os, name, counting(name))
    try:
        yield count
    finally:
        for name, function in real.items():
            setattr(os, name, function)


ANCHOR: list[Path] = []


def restore(snapshot: Path, root: Path) -> None:
    for child in root.iterdir():
        shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    shutil.copytree(snapshot, root, symlinks=True, dirs_exist_ok=True)


@pytest.fixture
def stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
            ) -> Iterator[tuple[Path, Path, dict[str, dict[str, bytes]]]]:
    """A project whose build of a changed policy stopped right after it wrote its journal:
    the project, a copy of it at that moment, and the outputs of the previous build."""
    root = build_project(tmp_path / "project", POLICIES / "fees.yaml")
    ANCHOR[:] = [root]
    before = outputs(root)
    policy = root / "policies" / "shop.yaml"
    policy.write_text(policy.read_text("utf-8").replace("window_days: 60", "window_days: 90"))
    monkeypatch.chdir(root)

    def stop(anchor: Path, entries: dict) -> None:  # type: ignore[type-arg]
        raise Killed

    with monkeypatch.context() as patched:
        patched.setattr(journal, "_replay", stop)
        with pytest.raises(Killed):
            build(Path("policies/shop.yaml"), Paths())
    assert (root / JOURNAL).exists() and outputs(root) == before, "nothing moved yet"
    snapshot = tmp_path / "snapshot"
    shutil.copytree(root, snapshot, symlinks=True)
    yield root, snapshot, before


@pytest.mark.slow
def test_a_stop_at_any_step_is_finished_by_the_next_run(
        stopped: tuple[Path, Path, dict[str, dict[str, bytes]]]) -> None:
    root, snapshot, before = stopped
    with stop_at(None) as steps:
        recover(root, [root / name for name in FOLDERS])
    after = outputs(root)
    assert after != before and "within 90 days" in after["site_src"]["en/policy.md"].decode()
    assert steps[0] > 20, "renames and deletions were counted"
    for step in range(1, steps[0] + 1):
        restore(snapshot, root)
        with stop_at(step), pytest.raises(Killed):
            recover(root, [root / name for name in FOLDERS])
        assert (root / JOURNAL).exists(), step
        recover(root, [root / name for name in FOLDERS])  # what the next run does first
        assert outputs(root) == after, f"stopped before change {step}"
        assert not (root / JOURNAL).exists()
        assert not list(root.glob(".shop-policy-build-*")), step
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("0 written, "), "no false conflict, nothing to redo"


def test_the_next_build_finishes_a_stopped_one_first(
        stopped: tuple[Path, Path, dict[str, dict[str, bytes]]]) -> None:
    root, _, _ = stopped
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "a build was stopped while putting its files in place" in result.stderr
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("finishing the run that was stopped")
    assert "within 90 days" in (root / "site/en/policy/index.html").read_text("utf-8")
    assert "DRIFT" not in CliRunner().invoke(main, ["check"]).output, "all from the new build"


@pytest.mark.parametrize("tamper", ["removal", "move", "root"])
def test_a_journal_that_points_elsewhere_is_not_followed(
        stopped: tuple[Path, Path, dict[str, dict[str, bytes]]], tmp_path: Path,
        tamper: str) -> None:
    root, _, before = stopped
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    entries = json.loads((root / JOURNAL).read_text("utf-8"))
    if tamper == "removal":
        entries["removals"].append([str(victim), digest(b"precious\n")])
    elif tamper == "move":
        entries["moves"].append([entries["moves"][0][0], str(victim)])
    else:
        entries["roots"].append(str(tmp_path))
        entries["removals"].append([str(victim), digest(b"precious\n")])
        (root / JOURNAL).write_text(json.dumps(entries))
        result = CliRunner().invoke(main, ["build"])
        assert result.exit_code == 1
        assert "a run that wrote into " in result.stderr and str(tmp_path) in result.stderr
        assert victim.read_text() == "precious\n" and outputs(root) == before
        return
    (root / JOURNAL).write_text(json.dumps(entries))
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "is not a journal shop-policy can trust" in result.stderr
    assert victim.read_text() == "precious\n" and outputs(root) == before


KILLER = """
import os, signal, sys
from pathlib import Path
journal, step, real, count = Path(sys.argv[1]), int(sys.argv[2]), os.replace, [0]
def replace(source, target, *args, **kwargs):
    if Path(target).resolve() == journal or journal.exists():
        count[0] += 1
        if count[0] == step:
            os.kill(os.getpid(), signal.SIGKILL)
    return real(source, target, *args, **kwargs)
os.replace = replace
from shop_policy.cli import main
from shop_policy.write.files import digest
main(["build"])
"""


@pytest.mark.parametrize("step", [1, 2, 12])
def test_a_killed_process_is_finished_by_the_next_build(tmp_path: Path, step: int,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    """The real thing: SIGKILL at the journal's own rename (step 1: nothing moved yet),
    at the first move, and in the middle of the moves."""
    root = build_project(tmp_path, POLICIES / "fees.yaml")
    before = outputs(root)
    policy = root / "policies" / "shop.yaml"
    policy.write_text(policy.read_text("utf-8").replace("window_days: 60", "window_days: 90"))
    killed = subprocess.run([sys.executable, "-c", KILLER, str(root / JOURNAL), str(step)],
                            cwd=root, capture_output=True, timeout=120, check=False)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert (root / JOURNAL).exists() == (step > 1)
    if step == 1:
        assert outputs(root) == before
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert "was edited" not in result.stderr
    assert "within 90 days" in (root / "site/en/policy/index.html").read_text("utf-8")
    assert CliRunner().invoke(main, ["build"]).output.startswith("0 written, ")
