"""schema.org JSON-LD on the policy page, checked against the policy."""

from __future__ import annotations

import json
import re

from shop_policy.rules.regions import EU
from tests.golden import CASES, render_case

SCHEMA = "https://schema.org/"


def json_ld(text: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert match is not None
    return json.loads(match.group(1))


def test_fees_policy() -> None:
    data = json_ld(render_case(CASES["fees"])["site_src/en/policy.md"])
    assert data["@context"] == "https://schema.org" and data["@type"] == "OnlineStore"
    assert data["name"] == "Loop Yarns" and data["url"] == "https://loopyarns.example/"
    policy = data["hasMerchantReturnPolicy"]
    assert policy["@type"] == "MerchantReturnPolicy"
    assert policy["applicableCountry"] == ["GB"], "WORLD is not a country code"
    assert policy["returnPolicyCountry"] == "GB"
    assert policy["returnPolicyCategory"] == SCHEMA + "MerchantReturnFiniteReturnWindow"
    assert policy["merchantReturnDays"] == 60
    assert policy["merchantReturnLink"] == "https://loopyarns.example/policy/en/policy/#returns"
    assert policy["returnMethod"] == SCHEMA + "ReturnByMail"
    assert policy["returnFees"] == SCHEMA + "ReturnShippingFees"
    assert policy["customerRemorseReturnFees"] == SCHEMA + "ReturnShippingFees"
    assert policy["customerRemorseReturnShippingFeesAmount"] == {
        "@type": "MonetaryAmount", "value": 3.95, "currency": "GBP"}
    assert policy["itemDefectReturnFees"] == SCHEMA + "FreeReturn"
    assert policy["refundType"] == [SCHEMA + "StoreCreditRefund", SCHEMA + "FullRefund",
                                    SCHEMA + "ExchangeRefund"]
    assert policy["restockingFee"] == 12.5
    assert policy["itemCondition"] == SCHEMA + "NewCondition", "returns must be unused"


def test_no_returns_policy() -> None:
    policy = json_ld(render_case(CASES["strict"])["site_src/en/policy.md"])[
        "hasMerchantReturnPolicy"]
    assert policy["returnPolicyCategory"] == SCHEMA + "MerchantReturnNotPermitted"
    assert "merchantReturnDays" not in policy and "returnFees" not in policy
    assert policy["applicableCountry"] == ["US"]
    assert policy["itemDefectReturnFees"] == SCHEMA + "FreeReturn"


def test_eu_expands_to_member_states() -> None:
    policy = json_ld(render_case(CASES["minimal"])["site_src/en/policy.md"])[
        "hasMerchantReturnPolicy"]
    assert policy["applicableCountry"] == list(EU)
    assert len(policy["applicableCountry"]) == 27
    assert policy["customerRemorseReturnFees"] == SCHEMA + "ReturnFeesCustomerResponsibility"
    assert "restockingFee" not in policy


def test_changes_page_and_last_updated_line() -> None:
    files = render_case(CASES["fees"])
    page = files["site_src/en/policy.md"]
    assert ("*Last updated on October 15, 2026 (version 7). [See what changed](changes.md)*"
            in page)
    changes = files["site_src/en/changes.md"]
    assert "| [7](policy/v7.md) | October 15, 2026 | Restocking fee lowered\\. |" in changes
    assert "- changes.md" not in files["site_src/mkdocs.en.yml"]
    assert "changes.md" in files["site_src/mkdocs.en.yml"]


def test_the_store_is_the_shop_home_page_not_the_policy_site(tmp_path) -> None:
    from shop_policy.outputs.structured import json_ld
    from shop_policy.read.validate import read_policy
    from shop_policy.text.facts import facts_for
    from shop_policy.text.translations import translations

    def store_url(policy) -> str:
        return json_ld(policy, facts_for(policy, "en", translations("en")))["url"]

    text = CASES["minimal"].read_text("utf-8")
    assert store_url(read_policy(CASES["minimal"])) == "https://test-shop.example/"
    path = tmp_path / "shop.yaml"
    path.write_text(text.replace("  country: DE\n", "  home: https://shop.example/de/\n"
                                 "  country: DE\n"), "utf-8")
    assert store_url(read_policy(path)) == "https://shop.example/de/"
