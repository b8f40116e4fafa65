"""The policy file's schema: strict pydantic models, frozen once validated.

Field descriptions here are what an editor shows while the seller types, through
the JSON Schema that `shop-policy schema` writes.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Literal

from babel import Locale, UnknownLocaleError
from babel.localedata import locale_identifiers
from babel.numbers import UnknownCurrencyError, validate_currency
from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    Strict,
    StrictBool,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

Marketplace = Literal["own_shop", "etsy", "ebay", "amazon"]
Payer = Literal["buyer", "seller", "flat_fee"]
Condition = Literal[
    "unused", "original_packaging", "tags_attached", "proof_of_purchase", "resellable"
]
NonReturnableCategory = Literal[
    "custom_made", "personalised", "perishable", "hygiene", "sale_items", "gift_cards",
    "digital",
]
RefundMethod = Literal["original_payment", "store_credit", "exchange", "replacement"]
Evidence = Literal[
    "photos_of_item", "photos_of_packaging", "photo_of_shipping_label", "order_number",
    "description_of_fault",
]
Remedy = Literal["replacement", "refund", "partial_refund", "repair", "store_credit"]

REGIONS = {"EU": "European Union", "EEA": "European Economic Area", "WORLD": "worldwide"}
EU = ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
      "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE")
EEA = (*EU, "IS", "LI", "NO")


def _fail(message: str) -> PydanticCustomError:
    return PydanticCustomError("policy", message)


def _check_currency(code: str) -> str:
    if code != code.upper() or len(code) != 3:
        raise _fail(f"'{code}' is not a currency code; write the three capital letters of "
                    "its ISO 4217 code, such as EUR, USD or GBP")
    try:
        validate_currency(code)
    except UnknownCurrencyError:
        raise _fail(f"'{code}' is not a known currency; use an ISO 4217 code such as EUR, "
                    "USD or GBP") from None
    return code


_LOCALES = frozenset(locale_identifiers())


def _check_locale(tag: str) -> str:
    """Accept only identifiers Babel knows exactly: 'en_ZZ' must not become 'en_US'."""
    normal = tag.replace("-", "_")
    try:
        parsed = Locale.parse(normal)
    except (ValueError, UnknownLocaleError):
        parsed = None
    if parsed is None or normal not in _LOCALES or str(parsed) != normal:
        raise _fail(f"'{tag}' is not a known locale; use a language code such as en, de or "
                    "fr, optionally with a region as in pt_BR")
    return normal


def _check_email(address: str) -> str:
    try:
        return validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise _fail(f"'{address}' is not a usable email address ({exc}); write it as "
                    "name@example.com") from None


def _check_region(code: str) -> str:
    if code in REGIONS:
        return code
    territories = Locale("en").territories
    if len(code) == 2 and code.isalpha() and code.isupper() and code in territories:
        return code
    raise _fail(f"'{code}' is not a country or region; use a two-letter ISO 3166 country "
                f"code such as DE or US, or one of {', '.join(REGIONS)}")


def _check_country(code: str) -> str:
    if code in REGIONS:
        raise _fail(f"'{code}' is a region, not a country; give the two-letter code of the "
                    "country the shop is based in, such as IE")
    return _check_region(code)


def _check_url(url: HttpUrl) -> str:
    """The site's base address: pages are linked as <address><locale>/policy/, so it has
    no query, fragment or credentials, and a path is a folder (a missing '/' is added)."""
    text = str(url)
    if url.scheme != "https":
        raise _fail(f"'{text}' is not an https address; publish the policy on an https:// "
                    "address so buyers' browsers trust the link")
    port = f":{url.port}" if url.port not in (None, 443) else ""
    path = url.path or "/"
    base = f"https://{url.host}{port}{path if path.endswith('/') else path + '/'}"
    extras = []
    if url.username or url.password:
        extras.append("a user name and password (…@), which must not be published")
    if url.query is not None:
        extras.append(f"a query (?{url.query})")
    if url.fragment is not None:
        extras.append(f"a fragment (#{url.fragment})")
    if extras:
        what = extras[0] if len(extras) == 1 else ", ".join(extras[:-1]) + " and " + extras[-1]
        raise _fail(f"has {what}; write the plain base address, {base} (links to the pages "
                    f"add the language to it, e.g. {base}en/policy/)")
    return base


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day_as_written(value: object) -> object:
    """A date is written YYYY-MM-DD: not a count of seconds, nor a date and time."""
    if not isinstance(value, str) or not _DAY.fullmatch(value.strip()):
        raise PydanticCustomError("date_type", "expected a date")
    return value


def _number_as_typed(value: object) -> object:
    """A number where text is expected is the text it was typed as: the loader keeps it
    (as `source`), so a version 3.10 stays "3.10", not the float 3.1."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return getattr(value, "source", str(value))
    return value


