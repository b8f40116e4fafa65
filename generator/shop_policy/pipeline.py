"""The whole data flow, end to end: read, validate, render in memory, write, build."""

from __future__ import annotations

import gc
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from jinja2 import Environment

from shop_policy.engine.theme import language_names, site_base
from shop_policy.outputs.kinds import FOLDERS, Context, Folder, Recorder
from shop_policy.outputs.registry import OUTPUTS
from shop_policy.parallel import split_map
from shop_policy.paths import Paths
from shop_policy.read.model import Policy
from shop_policy.read.validate import read_policy
from shop_policy.text.facts import facts_for
from shop_policy.text.render import environment, use_locale
from shop_policy.text.translations import translations
from shop_policy.timings import Timings
from shop_policy.unchanged import KEY, inputs_key, last_key, untouched
from shop_policy.write import statcache
from shop_policy.write.journal import STATE_FILE, apply, session
from shop_policy.write.manifest import Content, Plan, Report, Survey, check, plan, survey
from shop_policy.write.staging import Transaction, discard, stage

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
SOURCES: tuple[Folder, ...] = ("site_src", "snippets")  # what `generate` writes


@dataclass
class Rendered:
    """Every generated file, by output folder, and the facts each buyer-facing file used
    (what `check` proves is stated)."""

    files: dict[Folder, dict[str, str]] = field(
        default_factory=lambda: {folder: {} for folder in FOLDERS})
    used: dict[tuple[Folder, str], frozenset[str]] = field(default_factory=dict)

    def merge(self, other: Rendered) -> None:
        for folder, files in other.files.items():
            self.files[folder] |= files
        self.used |= other.used

    def by_path(self, paths: Paths, folders: tuple[Folder, ...] = FOLDERS
                ) -> dict[Path, dict[str, str]]:
        return {getattr(paths, folder): self.files[folder] for folder in folders}


def render_outputs(policy: Policy, paths: Paths) -> Rendered:
    """Every output kind of the registry, for every locale, in memory.

    Locales are rendered in parallel on the machine's cores: this process and one forked
    child per other core each load the templates, catalogs and locale data they need.
    """
    locales = policy.shop.locales
    language_names(tuple(locales))  # every page names them all: worked out once, here
    base = site_base(paths.base_config, paths.site_src)
    one_locale = partial(_render_locale, environment(), policy, base)
    parts = split_map(one_locale, locales)
    rendered = Rendered()
    for part in parts:
        rendered.merge(part)
    return rendered


def render_all(policy: Policy, paths: Paths) -> dict[Path, dict[str, str]]:
    """Every generated file of `policy`, in memory, keyed by output folder."""
    return render_outputs(policy, paths).by_path(paths)


def _render_locale(env: Environment, policy: Policy, base: tuple[str, dict[str, str]],
                   locale: str) -> Rendered:
    """One locale's files of every output kind (in a forked child, or here); the kinds
    that are not per locale come with the default locale."""
    use_locale(env, locale)
    facts = Recorder(facts_for(policy, locale, translations(locale)))
    ctx = Context(env, policy, facts, *base)  # type: ignore[arg-type]
    rendered = Rendered()
    for output in OUTPUTS:
        if not output.per_locale and locale != policy.shop.default_locale:
            continue
        files = rendered.files[output.folder]
        facts.used.clear()
        for rel, text in output.files(ctx):
            files[rel] = text
            if output.checked:
                rendered.used[(output.folder, rel)] = frozenset(facts.used)
            facts.used.clear()
    return rendered


def _read_and_render(policy_path: Path, paths: Paths, clock: Timings
                     ) -> tuple[Policy, Rendered]:
    with clock.phase(READ):
        policy = read_policy(policy_path)
    return policy, _render(policy, paths, clock)


