"""The package as people install it: built (sdist, then the wheel from the sdist),
installed non-editable into a fresh virtualenv, run in a folder holding only a policy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, ROOT, example_locales

pytestmark = pytest.mark.slow


def run(*args: str | Path, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--outdir", out, ROOT, cwd=ROOT)
    return out


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    venv = tmp_path_factory.mktemp("venv")
    run(sys.executable, "-m", "venv", venv, cwd=venv)
    wheel = next(dist.glob("*.whl"))
    run(venv / "bin" / "python", "-m", "pip", "install", "--quiet",
        "--disable-pip-version-check", wheel, cwd=venv)
    return venv / "bin"


def test_the_wheel_carries_what_the_tool_needs_at_run_time(dist: Path) -> None:
    names = zipfile.ZipFile(next(dist.glob("*.whl"))).namelist()
    for needed in ("shop_policy/templates/site/policy.md.j2", "shop_policy/static/toolkit.js",
                   "shop_policy/static/shop-policy.css", "shop_policy/data/mkdocs.yml",
                   "shop_policy/data/example.yaml", "shop_policy/data/shop-policy.schema.json",
                   "shop_policy/locales/de/LC_MESSAGES/messages.mo"):
        assert needed in names, needed
    assert not [n for n in names if n.endswith((".po", ".pot"))], "catalogs ship compiled"
    assert any(n.endswith("licenses/LICENSE") for n in names)
    assert not [n for n in names if n.startswith("generator/")]


def test_the_installed_tool_builds_a_folder_that_holds_only_a_policy(
        installed: Path, tmp_path: Path) -> None:
    (tmp_path / "policies").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "policies" / "shop.yaml")
    out = run(installed / "shop-policy", "build", cwd=tmp_path)
    assert "public site built in site/" in out
    for locale in example_locales():
        assert (tmp_path / "site" / locale / "policy" / "index.html").is_file(), locale
    german = (tmp_path / "site" / "de" / "index.html").read_text("utf-8")
    assert "Übersicht" in german, "the compiled catalogs are used"
    assert run(installed / "shop-policy", "check", "--strict", cwd=tmp_path) == \
        "0 errors, 0 warnings (strict)\n"


def test_python_m_names_the_command_and_the_version_comes_from_the_metadata(
        installed: Path, tmp_path: Path) -> None:
    assert run(installed / "python", "-m", "shop_policy", "--help", cwd=tmp_path) \
        .startswith("Usage: shop-policy ")
    version = run(installed / "python", "-c",
                  "import importlib.metadata as m; print(m.version('shop-policy'))",
                  cwd=tmp_path).strip()
    assert run(installed / "shop-policy", "--version", cwd=tmp_path) == \
        f"shop-policy, version {version}\n"
