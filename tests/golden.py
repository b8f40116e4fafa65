"""Golden outputs: what each test policy generates, kept in tests/golden/<policy>/.

Regenerate them with `make golden` (python -m tests.golden), then read the diff.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

from shop_policy.paths import Paths
from shop_policy.pipeline import render_all
from shop_policy.read.validate import read_policy

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GOLDEN = HERE / "golden"
CASES = {
    "example": ROOT / "policies" / "shop.yaml",
    "minimal": HERE / "policies" / "minimal.yaml",
    "strict": HERE / "policies" / "strict.yaml",
    "fees": HERE / "policies" / "fees.yaml",
    "hostile": HERE / "policies" / "hostile.yaml",
}


STATIC = ROOT / "generator" / "shop_policy" / "static"


def render(policy_path: Path) -> dict[str, str]:
    """The generated files of one policy, by path relative to the project root."""
    policy = read_policy(policy_path)
    outputs = render_all(policy, Paths())
    return {f"{root.as_posix()}/{rel}": text
            for root, files in outputs.items() for rel, text in files.items()}


@cache
def render_case(policy_path: Path) -> Mapping[str, str]:
    """render(policy_path), rendered once for the whole test run: a read-only mapping,
    shared by every test module that looks at the same policy's files."""
    return MappingProxyType(render(policy_path))


def golden_view(files: Mapping[str, str]) -> dict[str, str]:
    """The generated files as the golden tree holds them.

    A file that is an exact copy of one in shop_policy/static/ (a stylesheet, the toolkit's
    script) stands as a one-line pointer to it, so the golden tree holds only what the
    policy decides, not a copy of those files for every locale."""
    return {rel: _pointer(rel, text) for rel, text in files.items()}


def _pointer(rel: str, text: str) -> str:
    for source in STATIC.rglob("*"):
        name = source.relative_to(STATIC).as_posix()
        if (rel == name or rel.endswith(f"/{name}")) and source.is_file() \
                and source.read_text("utf-8") == text:
            return f"(the same as generator/shop_policy/static/{name})\n"
    return text


def main() -> None:
    for name, path in CASES.items():
        target = GOLDEN / name
        shutil.rmtree(target, ignore_errors=True)
        for rel, text in golden_view(render_case(path)).items():
            out = target / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
