"""The pre-commit hooks: each entry point, as pre-commit runs it, in a project that holds
only its policy and site config (outputs are not committed)."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, make_project

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))


def run_hook(hook: dict, folder: Path) -> subprocess.CompletedProcess[str]:
    """The hook's entry, with the installed command's own Python."""
    command = shlex.split(hook["entry"])
    assert command[0] == "shop-policy"
    executable = shutil.which("shop-policy", path=str(Path(sys.executable).parent))
    assert executable, "shop-policy is installed beside the tests' Python"
    return subprocess.run([executable, *command[1:]], cwd=folder, capture_output=True,
                          text=True, check=False)


def test_the_hooks_are_the_two_commands() -> None:
    assert [hook["id"] for hook in HOOKS] == ["shop-policy-validate", "shop-policy-check"]
    for hook in HOOKS:
        assert hook["language"] == "python" and hook["pass_filenames"] is False
        assert re.search(hook["files"], "policies/shop.yaml")


@pytest.mark.parametrize("hook", HOOKS, ids=lambda hook: hook["id"])
def test_each_hook_passes_a_good_policy_and_stops_a_bad_one(hook: dict,
                                                            tmp_path: Path) -> None:
    make_project(tmp_path)
    done = run_hook(hook, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    policy = tmp_path / "policies" / "shop.yaml"
    policy.write_text(policy.read_text("utf-8").replace("window_days: 30",
                                                         "window_days: many"), "utf-8")
    done = run_hook(hook, tmp_path)
    assert done.returncode == 2
    assert "policies/shop.yaml:" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
