"""Put a run's files in place as one step that a kill cannot leave half done.

A run that writes holds the project's lock (a second run waits), works in a scratch
folder beside the outputs, and, once everything is staged and checked, records every
move and removal in a journal before making the first one. The journal is deleted when
the last one is made. A run killed in between leaves the journal; the next run that
writes finishes those moves first (each is safe to repeat), so the output folders are
then all from the new build, as if it had not been stopped.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from shop_policy.errors import UnsafeOutput
from shop_policy.write.files import file_digest_or_none, inside, is_temp_beside, prune, write
from shop_policy.write.manifest import MANIFEST, Report
from shop_policy.write.staging import Transaction, discard

JOURNAL = ".shop-policy-journal.json"
LOCK = ".shop-policy.lock"
SCRATCH_PREFIX = ".shop-policy-build-"
STATE_FILE = ".shop-policy-state.json"
log = logging.getLogger("shop_policy")


@contextmanager
def session(anchor: Path, roots: Collection[Path]) -> Iterator[Path]:
    """Hold the lock of the project at `anchor`, finish an interrupted run that wrote into
    the output folders `roots`, and yield a fresh scratch folder. The scratch folder is
    removed at the end unless a journal still needs it (a failure while putting files in
    place)."""
    anchor.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(anchor / LOCK))
    try:
        lock.acquire(blocking=False)
    except Timeout:
        log.warning("another shop-policy run is writing in %s; waiting for it to finish",
                    anchor.resolve())
        lock.acquire()
    try:
        recover(anchor, roots)
        for old in anchor.glob(f"{SCRATCH_PREFIX}*"):
            shutil.rmtree(old, ignore_errors=True)  # left by a run that was stopped
        scratch = anchor / f"{SCRATCH_PREFIX}{os.getpid()}"
        scratch.mkdir()
        try:
            yield scratch
        finally:
            if not (anchor / JOURNAL).exists():
                shutil.rmtree(scratch, ignore_errors=True)
    finally:
        lock.release()


def pending(anchor: Path) -> bool:
    """Whether a run was stopped while putting its files in place."""
    return (anchor / JOURNAL).exists()


def apply(tx: Transaction, anchor: Path, scratch: Path) -> Report:
    """Journal the transaction, then carry it out."""
    entries = {"scratch": str(scratch.resolve()),
               "roots": [str(root.resolve()) for root in tx.roots],
               "moves": [[str(s.resolve()), str(t.resolve())] for s, t in tx.moves],
               "removals": [[str(p.resolve()), sha] for p, sha in tx.removals]}
    temp = anchor / f"{JOURNAL}.{os.getpid()}.tmp"
    try:
        write(str(temp), (json.dumps(entries, indent=1) + "\n").encode("utf-8"),
              target=str(anchor / JOURNAL))
        os.replace(temp, anchor / JOURNAL)
    except BaseException:
        temp.unlink(missing_ok=True)
        discard(tx)
        raise
    _replay(anchor, entries)
    return tx.report


def recover(anchor: Path, roots: Collection[Path]) -> None:
    """Finish the moves of a run that was stopped while putting its files in place; it
    may only have written into `roots`, the output folders of this run."""
    path = anchor / JOURNAL
    try:
        entries = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return
    except ValueError:
        entries = None
    allowed = {root.resolve() for root in roots}
    if isinstance(entries, dict) and isinstance(entries.get("roots"), list) and not (
            {Path(str(root)) for root in entries["roots"]} <= allowed):
        folders = ", ".join(str(root) for root in entries["roots"])
        raise UnsafeOutput([f"{path}: a run that wrote into {folders} was stopped before it "
                            "finished; run the same command with the same folders to finish "
                            "it"])
    if not _trustworthy(anchor, entries, allowed):
        raise UnsafeOutput([f"{path}: is not a journal shop-policy can trust, so the last "
                            "run's files cannot be put in place safely; delete it, then run "
                            "`shop-policy build --force` to write every output again"])
    log.warning("finishing the run that was stopped while putting its files in place")
    _replay(anchor, entries)


def _replay(anchor: Path, entries: dict) -> None:  # type: ignore[type-arg]
    """Make every move and removal not yet made; each step is safe to repeat."""
    roots = [Path(root) for root in entries["roots"]]
    for source, target in entries["moves"]:
        if os.path.lexists(source):
            os.makedirs(os.path.dirname(target), exist_ok=True)
            os.replace(source, target)
    for name, sha in entries["removals"]:
        path = Path(name)
        if file_digest_or_none(path) == sha:
            path.unlink()
            root = next(r for r in roots if inside(path, r))
            prune(path.parent, root)
    for root in roots:
        if root.is_dir() and not root.is_symlink() and not (root / MANIFEST).exists():
            prune(root, root.parent)  # an output folder left empty goes too
    (anchor / JOURNAL).unlink()
    shutil.rmtree(entries["scratch"], ignore_errors=True)


def _trustworthy(anchor: Path, entries: object, allowed: set[Path]) -> bool:
    """Whether every move comes from the run's scratch folder (or a temporary file beside
    its target) and every target lies inside one of the output folders, all `allowed`."""
    if not isinstance(entries, dict):
        return False
    try:
        scratch = Path(entries["scratch"])
        roots = [Path(r) for r in entries["roots"]]
        moves = [(Path(s), Path(t)) for s, t in entries["moves"]]
        removals = [(Path(p), str(sha)) for p, sha in entries["removals"]]
    except (KeyError, TypeError, ValueError):
        return False
    state = anchor.resolve() / STATE_FILE
    if (scratch.parent != anchor.resolve() or not scratch.name.startswith(SCRATCH_PREFIX)
            or any(root.is_symlink() or root not in allowed for root in roots)):
        return False

    def in_a_root(path: Path) -> bool:
        return any(path == root or inside(path, root) for root in roots)

    for source, target in moves:
        from_scratch = source == scratch or inside(source, scratch)
        if not (from_scratch or is_temp_beside(str(source), str(target))):
            return False
        if target != state and not in_a_root(target):
            return False
    return all(in_a_root(path) and path not in roots for path, _ in removals)
