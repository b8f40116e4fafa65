"""The generator owns only what it wrote: it never clobbers foreign or edited files, never
trusts its manifest beyond its folder, and never writes or deletes through a link."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from shop_policy.errors import OutputConflict, OutputError, UnsafeOutput
from shop_policy.pipeline import write_outputs
from shop_policy.write import staging
from shop_policy.write.files import digest
from shop_policy.write.journal import session
from shop_policy.write.manifest import MANIFEST, check, plan, survey


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


def test_nothing_is_deleted_unless_it_is_as_written_even_with_force(tmp_path: Path) -> None:
    write_outputs({tmp_path: {"a.md": "A\n", "b.md": "B\n"}})
    (tmp_path / "b.md").write_text("my edit\n")
    report = write_outputs({tmp_path: {"a.md": "A\n"}}, force=True)
    assert (tmp_path / "b.md").read_text() == "my edit\n"
    assert report.kept == [tmp_path / "b.md"] and report.removed == []
    with pytest.raises(OutputConflict, match=r"b\.md: is no longer generated, but was edited"):
        write_outputs({tmp_path: {"a.md": "A\n"}})


def test_keep_edits_removes_what_it_wrote_and_keeps_the_rest(tmp_path: Path) -> None:
    write_outputs({tmp_path: {"a.md": "A\n", "sub/b.md": "B\n"}})
    (tmp_path / "sub" / "b.md").write_text("mine now\n")
    (tmp_path / "CNAME").write_text("shop.example\n")
    report = write_outputs({tmp_path: {}}, keep_edits=True)
    assert report.removed == [tmp_path / "a.md"] and report.kept == [tmp_path / "sub/b.md"]
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")
                  if p.is_file()) == [MANIFEST, "CNAME", "sub/b.md"]


def test_files_it_does_not_own_are_left_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n")
    write_outputs({tmp_path: {"a.md": "A\n"}})
    write_outputs({tmp_path: {}})
    assert (tmp_path / "notes.txt").read_text() == "mine\n"
    assert not (tmp_path / "a.md").exists()


def test_an_unreadable_manifest_names_the_recovery_that_works(tmp_path: Path) -> None:
    out = tmp_path / "snippets"
    out.mkdir()
    (out / MANIFEST).write_text("{not json")
    with pytest.raises(UnsafeOutput, match=r"move the folder .*snippets aside, build again"):
        write_outputs({out: {"a.md": "A\n"}}, force=True)


@pytest.mark.parametrize("entry", ["../victim.txt", "/tmp/victim.txt", "a/../../victim.txt",
                                   "./a.md", "a\\..\\..\\victim.txt", ""])
def test_a_manifest_entry_outside_its_folder_is_refused(tmp_path: Path, entry: str) -> None:
    out = tmp_path / "out"
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    out.mkdir()
    (out / MANIFEST).write_text(json.dumps(
        {"files": {entry: digest(b"precious\n")}}))
    with pytest.raises(UnsafeOutput, match="which is not a file inside"):
        write_outputs({out: {}}, keep_edits=True, force=True)
    assert victim.read_text() == "precious\n"


def test_a_manifest_entry_through_a_link_deletes_nothing(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "victim.txt").write_text("precious\n")
    out.mkdir()
    (out / "en").symlink_to(elsewhere)
    (out / MANIFEST).write_text(json.dumps({"files": {"en/victim.txt":
                                                      digest(b"precious\n")}}))
    with pytest.raises(UnsafeOutput, match=r"out/en: is a link inside an output folder"):
        write_outputs({out: {}}, force=True, keep_edits=True)
    assert (elsewhere / "victim.txt").read_text() == "precious\n"


@pytest.mark.parametrize("force", [False, True])
def test_a_linked_folder_inside_an_output_folder_is_refused(tmp_path: Path,
                                                            force: bool) -> None:
    out, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    out.mkdir()
    (out / "en").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(UnsafeOutput, match=r"site/en: is a link inside an output folder; "
                                           r"shop-policy never writes or deletes through"):
        write_outputs({out: {"en/index.html": "page\n", "de/index.html": "Seite\n"}},
                      force=force)
    assert list(elsewhere.iterdir()) == [] and not (out / "de").exists()


def test_a_linked_file_is_never_written_through(tmp_path: Path) -> None:
    out = tmp_path / "snippets"
    out.mkdir()
    (tmp_path / "outside.txt").write_text("precious\n")
    (out / "a.txt").symlink_to(tmp_path / "outside.txt")
    with pytest.raises(UnsafeOutput, match=r"a\.txt: is a link"):
        write_outputs({out: {"a.txt": "A\n"}}, force=True)
    assert (tmp_path / "outside.txt").read_text() == "precious\n"


def test_an_output_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "site").symlink_to(real, target_is_directory=True)
    with pytest.raises(UnsafeOutput, match=r"site: is a link; .*give the real folder"):
        write_outputs({tmp_path / "site": {"a.md": "A\n"}})
    assert list(real.iterdir()) == []


def test_a_full_disk_names_the_output_file(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "snippets"
    real_write = os.write

    def full(fd: int, data: bytes) -> int:
        if len(data) > 100:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OutputError) as caught:
        write_outputs({out: {"en/reply.txt": "x" * 500}})
    assert str(caught.value) == (f"{out / 'en/reply.txt'}: could not be written: the disk is "
                                 "full; free some space and run again (nothing was changed)")
    assert not out.exists()


def _files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text() for p in sorted(root.rglob("*"))
            if p.is_file()}


def _plans(outputs: dict[Path, dict[str, str]]) -> list:  # type: ignore[type-arg]
    plans = [plan(survey(root), dict(files)) for root, files in outputs.items()]
    check(plans)
    return plans


def test_staging_leaves_the_outputs_alone_until_applied(tmp_path: Path) -> None:
    from shop_policy.write.journal import apply

    out, sources = tmp_path / "snippets", tmp_path / "site_src"
    write_outputs({out: {"kept.txt": "same\n", "old.txt": "old\n"},
                   sources: {"en/a.md": "A\n", "en/b.md": "B\n"}})
    before = {"out": _files(out), "sources": _files(sources)}
    with session(tmp_path, [out, sources]) as scratch:
        tx = staging.stage(_plans({out: {"kept.txt": "same\n", "new.txt": "new\n"},
                                   sources: {"en/a.md": "A\n", "en/b.md": "B2\n"}}),
                           {out: scratch / "snippets", sources: scratch / "site_src"},
                           complete=frozenset({sources}))
        assert {"out": _files(out), "sources": _files(sources)} == before
        site_src_copy = _files(scratch / "site_src")
        assert site_src_copy["en/a.md"] == "A\n" and site_src_copy["en/b.md"] == "B2\n", \
            "the complete copy holds unchanged files too"
        assert "kept.txt" not in _files(scratch / "snippets"), "only changes are staged"
        report = apply(tx, tmp_path, scratch)
    assert set(_files(out)) == {"kept.txt", "new.txt", MANIFEST}
    assert _files(out)["new.txt"] == "new\n"
    assert _files(sources)["en/b.md"] == "B2\n"
    assert sorted(p.name for p in report.written) == ["b.md", "new.txt"]
    assert [p.name for p in report.removed] == ["old.txt"]
    assert not list(tmp_path.glob(".shop-policy-build-*"))


def test_a_scratch_folder_on_another_disk_stages_beside_the_targets(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(staging, "same_disk", lambda one, other: False)
    out = tmp_path / "snippets"
    with session(tmp_path, [out]) as scratch:
        tx = staging.stage(_plans({out: {"a.txt": "A\n", "sub/b.txt": "B\n"}}),
                           {out: scratch / "snippets"})
        hidden = sorted(p.name for p in out.rglob("*.tmp"))
        assert len(hidden) == 3 and all(name.startswith(".") for name in hidden)
        staging.discard(tx)
    assert not list(out.rglob("*.tmp")), "a failed build removes what it staged"
    write_outputs({out: {"a.txt": "A\n"}})
    assert _files(out) == {"a.txt": "A\n", MANIFEST: _files(out)[MANIFEST]}


def test_a_new_output_folder_is_moved_into_place_whole(tmp_path: Path) -> None:
    from shop_policy.write.journal import apply

    out = tmp_path / "new" / "snippets"
    with session(tmp_path, [out]) as scratch:
        tx = staging.stage(_plans({out: {"en/a.txt": "A\n", "de/b.txt": "B\n"}}),
                           {out: scratch / "snippets"})
        assert tx.moves == [(scratch / "snippets", out)]
        apply(tx, tmp_path, scratch)
    assert set(_files(out)) == {"en/a.txt", "de/b.txt", MANIFEST}
    assert write_outputs({out: {"en/a.txt": "A\n", "de/b.txt": "B\n"}}).written == [], \
        "nothing changed"


def test_the_stat_cache_only_saves_reading(tmp_path: Path) -> None:
    from shop_policy.write.statcache import CACHE

    out = tmp_path / "out"
    write_outputs({out: {"a.md": "A\n", "b.md": "B\n"}})
    assert json.loads((tmp_path / CACHE).read_text())[str(out.resolve())].keys() == \
        {"a.md", "b.md"}
    (out / "a.md").write_text("my edit\n")
    with pytest.raises(OutputConflict, match=r"a\.md: was edited"):
        write_outputs({out: {"a.md": "A2\n", "b.md": "B\n"}})
    (tmp_path / CACHE).write_text("{damaged")
    with pytest.raises(OutputConflict, match=r"a\.md: was edited"):
        write_outputs({out: {"a.md": "A2\n", "b.md": "B\n"}})
    (out / "a.md").write_text("A\n")
    assert write_outputs({out: {"a.md": "A2\n", "b.md": "B\n"}}).written == [out / "a.md"]


def test_a_folder_built_without_a_manifest_is_one_message(tmp_path: Path) -> None:
    """An earlier shop-policy built site/ and toolkit/ without a manifest: one line per
    folder says what to do, instead of one per file."""
    out = tmp_path / "site"
    files = {f"en/page{n}.html": f"old {n}\n" for n in range(20)}
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text)
    with pytest.raises(OutputConflict) as caught:
        write_outputs({out: {rel: "new\n" for rel in files}})
    assert caught.value.conflicts == [
        f"{out}: holds 20 files where shop-policy would write, and no record of writing "
        "them (an earlier version of shop-policy built it without one, or they are yours); "
        "move the folder aside, build again, then copy back any file of yours"]
