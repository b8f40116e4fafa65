"""`shop-policy check`: drift, consistency, promises, template and policy lint, in one
report.

Nothing is written. The outputs are rendered once, for drift and consistency together;
every finding has a kind, a code, a severity and a place.
"""

from __future__ import annotations

from pathlib import Path

from shop_policy.checks.claims import claim_findings
from shop_policy.checks.consistency import consistency_findings
from shop_policy.checks.drift import drift_findings
from shop_policy.checks.finding import Finding, Severity, exit_code
from shop_policy.checks.history import history_findings
from shop_policy.checks.law import law_findings
from shop_policy.checks.policy import policy_findings
from shop_policy.checks.templates import template_findings
from shop_policy.errors import OutputError
from shop_policy.paths import Paths
from shop_policy.pipeline import render_outputs
from shop_policy.read.history import with_history
from shop_policy.read.load import load
from shop_policy.read.validate import validate
from shop_policy.write.journal import pending


def run_checks(policy_path: Path, paths: Paths) -> list[Finding]:
    """Every finding for the policy at `policy_path`. Raises PolicyError if unreadable."""
    if pending(paths.anchor):
        raise OutputError("a build was stopped while putting its files in place; run "
                          "`shop-policy build` to finish it, then check again")
    doc = load(policy_path)
    policy = with_history(validate(doc), policy_path, validate)
    rendered = render_outputs(policy, paths)
    sources = (paths.site_src, paths.snippets)
    # Drift is checked where there are outputs: a fresh clone that does not commit them
    # (or a project that only ran `generate`, which builds no sites) has nothing to
    # drift, and its policy, texts and promises are checked all the same.
    outputs = {root: files for root, files in rendered.by_path(paths).items()
               if root.is_dir()}
    return [*policy_findings(doc, policy), *template_findings(),
            *drift_findings(outputs, complete=sources), *consistency_findings(policy, rendered),
            *claim_findings(policy, rendered), *law_findings(policy, rendered),
            *history_findings(policy_path, policy)]


__all__ = ["Finding", "Severity", "exit_code", "run_checks"]
