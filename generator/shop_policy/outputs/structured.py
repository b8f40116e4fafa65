"""schema.org structured data for the policy page: an OnlineStore and its return policy.

Values follow schema.org's enumerations (https://schema.org/MerchantReturnPolicy);
search engines read them from the JSON-LD block at the top of each policy page.
"""

from __future__ import annotations

from typing import Any

from shop_policy.read.model import Policy, ShippingCost
from shop_policy.rules.regions import countries
from shop_policy.text.facts import Facts

SCHEMA = "https://schema.org/"
REFUND_TYPES = {"refund": "FullRefund", "store_credit": "StoreCreditRefund",
                "exchange": "ExchangeRefund"}


def _money(amount: Any, currency: str) -> dict[str, Any]:
    return {"@type": "MonetaryAmount", "value": float(amount), "currency": currency}


def _fees(cost: ShippingCost) -> str:
    return SCHEMA + {"seller": "FreeReturn", "buyer": "ReturnFeesCustomerResponsibility",
                     "flat_fee": "ReturnShippingFees"}[cost.payer]


def return_policy(policy: Policy, facts: Facts) -> dict[str, Any]:
    returns = policy.returns
    shop = policy.shop
    data: dict[str, Any] = {
        "@type": "MerchantReturnPolicy",
        "applicableCountry": countries(shop.sells_to),
        "returnPolicyCountry": shop.country,
        "merchantReturnLink": f"{facts.policy_url}#returns",
    }
    if not returns.accepted:
        data["returnPolicyCategory"] = SCHEMA + "MerchantReturnNotPermitted"
    else:
        data["returnPolicyCategory"] = SCHEMA + "MerchantReturnFiniteReturnWindow"
        data["merchantReturnDays"] = returns.window_days
        data["returnMethod"] = SCHEMA + "ReturnByMail"
        remorse = returns.shipping.change_of_mind
        data["returnFees"] = _fees(remorse)
        data["customerRemorseReturnFees"] = _fees(remorse)
        if remorse.fee is not None:
            money = _money(remorse.fee, shop.currency)
            data["returnShippingFeesAmount"] = money
            data["customerRemorseReturnShippingFeesAmount"] = money
        if "unused" in returns.condition:
            data["itemCondition"] = SCHEMA + "NewCondition"
        types = [SCHEMA + REFUND_TYPES[m] for m in returns.change_of_mind]
        if types:
            data["refundType"] = types
        fee = returns.restocking_fee
        if fee is not None and fee.percent is not None:
            data["restockingFee"] = float(fee.percent)
        elif fee is not None and fee.amount is not None:
            data["restockingFee"] = _money(fee.amount, shop.currency)
    defect = returns.shipping.damaged_or_not_as_described
    data["itemDefectReturnFees"] = _fees(defect)
    if defect.fee is not None:
        data["itemDefectReturnShippingFeesAmount"] = _money(defect.fee, shop.currency)
    return data


def json_ld(policy: Policy, facts: Facts) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "OnlineStore",
        "name": policy.shop.name,
        "url": policy.shop.home_page,
        "email": policy.shop.email,
        "hasMerchantReturnPolicy": return_policy(policy, facts),
    }
