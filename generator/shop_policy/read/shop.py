"""The policy file's `shop` section: who the shop is, where it sells and in which
languages, how it looks and where its days end."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from babel.core import get_global
from pydantic import AfterValidator, Field, StrictBool

from shop_policy.read.base import Model
from shop_policy.read.brand import Brand
from shop_policy.read.values import (
    Country,
    Currency,
    Email,
    LocaleTag,
    Region,
    TimeZone,
    Url,
    Whole,
    unique,
)

Marketplace = Literal["own_shop", "etsy", "ebay", "amazon"]


class Shop(Model):
    """Who the shop is, where it sells and in which languages."""

    name: str = Field(description="The shop's name as buyers know it.", min_length=1,
                      max_length=100)
    email: Email = Field(description="Where buyers write about an order.")
    website: Url = Field(description="The https address where the policy site is "
                         "published, e.g. https://example.com/policies/: no ?query, "
                         "#fragment or user:password@.")
    home: Url | None = Field(default=None, description="The shop's own home page, e.g. "
                             "https://example.com/; leave out for the website's origin.")
    country: Country = Field(description="ISO 3166 two-letter code of the country the shop "
                             "is based in.")
    currency: Currency = Field(description="ISO 4217 code of the currency prices are in.")
    default_locale: LocaleTag = Field(description="The main language, e.g. en. Must be one "
                                      "of `locales`.")
    locales: Annotated[list[LocaleTag], AfterValidator(unique)] = Field(
        min_length=1, description="Every language the policy is published in.")
    marketplaces: Annotated[list[Marketplace], AfterValidator(unique)] = Field(
        min_length=1, description="Where the shop sells: own_shop, etsy, ebay, amazon.")
    sells_to: Annotated[list[Region], AfterValidator(unique)] = Field(
        min_length=1, description="Countries (ISO 3166 codes) or regions (EU, EEA, WORLD) "
        "the shop ships to. Used for the legal checks.")
    fallback_to_default_locale: StrictBool = Field(
        default=False, description="When a text of yours is missing in a language, show "
        "the default locale's text (with a warning) instead of stopping.")
    dispatch_days: Whole = Field(ge=1, le=60, description="Working days it usually takes to "
                               "dispatch an order.")
    import_duties: Literal["buyer", "seller"] | None = Field(
        default=None, description="Who pays import duties, taxes and customs fees on an "
        "order sent to another country: buyer (the carrier or customs asks for them on "
        "delivery) or seller (the shop pays them). Leave out to say nothing about them.")
    return_address: list[Annotated[str, Field(min_length=1, max_length=200)]] | None = Field(
        default=None, max_length=8,
        description="Where returns go, one line per entry. Leave out to send it on request.")
    brand: Brand | None = Field(default=None, description="The shop's look on its policy "
                                "site: logo and colours. Leave out for the default look.")
    time_zone: TimeZone | None = Field(default=None, description="The shop's time zone "
                                       "(IANA name, e.g. Europe/Dublin), where its days "
                                       "end. Leave out where the whole country keeps one "
                                       "time.")

    @property
    def zone(self) -> str | None:
        """Where the shop's days end: time_zone, else its country's time zone when all
        of the country keeps the same time (Germany; not Spain, with the Canaries)."""
        if self.time_zone is not None:
            return self.time_zone
        zones = get_global("territory_zones").get(self.country, ())
        return zones[0] if zones and len({_offsets(zone) for zone in zones}) == 1 else None

    @property
    def home_page(self) -> str:
        """The shop's own home page: `home`, else the origin of the policy site."""
        if self.home is not None:
            return str(self.home)
        parts = urlsplit(str(self.website))
        return f"{parts.scheme}://{parts.netloc}/"


def _offsets(zone: str) -> tuple[dt.timedelta | None, ...]:
    """A zone's offsets from UTC in winter and in summer, to compare zones by."""
    return tuple(dt.datetime(2026, month, 15, 12, tzinfo=ZoneInfo(zone)).utcoffset()
                 for month in (1, 7))
