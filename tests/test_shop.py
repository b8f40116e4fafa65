"""The shop section's derived facts: where the shop's days end, and its home page."""

from __future__ import annotations

import pytest

from tests.test_check import MINIMAL, policy_from


@pytest.mark.parametrize(("country", "zone"), [
    ("DE", "Europe/Berlin"),   # two zones that keep the same time
    ("IE", "Europe/Dublin"),
    ("ES", None),              # the Canaries keep another time: the shop must say
    ("US", None),
])
def test_a_country_that_keeps_one_time_gives_the_shop_its_zone(country: str,
                                                                zone: str | None) -> None:
    assert "country: DE" in MINIMAL
    policy = policy_from(("country: DE", f"country: {country}"))
    assert policy.shop.zone == zone


def test_the_shop_time_zone_wins_and_must_exist() -> None:
    policy = policy_from(("country: DE", "country: ES\n  time_zone: Atlantic/Canary"))
    assert policy.shop.zone == "Atlantic/Canary"
    from shop_policy.errors import PolicyError

    with pytest.raises(PolicyError) as raised:
        policy_from(("country: DE", "country: ES\n  time_zone: Europe/Atlantis"))
    assert "'Europe/Atlantis' is not a time zone; give its IANA name" in str(raised.value)
