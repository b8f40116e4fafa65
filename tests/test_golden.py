"""Generated sources match the reviewed golden files (regenerate: make golden)."""

from __future__ import annotations

import pytest

from tests.conftest import tree
from tests.golden import CASES, GOLDEN, golden_view, render, render_case


@pytest.mark.parametrize("name", sorted(CASES))
def test_matches_golden(name: str) -> None:
    rendered = {rel: text.encode("utf-8")
                for rel, text in golden_view(render_case(CASES[name])).items()}
    golden = tree(GOLDEN / name)
    assert sorted(rendered) == sorted(golden), "files differ; run `make golden` and review"
    for rel, data in rendered.items():
        assert data == golden[rel], f"{name}/{rel} differs; run `make golden` and review"


@pytest.mark.parametrize("name", sorted(CASES))
def test_rendering_is_deterministic(name: str) -> None:
    """A second rendering, not the cached one, gives the same files."""
    assert render(CASES[name]) == render_case(CASES[name])
