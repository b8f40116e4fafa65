"""The build step: the only module that knows about the site engine (mkdocs + Material)."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from material.plugins.search.plugin import SearchPlugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from shop_policy.engine.theme import DEFAULT_BASE, site_config_name, toolkit_config_name
from shop_policy.errors import BuildError
from shop_policy.parallel import parallel_map
from shop_policy.paths import Paths
from shop_policy.read.model import Policy
from shop_policy.write.files import file_digest
from shop_policy.write.journal import STATE_FILE
from shop_policy.write.manifest import Built, Content, Kept, Survey


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


# The theme's static files, by theme folders: (path, folder it comes from). Listing them
# walks every file of the theme and matches each against mkdocs' patterns, about a third
# of a site's build; every locale's site has the same theme, so each process lists it
# once per build (bench: "no shared theme file list").
_THEME_FILES: dict[tuple[tuple[str, ...], tuple[str, ...]], list[tuple[str, str]]] = {}


def _add_files_from_theme(self: Files, env: Environment, config: MkDocsConfig) -> None:
    """mkdocs' `Files.add_files_from_theme`, listing the theme once per build."""
    key = (tuple(config.theme.dirs), tuple(config.theme.static_templates))
    if key not in _THEME_FILES:
        listed = Files([])
        _LIST_THEME(listed, env, config)
        _THEME_FILES[key] = [(file.src_uri, file.src_dir or "") for file in listed]
    for path, folder in _THEME_FILES[key]:
        if self.get_file_from_path(path) is None:  # the docs' own file wins, as in mkdocs
            self.append(File(path, folder, config.site_dir, config.use_directory_urls))


_LIST_THEME = Files.add_files_from_theme

# Material's search plugin looks up three of the theme's words for each site (the index's
# language, separator and pipeline), compiling the language's word list each time in a
# fresh environment; each process compiles it once per build and language (bench: "no
# shared word lists for the search index").
_WORD_LISTS: dict[tuple[tuple[str, ...], str], Any] = {}


def _search_words(self: SearchPlugin, config: MkDocsConfig, value: str) -> str:
    """Material's SearchPlugin._translate, compiling the word list once."""
    key = (tuple(config.theme.dirs), str(config.theme["language"]))
    if key not in _WORD_LISTS:
        env = config.theme.get_env()
        _WORD_LISTS[key] = env.get_template("partials/language.html", None,
                                            {"config": config}).module
    return _WORD_LISTS[key].t(value)


_TRANSLATE = getattr(SearchPlugin, "_translate", None)


@contextmanager
def _build_environment(policy: Policy) -> Iterator[None]:
    """Pin the engine's clock to the policy's effective date, so builds repeat exactly;
    share the theme's file list between the sites built in one process."""
    effective = datetime.combine(policy.version.effective_date, datetime.min.time(), UTC)
    saved = {k: os.environ.get(k) for k in ("SOURCE_DATE_EPOCH", "NO_MKDOCS_2_WARNING")}
    os.environ["SOURCE_DATE_EPOCH"] = str(int(effective.timestamp()))
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    Files.add_files_from_theme = _add_files_from_theme  # type: ignore[method-assign]
    if _TRANSLATE is not None:  # a later Material may look its words up otherwise
        SearchPlugin._translate = _search_words  # type: ignore[method-assign]
    try:
        yield
    finally:
        Files.add_files_from_theme = _LIST_THEME  # type: ignore[method-assign]
        if _TRANSLATE is not None:
            SearchPlugin._translate = _TRANSLATE  # type: ignore[method-assign]
        _THEME_FILES.clear()  # the next build may have other overrides
        _WORD_LISTS.clear()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def build_sites(policy: Policy, paths: Paths, sources: dict[str, str],
                scratch: Path, surveys: dict[Path, Survey], *, force: bool = False
                ) -> tuple[dict[Path, dict[str, Content]], dict[str, str]]:
    """Build the public site and the toolkit (the folders in `surveys`), one per locale,
    into `scratch`/site and `scratch`/toolkit, and list each output folder's files.

    The sources are the site_src files as rendered in memory, already written to
    `scratch`/site_src. A site whose inputs did not change since the last build, and
    whose files are all still there as recorded, is kept as it is instead of being built
    again. Returns the files and the inputs' fingerprints, to save with them.
    """
    previous = _read_state(paths)
    state: dict[str, str] = {}
    files: dict[Path, dict[str, Content]] = {root: {} for root in surveys}
    jobs = []
    for folder, root, config_name, prefix in _outputs(paths):
        if root not in surveys:
            state |= {k: v for k, v in previous.items() if k.startswith(f"{folder}/")}
            continue
        for locale in policy.shop.locales:
            config, key = config_name(locale), f"{folder}/{locale}"
            state[key] = _fingerprint(policy, sources, config, f"{prefix}{locale}/", paths)
            kept = _unchanged_site(surveys[root], f"{locale}/")
            if previous.get(key) == state[key] and kept and not force:
                files[root] |= kept
            else:
                jobs.append((config, scratch / folder / locale))
    digests = _run_mkdocs(policy, jobs, real=paths.site_src,
                          staged=scratch / "site_src") if jobs else {}
    for folder, root, _, _ in _outputs(paths):
        built = scratch / folder
        if root in surveys and built.is_dir():
            files[root] |= {p.relative_to(built).as_posix(): Built(p, digests.get(str(p)))
                            for p in built.rglob("*") if p.is_file()}
    return files, state


