"""What a problem with an order gets: an item damaged in transit, faulty, not as
described, or a parcel that never arrives. Part of the policy file's schema (model.py)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from shop_policy.read.base import Model
from shop_policy.read.values import LocalText, Whole, unique

Evidence = Literal[
    "photos_of_item", "photos_of_packaging", "photo_of_shipping_label", "order_number",
    "description_of_fault",
]
Remedy = Literal["replacement", "refund", "partial_refund", "repair", "store_credit"]
NotReceivedRemedy = Literal["replacement", "refund", "store_credit"]
FaultReason = Literal["damaged_in_transit", "faulty", "not_as_described", "not_received"]
FAULT_REASONS: tuple[FaultReason, ...] = ("damaged_in_transit", "faulty", "not_as_described")
# What a parcel that never arrives gets when the policy does not say.
NOT_RECEIVED_DEFAULT = ("replacement", "refund")


Remedies = Annotated[list[Remedy], AfterValidator(unique), Field(min_length=1)]


class ByReason(Model):
    """What one kind of problem gets, where it differs from damaged_items.remedies."""

    damaged_in_transit: Remedies | None = Field(default=None, description="An item that "
                                                "arrived broken or damaged.")
    faulty: Remedies | None = Field(default=None, description="An item that does not work "
                                    "as it should.")
    not_as_described: Remedies | None = Field(default=None, description="An item that is "
                                              "not what the listing described.")
    not_received: Annotated[list[NotReceivedRemedy], AfterValidator(unique),
                            Field(min_length=1)] | None = Field(
        default=None, description="A parcel that never arrives: replacement, refund, "
        "store_credit. Leave out for a replacement or a refund.")


class DamagedItems(Model):
    """Items that arrive damaged, defective or not as described."""

    report_within_days: Whole = Field(ge=1, le=365, description="Days after delivery to tell "
                                    "you about a problem.")
    evidence: Annotated[list[Evidence], AfterValidator(unique)] = Field(
        default_factory=lambda: ["photos_of_item"], description="What you ask the buyer "
        "to send.")
    remedies: Annotated[list[Remedy], AfterValidator(unique)] = Field(
        min_length=1, description="What you offer for an item that arrived damaged, is "
        "faulty or is not as described, in the order you offer it.")
    by_reason: ByReason = Field(default_factory=ByReason, description="Where one kind of "
                                "problem gets something else: its own list, in your order.")
    extra_text: LocalText | None = Field(default=None, description="Your own words, added at "
                                    "the end of this section.")

    def remedies_for(self, reason: FaultReason) -> list[str]:
        """What `reason` gets, in the seller's order."""
        own = getattr(self.by_reason, reason)
        if own is not None:
            return list(own)
        return list(NOT_RECEIVED_DEFAULT) if reason == "not_received" else list(self.remedies)

    @property
    def differs_by_reason(self) -> bool:
        """Whether the three kinds of fault do not all get the same."""
        return len({tuple(self.remedies_for(r)) for r in FAULT_REASONS}) > 1
