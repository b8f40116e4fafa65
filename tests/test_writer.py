"""The generator owns only what it wrote: it never clobbers foreign or edited files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
