"""Policy lint: the rules of the law and the marketplaces, as findings located in the
policy file."""

from __future__ import annotations

from collections.abc import Iterator

from shop_policy.checks import policy_lint as lint
from shop_policy.checks.finding import Finding, Severity
from shop_policy.errors import dotted
from shop_policy.read.load import Document
from shop_policy.read.model import Policy


def policy_findings(doc: Document, policy: Policy) -> Iterator[Finding]:
    for found in lint.lint(policy):
        line, column = doc.locate(found.path)
        key = dotted(found.path)
        yield Finding("policy", found.rule.code, Severity(found.rule.severity), doc.path,
                      line, column, f"{found.message}. {found.rule.summary}",
                      found.rule.source, key)
