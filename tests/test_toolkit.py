"""The toolkit is private: built apart, never linked from, never leaking into the site."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from shop_policy.cli import main
from tests.conftest import tree
from tests.golden import CASES, render_case


def test_build_keeps_the_toolkit_out_of_the_public_site(project: Path) -> None:
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    site, toolkit = project / "site", project / "toolkit"
    # Pages are files (the toolkit opens from the disk), not folders.
    assert (toolkit / "en" / "replies" / "return-accepted.html").is_file()
    assert (toolkit / "en" / "advisor.html").is_file()
    public = "\n".join(data.decode("utf-8") for name, data in tree(site).items()
                       if name.endswith((".html", ".json", ".xml"))
                       and "/assets/" not in name)
    assert "en/search/search_index.json" in tree(site)
    assert "[[" not in public, "no reply template text in the public site"
    assert "toolkit" not in public.lower()
    for note in ("Only for you", "Seller toolkit", "Evidence to gather",
                 "Stay polite and firm"):
        assert note not in public
    replies = sorted((project / "snippets" / "en" / "replies").glob("*.txt"))
    assert len(replies) >= 10
    for reply in replies:
        subject_line = reply.read_text("utf-8").splitlines()[2]
        assert subject_line not in public, reply.name


def test_each_reply_page_embeds_exactly_the_snippet_file() -> None:
    files = render_case(CASES["example"])
    checked = 0
    for path, text in files.items():
        match = re.fullmatch(r"snippets/en/replies/(.+)\.txt", path)
        if not match:
            continue
        checked += 1
        page = files[f"site_src/toolkit/en/replies/{match[1]}.md"]
        embedded = re.search(r'<script type="application/json" id="sp-body-text">(.*)'
                             r"</script>", page)
        assert embedded is not None
        assert json.loads(embedded[1]) == text
        html = re.search(r'id="sp-body-html">(.*)</script>', page)
        assert json.loads(html[1]) == files[f"snippets/en/replies/{match[1]}.html"]
    assert checked >= 10


def test_embedded_json_cannot_close_its_script_tag() -> None:
    files = render_case(CASES["strict"])
    page = files["site_src/toolkit/en/replies/damaged-item.md"]
    body = page.split('id="sp-body-text">', 1)[1].split("</script>", 1)[0]
    assert "<" not in body and ">" not in body


def test_advisor_page_exports_the_python_decision_table() -> None:
    from shop_policy.casework.advisor import decision_table
    from shop_policy.read.validate import read_policy

    files = render_case(CASES["example"])
    page = files["site_src/toolkit/en/advisor.md"]
    data = json.loads(re.search(r'id="sp-advisor-data">(.*)</script>', page)[1])
    assert data["table"] == decision_table(read_policy(CASES["example"]))
    marketplaces = re.search(r'<select id="sp-marketplace".*?</select>', page, re.S)[0]
    assert re.findall(r'<option value="([a-z_]+)">', marketplaces) == ["own_shop", "etsy",
                                                                      "ebay"]
    asked = re.search(r'<select id="sp-asked".*?</select>', page, re.S)[0]
    assert sorted(re.findall(r'<option value="([a-z_]*)">', asked)) == ["", *sorted(data["asked"])]
    assert set(data["versions"]) == {"1", "2", "3"}
    assert "21 days" in data["versions"]["2"]["sections"]["returns"][1]
