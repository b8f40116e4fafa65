"""Turn checked plans into a list of moves and removals, with every new file staged.

New content is written into the run's scratch folder (one mirror folder per output
folder, on the same disk, so a rename puts it in place), or, where the output folder is
on another disk, as hidden temporary files beside the targets. Nothing in an output
folder changes here: `journal.apply` does that.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from shop_policy.write.files import digest, file_digest_or_none, same_disk, write, write_beside
from shop_policy.write.manifest import MANIFEST, Built, Kept, Plan, Report, manifest_bytes


@dataclass
class Transaction:
    """Everything a run changes in its output folders, ready to be journaled."""

    roots: list[Path]
    moves: list[tuple[Path, Path]] = field(default_factory=list)
    removals: list[tuple[Path, str]] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    made: set[str] = field(default_factory=set)  # mirror folders made while staging

    def extend(self, other: Transaction) -> None:
        self.roots += other.roots
        self.moves += other.moves
        self.removals += other.removals
        for name in ("written", "unchanged", "removed", "kept"):
            getattr(self.report, name).extend(getattr(other.report, name))


def stage(plans: list[Plan], mirrors: dict[Path, Path], complete: frozenset[Path] = frozenset()
          ) -> Transaction:
    """Stage every changed file of `plans`. `mirrors` maps each output folder to its
    mirror in the scratch folder; a folder in `complete` gets every file in its mirror,
    changed or not (the site engine builds from it). A failure midway leaves the output
    folders as they were (hidden temporary files are removed again)."""
    tx = Transaction([p.root for p in plans])
    try:
        for one in plans:
            _stage_folder(one, mirrors[one.root], one.root in complete, tx)
    except BaseException:
        discard(tx)
        raise
    return tx


def discard(tx: Transaction) -> None:
    """Remove temporary files staged beside their targets (the scratch folder goes whole)."""
    for source, target in tx.moves:
        if source.parent == target.parent:
            source.unlink(missing_ok=True)
    tx.moves.clear()


def _stage_folder(plan: Plan, mirror: Path, complete: bool, tx: Transaction) -> None:
    root, report = plan.root, tx.report
    near = same_disk(mirror.parent, root)
    fresh = near and not root.exists() and all(
        not isinstance(c, Built) or c.path == mirror / rel for rel, c in plan.files.items())
    moves: list[tuple[Path, Path]] = []
    for rel, content in sorted(plan.files.items()):
        target, changed = root / rel, plan.changed(rel)
        if complete and isinstance(content, bytes):
            _write_into(mirror / rel, content, target, tx.made)  # the engine reads it
        if isinstance(content, Kept) or not changed:
            report.unchanged.append(target)
            continue
        moves.append((_staged(content, mirror / rel, target, tx.made, near=near,
                              done=complete), target))
        report.written.append(target)
    recorded = plan.survey.recorded
    edited = {rel: recorded[rel] for rel in plan.stale()
              if plan.current.get(rel) != recorded[rel]}
    report.kept += [root / rel for rel in sorted(edited)]
    for rel in plan.stale():
        if rel not in edited:
            tx.removals.append((root / rel, recorded[rel]))
            report.removed.append(root / rel)
    old = file_digest_or_none(root / MANIFEST)
    listed = plan.digests | edited  # an edited file stays, and stays known as edited
    if not listed:
        if old is not None:
            tx.removals.append((root / MANIFEST, old))
    elif old != digest(manifest := manifest_bytes(listed)):
        moves.append((_staged(manifest, mirror / MANIFEST, root / MANIFEST, tx.made,
                              near=near), root / MANIFEST))
    tx.moves += [(mirror, root)] if fresh and moves else moves


def _write_into(staged: Path, data: bytes, target: Path, made: set[str]) -> None:
    """Write a file of the mirror, making its folder once (`made`: folders made so far)."""
    folder = os.path.dirname(staged)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)
    write(str(staged), data, target=str(target))


def _staged(content: bytes | Built, staged: Path, target: Path, made: set[str], *,
            near: bool, done: bool = False) -> Path:
    """Stage one file and return where it lies: in the mirror when that is on the
    target's disk (`done` when it is there already), else beside the target."""
    if isinstance(content, Built):
        if near:
            return content.path
        content = content.path.read_bytes()
    if near:
        if not done:
            _write_into(staged, content, target, made)
        return staged
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(write_beside(str(target), content))
