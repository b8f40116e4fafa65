"""Live preview: rebuild and reload the browser when the policy or a template changes."""

from __future__ import annotations

import logging
from pathlib import Path

from generator.errors import PolicyError, ShopPolicyError
from generator.pipeline import build

TEMPLATES = Path(__file__).parent / "templates"
log = logging.getLogger("mkdocs.shop_policy")


def serve(policy_path: Path, *, site_src: Path, site_dir: Path, base_config: Path,
          port: int, host: str = "127.0.0.1") -> None:
    from mkdocs.livereload import LiveReloadServer

    def rebuild() -> None:
        try:
            build(policy_path, site_src=site_src, site_dir=site_dir, base_config=base_config)
        except PolicyError as exc:
            for problem in exc.problems:
                log.error(str(problem))
            log.error("fix the policy file and save it again; the preview shows the last "
                      "good build")
        except ShopPolicyError as exc:
            log.error(str(exc))

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rebuild()
    site_dir.mkdir(parents=True, exist_ok=True)
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(site_dir))
    for path in (policy_path, TEMPLATES, base_config):
        server.watch(str(path))
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("stopped")
    finally:
        server.shutdown()
