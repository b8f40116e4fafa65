"""What each optimisation buys: the full build with one of them taken out at a time.

Each variant runs `shop-policy build --timings` in a fresh project folder, in a process
that first switches one optimisation off; the table gives medians of several runs and
the ratio to the build as shipped. Run it alone with `python -m tests.bench_optimisations`
(`make bench` includes it).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from shop_policy.pipeline import READ, RENDER, SITES

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "policies" / "shop.yaml"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

# What is switched off, and how (Python run before the command).
VARIANTS: dict[str, str] = {
    "as shipped": "",
    "no forked child: every locale rendered in this process":
        "import shop_policy.pipeline as p\n"
        "p.split_map = lambda function, items: [function(i) for i in items]",
    "no naming of every language before forking":
        "import shop_policy.pipeline as p\np.language_names = lambda locales: None",
    "no gc.freeze while reading and rendering":
        "import gc\ngc.freeze = gc.unfreeze = lambda: None",
    "no shared compiled templates between the mkdocs builds":
        "import shop_policy.engine.mkdocs as m\n"
        "m.TemplateCache.on_env = lambda self, env, /, **kwargs: env",
    "no shared theme file list between the mkdocs builds of a process":
        "import shop_policy.engine.mkdocs as m\n"
        "m._add_files_from_theme = m._LIST_THEME",
    "no shared word lists for the search index":
        "import shop_policy.engine.mkdocs as m\nm._TRANSLATE = None",
    "no libyaml parser for the policy file (the pure-Python one)":
        "import shop_policy.read.load as l\nl._fast_compose = lambda text: None",
}


def one_build(folder: Path, patch: str) -> tuple[float, dict[str, float]]:
    script = f"{patch}\nfrom shop_policy.cli import main\nmain(['build', '--timings'])\n"
    os.sync()
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script], cwd=folder, env=ENV, check=True,
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    phases = {name.strip(): float(value.split()[0]) for name, value in
              (line.rsplit("  ", 1) for line in done.stderr.splitlines() if "  " in line)}
    return wall, phases


def measure(base: Path, runs: int) -> list[tuple[str, float, float, float, float]]:
    """(variant, median wall s, then the median read, render and sites phases) for every
    variant; the
    variants take turns, so that a slow spell of the machine falls on all of them."""
    results: dict[str, list[tuple[float, dict[str, float]]]] = {v: [] for v in VARIANTS}
    for number in range(runs):
        for index, (name, patch) in enumerate(VARIANTS.items()):
            folder = base / f"v{index}-{number}"
            (folder / "policies").mkdir(parents=True)
            (folder / "policies" / "shop.yaml").write_text(EXAMPLE.read_text("utf-8"))
            (folder / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text("utf-8"))
            results[name].append(one_build(folder, patch))
    return [(name, statistics.median(w for w, _ in got),
             *(statistics.median(p[phase] for _, p in got) for phase in (READ, RENDER, SITES)))
            for name, got in results.items()]


def table(rows: list[tuple[str, float, float, float, float]]) -> str:
    shipped = rows[0][1]
    width = max(len(name) for name, *_ in rows)
    lines = [f"{'full build, 7 locales, with':<{width}}  {'wall s':>6}  {'read s':>6}  "
             f"{'render s':>8}  {'sites s':>7}  ratio",
             f"{'-' * width}  ------  ------  --------  -------  -----"]
    lines += [f"{name:<{width}}  {wall:>6.2f}  {read:>6.3f}  {render:>8.3f}  {sites:>7.2f}  "
              f"{wall / shipped:.2f}" for name, wall, read, render, sites in rows]
    return "\n".join(lines)


def main(runs: int = 5) -> None:
    with tempfile.TemporaryDirectory(prefix="shop-policy-bench-opt-") as scratch:
        print(table(measure(Path(scratch), runs)))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
