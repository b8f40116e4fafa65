"""Shop shapes: the example policy turned into the shops sellers actually run (exchange
only, credit only, final sale, no returns except faults, personalised goods excluded),
each on the marketplaces where its rules are allowed. The promise matrix
(test_claims.py) renders them all, in every locale."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from tests.conftest import EXAMPLE

Patch = dict[str, Any]


def _returns(change_of_mind: list[str], **rest: Any) -> Patch:
    return {"returns": {"change_of_mind": change_of_mind, **rest}}


# name: (what changes in the example, the marketplaces it sells on)
SHAPES: dict[str, tuple[Patch, list[str]]] = {
    "example": ({}, ["own_shop", "etsy", "ebay"]),
    "exchange-only": ({**_returns(["exchange"], window_days=14, condition=["unused"],
                                  shipping={"change_of_mind": {"payer": "buyer"}}),
                       "shop": {"sells_to": ["US"]},
                       "refunds": {"store_credit": None}},
                      ["own_shop", "etsy"]),
    "credit-only": ({**_returns(["store_credit"], window_days=30,
                                shipping={"change_of_mind": {"payer": "seller"}}),
                     "shop": {"sells_to": ["US", "CA"]},
                     "damaged_items": {"remedies": ["replacement", "store_credit"]},
                     "refunds": {"partial_refunds": False}},
                    ["own_shop", "ebay"]),
    # No refund even for faults: where the law's table sets no floor for faults (in
    # Australia a major failure gives the buyer a refund: AU-CONSUMER-GUARANTEES).
    "final-sale": ({**_returns([]), "shop": {"sells_to": ["CA"]},
                    "cancellation": {"allowed": False, "until": None, "hours": None,
                                     "once_shipped": "not_possible"},
                    "damaged_items": {"remedies": ["repair", "store_credit"],
                                      "by_reason": {"not_received": ["replacement",
                                                                     "store_credit"]}},
                    "refunds": {"partial_refunds": False, "store_credit": None}},
                   ["own_shop", "etsy"]),
    "faults-only": ({**_returns([]), "shop": {"sells_to": ["AU"]},
                     "cancellation": {"once_shipped": "not_possible"},
                     "damaged_items": {"remedies": ["replacement", "refund"]},
                     "refunds": {"store_credit": None}},
                    ["own_shop", "ebay"]),
    "personalised-excluded": ({**_returns(["refund"], window_days=30,
                                          shipping={"change_of_mind": {"payer": "buyer"}},
                                          non_returnable=[{"category": "personalised"}]),
                               "refunds": {"store_credit": None}},
                              ["own_shop", "etsy", "amazon"]),
}

# Keys of the example's returns section that a shape's own returns section replaces.
_REPLACED = {"returns"}


def _merge(base: dict[str, Any], patch: Patch) -> dict[str, Any]:
    merged = deepcopy(base)
    for key, value in patch.items():
        if key in _REPLACED or not isinstance(value, dict):
            merged[key] = deepcopy(value)
        else:
            section = dict(merged.get(key) or {})
            for inner, inner_value in value.items():
                if inner_value is None:
                    section.pop(inner, None)
                else:
                    section[inner] = deepcopy(inner_value)
            merged[key] = section
    return merged


def variants() -> list[tuple[str, tuple[str, ...]]]:
    """Each shape on its own shop alone, and on every marketplace it sells on."""
    return [(name, marketplaces) for name in sorted(SHAPES)
            for marketplaces in (("own_shop",), tuple(SHAPES[name][1]))]


def write_shape(name: str, folder: Path, marketplaces: tuple[str, ...] | None = None
                ) -> Path:
    """The policy file of shape `name` (on `marketplaces`, else on all of its own),
    written into `folder`."""
    patch, own = SHAPES[name]
    marketplaces = list(marketplaces or own)
    yaml = YAML(typ="safe", pure=True)
    base = yaml.load(EXAMPLE.read_text("utf-8"))
    data = _merge(base, patch)
    data["shop"]["marketplaces"] = marketplaces
    data["marketplace_notes"] = {k: v for k, v in data.get("marketplace_notes", {}).items()
                                 if k in marketplaces}
    path = folder / f"{name}-{'-'.join(marketplaces)}.yaml"
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return path
