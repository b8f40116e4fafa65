"""The whole data flow, end to end: read, validate, render in memory, write, build."""

from __future__ import annotations

import gc
from collections.abc import Mapping
from functools import partial
from pathlib import Path

from jinja2 import Environment

from shop_policy.outputs.email import email_snippet, snippet_files
from shop_policy.outputs.replies import render_replies
from shop_policy.outputs.site import language_names, site_base, site_sources, theme_overrides
from shop_policy.outputs.toolkit import toolkit_sources
from shop_policy.parallel import split_map
from shop_policy.paths import Paths
from shop_policy.read.model import Policy
from shop_policy.read.validate import Warn, read_policy
from shop_policy.text.facts import facts_for
from shop_policy.text.render import environment, use_locale
from shop_policy.text.translations import translations
from shop_policy.timings import Timings
from shop_policy.write.journal import STATE_FILE, apply, session
from shop_policy.write.manifest import Content, Report, check, plan, survey
from shop_policy.write.staging import discard, stage

# The phases `--timings` reports; reading, rendering and writing are generation. A build
# writes the sources once, into its scratch folder, and moves them into place at the end.
READ = "read and check the policy"
RENDER = "render every text in every locale"
WRITE = "write sources and snippets"
ENGINE = "load the site engine (mkdocs, Material)"
SITES = "build the sites"
STAGE_SITES = "check and stage the built sites"
SWAP = "put the new files and sites in place"
GENERATION = (READ, RENDER, WRITE)


def render_all(policy: Policy, paths: Paths) -> dict[Path, dict[str, str]]:
    """Every generated file of `policy`, in memory, keyed by output folder.

    Locales are rendered in parallel on the machine's cores: this process and one forked
    child per other core each load the templates, catalogs and locale data they need.
    """
    locales = policy.shop.locales
    language_names(tuple(locales))  # every locale's page names them all
    base, base_files = site_base(paths.base_config, paths.site_src)
    one_locale = partial(_render_locale, environment(), policy, base)
    # Everything loaded so far lives until the end: the collector need not walk it again
    # while rendering, and forked workers then need not copy the pages it sits on.
    gc.freeze()
    try:
        parts = split_map(one_locale, locales)
    finally:
        gc.unfreeze()
    sources = dict(theme_overrides()) | base_files
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


def write_outputs(outputs: Mapping[Path, Mapping[str, Content]], *, anchor: Path | None = None,
                  force: bool = False, keep_edits: bool = False) -> Report:
    """Write each folder's files, holding the project's lock. Raises OutputConflict, with
    nothing written, on conflict. With `keep_edits`, a file no longer generated that was
    edited is left in place instead of stopping the run."""
    roots = list(outputs)
    with session(anchor or roots[0].parent, roots) as scratch:
        return _write(outputs, scratch, force=force, keep_edits=keep_edits)


def _write(outputs: Mapping[Path, Mapping[str, Content]], scratch: Path, *, force: bool,
           keep_edits: bool = False) -> Report:
    plans = [plan(survey(root), dict(files)) for root, files in outputs.items()]
    check(plans, force=force, keep_edits=keep_edits)
    mirrors = {root: scratch / f"{n}-{root.name}" for n, root in enumerate(outputs)}
    return apply(stage(plans, mirrors), scratch.parent, scratch)


def generate(policy_path: Path, paths: Paths, *, force: bool = False,
             warn: Warn | None = None, timings: Timings | None = None) -> Report:
    clock = timings if timings is not None else Timings()
    with session(paths.anchor, paths.outputs) as scratch:
        _, outputs = _read_and_render(policy_path, paths, warn, clock)
        with clock.phase(WRITE):
            return _write(outputs, scratch, force=force)


def build(policy_path: Path, paths: Paths, *, force: bool = False,
          warn: Warn | None = None, toolkit: bool = True,
          timings: Timings | None = None) -> Report:
    """Generate and build. Until every site has built, nothing outside a scratch folder
    changes; then sources, snippets and sites are put in place together, journaled."""
    clock = timings if timings is not None else Timings()
    with clock.phase(ENGINE):
        from shop_policy.engine.mkdocs import build_sites, state_bytes

    sites = [paths.site, paths.toolkit] if toolkit else [paths.site]
    with session(paths.anchor, paths.outputs) as scratch:
        policy, outputs = _read_and_render(policy_path, paths, warn, clock)
        with clock.phase(WRITE):
            plans = [plan(survey(root), files) for root, files in outputs.items()]
            check(plans, force=force)
            surveys = {root: survey(root) for root in sites}
            tx = stage(plans, {paths.site_src: scratch / "site_src",
                               paths.snippets: scratch / "snippets"},
                       complete=frozenset({paths.site_src}))
        try:
            with clock.phase(SITES):
                built, state = build_sites(policy, environment(), paths,
                                           outputs[paths.site_src], scratch, surveys,
                                           force=force)
            with clock.phase(STAGE_SITES):
                more = [plan(surveys[root], files) for root, files in built.items()]
                check(more, force=force)
                tx.extend(stage(more, {paths.site: scratch / "site",
                                       paths.toolkit: scratch / "toolkit"}))
                state_file = scratch / STATE_FILE
                state_file.write_bytes(state_bytes(state))
                tx.moves.append((state_file, paths.anchor / STATE_FILE))
        except BaseException:
            discard(tx)
            raise
        with clock.phase(SWAP):
            return apply(tx, paths.anchor, scratch)
