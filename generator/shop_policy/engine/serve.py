"""Live preview: rebuild and reload the browser when the policy or a template changes."""

from __future__ import annotations

import logging
from pathlib import Path

from shop_policy.errors import PolicyError, ShopPolicyError
from shop_policy.paths import Paths
from shop_policy.pipeline import build
from shop_policy.resources import TEMPLATES

log = logging.getLogger("mkdocs.shop_policy")


def serve(policy_path: Path, paths: Paths, *, port: int, host: str = "127.0.0.1") -> None:
    from mkdocs.livereload import LiveReloadServer

    def rebuild() -> None:
        try:
            build(policy_path, paths)
        except PolicyError as exc:
            for problem in exc.problems:
                log.error(str(problem))
            log.error("fix the policy file and save it again; the preview shows the last "
                      "good build")
        except ShopPolicyError as exc:
            log.error(str(exc))

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rebuild()
    paths.site.mkdir(parents=True, exist_ok=True)
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(paths.site))
    for path in (policy_path, TEMPLATES, paths.base_config):
        server.watch(str(path))
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("stopped")
    finally:
        server.shutdown()
