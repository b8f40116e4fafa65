"""The site engine's shortcuts give what mkdocs itself gives."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files

from shop_policy.cli import main
from shop_policy.engine import mkdocs as engine


def test_the_shared_theme_file_list_is_mkdocs_own(project: Path) -> None:
    """Each site gets the theme files mkdocs would add, placed in its own site folder,
    and a file of the docs still wins over the theme's file of the same name."""
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    engine._THEME_FILES.clear()
    for locale in ("en", "de"):
        config = load_config(str(project / f"site_src/mkdocs.{locale}.yml"),
                             site_dir=str(project / f"out-{locale}"))
        env = config.theme.get_env()
        theirs, ours = Files([]), Files([])
        engine._LIST_THEME(theirs, env, config)
        engine._add_files_from_theme(ours, env, config)
        assert [(f.src_uri, f.abs_src_path, f.abs_dest_path) for f in ours] == \
            [(f.src_uri, f.abs_src_path, f.abs_dest_path) for f in theirs]
        assert len(engine._THEME_FILES) == 1, "the second site reuses the first's list"
        first = next(iter(theirs))
        own = Files([File(first.src_uri, str(project), config.site_dir,
                          config.use_directory_urls)])
        engine._add_files_from_theme(own, env, config)
        assert [f.src_dir for f in own if f.src_uri == first.src_uri] == [str(project)]
    engine._THEME_FILES.clear()


def test_the_search_index_words_are_material_own(project: Path) -> None:
    """The shared word lists give the search index the language, separator and pipeline
    Material would, in each language (Arabic's language is the one shop-policy adds)."""
    from material.plugins.search.plugin import SearchPlugin

    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    engine._WORD_LISTS.clear()
    plugin = SearchPlugin()
    for locale, language in (("en", "en"), ("de", "de"), ("ar", "ar")):
        config = load_config(str(project / f"site_src/mkdocs.{locale}.yml"))
        for key in ("search.config.lang", "search.config.separator",
                    "search.config.pipeline"):
            assert engine._search_words(plugin, config, key) == \
                engine._TRANSLATE(plugin, config, key)
        assert engine._search_words(plugin, config, "search.config.lang") == language
    assert len(engine._WORD_LISTS) == 3
    engine._WORD_LISTS.clear()
