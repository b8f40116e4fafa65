"""A build owns only what it wrote, in every output folder: the seller's own files and
edits survive build, rebuild and clean; two runs at once never publish the older policy."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from filelock import FileLock

from shop_policy.cli import main
from shop_policy.write.journal import LOCK
from tests.conftest import POLICIES, build_project, make_project, tree

FOLDERS = ("site", "toolkit", "site_src", "snippets")


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return build_project(tmp_path, POLICIES / "fees.yaml")


def change_policy(root: Path, days: int = 90) -> None:
    policy = root / "policies" / "shop.yaml"
    text = policy.read_text("utf-8")
    policy.write_text(text.replace("window_days: 60", f"window_days: {days}"), "utf-8")


SELLERS_FILES = {"site/CNAME": "policies.fernandkiln.example\n",
                 "site/en/google123.html": "google-site-verification: google123.html\n",
                 "toolkit/my-notes.txt": "call the courier on Mondays\n",
                 "site_src/my-draft.md": "# Draft\n", "snippets/en/my-reply.txt": "Hi!\n"}


def test_the_sellers_own_files_survive_build_rebuild_and_clean(built: Path) -> None:
    for rel, text in SELLERS_FILES.items():
        (built / rel).write_text(text, "utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["build"]).exit_code == 0, "a build with nothing changed"
    change_policy(built)
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert "within 90 days" in (built / "site/en/policy/index.html").read_text("utf-8")
    result = runner.invoke(main, ["clean"])
    assert result.exit_code == 0, result.output
    for rel, text in SELLERS_FILES.items():
        assert (built / rel).read_text("utf-8") == text, rel
    left = {folder: sorted(tree(built / folder)) for folder in FOLDERS}
    assert left == {"site": ["CNAME", "en/google123.html"], "toolkit": ["my-notes.txt"],
                    "site_src": ["my-draft.md"], "snippets": ["en/my-reply.txt"]}


@pytest.mark.parametrize("page", ["site/en/policy/index.html", "toolkit/en/index.html"])
def test_a_hand_edit_in_a_built_page_is_a_conflict(built: Path, page: str) -> None:
    edited = built / page
    edited.write_text(edited.read_text("utf-8").replace("</body>", "<p>mine</p></body>"))
    before = {folder: tree(built / folder) for folder in FOLDERS}
    change_policy(built)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert f"{Path(page)}: was edited since shop-policy wrote it" in result.stderr
    assert {folder: tree(built / folder) for folder in FOLDERS} == before, "nothing written"


def test_clean_removes_what_it_wrote_and_keeps_edits(built: Path) -> None:
    for page in ("site/en/faq/index.html", "snippets/en/replies/return-accepted.txt"):
        (built / page).write_text("edited by hand\n", "utf-8")
    result = CliRunner().invoke(main, ["clean"])
    assert result.exit_code == 0, result.output
    assert "2 kept because they were edited since shop-policy wrote them" in result.output
    files = {folder: sorted(tree(built / folder)) for folder in FOLDERS if (built / folder)
             .exists()}
    manifest = ".shop-policy-manifest.json"
    assert files == {"site": [manifest, "en/faq/index.html"],
                     "snippets": [manifest, "en/replies/return-accepted.txt"]}
    assert not (built / ".shop-policy-state.json").exists()
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1 and "was edited since shop-policy wrote it" in result.stderr


def test_a_second_run_waits_for_the_first_and_builds_the_newer_policy(built: Path) -> None:
    lock = FileLock(str(built / LOCK))
    lock.acquire()  # a first run, busy writing
    try:
        second = subprocess.Popen([sys.executable, "-m", "shop_policy", "build"], cwd=built,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first_line = second.stderr.readline()
        assert first_line == (f"another shop-policy run is writing in {built.resolve()}; "
                              "waiting for it to finish\n")
        change_policy(built)  # the first run saves a newer policy as it ends
    finally:
        lock.release()
    _, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert "within 90 days" in (built / "site/en/policy/index.html").read_text("utf-8")


def test_a_full_disk_while_building_names_the_site_not_a_theme_file(
        built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    import mkdocs.utils

    def full(source: str, destination: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", source)

    monkeypatch.setattr(mkdocs.utils, "copy_file", full)
    before = {folder: tree(built / folder) for folder in FOLDERS}
    change_policy(built)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert f"{Path('site_src') / 'mkdocs.en.yml'}: could not be built: the disk is full; " \
           "free some space and build again (nothing was changed)" in result.stderr
    assert "site-packages" not in result.stderr
    assert {folder: tree(built / folder) for folder in FOLDERS} == before


@pytest.mark.parametrize("folder", FOLDERS)
def test_a_linked_folder_in_any_output_folder_stops_the_build(built: Path, tmp_path: Path,
                                                              folder: str) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.txt").write_text("mine\n")
    shutil.move(built / folder / "en", tmp_path / "moved-en")
    (built / folder / "en").symlink_to(elsewhere, target_is_directory=True)
    before = {name: tree(built / name) for name in FOLDERS}
    change_policy(built)
    for force in ([], ["--force"]):
        result = CliRunner().invoke(main, ["build", *force])
        assert result.exit_code == 1
        assert f"{Path(folder) / 'en'}: is a link inside an output folder" in result.stderr
    assert [p.name for p in elsewhere.iterdir()] == ["precious.txt"]
    assert {name: tree(built / name) for name in FOLDERS} == before


@pytest.mark.parametrize("inside", ["site_src/en/policy", "site/en/policy/v7",
                                    "site/en/withdrawal-form"])
def test_a_link_where_the_version_pages_and_the_form_go_stops_the_build(
        built: Path, tmp_path: Path, inside: str) -> None:
    """The folders of the version pages and the withdrawal form, one level further down
    than a locale, are guarded like the rest."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.txt").write_text("mine\n")
    assert (built / inside).is_dir(), "the build writes there"
    shutil.move(built / inside, tmp_path / "moved")
    (built / inside).symlink_to(elsewhere, target_is_directory=True)
    before = {name: tree(built / name) for name in FOLDERS}
    change_policy(built)
    for force in ([], ["--force"]):
        result = CliRunner().invoke(main, ["build", *force])
        assert result.exit_code == 1
        assert f"{Path(inside)}: is a link inside an output folder" in result.stderr
    assert [p.name for p in elsewhere.iterdir()] == ["precious.txt"]
    assert {name: tree(built / name) for name in FOLDERS} == before


@pytest.mark.parametrize("rel", ["site/404.html", "snippets/en/embed/facts.html",
                                 "site_src/en/assets/site.js"])
def test_a_seller_file_where_a_new_output_goes_is_never_overwritten(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rel: str) -> None:
    """The outputs added for the public site (the root 404 page, the embeddable copy,
    the site's script) meet a file of the seller's own: the build stops, naming it, and
    changes nothing."""
    monkeypatch.chdir(tmp_path)
    project = make_project(tmp_path, POLICIES / "fees.yaml")
    own = project / rel
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text("mine\n", "utf-8")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code != 0
    assert f"{rel}: was not written by shop-policy" in result.output
    assert own.read_text("utf-8") == "mine\n"
    assert sorted(tree(project / rel.split("/")[0])) == [rel.split("/", 1)[1]]
