"""A build that fails or is killed halfway leaves the previous outputs as they were."""

from __future__ import annotations

import signal
import subprocess
import sys
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


KILL_AT = """
import os, signal, sys
import shop_policy.engine.mkdocs as engine
import shop_policy.write.staging as staging
where = sys.argv[1]
def stop(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
if where == "staging":
    staging.stage = stop
else:
    engine._build_one = stop  # in the forked builders, or here with one core
from shop_policy.cli import main
main(["build"])
"""


@pytest.mark.parametrize("where", ["staging", "building"])
def test_a_killed_build_changes_nothing(built: Path, where: str) -> None:
    """Killed while staging the sources, or while a site builds (in a forked builder:
    the build then fails, or here)."""
    before = outputs(built)
    change_policy(built)
    done = subprocess.run([sys.executable, "-c", KILL_AT, where], cwd=built,
                          capture_output=True, timeout=120, check=False)
    if where == "staging":
        assert done.returncode == -signal.SIGKILL
    else:
        # a builder killed: a clean error here (with one core, this process is killed)
        assert done.returncode == -signal.SIGKILL or (
            done.returncode == 1 and done.stderr.startswith(b"error: a worker process "
                                                            b"ended without a result")), \
            done.stderr
    assert outputs(built) == before
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    assert not list(built.glob(".shop-policy-build-*")), "the next build clears what was left"
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
