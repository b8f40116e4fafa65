"""A build with nothing to do says so without rendering, and only when that is true:
the same policy, code, look and day as the last build, every output as it left it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from shop_policy import pipeline
from shop_policy.cli import main
from shop_policy.paths import Paths
from shop_policy.read.validate import read_policy
from shop_policy.unchanged import inputs_key
from shop_policy.write.manifest import MANIFEST
from tests.conftest import POLICIES, build_project, tree

FOLDERS = ("site", "toolkit", "site_src", "snippets")


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return build_project(tmp_path, POLICIES / "fees.yaml")


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the builds that render the texts."""
    count: list[int] = []
    real = pipeline.render_outputs

    def counting(*args: object, **kwargs: object) -> object:
        count.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "render_outputs", counting)
    return count


def test_a_build_with_nothing_changed_renders_nothing_and_says_so(
        built: Path, renders: list[int]) -> None:
    before = {folder: tree(built / folder) for folder in FOLDERS}
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert renders == []
    files = sum(len([rel for rel in files if rel != MANIFEST]) for files in before.values())
    assert f"0 written, {files} unchanged, 0 removed" in result.output
    assert {folder: tree(built / folder) for folder in FOLDERS} == before


def test_a_hand_edit_alone_is_still_a_conflict(built: Path, renders: list[int]) -> None:
    page = built / "site/en/policy/index.html"
    page.write_text(page.read_text("utf-8").replace("</body>", "<p>mine</p></body>"))
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "was edited since shop-policy wrote it" in result.stderr
    assert renders == [1]


def test_a_deleted_output_is_written_again(built: Path, renders: list[int]) -> None:
    gone = built / "snippets/en/email/order-confirmation.txt"
    text = gone.read_bytes()
    gone.unlink()
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert gone.read_bytes() == text and renders == [1]


def test_force_and_a_public_only_build_render_again(built: Path, renders: list[int]) -> None:
    assert CliRunner().invoke(main, ["build", "--force"]).exit_code == 0
    assert CliRunner().invoke(main, ["build", "--public-only"]).exit_code == 0
    assert renders == [1, 1]


def test_the_key_covers_the_day_the_look_and_the_policy(built: Path) -> None:
    paths = Paths()
    policy = read_policy(built / "policies" / "shop.yaml")
    day = dt.date(2026, 12, 2)
    key = inputs_key(policy, paths, toolkit=True, today=day)
    assert key == inputs_key(policy, paths, toolkit=True, today=day)
    assert key != inputs_key(policy, paths, toolkit=True, today=day + dt.timedelta(days=1))
    assert key != inputs_key(policy, paths, toolkit=False, today=day)
    (built / "mkdocs.yml").write_text((built / "mkdocs.yml").read_text("utf-8") +
                                      "\n# a change of look\n", "utf-8")
    assert key != inputs_key(policy, paths, toolkit=True, today=day)
    other = read_policy(POLICIES / "hostile.yaml")
    assert inputs_key(other, paths, toolkit=True, today=day) != \
        inputs_key(policy, paths, toolkit=True, today=day)
