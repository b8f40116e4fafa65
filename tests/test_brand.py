"""The shop's look: its colours and logo on every site, a footer that names the shop, and
what the lint says about colours nobody can read on."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from shop_policy.cli import main
from shop_policy.read.brand import LOGO_MAX_BYTES

LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
        '<rect width="10" height="10" fill="#7b3f00"/></svg>')


def with_brand(project: Path, brand: str) -> Path:
    policy = project / "policies" / "shop.yaml"
    text = policy.read_text("utf-8")
    policy.write_text(text.replace("  dispatch_days: 3\n", f"  dispatch_days: 3\n{brand}", 1),
                      "utf-8")
    return policy


def test_the_brand_colours_and_logo_reach_every_site(project: Path) -> None:
    (project / "policies" / "logo.svg").write_text(LOGO, "utf-8")
    with_brand(project, "  brand:\n    logo: logo.svg\n    primary: '#7b3f00'\n"
               "    accent: rgb(46 125 50)\n")
    result = CliRunner().invoke(main, ["generate"])
    assert result.exit_code == 0, result.output
    for locale in ("en", "de", "ar"):
        for folder, config in ((f"{locale}", f"mkdocs.{locale}.yml"),
                               (f"toolkit/{locale}", f"mkdocs.toolkit.{locale}.yml")):
            style = (project / "site_src" / folder / "assets" / "brand.css").read_text()
            assert "--md-primary-fg-color: #7b3f00;" in style
            assert "--md-accent-fg-color: #2e7d32;" in style  # any CSS colour, as hex
            assert 'url("data:image/svg+xml;base64,' in style
            loaded = yaml.safe_load((project / "site_src" / config).read_text("utf-8"))
            assert loaded["extra_css"][-1] == "assets/brand.css"  # after the default look


def test_without_a_brand_the_default_look_stays(project: Path) -> None:
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    assert not list((project / "site_src").rglob("brand.css"))
    loaded = yaml.safe_load((project / "site_src" / "mkdocs.en.yml").read_text("utf-8"))
    assert loaded["extra_css"] == ["assets/shop-policy.css"]


def test_the_footer_names_the_shop_in_the_page_language_and_links_back(
        project: Path) -> None:
    policy = project / "policies" / "shop.yaml"
    text = policy.read_text("utf-8")
    name = text.split("  name: ", 1)[1].split("\n", 1)[0]
    policy.write_text(text.replace(f"  name: {name}", '  name: "Fern <b>&</b> Kiln"', 1),
                      "utf-8")
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    for locale, back in (("en", "Back to"), ("de", "Zurück")):
        loaded = yaml.safe_load((project / "site_src" / f"mkdocs.{locale}.yml").read_text())
        assert loaded["extra"]["generator"] is False  # no theme credit
        assert loaded["extra"]["homepage"] == "https://fernandkiln.example/"
        footer = loaded["copyright"]
        assert back in footer and "Fern &lt;b&gt;&amp;&lt;/b&gt; Kiln" in footer
        assert "<b>" not in footer
        assert 'href="mailto:hello@fernandkiln.example"' in footer


def test_a_logo_that_is_too_large_is_refused_with_its_place(project: Path) -> None:
    (project / "policies" / "logo.png").write_bytes(b"\x89PNG" + b"0" * LOGO_MAX_BYTES)
    policy = with_brand(project, "  brand:\n    logo: logo.png\n")
    result = CliRunner().invoke(main, ["generate"])
    assert result.exit_code == 2
    line = policy.read_text("utf-8").splitlines().index("    logo: logo.png") + 1
    assert f"shop.yaml:{line}:11: shop.brand.logo: 'logo.png' is larger than 200 kB; " \
        "make it smaller" in result.output
    assert not (project / "site_src").exists()
