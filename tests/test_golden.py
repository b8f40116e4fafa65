"""Generated sources match the reviewed golden files (regenerate: make golden)."""

from __future__ import annotations

import json

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


def test_json_in_a_page_is_laid_out_and_every_change_to_it_shows() -> None:
    from jinja2.utils import htmlsafe_json_dumps

    data = {"table": {"rules": [{"when": {"reason": ["late"]}}] * 3, "days": 30},
            "text": "<b>Tom's</b> & Co"}
    tojson = str(htmlsafe_json_dumps(data, sort_keys=True, ensure_ascii=False))
    written = [tojson,  # as |tojson writes it, and four other ways to write the same
               json.dumps(data, sort_keys=True, ensure_ascii=False),
               json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1),
               tojson.replace(": ", ":"), json.dumps(data),
               tojson.replace("30", "31")]  # and other data
    page = '<script type="application/json" id="sp-data">{}</script>\n'
    shown = [golden_view({"a.md": page.format(raw)})["a.md"] for raw in written]
    assert len(set(shown)) == len(written)
    assert shown[0].count("\n") > 10 and "\\u0027s\\u003c/b\\u003e \\u0026 Co" in shown[0]
    assert shown[1:5] == [page.format(raw) for raw in written[1:5]], "shown as written"
    with pytest.raises(ValueError, match="cannot tell the two apart"):
        golden_view({"a.md": shown[0]})
