"""Write generated files safely: only ever touch what we wrote and nobody edited since.

Each output folder keeps a manifest of the files the generator wrote there, with their
SHA-256. Before anything is written, every folder is checked; one conflict anywhere
stops the whole run with nothing written. Changed files are staged first (as temporary
files beside their targets, or in a build's scratch folder on the same disk) and then
renamed into place together; unchanged files are left alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import OutputConflict

MANIFEST = ".shop-policy-manifest.json"


@dataclass
class Report:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class _Plan:
    root: Path
    files: dict[str, bytes]
    recorded: dict[str, str]
    # What is in the folder now, relative to it: one walk instead of a look per file.
    existing: set[str]
    folders: set[str]


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_manifest(root: Path) -> dict[str, str]:
    path = root / MANIFEST
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text("utf-8"))
        files = data["files"]
        if not isinstance(files, dict):
            raise TypeError
        return {str(k): str(v) for k, v in files.items()}
    except (ValueError, KeyError, TypeError):
        raise OutputConflict([f"{path}: is not a manifest shop-policy can read; delete it "
                              "only if every file in this folder may be replaced"]) from None


def scan(root: Path) -> tuple[set[str], set[str]]:
    """The files and the folders under `root`, as relative POSIX paths."""
    files: set[str] = set()
    folders: set[str] = set()
    top = str(root)
    for current, dirnames, filenames in os.walk(top):
        rel = os.path.relpath(current, top)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        folders.update(prefix + name for name in dirnames)
        files.update(prefix + name for name in filenames)
    return files, folders


def conflicts(plan: _Plan) -> list[str]:
    """What stops writing the plan's files into its folder: foreign files, edited files."""
    found = []
    root, files, recorded = plan.root, plan.files, plan.recorded
    for rel in sorted(files):
        path = root / rel
        if rel in plan.folders:
            found.append(f"{path}: is a folder where a generated file belongs; move it away")
        elif rel in plan.existing:
            current = digest(path.read_bytes())
            if rel not in recorded:
                if current != digest(files[rel]):
                    found.append(f"{path}: was not written by shop-policy; move it away")
            elif current != recorded[rel]:
                found.append(f"{path}: was edited since shop-policy wrote it")
    for rel in sorted(set(recorded) - set(files)):
        path = root / rel
        if rel in plan.existing and digest(path.read_bytes()) != recorded[rel]:
            found.append(f"{path}: is no longer generated, but was edited since; "
                         "move it away or delete it")
    return found


def plan_outputs(outputs: dict[Path, dict[str, str | bytes]], *, force: bool = False
                 ) -> list[_Plan]:
    """Check every folder first. Raises OutputConflict, with nothing written, on conflict."""
    plans = []
    problems = []
    for root, files in outputs.items():
        as_bytes = {rel: v.encode("utf-8") if isinstance(v, str) else v
                    for rel, v in files.items()}
        plan = _Plan(root, as_bytes, read_manifest(root), *scan(root))
        plans.append(plan)
        if not force:
            problems += conflicts(plan)
    if problems:
        raise OutputConflict(problems)
    return plans


@dataclass
class Staged:
    """Files written under temporary names, waiting to be renamed into place."""
    plans: list[_Plan]
    moves: list[tuple[str, str]] = field(default_factory=list)
    # Whole scratch folders that become an output folder that does not exist yet.
    folder_moves: list[tuple[Path, Path]] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)

    def discard(self) -> None:
        for temp, _ in self.moves:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
        self.moves.clear()
        self.folder_moves.clear()  # a scratch folder is removed with its parent


