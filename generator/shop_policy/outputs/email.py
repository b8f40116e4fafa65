"""Copy-ready texts under snippets/<locale>/: replies, the email snippet, exports."""

from __future__ import annotations

from jinja2 import Environment

from shop_policy.outputs import exports
from shop_policy.outputs.replies import Reply
from shop_policy.read.model import Policy
from shop_policy.text.facts import Facts
from shop_policy.text.render import render


def email_snippet(env: Environment, policy: Policy, facts: Facts) -> dict[str, str]:
    return {
        "order-confirmation.html": render(env, "email/order-confirmation.html.j2",
                                          p=policy, f=facts),
        "order-confirmation.txt": render(env, "email/order-confirmation.txt.j2",
                                         p=policy, f=facts),
    }


def snippet_files(policy: Policy, facts: Facts, replies: list[Reply],
                  email: dict[str, str]) -> dict[str, str]:
    """Every snippet file of one locale, by path relative to snippets/."""
    locale = facts.locale
    files: dict[str, str] = {}
    for reply in replies:
        files[f"{locale}/replies/{reply.id}.txt"] = reply.body
        files[f"{locale}/replies/{reply.id}.html"] = reply.html
    for name, text in email.items():
        files[f"{locale}/email/{name}"] = text
    files[f"{locale}/exports/zendesk-macros.json"] = exports.zendesk(replies, policy.shop.name)
    files[f"{locale}/exports/gorgias-macros.json"] = exports.gorgias(replies)
    files[f"{locale}/exports/replies.csv"] = exports.csv_table(replies)
    return files
