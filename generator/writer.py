"""Write generated files safely: only ever touch what we wrote and nobody edited since.

Each output folder keeps a manifest of the files the generator wrote there, with their
SHA-256. Before anything is written, every folder is checked; one conflict anywhere
stops the whole run with nothing written. Changed files are staged as temporary files
beside their targets and renamed into place together; unchanged files are left alone.
"""

from __future__ import annotations

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


def conflicts(root: Path, files: dict[str, bytes], recorded: dict[str, str]) -> list[str]:
    """What stops writing `files` into `root`: foreign files, edited files."""
    found = []
    for rel in sorted(files):
        path = root / rel
        if path.is_dir():
            found.append(f"{path}: is a folder where a generated file belongs; move it away")
        elif path.exists():
            current = digest(path.read_bytes())
            if rel not in recorded:
                if current != digest(files[rel]):
                    found.append(f"{path}: was not written by shop-policy; move it away")
            elif current != recorded[rel]:
                found.append(f"{path}: was edited since shop-policy wrote it")
    for rel in sorted(set(recorded) - set(files)):
        path = root / rel
        if path.exists() and digest(path.read_bytes()) != recorded[rel]:
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
        recorded = read_manifest(root)
        plans.append(_Plan(root, as_bytes, recorded))
        if not force:
            problems += conflicts(root, as_bytes, recorded)
    if problems:
        raise OutputConflict(problems)
    return plans


def commit(plans: list[_Plan]) -> Report:
    """Write what changed: every new file is staged next to its target first, then all are
    renamed into place in one quick pass, so a failure while staging changes nothing."""
    report = Report()
    staged: list[tuple[Path, Path]] = []
    folders: set[Path] = set()
    try:
        for plan in plans:
            if not plan.files:
                continue
            for rel, data in sorted(plan.files.items()):
                path = plan.root / rel
                if path.is_file() and path.read_bytes() == data:
                    report.unchanged.append(path)
                else:
                    staged.append((_stage(path, data, folders), path))
            manifest = plan.root / MANIFEST
            data = _manifest(plan)
            if not manifest.is_file() or manifest.read_bytes() != data:
                staged.append((_stage(manifest, data), manifest))
    except BaseException:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        raise
    for temp, path in staged:
        os.replace(temp, path)
        if path.name != MANIFEST:
            report.written.append(path)
    for plan in plans:
        _remove_stale(plan, report)
    return report


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


def _stage(path: Path, data: bytes, folders: set[Path] | None = None) -> Path:
    """Write `data` to a new temporary file beside `path` (created with the usual
    permissions, as any new file) and return its name. `folders` remembers the folders
    already made."""
    if folders is None or path.parent not in folders:
        path.parent.mkdir(parents=True, exist_ok=True)
        if folders is not None:
            folders.add(path.parent)
    for attempt in itertools.count():
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{attempt}.tmp")
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
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    return tmp


def atomic_write(path: Path, data: bytes) -> None:
    os.replace(_stage(path, data), path)


def _prune(folder: Path, root: Path) -> None:
    """Remove folders left empty by a removal, up to (not including) the output root."""
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
