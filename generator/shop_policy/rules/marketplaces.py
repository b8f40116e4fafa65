"""Marketplace rules the texts refer to. These are the platforms' facts, not the shop's.

Kept here once, as numbers, so that no template ever writes one as a literal; the
toolkit tells sellers to check each platform's help pages for changes.
"""

from __future__ import annotations

ETSY_CASE_WAIT_HOURS = 48
EBAY_STEP_IN_WORKING_DAYS = 3
AMAZON_CLAIM_WAIT_HOURS = 48
ETSY_RETURN_DEADLINES = (7, 14, 21, 30, 45, 60, 90)
AMAZON_MIN_RETURN_DAYS = 30

# Which cases each marketplace's own process takes up (Etsy's case system, eBay's Money
# Back Guarantee and return requests, Amazon's A-to-z Guarantee), so that the advisor
# prepares an escalation only where the buyer can open one. An item that did not arrive,
# arrived damaged or faulty, or is not as described: all three. A change of mind: only a
# return inside the seller's return window that the seller will not take back (eBay's
# return request, Amazon's A-to-z claim when a return within policy is refused); never
# a cancellation, and never once the window has closed. Etsy's cases never cover it
# (Etsy Help, "How to Resolve a Case from a Buyer": non-delivery, not as described,
# arrived damaged, arrived after the estimated delivery window).
TAKE_PROBLEMS = ("etsy", "ebay", "amazon")
TAKE_REFUSED_RETURNS = ("ebay", "amazon")
