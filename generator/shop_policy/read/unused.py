"""Keys that a choice elsewhere in the policy makes meaningless: given anyway, they are
read, never published, and each gets a warning saying why and that it can go."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from shop_policy.read.model import Policy

# Keys under `returns` that only describe a change-of-mind return.
_CHANGE_OF_MIND_ONLY = (
    ("window_days",), ("window_starts",), ("condition",), ("restocking_fee",),
    ("non_returnable",), ("shipping", "change_of_mind"),
)


def unused_keys(data: Any, policy: Policy) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(path, warning) for each key given in `data` that `policy` never uses."""
    if not policy.returns.accepted:
        for path in _CHANGE_OF_MIND_ONLY:
            if _given(data, ("returns", *path)):
                yield (("returns", *path), "warning: is not used, because "
                       "returns.change_of_mind is [] (no returns for a change of mind); "
                       "remove it, or list what a change of mind gets")
    if policy.returns.accepted and _given(data, ("returns", "only_exempt_goods")):
        yield (("returns", "only_exempt_goods"), "warning: is not used, because "
               "returns.change_of_mind offers returns; remove it")
    if policy.refunds.store_credit is not None and not policy.offers_store_credit:
        yield (("refunds", "store_credit"), "warning: is not used, because no case gets "
               "store credit; add store_credit to returns.change_of_mind or "
               "damaged_items.remedies, or remove this section")


def _given(data: Any, path: tuple[str, ...]) -> bool:
    node = data
    for part in path:
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True
