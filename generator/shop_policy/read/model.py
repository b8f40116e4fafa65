"""The policy file's schema: strict pydantic models, frozen once validated.

Field descriptions here are what an editor shows while the seller types, through
the JSON Schema that `shop-policy schema` writes.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, ConfigDict, Field, PrivateAttr, StrictBool

from shop_policy.read.base import Model
from shop_policy.read.faults import (
    FAULT_REASONS,
    ByReason,
    DamagedItems,
    Evidence,
    FaultReason,
    Remedy,
)
from shop_policy.read.shop import Marketplace, Shop
from shop_policy.read.values import (
    DEFAULT_TEXT,
    Day,
    LocalText,
    Money,
    VersionNumber,
    Whole,
    text_for,
    unique,
)

# The models, and the values the rest of the code takes from here beside them.
__all__ = [
    "DEFAULT_TEXT",
    "FAULT_REASONS",
    "ByReason",
    "Cancellation",
    "Change",
    "ChangeOfMind",
    "Condition",
    "DamagedItems",
    "Evidence",
    "FaultReason",
    "Marketplace",
    "MarketplaceNotes",
    "NonReturnable",
    "NonReturnableCategory",
    "Payer",
    "Policy",
    "Refunds",
    "Remedy",
    "RestockingFee",
    "ReturnShipping",
    "Returns",
    "ShippingCost",
    "Shop",
    "StoreCredit",
    "Version",
    "text_for",
]

Payer = Literal["buyer", "seller", "flat_fee"]
Condition = Literal[
    "unused", "original_packaging", "tags_attached", "proof_of_purchase", "resellable"
]
NonReturnableCategory = Literal[
    "custom_made", "personalised", "perishable", "hygiene", "sale_items", "gift_cards",
    "digital",
]
ChangeOfMind = Literal["refund", "store_credit", "exchange"]
class Change(Model):
    """One published revision of the policy."""

    number: VersionNumber = Field(description="The version number as published, e.g. 2 or "
                                  "2.1, kept exactly as typed.")
    date: Day = Field(description="The day this version took effect (YYYY-MM-DD).")
    summary: LocalText = Field(description="What changed for buyers, in one or two sentences.")


class Version(Model):
    """Which revision of the policy this is, and what changed over time."""

    number: VersionNumber = Field(description="Version number of this policy, e.g. 2.1, "
                                  "kept exactly as typed (3.10 stays 3.10).")
    effective_date: Day = Field(description="The day this version takes effect (YYYY-MM-DD).")
    changes: list[Change] = Field(default_factory=list,
                                  description="Past revisions, newest first.")


class Cancellation(Model):
    """Whether and until when a buyer can cancel an order."""

    allowed: StrictBool = Field(description="Can buyers cancel an order at all?")
    until: Literal["hours_after_order", "dispatch"] | None = Field(
        default=None, description="hours_after_order: a fixed window after the order "
        "(give `hours`); dispatch: any time until the order is dispatched.")
    hours: Whole | None = Field(default=None, ge=1, le=720,
                              description="Length of the window when `until` is "
                              "hours_after_order.")
    once_shipped: Literal["return", "not_possible"] | None = Field(
        default=None, description="return: after dispatch the buyer sends the item back "
        "under the return rules; not_possible: no way out once dispatched. Leave out for "
        "return when returns.change_of_mind offers anything, else not_possible.")
    extra_text: LocalText | None = Field(default=None, description="Your own words, added at "
                                    "the end of this section.")


class ShippingCost(Model):
    """Who pays to send an item back."""

    payer: Payer = Field(description="buyer, seller, or flat_fee (the buyer pays `fee`, "
                         "taken off the refund).")
    fee: Money | None = Field(default=None, description="The flat fee, when payer is "
                              "flat_fee, in the shop's currency.")


def _seller_pays() -> ShippingCost:
    return ShippingCost(payer="seller")


class ReturnShipping(Model):
    change_of_mind: ShippingCost | None = Field(
        default=None, description="When the buyer simply changed their mind. Needed when "
        "returns.change_of_mind offers anything.")
    damaged_or_not_as_described: ShippingCost = Field(
        default_factory=_seller_pays, description="When the item arrived damaged, "
        "defective or not as described. Leave out for: you pay (the law's floor in most "
        "markets).")


class RestockingFee(Model):
    """A deduction from refunds for change-of-mind returns. Give one of the two."""

    percent: Annotated[Decimal, Field(gt=0, le=50)] | None = Field(
        default=None, description="Percentage of the item price, e.g. 10.")
    amount: Annotated[Decimal, Field(gt=0, le=100_000, decimal_places=2)] | None = Field(
        default=None, description="A fixed amount in the shop's currency.")


class NonReturnable(Model):
    category: NonReturnableCategory = Field(description="The kind of item.")
    wording: LocalText | None = Field(default=None, description="Your own description of these "
                                 "items, shown instead of the standard one.")


class Returns(Model):
    """Returns for a change of mind, and who pays to send back a faulty item."""

    change_of_mind: Annotated[list[ChangeOfMind], AfterValidator(unique)] = Field(
        description="What a buyer who changed their mind can have, in the order you offer "
        "it: refund (to the original payment), store_credit, exchange. Write [] when you "
        "take no returns for a change of mind (faults are still put right).")
    window_days: Whole | None = Field(default=None, ge=1, le=365,
                                    description="Days the buyer has to start a return. "
                                    "Needed when change_of_mind offers anything.")
    window_starts: Literal["delivery", "dispatch"] = Field(
        default="delivery", description="When the return window starts counting.")
    condition: Annotated[list[Condition], AfterValidator(unique)] = Field(
        default_factory=lambda: ["unused"],
        description="What a returned item must be: unused, original_packaging, "
        "tags_attached, proof_of_purchase, resellable.")
    shipping: ReturnShipping = Field(default_factory=ReturnShipping,
                                     description="Who pays return shipping.")
    only_exempt_goods: StrictBool = Field(
        default=False, description="With no returns for a change of mind: true when "
        "everything you sell is exempt from the EU and UK right of withdrawal (made to "
        "order or personalised, perishable, or sealed hygiene goods once unsealed).")
    restocking_fee: RestockingFee | None = Field(
        default=None, description="Leave out for no restocking fee.")
    non_returnable: list[NonReturnable] = Field(
        default_factory=list, description="Items that cannot be returned for a change of "
        "mind.")
    extra_text: LocalText | None = Field(default=None, description="Your own words, added at "
                                    "the end of this section.")

    @property
    def accepted(self) -> bool:
        """Whether a change of mind gets anything at all."""
        return bool(self.change_of_mind)


class StoreCredit(Model):
    bonus_percent: Annotated[Decimal, Field(ge=0, le=100)] = Field(
        default=Decimal(0), description="Extra credit on top of the refund value, in percent.")
    valid_months: Whole | None = Field(default=None, ge=1, le=120,
                                     description="How long credit can be used; leave out "
                                     "for no expiry.")


class Refunds(Model):
    """How and when money goes back."""

    issued_within_days: Whole = Field(ge=1, le=90, description="Days after the return "
                                    "arrives until the refund is issued.")
    includes_original_shipping: StrictBool = Field(
        default=True, description="Is the original standard delivery charge refunded?")
    partial_refunds: StrictBool = Field(description="Do you offer partial refunds, e.g. "
                                        "to settle a small fault?")
    store_credit: StoreCredit | None = Field(default=None, description="Terms of store "
                                             "credit, when you offer it.")
    extra_text: LocalText | None = Field(default=None, description="Your own words, added at "
                                    "the end of this section.")


class MarketplaceNotes(Model):
    """Notes shown where a marketplace's own rules apply."""

    own_shop: LocalText | None = None
    etsy: LocalText | None = None
    ebay: LocalText | None = None
    amazon: LocalText | None = None


