"""A build that fails or is killed halfway leaves the previous outputs as they were."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from shop_policy.cli import main
from tests.conftest import POLICIES, build_project, tree


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return build_project(tmp_path, POLICIES / "fees.yaml")


def outputs(root: Path) -> dict[str, dict[str, bytes]]:
    return {name: tree(root / name) for name in ("site", "toolkit", "site_src", "snippets")}


def change_policy(root: Path) -> None:
    policy = root / "policies" / "shop.yaml"
    policy.write_text(policy.read_text("utf-8").replace("window_days: 60", "window_days: 90"),
                      "utf-8")


def test_a_failing_build_changes_nothing(built: Path) -> None:
    before = outputs(built)
    change_policy(built)
    config = built / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "  - no_such_extension\n", "utf-8")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "did not build" in result.stderr
    assert outputs(built) == before
    assert not list(built.glob(".shop-policy-build-*")), "the scratch folder is removed"


def test_a_killed_build_changes_nothing(built: Path) -> None:
    before = outputs(built)
    change_policy(built)
    process = subprocess.Popen([sys.executable, "-m", "shop_policy", "build"], cwd=built,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stage = built / f".shop-policy-build-{process.pid}"
    deadline = time.monotonic() + 30
    while not (stage / "site").exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert stage.exists(), "killed while building, as intended"
    assert outputs(built) == before
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    assert not stage.exists(), "the next build clears what the killed one left"
    assert "within 90 days" in (built / "site_src" / "en" / "policy.md").read_text("utf-8")


def test_unchanged_sites_are_reused_and_changed_ones_rebuilt(built: Path) -> None:
    page = built / "site" / "en" / "policy" / "index.html"
    first = page.stat().st_ino
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    assert page.stat().st_ino == first, "nothing changed: the built page is linked, not rebuilt"
    config = built / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("toc.follow", "navigation.top"),
                      "utf-8")
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    assert page.stat().st_ino != first, "the shared look changed: every site is rebuilt"
    assert "navigation.top" in (built / "site" / "en" / "index.html").read_text("utf-8")
