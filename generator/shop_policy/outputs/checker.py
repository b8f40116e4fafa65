""""Can I still return it?": the policy page's small form, which answers in the buyer's
browser from the same windows as `shop-policy advise` (casework/advisor.py's decision
table, mirrored by static/site.js). Nothing the buyer enters leaves the page."""

from __future__ import annotations

import gettext
from typing import Any

from babel.dates import get_timezone_name

from shop_policy.casework.advisor import decision_table
from shop_policy.read.model import Policy
from shop_policy.text import labels
from shop_policy.text.render import guaranteed, return_mail

REASONS = ("change_of_mind", "damaged_in_transit", "faulty", "not_as_described")


def checker_data(policy: Policy, locale: str, catalog: gettext.NullTranslations
                 ) -> dict[str, Any]:
    """What the script needs: the two windows, the answers in the locale's words, and
    where to write."""
    table = decision_table(policy)
    say = catalog.gettext
    texts = {key: say(labels.CHECKER[key]) for key in (
        "return.open", "return.last_day", "return.closed", "report.open",
        "report.last_day", "future", "delivery", "dispatch")}
    texts["report.closed"] = say(labels.CHECKER["report.closed" if guaranteed(policy.shop.sells_to)
                                                else "report.closed_plain"])
    texts["return.not_offered"] = say("No returns for a change of mind.")
    email = policy.shop.email
    return {
        "locale": locale.replace("_", "-"),
        "zone": policy.shop.zone or "",
        "return": table["return"], "report": table["report"],
        "texts": texts,
        "next": {
            "return": {"text": say("Start a return"), "href": str(return_mail(email, locale))},
            "report": {"text": say(labels.CHECKER["write"]), "href": f"mailto:{email}"},
        },
    }


def zone_name(policy: Policy, locale: str) -> str:
    """The shop's time zone as the locale names it ("Irish Time"), or "" if unknown."""
    zone = policy.shop.zone
    return get_timezone_name(zone, width="long", locale=locale) if zone else ""
