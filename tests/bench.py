"""`make bench`: how long shop-policy takes, as a table of medians and ratios.

Every measurement runs the real commands in scratch folders; nothing in the project is
touched. Times are wall-clock medians on this machine, so read the ratios, not the
seconds. Run it with: make bench (or python -m tests.bench [--quick]).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from shop_policy.pipeline import GENERATION, SITES
from tests import bench_optimisations
from tests.conftest import example_locales, fetch, free_port

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "policies" / "shop.yaml"
MINIMAL = ROOT / "tests" / "policies" / "minimal.yaml"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
EXAMPLE_LOCALES = example_locales()
WITH_VARIANTS = [*EXAMPLE_LOCALES, "en_GB", "en_IE", "en_AU", "de_AT", "de_CH", "fr_BE",
                 "fr_CA", "fr_CH", "es_MX", "es_AR", "nl_BE", "ar_EG", "pl_PL"]


def run(args: list[str], cwd: Path) -> None:
    subprocess.run(args, cwd=cwd, env=ENV, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.PIPE)


def shop_policy(*args: str) -> list[str]:
    return [sys.executable, "-m", "shop_policy", *args]


def median(action: Callable[[], None], runs: int, before: Callable[[], None] | None = None
           ) -> float:
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def project(base: Path, name: str, policy_text: str) -> Path:
    folder = base / name
    (folder / "policies").mkdir(parents=True)
    (folder / "policies" / "shop.yaml").write_text(policy_text, "utf-8")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


def with_locales(text: str, locales: list[str]) -> str:
    listed = ", ".join(locales)
    return re.sub(r"  locales: \[.*\]", f"  locales: [{listed}]\n"
                  "  fallback_to_default_locale: true", text, count=1)


def clean(folder: Path) -> Callable[[], None]:
    def remove() -> None:
        for name in ("site_src", "snippets", "site", "toolkit"):
            shutil.rmtree(folder / name, ignore_errors=True)
    return remove


def static_i18n_project(example: Path, base: Path) -> Path:
    """The same generated pages, laid out for mkdocs-static-i18n (one build, suffixes)."""
    folder = base / "static-i18n"
    docs = folder / "docs"
    docs.mkdir(parents=True)
    for locale in EXAMPLE_LOCALES:
        for page in (example / "site_src" / locale).glob("*.md"):
            suffix = "" if locale == "en" else f".{locale}"
            (docs / f"{page.stem}{suffix}.md").write_text(page.read_text("utf-8"), "utf-8")
    (docs / "assets").mkdir()
    shutil.copy(example / "site_src" / "en" / "assets" / "shop-policy.css",
                docs / "assets" / "shop-policy.css")
    languages = "\n".join(
        f"        - locale: {locale}\n          name: {locale}\n          build: true"
        + ("\n          default: true" if locale == "en" else "") for locale in EXAMPLE_LOCALES)
    (folder / "mkdocs.yml").write_text(f"""site_name: Fern & Kiln
site_url: https://fernandkiln.example/policies/
theme:
  name: material
  font: false
