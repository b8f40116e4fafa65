"""What the browser tests share: a Chromium (Debian's, or Playwright's own), the built
example served on a free port, and a page that records every error it meets. Loaded
for every test module by conftest.py; without a Chromium the tests fail, naming the
command that installs one."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import build_project

NO_CHROMIUM = ("no Chromium found: install Debian's (`sudo apt-get install chromium`) or "
               "Playwright's (`.venv/bin/playwright install chromium`)")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def site_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(tmp_path_factory.mktemp("browser"))


def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def base_url(site_root: Path) -> Iterator[str]:
    server, url = serve(site_root)
    yield url
    server.shutdown()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def find_chromium(candidates: Iterable[str | None]) -> str:
    """The first candidate that is a file; without one the test fails (never skips),
    naming the command that installs a Chromium."""
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.fail(NO_CHROMIUM, pytrace=False)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = find_chromium([shutil.which("chromium"), shutil.which("chromium-browser"),
                                  "/usr/bin/chromium", playwright.chromium.executable_path])
        instance = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: object, base_url: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("requestfailed", lambda r: page.problems.append(f"failed: {r.url}"))
    yield page
    context.close()