class Policy(Model):
    """A shop's cancellation, return and refund policy."""

    model_config = ConfigDict(title="shop-policy")

    version: Version
    shop: Shop
    cancellation: Cancellation
    returns: Returns
    refunds: Refunds
    damaged_items: DamagedItems
    marketplace_notes: MarketplaceNotes = Field(default_factory=MarketplaceNotes)
    # Earlier versions whose facts are known (policies/history/), oldest first.
    _earlier: tuple[Policy, ...] = PrivateAttr(default=())

    @property
    def versions(self) -> tuple[Policy, ...]:
        """Every version whose facts are known, oldest first, this one last."""
        return (*self._earlier, self)

    def in_force(self, day: dt.date) -> Policy | None:
        """The version in force on `day`, if its facts are known; None before the first
        known version, or where the version then in force has no history file."""
        started = [c for c in self.version.changes if c.date <= day]
        if day >= self.version.effective_date:
            return self
        if not started:
            return None
        number = max(started, key=lambda c: c.date).number
        return next((v for v in self._earlier if v.version.number == number), None)

    @property
    def offers_store_credit(self) -> bool:
        """Whether any situation gets store credit under this policy."""
        return ("store_credit" in self.returns.change_of_mind
                or "store_credit" in self.damaged_items.remedies)