def _unique(items: list) -> list:
    seen = set()
    for item in items:
        if item in seen:
            raise _fail(f"'{item}' is listed twice; list each entry once")
        seen.add(item)
    return items


Currency = Annotated[str, AfterValidator(_check_currency)]
LocaleTag = Annotated[str, AfterValidator(_check_locale)]
Email = Annotated[str, AfterValidator(_check_email)]
Region = Annotated[str, AfterValidator(_check_region)]
Country = Annotated[str, AfterValidator(_check_country)]
Url = Annotated[HttpUrl, AfterValidator(_check_url)]
Text = Annotated[str, Field(min_length=1, max_length=4000)]
Day = Annotated[dt.date, BeforeValidator(_day_as_written)]
VersionNumber = Annotated[
    str, BeforeValidator(_number_as_typed), Field(min_length=1, max_length=20),
    WithJsonSchema({"type": ["string", "number"], "minLength": 1, "maxLength": 20}),
]
# Whole numbers are strict: YAML's true is not 1 day, 2.0 and "2" are refused too.
Whole = Annotated[int, Strict()]

DEFAULT_TEXT = "*"


def _one_text_per_locale(value: object) -> object:
    """A plain string is the default locale's text; a mapping gives one per locale."""
    if isinstance(value, str):
        return {DEFAULT_TEXT: value}
    if not isinstance(value, dict):
        raise PydanticCustomError("local_text_type", "expected text")
    return value


def text_for(texts: dict[str, str], locale: str, default: str) -> str:
    """The seller's text for `locale`, else the default locale's (validation makes sure it
    exists, or that falling back was allowed)."""
    return texts.get(locale) or texts.get(default) or texts[DEFAULT_TEXT]


