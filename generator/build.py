"""The build step: the only module that knows about the site engine (mkdocs + Material)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment

from generator.errors import BuildError
from generator.model import Policy
from generator.paths import Paths
from generator.render import render
from generator.site import config_name as site_config
from generator.toolkit import config_name as toolkit_config
from generator.writer import atomic_write


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


def build_sites(policy: Policy, env: Environment, paths: Paths) -> None:
    """Build the public site and the toolkit, one per locale, then the redirecting index."""
    jobs = []
    for locale in policy.shop.locales:
        jobs.append((paths.site_src / site_config(locale), paths.site / locale))
        jobs.append((paths.site_src / toolkit_config(locale), paths.toolkit / locale))
    _run_mkdocs(policy, jobs)
    default = policy.shop.default_locale
    for folder in (paths.site, paths.toolkit):
        index = render(env, "site/redirect.html.j2", shop=policy.shop.name,
                       target=f"{default}/", lang=default)
        target = folder / "index.html"
        if not target.exists() or target.read_text("utf-8") != index:
            atomic_write(target, index.encode("utf-8"))


def _run_mkdocs(policy: Policy, jobs: list[tuple[Path, Path]]) -> None:
    """Build each (config, output folder) with mkdocs in strict mode."""
    # Imported here: loading mkdocs costs time that validate and generate do not need.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        with _build_environment(policy):
            for config_file, output in jobs:
                try:
                    config = load_config(str(config_file), strict=True,
                                         site_dir=str(output.resolve()))
                    build(config)
                except MkDocsException as exc:
                    details = "\n".join(f"  {m}" for m in collect.messages)
                    raise BuildError(f"{config_file}: did not build: {exc}\n{details}"
                                     .rstrip()) from None
    finally:
        logger.removeHandler(collect)
