"""The build step: the only module that knows about the site engine (mkdocs + Material)."""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.plugins import BasePlugin

from generator.errors import BuildError
from generator.model import Policy
from generator.parallel import parallel_map
from generator.paths import Paths
from generator.render import render
from generator.site import config_name as site_config
from generator.toolkit import config_name as toolkit_config
from generator.writer import atomic_write

STAGE_PREFIX = ".shop-policy-build-"
STATE_FILE = ".shop-policy-state.json"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _build_environment(policy: Policy) -> Iterator[None]:
    """Pin the engine's clock to the policy's effective date, so builds repeat exactly."""
    effective = datetime.combine(policy.version.effective_date, datetime.min.time(), UTC)
    saved = {k: os.environ.get(k) for k in ("SOURCE_DATE_EPOCH", "NO_MKDOCS_2_WARNING")}
    os.environ["SOURCE_DATE_EPOCH"] = str(int(effective.timestamp()))
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def build_sites(policy: Policy, env: Environment, paths: Paths, sources: dict[str, str],
                stage: Path, *, toolkit: bool = True) -> dict[str, str]:
    """Build the public site and the toolkit, one per locale, into `stage`.

    The sources are the site_src files as rendered in memory, already written to
    `stage`/site_src: the real site_src/, site/ and toolkit/ are only touched once
    everything has built. A site whose inputs did not change since the last build is
    linked from the current one instead of being built again. Returns the inputs'
    fingerprints, to save once the new sites are in place.
    """
    staged_src = stage / "site_src"
    previous = _read_state(paths)
    state: dict[str, str] = {}
    jobs = []
    outputs = [("site", paths.site, site_config, "")]
    if toolkit:
        outputs.append(("toolkit", paths.toolkit, toolkit_config, "toolkit/"))
    for locale in policy.shop.locales:
        for folder, real_folder, config_name, prefix in outputs:
            config = config_name(locale)
            key = f"{folder}/{locale}"
            state[key] = _fingerprint(policy, sources, config, f"{prefix}{locale}/", paths)
            current = real_folder / locale
            if previous.get(key) == state[key] and current.is_dir():
                shutil.copytree(current, stage / folder / locale, copy_function=os.link)
            else:
                jobs.append((config, stage / folder / locale))
    if jobs:
        _run_mkdocs(policy, jobs, real=paths.site_src, staged=staged_src)
    default = policy.shop.default_locale
    index = render(env, "site/redirect.html.j2", shop=policy.shop.name,
                   target=f"{default}/", lang=default)
    for folder, _, _, _ in outputs:
        (stage / folder / "index.html").write_text(index, "utf-8")
    if not toolkit:
        state |= {k: v for k, v in previous.items() if k.startswith("toolkit/")}
    return state


def save_state(paths: Paths, state: dict[str, str]) -> None:
    atomic_write(_state_path(paths), (json.dumps(state, indent=2, sort_keys=True) + "\n")
                 .encode("utf-8"))


def _state_path(paths: Paths) -> Path:
    return paths.site.parent / STATE_FILE


def _read_state(paths: Paths) -> dict[str, str]:
    try:
        data = json.loads(_state_path(paths).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _fingerprint(policy: Policy, sources: dict[str, str], config: str, docs: str,
                 paths: Paths) -> str:
    """Everything one site's build depends on: its sources and config, the shared look
    (mkdocs.yml, theme overrides), the engine's versions and the pinned build date."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    parts = [config, sources[config], str(policy.version.effective_date),
             version("mkdocs"), version("mkdocs-material"), version("shop-policy")]
    parts += [f"{rel}\0{text}" for rel, text in sorted(sources.items())
              if rel.startswith((docs, "overrides/"))]
    try:
        parts.append(paths.base_config.read_text("utf-8"))
    except OSError:
        parts.append("")
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def _run_mkdocs(policy: Policy, jobs: list[tuple[str, Path]], *, real: Path,
                staged: Path) -> None:
    """Build each (config name, output folder) with mkdocs in strict mode, in parallel on
    the machine's cores (forked workers share the imports already loaded)."""
    import mkdocs.commands.build  # noqa: F401 - loaded once, before the workers fork

    tasks = [(name, output, real, staged) for name, output in jobs]
    with _build_environment(policy):
        failures = [f for f in parallel_map(_build_one, tasks) if f]
    if failures:
        raise BuildError("\n".join(failures))


class TemplateCache(BasePlugin):  # type: ignore[type-arg]
    """Keep the theme's compiled templates between builds: every locale's build uses the
    same Material templates, so only the first one needs to compile them."""

    def on_env(self, env: Environment, /, *, config: object, files: object) -> Environment:
        env.bytecode_cache = FileSystemBytecodeCache()
        return env


def _build_one(task: tuple[str, Path, Path, Path]) -> str | None:
    """Build one site. The config is read from the staged copy but under its real name,
    so that its INHERIT line finds the project's mkdocs.yml. Returns what went wrong."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    name, output, real, staged = task
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        stream = io.BytesIO((staged / name).read_bytes())
        stream.name = str(real / name)  # type: ignore[attr-defined]
        config = load_config(stream, config_file_path=str(staged / name), strict=True,
                             site_dir=str(output.resolve()))
        config.plugins["shop-policy-template-cache"] = TemplateCache()
        build(config)
    except MkDocsException as exc:
        details = "\n".join(f"  {m}" for m in collect.messages)
        return f"{real / name}: did not build: {exc}\n{details}".rstrip()
    finally:
        logger.removeHandler(collect)
    return None


@contextmanager
def staging(near: Path) -> Iterator[Path]:
    """A scratch folder beside the outputs (same disk, so renames are instant)."""
    near.parent.mkdir(parents=True, exist_ok=True)
    for old in near.parent.glob(f"{STAGE_PREFIX}*"):
        pid = old.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)  # left by a build that was killed
    stage = near.parent / f"{STAGE_PREFIX}{os.getpid()}"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir()
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def swap(new: Path, target: Path) -> None:
    """Put the freshly built folder in place of the old one, then drop the old one."""
    old = new.parent / f"old-{target.name}"
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
