"""Policies written for shop-policy 0.1, read in today's shape with a warning
that shows the lines to write instead.

In 0.1 a policy said `returns.accepted: true` and listed `refunds.methods`, which
applied to every case alike: a shop that takes change-of-mind returns for store credit
only could not say so. Today `returns.change_of_mind` lists what a change of mind gets,
and `damaged_items.remedies` what a fault gets.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from shop_policy.errors import Problem
from shop_policy.read.load import Document

# What each old refund method means for a buyer who changed their mind. A replacement
# of the same item is a remedy for a fault, not for a change of mind.
_CHANGE_OF_MIND = {"original_payment": "refund", "store_credit": "store_credit",
                   "exchange": "exchange"}


def upgrade(doc: Document) -> list[Problem]:
    """Rewrite the old keys of `doc` into today's, in place, keeping their positions for
    error messages. Returns one warning per old key, saying what to write instead."""
    returns, refunds = doc.data.get("returns"), doc.data.get("refunds")
    warnings: list[Problem] = []
    methods = refunds.get("methods") if isinstance(refunds, CommentedMap) else None
    if isinstance(returns, CommentedMap) and isinstance(returns.get("accepted"), bool):
        if "change_of_mind" in returns:
            warnings.append(_warning(doc, ("returns", "accepted"), "is no longer read: "
                                     "returns.change_of_mind says what a change of mind "
                                     "gets; remove this line"))
            returns.pop("accepted")
        else:
            offered = _offered(methods) if returns["accepted"] else []
            warnings.append(_warning(doc, ("returns", "accepted"), "is the way shop-policy "
                                     "0.1 wrote this; it was read as 'change_of_mind: "
                                     f"[{', '.join(offered)}]': write that line here "
                                     "instead (what a buyer who changed their mind can "
                                     "have, in your order; [] for no returns)"))
            _replace(returns, "accepted", "change_of_mind", _flow(offered))
    if methods is not None:
        warnings.append(_warning(doc, ("refunds", "methods"), "is no longer read: what a "
                                 "change of mind gets is now returns.change_of_mind, and "
                                 "what a fault gets damaged_items.remedies; remove this "
                                 "line"))
        refunds.pop("methods")
    return warnings


def _offered(methods: Any) -> list[str]:
    if not isinstance(methods, list):
        return ["refund"]
    offered = [_CHANGE_OF_MIND[m] for m in methods if m in _CHANGE_OF_MIND]
    return offered or ["refund"]


def _flow(items: list[str]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _replace(mapping: CommentedMap, old: str, new: str, value: Any) -> None:
    """Put `new: value` where `old` was, at the same line and column."""
    index = list(mapping).index(old)
    position = mapping.lc.data.get(old)
    mapping.pop(old)
    mapping.insert(index, new, value)
    if position is not None:
        mapping.lc.data[new] = position
        if isinstance(value, CommentedSeq):
            value.lc.data = {item: [position[2], position[3]] for item in range(len(value))}


def _warning(doc: Document, path: tuple[str, ...], message: str) -> Problem:
    line, column = doc.locate(path, key=True)
    return Problem(doc.path, line, column, ".".join(path), f"warning: {message}")
