"""The translation catalogs: complete, not fuzzy, placeholders intact, up to date."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from shop_policy.text import translations as tr
from tests.conftest import ROOT, example_locales

LOCALES_DIR = ROOT / "generator" / "shop_policy" / "locales"
CATALOGS = sorted(LOCALES_DIR.glob("*/LC_MESSAGES/messages.po"))
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|\{[a-z]+\}|\]\([^)]*\)|<[^>]+>|\[\[[a-z_]+\]\]")


def load(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=path.parent.parent.name)


def strings(value: object) -> list[str]:
    return list(value) if isinstance(value, tuple | list) else [value]


def test_catalogs_exist_for_the_promised_locales() -> None:
    """A catalog for every language the example publishes but the source language."""
    promised = sorted(set(example_locales()) - {tr.SOURCE_LOCALE})
    assert [p.parent.parent.name for p in CATALOGS] == promised


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parent.parent.name)
def test_catalog_is_complete_and_not_fuzzy(path: Path) -> None:
    catalog = load(path)
    unfinished = [m.id for m in catalog if m.id and (m.fuzzy or not all(strings(m.string)))]
    assert unfinished == []
    plurals = [m for m in catalog if m.id and m.pluralizable]
    assert plurals, "the catalog has plural entries"
    for message in plurals:
        assert len(strings(message.string)) == catalog.num_plurals, message.id


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parent.parent.name)
def test_babel_checkers_find_nothing(path: Path) -> None:
    catalog = load(path)
    problems = [(message.id, [str(e) for e in errors]) for message, errors in catalog.check()]
    assert problems == []


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parent.parent.name)
def test_translations_keep_every_placeholder_link_and_tag(path: Path) -> None:
    for message in load(path):
        if not message.id:
            continue
        source = sorted(PLACEHOLDER.findall(" ".join(strings(message.id))))
        expected = sorted(set(source))
        for translated in strings(message.string):
            found = sorted(set(PLACEHOLDER.findall(translated)))
            # A plural form may leave out the count ("one day" written as a word).
            if message.pluralizable:
                assert set(found) <= set(expected), (message.id, translated)
            else:
                assert found == expected, (message.id, translated)


def test_catalogs_are_up_to_date_with_the_templates(tmp_path: Path) -> None:
    pot = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F",
                    "babel.cfg", "-k", "N_", "-k", "NP_:1,2", "--no-location",
                    "--sort-output", "-o", str(pot), "."], cwd=ROOT, check=True,
                   capture_output=True)
    fresh = {m.id for m in load_pot(pot) if m.id}
    committed = {m.id for m in load_pot(LOCALES_DIR / "messages.pot") if m.id}
    assert fresh == committed, "run `make translations`"
    for path in CATALOGS:
        ids = {m.id for m in load(path) if m.id}
        assert ids == fresh, f"{path} is stale; run `make translations`"


def load_pot(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def test_an_unfinished_catalog_is_refused(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "de" / "LC_MESSAGES"
    target.mkdir(parents=True)
    text = (LOCALES_DIR / "de" / "LC_MESSAGES" / "messages.po").read_text("utf-8")
    first = re.search(r'msgstr "(?!")(.+)"', text)
    assert first is not None
    text = text.replace(first.group(0), 'msgstr ""', 1)
    (target / "messages.po").write_text(text, "utf-8")
    monkeypatch.setattr(tr, "LOCALES_DIR", tmp_path)
    tr.translations.cache_clear()
    try:
        with pytest.raises(tr.CatalogError, match="1 messages are untranslated or fuzzy"):
            tr.translations("de")
    finally:
        tr.translations.cache_clear()


def test_a_compiled_catalog_is_used_only_while_it_is_as_new_as_its_source(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from shop_policy.text.catalogs import compile_all

    target = tmp_path / "de" / "LC_MESSAGES"
    target.mkdir(parents=True)
    shutil.copy(LOCALES_DIR / "de" / "LC_MESSAGES" / "messages.po", target)
    assert compile_all(tmp_path) == [target / "messages.mo"]
    assert compile_all(tmp_path) == [], "an up-to-date .mo is left alone"
    monkeypatch.setattr(tr, "LOCALES_DIR", tmp_path)
    tr.translations.cache_clear()
    try:
        (target / "messages.po").unlink()  # as installed from the wheel: .mo only
        assert tr.translations("de").gettext("Overview") == "Übersicht"
        tr.translations.cache_clear()
        po = (LOCALES_DIR / "de" / "LC_MESSAGES" / "messages.po").read_text("utf-8")
        (target / "messages.po").write_text(po.replace('msgstr "Übersicht"',
                                                       'msgstr "Überblick"'), "utf-8")
        assert tr.translations("de").gettext("Overview") == "Überblick", \
            "a .po newer than its .mo is compiled again"
    finally:
        tr.translations.cache_clear()


def test_the_build_refuses_to_compile_an_unfinished_catalog(tmp_path: Path) -> None:
    from shop_policy.text.catalogs import UnfinishedCatalog, compile_all

    target = tmp_path / "de" / "LC_MESSAGES"
    target.mkdir(parents=True)
    po = (LOCALES_DIR / "de" / "LC_MESSAGES" / "messages.po").read_text("utf-8")
    (target / "messages.po").write_text(po.replace('msgstr "Übersicht"', 'msgstr ""'))
    with pytest.raises(UnfinishedCatalog, match="1 messages are untranslated or fuzzy"):
        compile_all(tmp_path)
    assert not (target / "messages.mo").exists()


def test_each_language_is_named_in_itself_for_the_selector() -> None:
    from shop_policy.engine.theme import language_names

    assert language_names(("de", "fr", "pl")) == {"de": "Deutsch", "fr": "Français",
                                                  "pl": "Polski"}
