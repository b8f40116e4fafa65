"""The order-confirmation snippet: the key rules, for the shop's confirmation email."""

from __future__ import annotations

from shop_policy.outputs.kinds import Context, Files
from shop_policy.text.render import render, withdrawal_days

NAMES = ("order-confirmation.html", "order-confirmation.txt")


def files(ctx: Context) -> Files:
    """HTML with inline styles only, and plain text, under snippets/<locale>/email/; and
    where the law gives a right of withdrawal, the withdrawal form as plain text."""
    for name in NAMES:
        yield f"{ctx.locale}/email/{name}", ctx.email(name)
    if withdrawal_days(ctx.policy.shop.sells_to):
        yield f"{ctx.locale}/withdrawal-form.txt", render(
            ctx.env, "email/withdrawal-form.txt.j2", p=ctx.policy, f=ctx.facts,
            markdown=False)