LocalText = Annotated[
    dict[str, Text],
    BeforeValidator(_one_text_per_locale),
    WithJsonSchema({"anyOf": [
        {"type": "string", "description": "The text in the default locale."},
        {"type": "object", "additionalProperties": {"type": "string"},
         "description": "One text per published locale, e.g. en: ..., de: ..."},
    ]}),
]
Money = Annotated[Decimal, Field(ge=0, le=100_000, decimal_places=2)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


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


class Shop(Model):
    """Who the shop is, where it sells and in which languages."""

    name: str = Field(description="The shop's name as buyers know it.", min_length=1,
                      max_length=100)
    email: Email = Field(description="Where buyers write about an order.")
    website: Url = Field(description="The https address where the policy site is "
                         "published, e.g. https://example.com/policies/: no ?query, "
                         "#fragment or user:password@.")
    country: Country = Field(description="ISO 3166 two-letter code of the country the shop "
                             "is based in.")
    currency: Currency = Field(description="ISO 4217 code of the currency prices are in.")
    default_locale: LocaleTag = Field(description="The main language, e.g. en. Must be one "
                                      "of `locales`.")
    locales: Annotated[list[LocaleTag], AfterValidator(_unique)] = Field(
        min_length=1, description="Every language the policy is published in.")
    marketplaces: Annotated[list[Marketplace], AfterValidator(_unique)] = Field(
        min_length=1, description="Where the shop sells: own_shop, etsy, ebay, amazon.")
    sells_to: Annotated[list[Region], AfterValidator(_unique)] = Field(
        min_length=1, description="Countries (ISO 3166 codes) or regions (EU, EEA, WORLD) "
        "the shop ships to. Used for the legal checks.")
    fallback_to_default_locale: StrictBool = Field(
        default=False, description="When a text of yours is missing in a language, show "
        "the default locale's text (with a warning) instead of stopping.")
    dispatch_days: Whole = Field(ge=1, le=60, description="Working days it usually takes to "
                               "dispatch an order.")
    return_address: list[Annotated[str, Field(min_length=1, max_length=200)]] | None = Field(
        default=None, max_length=8,
        description="Where returns go, one line per entry. Leave out to send it on request.")


class Cancellation(Model):
    """Whether and until when a buyer can cancel an order."""

    allowed: StrictBool = Field(description="Can buyers cancel an order at all?")
    until: Literal["hours_after_order", "dispatch"] | None = Field(
        default=None, description="hours_after_order: a fixed window after the order "
        "(give `hours`); dispatch: any time until the order is dispatched.")
    hours: Whole | None = Field(default=None, ge=1, le=720,
                              description="Length of the window when `until` is "
                              "hours_after_order.")
    once_shipped: Literal["return", "not_possible"] = Field(
        default="return", description="return: after dispatch the buyer sends the item "
        "back under the return rules; not_possible: no way out once dispatched.")
    extra_text: LocalText | None = Field(default=None, description="Your own words, added at "
                                    "the end of this section.")


class ShippingCost(Model):
    """Who pays to send an item back."""

    payer: Payer = Field(description="buyer, seller, or flat_fee (the buyer pays `fee`, "
                         "taken off the refund).")
    fee: Money | None = Field(default=None, description="The flat fee, when payer is "
                              "flat_fee, in the shop's currency.")


class ReturnShipping(Model):
    change_of_mind: ShippingCost = Field(description="When the buyer simply changed their "
                                         "mind.")
    damaged_or_not_as_described: ShippingCost = Field(
        description="When the item arrived damaged, defective or not as described.")


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
    """Returns for a change of mind."""

    accepted: StrictBool = Field(description="Do you take back items for a change of mind?")
    window_days: Whole | None = Field(default=None, ge=1, le=365,
                                    description="Days the buyer has to start a return.")
    window_starts: Literal["delivery", "dispatch"] = Field(
        default="delivery", description="When the return window starts counting.")
    condition: Annotated[list[Condition], AfterValidator(_unique)] = Field(
        default_factory=lambda: ["unused"],
        description="What a returned item must be: unused, original_packaging, "
        "tags_attached, proof_of_purchase, resellable.")
    shipping: ReturnShipping = Field(description="Who pays return shipping.")
    restocking_fee: RestockingFee | None = Field(
        default=None, description="Leave out for no restocking fee.")
    non_returnable: list[NonReturnable] = Field(
        default_factory=list, description="Items that cannot be returned for a change of "
        "mind.")
    extra_text: LocalText | None = Field(default=None, description="Your own words, added at "
                                    "the end of this section.")


class StoreCredit(Model):
    bonus_percent: Annotated[Decimal, Field(ge=0, le=100)] = Field(
        default=Decimal(0), description="Extra credit on top of the refund value, in percent.")
    valid_months: Whole | None = Field(default=None, ge=1, le=120,
                                     description="How long credit can be used; leave out "
                                     "for no expiry.")


class Refunds(Model):
    """How and when money goes back."""

    methods: Annotated[list[RefundMethod], AfterValidator(_unique)] = Field(
        min_length=1, description="original_payment, store_credit, exchange, replacement.")
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


class DamagedItems(Model):
    """Items that arrive damaged, defective or not as described."""

    report_within_days: Whole = Field(ge=1, le=365, description="Days after delivery to tell "
                                    "you about a problem.")
    evidence: Annotated[list[Evidence], AfterValidator(_unique)] = Field(
        default_factory=lambda: ["photos_of_item"], description="What you ask the buyer "
        "to send.")
    remedies: Annotated[list[Remedy], AfterValidator(_unique)] = Field(
        min_length=1, description="What you offer, in the order you offer it.")
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