def stage(plans: list[_Plan], scratch: dict[Path, Path] | None = None,
          complete: Collection[Path] = ()) -> Staged:
    """Write every changed file under a temporary name; a failure midway removes them
    again and changes nothing.

    Temporary files go beside their targets, or, when `scratch` maps an output folder to
    a scratch folder on the same disk, into that scratch folder, so that a run killed
    before `apply` leaves nothing in the output folder. For the folders in `complete`,
    the scratch folder gets every file, changed or not (the site engine builds from it).
    """
    staged = Staged(plans)
    made: set[str] = set()

    def folder_of(path: str) -> str:
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        return path

    try:
        for plan in plans:
            top = str(plan.root)
            copy = (scratch or {}).get(plan.root)
            if copy is not None:
                copy.mkdir(parents=True, exist_ok=True)
            movable = copy is not None and _same_disk(copy, plan.root)
            fresh = movable and plan.files and not plan.root.exists()
            for rel, data in sorted(plan.files.items()):
                target = os.path.join(top, rel)
                changed = rel not in plan.existing or not _same(target, data)
                if copy is not None and (plan.root in complete or (changed and movable)):
                    # A scratch folder nobody else reads: no temporary name needed.
                    scratch_file = folder_of(os.path.join(str(copy), rel))
                    _write(scratch_file, data)
                    if changed and movable:
                        if not fresh:
                            staged.moves.append((scratch_file, target))
                        continue
                if changed:
                    staged.moves.append((_stage(folder_of(target), data), target))
                else:
                    staged.unchanged.append(plan.root / rel)
            if plan.files:
                manifest = os.path.join(top, MANIFEST)
                data = _manifest(plan)
                if MANIFEST not in plan.existing or not _same(manifest, data):
                    if movable:
                        scratch_file = os.path.join(str(copy), MANIFEST)
                        _write(scratch_file, data)
                        if not fresh:
                            staged.moves.append((scratch_file, manifest))
                    else:
                        staged.moves.append((_stage(folder_of(manifest), data), manifest))
            if fresh:
                assert copy is not None
                staged.folder_moves.append((copy, plan.root))
    except BaseException:
        staged.discard()
        raise
    return staged


def apply(staged: Staged) -> Report:
    """Rename every staged file into place in one quick pass; remove what is no longer
    generated."""
    report = Report(unchanged=list(staged.unchanged))
    for copy, root in staged.folder_moves:
        root.parent.mkdir(parents=True, exist_ok=True)
        os.rename(copy, root)
        report.written += [root / rel for rel in sorted(_plan_for(staged, root).files)]
    made: set[str] = set()
    for temp, target in staged.moves:
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        os.replace(temp, target)
        if os.path.basename(target) != MANIFEST:
            report.written.append(Path(target))
    staged.moves.clear()
    staged.folder_moves.clear()
    for plan in staged.plans:
        _remove_stale(plan, report)
    return report


def _plan_for(staged: Staged, root: Path) -> _Plan:
    return next(plan for plan in staged.plans if plan.root == root)


def commit(plans: list[_Plan]) -> Report:
    """Write what changed: staged first, then renamed into place together."""
    return apply(stage(plans))


def _same_disk(one: Path, other: Path) -> bool:
    """Whether a file can be renamed from `one` into `other` (which may not exist yet)."""
    while not other.exists() and other != other.parent:
        other = other.parent
    try:
        return os.stat(one).st_dev == os.stat(other).st_dev
    except OSError:
        return False


def _same(path: str, data: bytes) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read() == data
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return False


def write_outputs(outputs: dict[Path, dict[str, str | bytes]], *, force: bool = False
                  ) -> Report:
    """Write each folder's files. Raises OutputConflict, with nothing written, on conflict."""
    return commit(plan_outputs(outputs, force=force))


def _manifest(plan: _Plan) -> bytes:
    manifest = {"generator": "shop-policy",
                "files": {rel: digest(data) for rel, data in sorted(plan.files.items())}}
    return (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _remove_stale(plan: _Plan, report: Report) -> None:
    root = plan.root
    for rel in sorted(set(plan.recorded) - set(plan.files)):
        path = root / rel
        if path.is_file():
            path.unlink()
            report.removed.append(path)
            _prune(path.parent, root)
    if not plan.files:
        (root / MANIFEST).unlink(missing_ok=True)
        if root.is_dir() and not any(root.iterdir()):
            root.rmdir()


def _stage(target: str, data: bytes) -> str:
    """Write `data` to a new temporary file beside `target` (created with the usual
    permissions, as any new file) and return its name. The folder must exist."""
    folder, name = os.path.split(target)
    for attempt in itertools.count():
        tmp = os.path.join(folder, f".{name}.{os.getpid()}.{attempt}.tmp")
        try:
            _write(tmp, data, os.O_EXCL)
        except FileExistsError:
            continue
        return tmp
    raise AssertionError("unreachable")


def _write(path: str, data: bytes, flags: int = os.O_TRUNC) -> None:
    """Write `data` to `path`; on failure, no partial file is left."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | flags, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except BaseException:
        os.close(fd)
        os.unlink(path)
        raise
    os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.replace(_stage(str(path), data), path)


def _prune(folder: Path, root: Path) -> None:
    """Remove folders left empty by a removal, up to (not including) the output root."""
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