markdown_extensions: [attr_list, admonition, toc]
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
{languages}
""", "utf-8")
    return folder


def timed_builds(base: Path, policy_text: str, runs: int
                 ) -> tuple[float, float, dict[str, float]]:
    """Full builds with --timings, each in a new project folder (a fresh checkout): the
    median wall-clock time, the median share of each run's time that went to generation
    (its read, render and write phases, as the build itself measured them), and the
    median seconds of every phase."""
    walls, shares, phases = [], [], {}
    for number in range(runs):
        folder = project(base, f"fresh-{number}", policy_text)
        os.sync()  # the previous run's writes are not this run's cost
        start = time.perf_counter()
        done = subprocess.run(shop_policy("build", "--timings"), cwd=folder, env=ENV,
                              check=True, capture_output=True, text=True)
        wall = time.perf_counter() - start
        seconds = {name.strip(): float(value.split()[0]) for name, value in
                   (line.rsplit("  ", 1) for line in done.stderr.splitlines())}
        for name, value in seconds.items():
            phases.setdefault(name, []).append(value)
        walls.append(wall)
        shares.append(sum(seconds[name] for name in GENERATION) / wall)
    return (statistics.median(walls), statistics.median(shares),
            {name: statistics.median(values) for name, values in phases.items()})


def in_process_generation(folder: Path, runs: int) -> float:
    """Generation alone, timed inside a process that has already imported everything."""
    script = (
        "import shutil, statistics, sys, time\n"
        "from pathlib import Path\n"
        "from shop_policy.paths import Paths\n"
        "from shop_policy.pipeline import generate\n"
        "root = Path(sys.argv[1]); times = []\n"
        "for _ in range(int(sys.argv[2])):\n"
        "    for name in ('site_src', 'snippets'):\n"
        "        shutil.rmtree(root / name, ignore_errors=True)\n"
        "    start = time.perf_counter()\n"
        "    generate(root / 'policies/shop.yaml', Paths(site_src=root / 'site_src',\n"
        "             snippets=root / 'snippets', base_config=root / 'mkdocs.yml'))\n"
        "    times.append(time.perf_counter() - start)\n"
        "print(statistics.median(times))\n")
    done = subprocess.run([sys.executable, "-c", script, str(folder), str(runs)], cwd=ROOT,
                          env=ENV, check=True, capture_output=True, text=True)
    return float(done.stdout.strip())






def preview_latency(folder: Path, runs: int) -> float:
    """Seconds from saving the policy file to the live preview serving the new page."""
    port = free_port()
    server = subprocess.Popen(shop_policy("serve", "--port", str(port)), cwd=folder, env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/en/policy/"
    policy = folder / "policies" / "shop.yaml"
    try:
        deadline = time.monotonic() + 120
        while "within 30 days" not in fetch(url):
            if time.monotonic() > deadline:
                raise RuntimeError("the preview did not start")
            time.sleep(0.1)
        times = []
        days = 30
        for _ in range(runs):
            text = policy.read_text("utf-8")
            days += 1
            new = re.sub(r"window_days: \d+", f"window_days: {days}", text, count=1)
            start = time.perf_counter()
            policy.write_text(new, "utf-8")
            while f"within {days} days" not in fetch(url):
                if time.perf_counter() - start > 120:
                    raise RuntimeError("the preview did not rebuild")
                time.sleep(0.02)
            times.append(time.perf_counter() - start)
        return statistics.median(times)
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one run of each")
    runs = 1 if parser.parse_args().quick else 3
    example_text = EXAMPLE.read_text("utf-8")
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="shop-policy-bench-") as scratch:
        base = Path(scratch)
        example = project(base, "example", example_text)

        generate = median(lambda: run(shop_policy("generate"), example), runs + 2,
                          clean(example))
        in_process = in_process_generation(example, runs + 2)
        build, share, phases = timed_builds(base, example_text, runs + 2)
        generation = sum(phases[name] for name in GENERATION)
        run(shop_policy("build"), example)  # built once, then rebuilt with nothing changed
        rebuild = median(lambda: run(shop_policy("build"), example), runs)
        rows += [("generate sources, 7 locales (fresh), whole command", generate, "1.00"),
                 ("the same generation inside one running process", in_process,
                  f"{in_process / generate:.2f} x the command"),
                 ("make site equivalent: generate + build, 7 locales (new folder)", build,
                  f"{build / generate:.2f} x generate"),
                 ("  in it, generation: read + render + write (build --timings)",
                  generation, f"{share:.0%} of the full build"),
                 ("  in it, building the 14 sites with mkdocs", phases[SITES],
                  f"{phases[SITES] / build:.0%} of the full build"),
                 ("the same again, nothing changed", rebuild,
                  f"{rebuild / build:.2f} x full build")]

        def bare() -> None:
            for locale in EXAMPLE_LOCALES:
                run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                     f"site_src/mkdocs.{locale}.yml", "-d", str(base / "bare" / locale)],
                    example)
        bare_time = median(bare, runs)
        rows.append(("bare `mkdocs build` of the same sources, locale by locale",
                     bare_time, f"full build is {build / bare_time:.2f} x this"))

        public = median(lambda: run(shop_policy("build", "--public-only"), example), runs,
                        clean(example))
        rows.append(("generate + build the public site only, 7 locales", public,
                     f"{public / build:.2f} x full build"))
        i18n = static_i18n_project(example, base)
        i18n_time = median(lambda: run([sys.executable, "-m", "mkdocs", "build", "-q"], i18n),
                           runs)
        rows.append(("mkdocs-static-i18n, the same public pages, one run", i18n_time,
                     f"public build is {public / i18n_time:.2f} x this"))

        # Scaling with the number of policies: generation, one process per policy set.
        minimal = MINIMAL.read_text("utf-8")
        per_policy = {}
        script = ("from pathlib import Path\nfrom shop_policy.paths import Paths\n"
                  "from shop_policy.pipeline import generate\nimport sys\n"
                  "for f in sys.argv[1:]:\n"
                  "    p = Path(f)\n"
                  "    generate(p / 'policies/shop.yaml', Paths(site_src=p / 'site_src', "
                  "snippets=p / 'snippets', base_config=p / 'mkdocs.yml'))\n")
        for count in (1, 10, 100):
            folders = [project(base / f"n{count}", f"p{i}", minimal) for i in range(count)]
            elapsed = median(lambda fs=folders: run(
                [sys.executable, "-c", script, *map(str, fs)], ROOT), 1)
            per_policy[count] = elapsed
            rows.append((f"generate {count} policies (1 locale each)", elapsed,
                         f"{elapsed / per_policy[1]:.1f} x one policy"))

        # Scaling with the number of locales: the full build.
        per_locale = {}
        for locales in (EXAMPLE_LOCALES[:1], EXAMPLE_LOCALES, WITH_VARIANTS):
            folder = project(base / f"l{len(locales)}", "p",
                             with_locales(example_text, locales))
            elapsed = median(lambda f=folder: run(shop_policy("build"), f), 1, clean(folder))
            per_locale[len(locales)] = elapsed
            rows.append((f"full build, {len(locales)} locales", elapsed,
                         f"{elapsed / per_locale[1]:.1f} x one locale"))

        latency = preview_latency(project(base, "preview", example_text), runs)
        rows.append(("live preview: save the policy -> new page served", latency,
                     f"{latency / build:.2f} x full build"))

    width = max(len(name) for name, _, _ in rows)
    print(f"{'measurement':<{width}}  {'median s':>9}  ratio")
    print(f"{'-' * width}  {'-' * 9}  {'-' * 30}")
    for name, seconds, ratio in rows:
        print(f"{name:<{width}}  {seconds:>9.2f}  {ratio}")
    print(f"\ngeneration is {share:.0%} of the full build, measured by the build itself "
          f"(target: under 10%); as a separate command, with Python's start-up and imports, "
          f"it takes {generate / build:.0%} of the build's time; "
          f"the public site takes {public / i18n_time:.2f} x mkdocs-static-i18n's time for the "
          f"same pages (target: under 1.00). Cores: {os.cpu_count()}.")
    print("\nWhat each optimisation buys (the full build with one taken out at a time):\n")
    bench_optimisations.main(runs + 2)


if __name__ == "__main__":
    main()
