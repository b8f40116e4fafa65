"""The kinds of value a policy holds (a currency, a locale, a website, a day, a text per
language...), each checked with the fix in its message. The models in model.py are
built from them."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError
from babel.localedata import locale_identifiers
from babel.numbers import UnknownCurrencyError, validate_currency
from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, BeforeValidator, Field, HttpUrl, Strict, WithJsonSchema
from pydantic_core import PydanticCustomError

from shop_policy.rules.regions import REGIONS


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


def check_locale(tag: str) -> str:
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


def unique(items: list) -> list:
    seen = set()
    for item in items:
        if item in seen:
            raise _fail(f"'{item}' is listed twice; list each entry once")
        seen.add(item)
    return items


Currency = Annotated[str, AfterValidator(_check_currency)]
LocaleTag = Annotated[str, AfterValidator(check_locale)]
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


def _check_time_zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ValueError, ZoneInfoNotFoundError):
        raise _fail(f"'{name}' is not a time zone; give its IANA name, such as "
                    "Europe/Dublin or America/New_York") from None
    return name


TimeZone = Annotated[str, AfterValidator(_check_time_zone)]

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
