"""Drift: generated files on disk that differ from what the policy generates now."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from pathlib import Path

from shop_policy.checks.finding import Finding, Severity
from shop_policy.write.files import digest
from shop_policy.write.manifest import read_manifest


def drift_findings(outputs: dict[Path, dict[str, str]], *, complete: Collection[Path]
                   ) -> Iterator[Finding]:
    """Each generated file of `outputs` (by folder) that is missing, edited or out of
    date on disk; and, in the folders whose every file `outputs` lists (`complete`: not
    the built sites, where the engine writes most files), each file written before that
    is no longer generated."""
    for root, files in outputs.items():
        recorded = read_manifest(root)
        for rel, text in sorted(files.items()):
            path = root / rel
            if not path.is_file():
                yield Finding("drift", "DRIFT-MISSING", Severity.ERROR, str(path), 0, 0,
                              "is not generated yet; run `make site`")
            elif digest(path.read_bytes()) != digest(text.encode("utf-8")):
                edited = rel in recorded and digest(path.read_bytes()) != recorded[rel]
                why = ("was edited by hand since it was generated" if edited else
                       "is out of date with the policy, templates or catalogs")
                yield Finding("drift", "DRIFT-CHANGED", Severity.ERROR, str(path), 0, 0,
                              f"{why}; move edits into the policy file and run `make site`")
        stale = set(recorded) - set(files) if root in complete else set()
        for rel in sorted(stale):
            if (root / rel).exists():
                yield Finding("drift", "DRIFT-STALE", Severity.ERROR, str(root / rel), 0, 0,
                              "is no longer generated; run `make site` to remove it")
