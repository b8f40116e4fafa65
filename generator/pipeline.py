"""The whole data flow, end to end: read, validate, render in memory, write, build."""

from __future__ import annotations

from pathlib import Path

from generator.facts import facts_for
from generator.model import Policy
from generator.paths import Paths
from generator.render import environment, use_locale
from generator.replies import render_replies
from generator.site import relative_base, site_sources
from generator.snippets import email_snippet, snippet_files
from generator.toolkit import toolkit_sources
from generator.translations import translations
from generator.validate import Warn, read_policy
from generator.writer import Report, commit, plan_outputs, write_outputs


def render_all(policy: Policy, paths: Paths) -> dict[Path, dict[str, str]]:
    """Every generated file of `policy`, in memory, keyed by output folder."""
    env = environment()
    base = relative_base(paths.base_config, paths.site_src)
    sources = site_sources(policy, env, base_config=base)
    snippets: dict[str, str] = {}
    for locale in policy.shop.locales:
        use_locale(env, locale)
        facts = facts_for(policy, locale, translations(locale))
        replies = render_replies(env, policy, facts)
        snippets |= snippet_files(env, policy, facts, replies)
        sources |= toolkit_sources(env, policy, facts, replies,
                                   email_snippet(env, policy, facts), base)
    return {paths.site_src: sources, paths.snippets: snippets}


def generate(policy_path: Path, paths: Paths, *, force: bool = False,
             warn: Warn | None = None) -> Report:
    policy = read_policy(policy_path, warn)
    return write_outputs(render_all(policy, paths), force=force)


def build(policy_path: Path, paths: Paths, *, force: bool = False,
          warn: Warn | None = None, toolkit: bool = True) -> Report:
    """Generate and build. Until every site has built, nothing outside a scratch folder
    changes; then sources, snippets and sites are put in place together."""
    from generator.build import build_sites, save_state, staging, swap  # engine, only here

    policy = read_policy(policy_path, warn)
    outputs = render_all(policy, paths)
    plans = plan_outputs(outputs, force=force)
    with staging(paths.site) as stage:
        state = build_sites(policy, environment(), paths, outputs[paths.site_src], stage,
                            toolkit=toolkit)
        report = commit(plans)
        swap(stage / "site", paths.site)
        if toolkit:
            swap(stage / "toolkit", paths.toolkit)
        save_state(paths, state)
    return report