def _outputs(paths: Paths) -> list[tuple[str, Path, Callable[[str], str], str]]:
    return [("site", paths.site, site_config_name, ""),
            ("toolkit", paths.toolkit, toolkit_config_name, "toolkit/")]


def _unchanged_site(folder: Survey, prefix: str) -> dict[str, Content]:
    """The recorded files of one built site, if every one of them is still there."""
    recorded = {rel: sha for rel, sha in folder.recorded.items() if rel.startswith(prefix)}
    if not recorded or not all(rel in folder.files for rel in recorded):
        return {}
    return {rel: Kept(sha) for rel, sha in recorded.items()}


def state_bytes(state: dict[str, str]) -> bytes:
    return (json.dumps(state, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _state_path(paths: Paths) -> Path:
    return paths.anchor / STATE_FILE


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
        parts.append(sources.get(DEFAULT_BASE, ""))  # the packaged default look
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def _run_mkdocs(policy: Policy, jobs: list[tuple[str, Path]], *, real: Path,
                staged: Path) -> dict[str, str]:
    """Build each (config name, output folder) with mkdocs in strict mode, in parallel on
    the machine's cores (forked workers share the imports already loaded). Returns the
    SHA-256 of every file built, by path: each worker hashes its own site while the
    files are fresh, on its own core, for the manifest."""
    import mkdocs.commands.build  # noqa: F401 - loaded once, before the workers fork

    tasks = [(name, output, real, staged) for name, output in jobs]
    with _build_environment(policy):
        results = parallel_map(_build_one, tasks)
    failures = [result for result in results if isinstance(result, str)]
    if failures:
        raise BuildError("\n".join(failures))
    return {path: sha for result in results if isinstance(result, dict)
            for path, sha in result.items()}


class TemplateCache(BasePlugin):  # type: ignore[type-arg]
    """Keep the theme's compiled templates between builds: every locale's build uses the
    same Material templates, so only the first one needs to compile them."""

    def on_env(self, env: Environment, /, *, config: object, files: object) -> Environment:
        env.bytecode_cache = FileSystemBytecodeCache()
        return env


def _build_one(task: tuple[str, Path, Path, Path]) -> str | dict[str, str]:
    """Build one site. The config is read from the staged copy but under its real name,
    so that its INHERIT line finds the project's mkdocs.yml. Returns what went wrong,
    or the digest of each file built."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    name, output, real, staged = task
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        stream = io.BytesIO((staged / name).read_bytes())
        # The packaged default look is a source like the others; the project's own
        # mkdocs.yml is found from where the config will lie.
        home = staged if (staged / DEFAULT_BASE).is_file() else real
        stream.name = str(home / name)  # type: ignore[attr-defined]
        config = load_config(stream, config_file_path=str(staged / name), strict=True,
                             site_dir=str(output.resolve()))
        config.plugins["shop-policy-template-cache"] = TemplateCache()
        build(config)
    except MkDocsException as exc:
        details = "\n".join(f"  {m}" for m in collect.messages)
        return f"{real / name}: did not build: {exc}\n{details}".rstrip()
    except OSError as exc:
        # The engine names the theme file it was copying (inside the installed package):
        # name what was being built instead, which is what the seller can act on.
        why = ("the disk is full; free some space and build again" if exc.errno in
               (errno.ENOSPC, errno.EDQUOT) else f"{exc.strerror}; check the folder {output}")
        return f"{real / name}: could not be built: {why} (nothing was changed)"
    finally:
        logger.removeHandler(collect)
    return {str(path): file_digest(path) for path in output.rglob("*") if path.is_file()}
