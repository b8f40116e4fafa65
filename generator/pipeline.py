"""The whole data flow, end to end: read, validate, render in memory, write, build."""

from __future__ import annotations

from pathlib import Path

from generator.build import build_site
from generator.model import Policy
from generator.render import environment
from generator.site import relative_base, site_sources
from generator.validate import read_policy
from generator.writer import Report, write_outputs


def render_all(policy: Policy, *, site_src: Path, base_config: Path) -> dict[Path, dict[str, str]]:
    """Every output of `policy`, in memory, keyed by output folder."""
    env = environment()
    return {
        site_src: site_sources(policy, env, base_config=relative_base(base_config, site_src)),
    }


def generate(policy_path: Path, *, site_src: Path, base_config: Path,
             force: bool = False) -> Report:
    policy = read_policy(policy_path)
    outputs = render_all(policy, site_src=site_src, base_config=base_config)
    return write_outputs(outputs, force=force)


def build(policy_path: Path, *, site_src: Path, site_dir: Path, base_config: Path,
          force: bool = False) -> Report:
    policy = read_policy(policy_path)
    outputs = render_all(policy, site_src=site_src, base_config=base_config)
    report = write_outputs(outputs, force=force)
    build_site(policy, environment(), site_src=site_src, site_dir=site_dir)
    return report
