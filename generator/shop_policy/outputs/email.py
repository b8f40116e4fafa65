"""The order-confirmation snippet: the key rules, for the shop's confirmation email."""

from __future__ import annotations

from shop_policy.outputs.kinds import Context, Files

NAMES = ("order-confirmation.html", "order-confirmation.txt")


def files(ctx: Context) -> Files:
    """HTML with inline styles only, and plain text, under snippets/<locale>/email/."""
    for name in NAMES:
        yield f"{ctx.locale}/email/{name}", ctx.email(name)
