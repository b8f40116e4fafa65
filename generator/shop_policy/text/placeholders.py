"""Placeholders: what only the seller knows about an order, written `[[name]]`.

A reply keeps its subject and body as parts: text, a placeholder's name, text, and so
on. Only those placeholders are the reply's own; a "[[buyer_name]]" the seller typed
into the shop's name is text, and no export maps it onto a help desk's variable.
"""

from __future__ import annotations

from collections.abc import Callable

from shop_policy.text.labels import N_

PLACEHOLDERS: dict[str, str] = {
    "buyer_name": N_("the buyer's first name"),
    "your_name": N_("your name"),
    "order_number": N_("the order number"),
    "order_date": N_("the date of the order"),
    "shipped_date": N_("the dispatch date"),
    "delivered_date": N_("the delivery date"),
    "amount": N_("an amount of money"),
    "tracking_number": N_("the tracking number"),
    "check_back_date": N_("a date a few days from now"),
    "offer": N_("what you offer, in a few words"),
}


def marker(name: str) -> str:
    return f"[[{name}]]"


# A placeholder the reply leaves open is rendered as NUL, its name, NUL. Text from a
# policy file or the command line never holds a NUL (the loader refuses one), so the
# edges tell the reply's own placeholders apart from anything the seller typed.
EDGE = "\x00"
Parts = tuple[str, ...]


def token(name: str) -> str:
    return f"{EDGE}{name}{EDGE}"


def split(text: str) -> Parts:
    """Text with placeholders as tokens, as parts: text, name, text, ..., text."""
    parts = tuple(text.split(EDGE))
    if len(parts) % 2 == 0 or any(name not in PLACEHOLDERS for name in parts[1::2]):
        raise ValueError(f"a NUL character in the text of a reply: {text!r}")
    return parts


def join(parts: Parts, fill: Callable[[str], str] = marker) -> str:
    """The parts as one text, each placeholder written by `fill` (as [[name]] unless told)."""
    return "".join(fill(part) if index % 2 else part for index, part in enumerate(parts))
