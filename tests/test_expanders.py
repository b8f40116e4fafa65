"""Text-expander files: an Espanso package and a macOS text-replacements list per locale,
each in its tool's own format, one shortcut per reply, the reply's text as typed."""

from __future__ import annotations

import json
import plistlib
from pathlib import Path

import jsonschema
import pytest
import yaml

from shop_policy.outputs.expanders import WORD_JOINER, inert
from tests.golden import CASES, render_case

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "espanso-package.schema.json")
                    .read_text("utf-8"))


def validate(data: object, part: str) -> None:
    jsonschema.validate(data, {**SCHEMA, "$ref": f"#/$defs/{part}"})


@pytest.mark.parametrize("locale", ["en", "de", "ar"])
def test_each_locale_gets_an_espanso_package_and_a_text_replacements_list(
        locale: str) -> None:
    files = render_case(CASES["example"])
    root = f"snippets/{locale}/exports"
    package = f"{root}/espanso/shop-policy-{locale}"
    manifest = yaml.safe_load(files[f"{package}/_manifest.yml"])
    validate(manifest, "manifest")
    assert manifest["name"] == f"shop-policy-{locale}" and manifest["version"] == "3.0.0"
    matches = yaml.safe_load(files[f"{package}/package.yml"])
    validate(matches, "package")
    replies = {rel.rsplit("/", 1)[1][:-4]: text for rel, text in files.items()
               if rel.startswith(f"snippets/{locale}/replies/") and rel.endswith(".txt")}
    by_trigger = {m["trigger"]: m["replace"] for m in matches["matches"]}
    assert by_trigger == {f";{reply}-{locale}": text for reply, text in replies.items()}
    assert f";return-accepted-{locale}" in files[f"{package}/README.md"]

    entries = plistlib.loads(files[f"{root}/text-replacements.plist"].encode("utf-8"))
    assert {e["shortcut"]: e["phrase"] for e in entries} == by_trigger
    assert all(set(e) == {"phrase", "shortcut"} for e in entries)


def test_what_the_seller_typed_stays_text_in_espanso() -> None:
    """Espanso reads {{name}} as a variable and $|$ as the cursor's place; the shop's
    own text keeps both, made inert by an invisible word joiner."""
    assert inert("Use {{code}} at $|$ checkout") == \
        f"Use {{{WORD_JOINER}{{code}}}} at ${WORD_JOINER}|$ checkout"
    files = render_case(CASES["hostile"])
    matches = yaml.safe_load(files["snippets/en/exports/espanso/shop-policy-en/package.yml"])
    for match in matches["matches"]:
        assert "{{" not in match["replace"] and "$|$" not in match["replace"]