def _render(policy: Policy, paths: Paths, clock: Timings) -> Rendered:
    # What is loaded by now (the modules, their data) lives until the end: the
    # collector need not walk it again and again while the texts are rendered, and
    # forked workers need not copy the pages it sits on.
    gc.freeze()
    try:
        with clock.phase(RENDER):
            return render_outputs(policy, paths)
    finally:
        gc.unfreeze()


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
    plans = _plans(outputs, scratch.parent)
    check(plans, force=force, keep_edits=keep_edits)
    mirrors = {root: scratch / f"{n}-{root.name}" for n, root in enumerate(outputs)}
    return _put_in_place(stage(plans, mirrors), plans, scratch.parent, scratch)


def _plans(outputs: Mapping[Path, Mapping[str, Content]], anchor: Path,
           surveys: Mapping[Path, Survey] | None = None) -> list[Plan]:
    """Each folder's plan, from its survey (made now unless given) and the stat cache."""
    return [plan((surveys or {}).get(root) or survey(root), dict(files),
                 statcache.load(anchor, root)) for root, files in outputs.items()]


def _put_in_place(tx: Transaction, plans: list[Plan], anchor: Path, scratch: Path
                  ) -> Report:
    report = apply(tx, anchor, scratch)
    statcache.save(anchor, {one.root: sorted(one.digests) for one in plans})
    return report


def generate(policy_path: Path, paths: Paths, *, force: bool = False,
             timings: Timings | None = None) -> Report:
    clock = timings if timings is not None else Timings()
    with session(paths.anchor, paths.outputs) as scratch:
        _, rendered = _read_and_render(policy_path, paths, clock)
        with clock.phase(WRITE):
            return _write(rendered.by_path(paths, SOURCES), scratch, force=force)


def _nothing_to_do(policy: Policy, paths: Paths, sites: list[Path], *, force: bool
                   ) -> tuple[str, Report | None]:
    """The inputs' key, and the report of a build that has nothing to do: the same inputs
    as the last build, every output as it left them (see shop_policy.unchanged)."""
    key = inputs_key(policy, paths, toolkit=paths.toolkit in sites)
    if force or last_key(paths.anchor) != key:
        return key, None
    folders = [paths.site_src, paths.snippets, *sites]
    return key, untouched(paths.anchor, [survey(root) for root in folders])


def build(policy_path: Path, paths: Paths, *, force: bool = False,
          toolkit: bool = True,
          timings: Timings | None = None) -> Report:
    """Generate and build. Until every site has built, nothing outside a scratch folder
    changes; then sources, snippets and sites are put in place together, journaled."""
    clock = timings if timings is not None else Timings()
    sites = [paths.site, paths.toolkit] if toolkit else [paths.site]
    with session(paths.anchor, paths.outputs) as scratch:
        with clock.phase(READ):
            policy = read_policy(policy_path)
            key, done = _nothing_to_do(policy, paths, sites, force=force)
            if done is not None:
                return done
        with clock.phase(ENGINE):
            from shop_policy.engine.mkdocs import build_sites, state_bytes
        rendered = _render(policy, paths, clock)
        with clock.phase(WRITE):
            plans = _plans(rendered.by_path(paths, SOURCES), paths.anchor)
            check(plans, force=force)
            surveys = {root: survey(root) for root in sites}
            tx = stage(plans, {paths.site_src: scratch / "site_src",
                               paths.snippets: scratch / "snippets"},
                       complete=frozenset({paths.site_src}))
        try:
            with clock.phase(SITES):
                built, state = build_sites(policy, paths, rendered.files["site_src"],
                                           scratch, surveys, force=force)
            with clock.phase(STAGE_SITES):
                generated = rendered.by_path(paths, ("site", "toolkit"))
                more = _plans({root: generated[root] | files for root, files in built.items()},
                              paths.anchor, surveys)
                check(more, force=force)
                tx.extend(stage(more, {paths.site: scratch / "site",
                                       paths.toolkit: scratch / "toolkit"}))
                state_file = scratch / STATE_FILE
                state_file.write_bytes(state_bytes(state | {KEY: key}))
                tx.moves.append((state_file, paths.anchor / STATE_FILE))
        except BaseException:
            discard(tx)
            raise
        with clock.phase(SWAP):
            return _put_in_place(tx, plans + more, paths.anchor, scratch)
