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
