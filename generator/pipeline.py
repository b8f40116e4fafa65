"""The whole data flow, end to end: read, validate, render in memory, write, build."""

from __future__ import annotations

import gc
from functools import partial
from pathlib import Path

from jinja2 import Environment

from generator.facts import facts_for
from generator.model import Policy
from generator.parallel import split_map
from generator.paths import Paths
from generator.render import environment, use_locale
from generator.replies import render_replies
from generator.site import language_names, relative_base, site_sources, theme_overrides
from generator.snippets import email_snippet, snippet_files
from generator.timings import Timings
from generator.toolkit import toolkit_sources
from generator.translations import translations
from generator.validate import Warn, read_policy
from generator.writer import Report, apply, plan_outputs, stage, write_outputs

# The phases `--timings` reports; reading, rendering and writing are generation. A build
# writes the sources once, into its scratch folder, and moves them into place at the end.
READ = "read and check the policy"
RENDER = "render every text in every locale"
WRITE = "write sources and snippets"
ENGINE = "load the site engine (mkdocs, Material)"
SITES = "build the sites"
SWAP = "put the new files and sites in place"
GENERATION = (READ, RENDER, WRITE)


def render_all(policy: Policy, paths: Paths) -> dict[Path, dict[str, str]]:
    """Every generated file of `policy`, in memory, keyed by output folder.

    Locales are rendered in parallel on the machine's cores: this process and one forked
    child per other core each load the templates, catalogs and locale data they need.
    """
    locales = policy.shop.locales
    language_names(tuple(locales))  # every locale's page names them all
    one_locale = partial(_render_locale, environment(), policy,
                         relative_base(paths.base_config, paths.site_src))
    # Everything loaded so far lives until the end: the collector need not walk it again
    # while rendering, and forked workers then need not copy the pages it sits on.
    gc.freeze()
    try:
        parts = split_map(one_locale, locales)
    finally:
        gc.unfreeze()
    sources = dict(theme_overrides())
    snippets: dict[str, str] = {}
    for locale_sources, locale_snippets in parts:
        sources |= locale_sources
        snippets |= locale_snippets
    return {paths.site_src: sources, paths.snippets: snippets}


def _render_locale(env: Environment, policy: Policy, base: str, locale: str
                   ) -> tuple[dict[str, str], dict[str, str]]:
    """One locale's site sources and snippets (in a forked child, or here)."""
    use_locale(env, locale)
    facts = facts_for(policy, locale, translations(locale))
    replies = render_replies(env, policy, facts)
    email = email_snippet(env, policy, facts)
    sources = site_sources(env, policy, facts, base_config=base)
    sources |= toolkit_sources(env, policy, facts, replies, email, base)
    return sources, snippet_files(policy, facts, replies, email)


def _read_and_render(policy_path: Path, paths: Paths, warn: Warn | None, clock: Timings
                     ) -> tuple[Policy, dict[Path, dict[str, str]]]:
    with clock.phase(READ):
        policy = read_policy(policy_path, warn)
    with clock.phase(RENDER):
        return policy, render_all(policy, paths)


def generate(policy_path: Path, paths: Paths, *, force: bool = False,
             warn: Warn | None = None, timings: Timings | None = None) -> Report:
    clock = timings if timings is not None else Timings()
    _, outputs = _read_and_render(policy_path, paths, warn, clock)
    with clock.phase(WRITE):
        return write_outputs(outputs, force=force)


def build(policy_path: Path, paths: Paths, *, force: bool = False,
          warn: Warn | None = None, toolkit: bool = True,
          timings: Timings | None = None) -> Report:
    """Generate and build. Until every site has built, nothing outside a scratch folder
    changes; then sources, snippets and sites are put in place together."""
    clock = timings if timings is not None else Timings()
    with clock.phase(ENGINE):
        from generator.build import build_sites, save_state, staging, swap

    policy, outputs = _read_and_render(policy_path, paths, warn, clock)
    with staging(paths.site) as scratch:
        with clock.phase(WRITE):
            plans = plan_outputs(outputs, force=force)
            staged = stage(plans, scratch={paths.site_src: scratch / "site_src",
                                           paths.snippets: scratch / "snippets"},
                           complete={paths.site_src})
        try:
            with clock.phase(SITES):
                state = build_sites(policy, environment(), paths, outputs[paths.site_src],
                                    scratch, toolkit=toolkit)
        except BaseException:
            staged.discard()
            raise
        with clock.phase(SWAP):
            report = apply(staged)
            swap(scratch / "site", paths.site)
            if toolkit:
                swap(scratch / "toolkit", paths.toolkit)
            save_state(paths, state)
    return report
