"""Golden outputs: what each test policy generates, kept in tests/golden/<policy>/.

Regenerate them with `make golden` (python -m tests.golden), then read the diff.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
from collections.abc import Mapping
from functools import cache
from importlib import resources
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
    """The generated files as the golden tree holds them, for a reader to review.

    A file that is an exact copy of one in shop_policy/static/ (a stylesheet, the toolkit's
    script) stands as a one-line pointer to it, so the golden tree holds only what the
    policy decides, not a copy of those files for every locale. A theme override that
    patches one of Material's templates stands as the patch: a unified diff against
    Material's file, named <file>.diff. JSON inside a page (structured data, the
    advisor's table) is laid out on lines of its own. Each of these stands for exactly
    one generated text, so the golden test still sees every change."""
    view = {}
    for rel, text in files.items():
        shown = _pointer(rel, text)
        if shown == text and (patch := _material_patch(rel, text)) is not None:
            rel, shown = f"{rel}.diff", patch
            assert rel not in files, f"{rel} is generated, and stands for {rel[:-5]} too"
        view[rel] = _laid_out_json(shown)
    return view


MATERIAL = resources.files("material") / "templates"
OVERRIDES = "site_src/overrides/"


def _material_patch(rel: str, text: str) -> str | None:
    """A theme override as a unified diff against the Material template it overrides,
    or None if it overrides none (a file of our own, under shop_policy/static/)."""
    if not rel.startswith(OVERRIDES):
        return None
    name = rel.removeprefix(OVERRIDES)
    original = MATERIAL.joinpath(*name.split("/"))
    if not original.is_file():
        return None
    diff = difflib.unified_diff(original.read_text("utf-8").splitlines(keepends=True),
                                text.splitlines(keepends=True),
                                f"material/templates/{name}", rel)
    return "".join(diff) or f"(the same as material/templates/{name})\n"


# JSON in a <script> of a page, as Jinja's |tojson writes it: keys sorted, text as it is
# but <, >, & and ' escaped, so that it cannot close its script.
JSON_SCRIPT = re.compile(r'(<script type="application/(?:ld\+)?json"[^>]*>)(.*?)(</script>)',
                         re.S)
WIDTH = 88  # the longest line of JSON laid out, as for the code


def _tojson(data: object) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("'", "\\u0027"))


def _lay_out(data: object, indent: str = "", lead: int = 0) -> str:
    """JSON as _tojson writes it, laid out: each member of an object or list that holds
    others on a line of its own; one of plain values on one line if it fits, else a long
    list as many to a line as fit, a long object a member to a line."""
    line = _tojson(data)
    nested = isinstance(data, dict | list) and any(
        isinstance(v, dict | list) for v in (data.values() if isinstance(data, dict) else data))
    if not nested and len(indent) + lead + len(line) + 1 <= WIDTH:  # "lead": a key
        return line
    inner = indent + "  "
    if isinstance(data, list) and not nested:  # plain values, as many to a line as fit
        lines = [inner]
        for value in data:
            item = _tojson(value) + ","
            if lines[-1] != inner and len(lines[-1]) + 1 + len(item) > WIDTH:
                lines.append(inner)
            lines[-1] += item if lines[-1] == inner else f" {item}"
        return "[\n" + "\n".join(lines)[:-1] + f"\n{indent}]"
    if isinstance(data, dict):
        members = [f"{inner}{_tojson(k)}: {_lay_out(v, inner, len(_tojson(k)) + 2)}"
                   for k, v in sorted(data.items())]
        return "{\n" + ",\n".join(members) + f"\n{indent}}}"
    if isinstance(data, list):
        return "[\n" + ",\n".join(f"{inner}{_lay_out(v, inner)}" for v in data) + f"\n{indent}]"
    return line


def _laid_out_json(text: str) -> str:
    """Each JSON object or list in a <script> laid out on lines of its own. Only JSON
    written exactly as |tojson writes it is laid out, so a change in how the generator
    writes it shows as a change here too."""
    def lay_out(block: re.Match[str]) -> str:
        start, raw, end = block.groups()
        try:
            data = json.loads(raw)
        except ValueError:
            return block[0]
        shown = f"\n{_lay_out(data)}\n"
        if shown.count("\n") == 2:  # short enough for one line: shown as it is
            return block[0]
        if raw == _tojson(data):
            return start + shown + end
        if raw == shown:
            raise ValueError("JSON in a page is written as the golden tree lays it out: "
                             "tests/golden.py cannot tell the two apart; change how it "
                             "shows JSON")
        return block[0]

    return JSON_SCRIPT.sub(lay_out, text)


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
