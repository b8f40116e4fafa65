"""The live preview rebuilds the page after the policy file is saved."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import fetch, free_port


def wait_for(url: str, text: str, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.2)
    return False


@pytest.mark.slow
def test_serve_rebuilds_when_the_policy_changes(project: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "shop_policy", "serve", "--port", str(port)],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/en/policy/"
    try:
        assert wait_for(url, "within 30 days of the day it is delivered")
        policy = project / "policies" / "shop.yaml"
        policy.write_text(policy.read_text("utf-8").replace("window_days: 30",
                                                            "window_days: 45"), "utf-8")
        assert wait_for(url, "within 45 days of the day it is delivered")
        # A broken save keeps the last good page and reports the problem.
        policy.write_text(policy.read_text("utf-8").replace("currency: EUR",
                                                            "currency: EUX"), "utf-8")
        time.sleep(2)
        assert "within 45 days" in fetch(url)
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0]
    assert "shop.currency: 'EUX' is not a known currency" in output
    assert "Traceback" not in output
