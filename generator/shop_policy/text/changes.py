"""What changed in facts from one version of the policy to the next, in a locale's words:
"Return window: 21 days → 30 days", generated beside the seller's own summary."""

from __future__ import annotations

import gettext

from babel.lists import format_list

from shop_policy.read.model import Policy
from shop_policy.text import labels
from shop_policy.text.facts import facts_for
from shop_policy.text.labels import N_

# The facts a buyer would notice, in the order of the policy page.
COMPARED = {
    "cancel_window": N_("Time to cancel"),
    "change_of_mind": N_("For a change of mind"),
    "return_window": N_("Return window"),
    "change_of_mind_fee": N_("Return postage for a change of mind"),
    "restocking_fee": N_("Restocking fee"),
    "refund_days": N_("Time to refund"),
    "store_credit_bonus": N_("Store credit bonus"),
    "store_credit_validity": N_("Store credit can be used for"),
    "report_window": N_("Time to report a problem"),
}


def _values(policy: Policy, locale: str, catalog: gettext.NullTranslations
            ) -> dict[str, str]:
    _ = catalog.gettext
    facts = facts_for(policy, locale, catalog)
    values = {name: getattr(facts, name) for name in COMPARED if hasattr(facts, name)}
    cancel = policy.cancellation
    if not cancel.allowed:
        values["cancel_window"] = _(N_("no cancellations"))
    elif cancel.until == "dispatch":
        values["cancel_window"] = _(N_("until dispatch"))
    offered = [_(labels.CHANGE_OF_MIND[o]) for o in policy.returns.change_of_mind]
    values["change_of_mind"] = format_list(offered, locale=locale) if offered else _(
        N_("no returns"))
    postage = policy.returns.shipping.change_of_mind
    if postage is not None and postage.payer != "flat_fee":
        values["change_of_mind_fee"] = _(N_("paid by you") if postage.payer == "buyer"
                                         else N_("paid by us"))
    if policy.refunds.store_credit is not None and not facts.store_credit_validity:
        values["store_credit_validity"] = _(N_("no expiry"))
    return values


def changed_facts(before: Policy, after: Policy, locale: str,
                  catalog: gettext.NullTranslations) -> list[str]:
    """One line per fact that differs from `before` to `after`."""
    _ = catalog.gettext
    old, new = _values(before, locale, catalog), _values(after, locale, catalog)
    none = _(N_("none"))
    return [_(N_("%(what)s: %(before)s → %(after)s")) % {
                "what": _(label), "before": old[name] or none, "after": new[name] or none}
            for name, label in COMPARED.items() if old[name] != new[name]]
