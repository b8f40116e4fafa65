"""Plan what a run writes: only ever touch files we wrote and nobody edited since.

Each output folder keeps a manifest of the files the generator wrote there, with their
SHA-256. Before anything is written, every folder is surveyed and checked; one conflict
anywhere stops the whole run with nothing written. A manifest is data from disk: an entry
that leaves its folder is refused, and a link inside an output folder on the way to a
file we would write or delete is refused too. New content is staged in a scratch folder
(see `journal`), and the moves that put it in place are recorded in a journal first.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from shop_policy.errors import OutputConflict, UnsafeOutput
from shop_policy.write.files import digest, file_digest
from shop_policy.write.statcache import Known, stat_of

MANIFEST = ".shop-policy-manifest.json"
FEW = 5  # foreign files named one by one; more, in a folder with no manifest, are summed up


@dataclass(frozen=True)
class Built:
    """A file the site engine already wrote, at `path`, in the scratch folder (with its
    digest when the engine worked it out)."""

    path: Path
    sha: str | None = None


@dataclass(frozen=True)
class Kept:
    """A file of the last build that stays exactly as it was recorded (an unchanged site)."""

    sha: str


Content = str | bytes | Built | Kept


@dataclass
class Report:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    # Files no longer generated that were edited since: left where they are, for you.
    kept: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class Survey:
    """What one output folder holds now: its manifest and one walk of its tree."""

    root: Path
    recorded: dict[str, str]
    files: frozenset[str]
    folders: frozenset[str]
    links: frozenset[str]

    def link_on_the_way(self, rel: str) -> str | None:
        """The link, if any, that `rel` or one of the folders above it is."""
        parts = rel.split("/")
        for end in range(1, len(parts) + 1):
            prefix = "/".join(parts[:end])
            if prefix in self.links:
                return prefix
        return None


@dataclass
class Plan:
    """One folder's new files, each as data to write, a built file or a file kept."""

    survey: Survey
    files: dict[str, bytes | Built | Kept]
    digests: dict[str, str]
    current: dict[str, str]  # the digest of each file on disk that the run may touch

    @property
    def root(self) -> Path:
        return self.survey.root

    def changed(self, rel: str) -> bool:
        return self.current.get(rel) != self.digests[rel]

    def stale(self) -> list[str]:
        """Files written last time, still there, no longer generated."""
        return sorted(rel for rel in set(self.survey.recorded) - set(self.files)
                      if rel in self.survey.files)



def manifest_bytes(files: dict[str, str]) -> bytes:
    body = {"generator": "shop-policy", "files": dict(sorted(files.items()))}
    return (json.dumps(body, indent=2, sort_keys=True) + "\n").encode("utf-8")


def safe_relative(rel: object) -> bool:
    """Whether a manifest entry names a file inside its folder, written the way we write."""
    if not isinstance(rel, str) or not rel or "\\" in rel or "\0" in rel:
        return False
    path = PurePosixPath(rel)
    return (not path.is_absolute() and ".." not in path.parts and "." not in rel.split("/")
            and path.as_posix() == rel and rel != MANIFEST)


def read_manifest(root: Path) -> dict[str, str]:
    """The files the manifest in `root` lists, each checked to lie inside `root`."""
    path = root / MANIFEST
    if path.is_symlink():
        raise UnsafeOutput([f"{path}: is a link; shop-policy never reads or writes through "
                            "a link; replace it with the file itself or delete it"])
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return {}
    try:
        files = json.loads(text)["files"]
        if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        raise UnsafeOutput([f"{path}: is not a manifest shop-policy can read, so it cannot "
                            f"tell its files from yours; move the folder {root} aside, build "
                            "again, then copy back any file of yours"]) from None
    outside = sorted(rel for rel in files if not safe_relative(rel))
    if outside:
        raise UnsafeOutput([f"{path}: lists {json.dumps(rel)}, which is not a file inside "
                            f"{root}; shop-policy did not write that entry: remove it from "
                            "the manifest" for rel in outside])
    return dict(files)


