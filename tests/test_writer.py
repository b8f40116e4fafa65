"""The generator owns only what it wrote: it never clobbers foreign or edited files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import writer
from generator.errors import OutputConflict
from generator.writer import MANIFEST, write_outputs


def test_writes_files_and_manifest(tmp_path: Path) -> None:
    report = write_outputs({tmp_path: {"a.md": "A\n", "sub/b.md": "B\n"}})
    assert sorted(p.name for p in report.written) == ["a.md", "b.md"]
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    assert set(manifest["files"]) == {"a.md", "sub/b.md"}
    assert (tmp_path / "sub" / "b.md").read_text() == "B\n"


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    write_outputs({tmp_path: {"a.md": "A\n"}})
    target = tmp_path / "a.md"
    stamp = target.stat().st_mtime_ns
    report = write_outputs({tmp_path: {"a.md": "A\n"}})
    assert report.written == [] and report.unchanged == [target]
    assert target.stat().st_mtime_ns == stamp


def test_refuses_to_overwrite_an_edited_file(tmp_path: Path) -> None:
    write_outputs({tmp_path: {"a.md": "A\n"}})
    (tmp_path / "a.md").write_text("my own edit\n")
    with pytest.raises(OutputConflict, match=r"a\.md: was edited since shop-policy wrote it"):
        write_outputs({tmp_path: {"a.md": "A2\n", "new.md": "N\n"}})
    assert (tmp_path / "a.md").read_text() == "my own edit\n"
    assert not (tmp_path / "new.md").exists(), "nothing is written when one file conflicts"


def test_refuses_to_overwrite_a_file_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("someone else's\n")
    with pytest.raises(OutputConflict, match="was not written by shop-policy"):
        write_outputs({tmp_path: {"a.md": "A\n"}})
    assert (tmp_path / "a.md").read_text() == "someone else's\n"


def test_conflict_in_one_folder_blocks_all_folders(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    second.mkdir()
    (second / "x.md").write_text("foreign\n")
    with pytest.raises(OutputConflict):
        write_outputs({first: {"a.md": "A\n"}, second: {"x.md": "X\n"}})
    assert not first.exists()


def test_force_overwrites_edits(tmp_path: Path) -> None:
    write_outputs({tmp_path: {"a.md": "A\n"}})
    (tmp_path / "a.md").write_text("edit\n")
    write_outputs({tmp_path: {"a.md": "A2\n"}}, force=True)
    assert (tmp_path / "a.md").read_text() == "A2\n"


def test_removes_files_no_longer_generated_but_keeps_edited_ones(tmp_path: Path) -> None:
    write_outputs({tmp_path: {"a.md": "A\n", "old/b.md": "B\n"}})
    report = write_outputs({tmp_path: {"a.md": "A\n"}})
    assert report.removed == [tmp_path / "old" / "b.md"]
    assert not (tmp_path / "old").exists()

    write_outputs({tmp_path: {"a.md": "A\n", "c.md": "C\n"}})
    (tmp_path / "c.md").write_text("kept by hand\n")
    with pytest.raises(OutputConflict, match="no longer generated, but was edited"):
        write_outputs({tmp_path: {"a.md": "A\n"}})
    assert (tmp_path / "c.md").read_text() == "kept by hand\n"


def test_files_it_does_not_own_are_left_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n")
    write_outputs({tmp_path: {"a.md": "A\n"}})
    write_outputs({tmp_path: {}})
    assert (tmp_path / "notes.txt").read_text() == "mine\n"
    assert not (tmp_path / "a.md").exists()


def test_unreadable_manifest_is_a_conflict(tmp_path: Path) -> None:
    (tmp_path / MANIFEST).write_text("{not json")
    with pytest.raises(OutputConflict, match="not a manifest"):
        write_outputs({tmp_path: {"a.md": "A\n"}})


def _files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text() for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_staging_in_a_scratch_folder_leaves_the_outputs_alone_until_applied(
        tmp_path: Path) -> None:
    out, sources, scratch = tmp_path / "snippets", tmp_path / "site_src", tmp_path / "scratch"
    write_outputs({out: {"kept.txt": "same\n", "old.txt": "old\n"},
                   sources: {"en/a.md": "A\n", "en/b.md": "B\n"}})
    before = {"out": _files(out), "sources": _files(sources)}
    plans = writer.plan_outputs({out: {"kept.txt": "same\n", "new.txt": "new\n"},
                                 sources: {"en/a.md": "A\n", "en/b.md": "B2\n"}})
    staged = writer.stage(plans, scratch={out: scratch / "snippets",
                                          sources: scratch / "site_src"},
                          complete={sources})
    assert {"out": _files(out), "sources": _files(sources)} == before
    site_src_copy = _files(scratch / "site_src")
    assert site_src_copy["en/a.md"] == "A\n" and site_src_copy["en/b.md"] == "B2\n", \
        "the complete copy holds unchanged files too"
    assert "kept.txt" not in _files(scratch / "snippets"), "only changes are staged"
    report = writer.apply(staged)
    assert set(_files(out)) == {"kept.txt", "new.txt", MANIFEST}
    assert _files(out)["new.txt"] == "new\n"
    assert _files(sources)["en/b.md"] == "B2\n"
    assert sorted(p.name for p in report.written) == ["b.md", "new.txt"]
    assert [p.name for p in report.removed] == ["old.txt"]


def test_a_scratch_folder_on_another_disk_stages_beside_the_targets(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer, "_same_disk", lambda one, other: False)
    out, scratch = tmp_path / "snippets", tmp_path / "scratch"
    plans = writer.plan_outputs({out: {"a.txt": "A\n", "sub/b.txt": "B\n"}})
    staged = writer.stage(plans, scratch={out: scratch})
    hidden = sorted(p.name for p in out.rglob("*.tmp"))
    assert len(hidden) == 3 and all(name.startswith(".") for name in hidden)
    staged.discard()
    assert not list(out.rglob("*.tmp")), "a failed build removes what it staged"
    writer.apply(writer.stage(writer.plan_outputs({out: {"a.txt": "A\n"}}),
                              scratch={out: scratch}))
    assert _files(out)["a.txt"] == "A\n" and not list(out.rglob("*.tmp"))


def test_a_new_output_folder_is_moved_into_place_whole(tmp_path: Path) -> None:
    out, scratch = tmp_path / "new" / "snippets", tmp_path / "scratch" / "snippets"
    plans = writer.plan_outputs({out: {"en/a.txt": "A\n", "de/b.txt": "B\n"}})
    staged = writer.stage(plans, scratch={out: scratch})
    assert not out.exists(), "nothing appears before apply"
    report = writer.apply(staged)
    assert set(_files(out)) == {"en/a.txt", "de/b.txt", MANIFEST}
    assert sorted(p.relative_to(out).as_posix() for p in report.written) == \
        ["de/b.txt", "en/a.txt"]
    assert not scratch.exists()
    assert write_outputs({out: {"en/a.txt": "A\n", "de/b.txt": "B\n"}}).written == [], \
        "the manifest moved with the folder"
