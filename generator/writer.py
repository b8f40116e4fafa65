"""Write generated files safely: only ever touch what we wrote and nobody edited since.

Each output folder keeps a manifest of the files the generator wrote there, with their
SHA-256. Before anything is written, every folder is checked; one conflict anywhere
stops the whole run with nothing written. Changed files are staged as temporary files
beside their targets and renamed into place together; unchanged files are left alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
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


def commit(plans: list[_Plan]) -> Report:
    """Write what changed: every new file is staged next to its target first, then all are
    renamed into place in one quick pass, so a failure while staging changes nothing."""
    report = Report()
    staged: list[tuple[str, str]] = []
    made: set[str] = set()
    try:
        for plan in plans:
            if not plan.files:
                continue
            top = str(plan.root)
            for rel, data in sorted(plan.files.items()):
                target = os.path.join(top, rel)
                if rel in plan.existing and _same(target, data):
                    report.unchanged.append(plan.root / rel)
                    continue
                folder = os.path.dirname(target)
                if folder not in made:
                    os.makedirs(folder, exist_ok=True)
                    made.add(folder)
                staged.append((_stage(target, data), target))
            manifest = os.path.join(top, MANIFEST)
            data = _manifest(plan)
            if MANIFEST not in plan.existing or not _same(manifest, data):
                os.makedirs(top, exist_ok=True)
                staged.append((_stage(manifest, data), manifest))
    except BaseException:
        for temp, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
        raise
    for temp, target in staged:
        os.replace(temp, target)
        if os.path.basename(target) != MANIFEST:
            report.written.append(Path(target))
    for plan in plans:
        _remove_stale(plan, report)
    return report


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
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        break
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except BaseException:
        os.close(fd)
        os.unlink(tmp)
        raise
    os.close(fd)
    return tmp


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.replace(_stage(str(path), data), path)


def _prune(folder: Path, root: Path) -> None:
    """Remove folders left empty by a removal, up to (not including) the output root."""
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
