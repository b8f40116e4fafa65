from __future__ import annotations

import shutil
import socket
import urllib.request
from pathlib import Path

import pytest

# The browser tests' Chromium, served site and page (tests/browsing.py).
pytest_plugins = ["tests.browsing"]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "policies" / "shop.yaml"
POLICIES = Path(__file__).resolve().parent / "policies"


def example_locales() -> list[str]:
    """The locales the example policy publishes, its default first."""
    from shop_policy.read.validate import read_policy

    return list(read_policy(EXAMPLE).shop.locales)


def make_project(root: Path, policy: Path = EXAMPLE) -> Path:
    """A project folder holding `policy` as policies/shop.yaml (with its history/, if it
    has one), and the site's mkdocs.yml."""
    (root / "policies").mkdir(parents=True, exist_ok=True)
    shutil.copy(policy, root / "policies" / "shop.yaml")
    history = policy.parent / "history"
    if history.is_dir():  # the earlier versions the example keeps
        shutil.copytree(history, root / "policies" / "history", dirs_exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def build_project(root: Path, policy: Path = EXAMPLE) -> Path:
    """make_project, then `shop-policy build` in it, which must succeed."""
    from click.testing import CliRunner

    from shop_policy.cli import main

    make_project(root, policy)
    result = CliRunner().invoke(main, [
        "build", "--policy", str(root / "policies" / "shop.yaml"),
        "--site-src", str(root / "site_src"), "--snippets", str(root / "snippets"),
        "--site-dir", str(root / "site"), "--toolkit-dir", str(root / "toolkit"),
        "--mkdocs-config", str(root / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch project folder with the example policy and mkdocs.yml, as cwd."""
    monkeypatch.chdir(tmp_path)
    return make_project(tmp_path)


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root, by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    """The page at `url`, or "" while nothing answers there."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""
