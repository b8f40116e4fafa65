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
from generator.render import render
from generator.site import config_name
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


def build_site(policy: Policy, env: Environment, *, site_src: Path, site_dir: Path) -> None:
    """Build one site per locale into site_dir/<locale>/, then the redirecting index."""
    # Imported here: loading mkdocs costs time that validate and generate do not need.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        with _build_environment(policy):
            for locale in policy.shop.locales:
                config_file = site_src / config_name(locale)
                try:
                    config = load_config(str(config_file), strict=True,
                                         site_dir=str((site_dir / locale).resolve()))
                    build(config)
                except MkDocsException as exc:
                    details = "\n".join(f"  {m}" for m in collect.messages)
                    raise BuildError(f"{config_file}: the site for '{locale}' did not build: "
                                     f"{exc}\n{details}".rstrip()) from None
    finally:
        logger.removeHandler(collect)
    default = policy.shop.default_locale
    index = render(env, "site/redirect.html.j2", shop=policy.shop.name, target=f"{default}/",
                   lang=default)
    target = site_dir / "index.html"
    if not target.exists() or target.read_text("utf-8") != index:
        atomic_write(target, index.encode("utf-8"))