def survey(root: Path) -> Survey:
    """Read the manifest and walk the folder once, noting every link instead of entering."""
    if root.is_symlink():
        raise UnsafeOutput([f"{root}: is a link; shop-policy never writes through a link; "
                            "give the real folder instead"])
    files: set[str] = set()
    folders: set[str] = set()
    links: set[str] = set()
    if root.exists() and not root.is_dir():
        raise OutputConflict([f"{root}: is a file where an output folder belongs; move it "
                              "away"])

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                rel = prefix + entry.name
                if entry.is_symlink():
                    links.add(rel)
                elif entry.is_dir(follow_symlinks=False):
                    folders.add(rel)
                    walk(entry.path, rel + "/")
                else:
                    files.add(rel)

    recorded = read_manifest(root)
    if root.is_dir():
        walk(str(root), "")
    return Survey(root, recorded, frozenset(files), frozenset(folders), frozenset(links))


def plan(folder: Survey, files: dict[str, Content], known: Known | None = None) -> Plan:
    """What writing `files` into the surveyed folder means: new digests, current digests.

    A file written before that looks on disk as it did then (`known`, from the stat
    cache) is taken to hold what the manifest records; any other is read."""
    data: dict[str, bytes | Built | Kept] = {}
    digests: dict[str, str] = {}
    for rel, content in files.items():
        if isinstance(content, str):
            content = content.encode("utf-8")
        data[rel] = content
        if isinstance(content, bytes):
            digests[rel] = digest(content)
        elif isinstance(content, Built):
            digests[rel] = content.sha or file_digest(content.path)
        else:
            digests[rel] = content.sha
    current = {rel: _current(folder, rel, known or {})
               for rel in set(files) | set(folder.recorded)
               if rel in folder.files and folder.link_on_the_way(rel) is None}
    return Plan(folder, data, digests, current)


def _current(folder: Survey, rel: str, known: Known) -> str:
    path = folder.root / rel
    if rel in folder.recorded and rel in known and known[rel] == stat_of(path):
        return folder.recorded[rel]
    return file_digest(path)


def unsafe(plan: Plan) -> list[str]:
    """Links on the way to a file the run would write or delete: never overridden."""
    found = set()
    for rel in set(plan.files) | set(plan.survey.recorded):
        link = plan.survey.link_on_the_way(rel)
        if link is not None:
            found.add(link)
    return [f"{plan.root / link}: is a link inside an output folder; shop-policy never "
            "writes or deletes through a link; replace it with a real folder or file, or "
            "move it away" for link in sorted(found)]


def conflicts(plan: Plan, *, keep_edits: bool = False) -> list[str]:
    """What stops the plan: foreign files in the way, edited files it would replace or
    remove (with `keep_edits`, an edited file no longer generated is simply left)."""
    found, foreign = [], []
    folder, recorded = plan.survey, plan.survey.recorded
    for rel in sorted(plan.files):
        path = plan.root / rel
        current = plan.current.get(rel)
        if rel in folder.folders:
            found.append(f"{path}: is a folder where a generated file belongs; move it away")
        elif current is None or current == plan.digests[rel]:
            continue
        elif rel not in recorded:
            foreign.append(f"{path}: was not written by shop-policy; move it away")
        elif current != recorded[rel]:
            found.append(f"{path}: was edited since shop-policy wrote it")
    if len(foreign) > FEW and MANIFEST not in folder.files:
        # A folder full of files it would write, and no manifest: most likely built by
        # an earlier shop-policy that kept none there. One line says what to do.
        foreign = [f"{plan.root}: holds {len(foreign)} files where shop-policy would write, "
                   "and no record of writing them (an earlier version of shop-policy built "
                   "it without one, or they are yours); move the folder aside, build "
                   "again, then copy back any file of yours"]
    found += foreign
    if not keep_edits:
        found += [f"{plan.root / rel}: is no longer generated, but was edited since; move it "
                  "away or delete it" for rel in plan.stale()
                  if plan.current.get(rel) != recorded[rel]]
    return found


def check(plans: list[Plan], *, force: bool = False, keep_edits: bool = False) -> None:
    """Raise, with nothing written, when a plan is unsafe or (unless forced) conflicts."""
    refused = [problem for p in plans for problem in unsafe(p)]
    if refused:
        raise UnsafeOutput(refused)
    if not force:
        problems = [problem for p in plans for problem in conflicts(p, keep_edits=keep_edits)]
        if problems:
            raise OutputConflict(problems)
