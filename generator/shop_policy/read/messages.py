"""What each pydantic error says to the seller: what is wrong, and how to fix it."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from shop_policy.read.model import Policy

Loc = tuple[str | int, ...]


def fields_at(loc: Loc) -> list[str]:
    """Names allowed in the section at `loc`, for suggestions."""
    model: Any = Policy
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) if _is_model(model) else None
        if field is None:
            return []
        model = _model_in(field.annotation)
    return list(model.model_fields) if _is_model(model) else []


def _is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def _model_in(annotation: Any) -> Any:
    if _is_model(annotation):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def closest(word: str, options: list[str]) -> str | None:
    match = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return match[0] if match else None


def shown(value: Any) -> str:
    """A value as the seller typed it, or what kind of thing it is."""
    if isinstance(value, dict):
        return "a section of keys"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return getattr(value, "source", str(value))  # as typed in the file, if known
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def explain(error: Any, loc: Loc) -> str:
    """The message for one of pydantic's errors at `loc` (the path in the file)."""
    kind = error["type"]
    if kind == "policy":  # our own checks word their message themselves
        return error["msg"]
    value, ctx = error.get("input"), error.get("ctx") or {}
    say = next((say for kinds, say in _MESSAGES if kind in kinds), None)
    if say is None:
        return f"{error['msg']}; see the comments in the JSON Schema for what is allowed"
    if isinstance(say, str):
        return say.format(shown=shown(value), name=_name(loc), **ctx)
    return say(value, ctx, loc, kind)


Say = Callable[[Any, dict[str, Any], Loc, str], str]


def _name(loc: Loc) -> str:
    return str(loc[-1]) if loc else "file"


def _missing(value: Any, ctx: dict[str, Any], loc: Loc, kind: str) -> str:
    if len(loc) == 1:
        return (f"section is missing; add a '{_name(loc)}:' section (the bundled "
                "policies/shop.yaml shows one)")
    return f"is required but missing; add '{_name(loc)}:' to this section"


def _unknown_key(value: Any, ctx: dict[str, Any], loc: Loc, kind: str) -> str:
    options = fields_at(loc[:-1])
    best = closest(_name(loc), options)
    if best:
        return f"is not a known key; did you mean '{best}'?"
    return f"is not a known key; use one of: {', '.join(options)}"


def _not_allowed(value: Any, ctx: dict[str, Any], loc: Loc, kind: str) -> str:
    expected = ctx.get("expected", "").replace("'", "")
    best = closest(str(value), [e.strip() for e in expected.replace(" or ", ", ").split(",")])
    hint = f"did you mean '{best}'?" if best else f"use one of: {expected}"
    return f"{shown(value)} is not allowed here; {hint}"


def _whole(value: Any, ctx: dict[str, Any], loc: Loc, kind: str) -> str:
    if isinstance(value, str) and value.strip().isdigit():
        return (f"expected a whole number, got the text {shown(value)}; write it without "
                f"quotes, as {value.strip()}")
    return f"expected a whole number, got {shown(value)}; write digits only, e.g. 30"


def _too_small(value: Any, ctx: dict[str, Any], loc: Loc, kind: str) -> str:
    word = "at least" if kind == "greater_than_equal" else "more than"
    return f"{shown(value)} is too small; it must be {word} {ctx.get('ge', ctx.get('gt'))}"


def _too_large(value: Any, ctx: dict[str, Any], loc: Loc, kind: str) -> str:
    return (f"{shown(value)} is larger than this tool accepts; it must be at most "
            f"{ctx.get('le', ctx.get('lt'))}")


_MESSAGES: tuple[tuple[set[str], str | Say], ...] = (
    ({"missing"}, _missing),
    ({"extra_forbidden"}, _unknown_key),
    ({"literal_error"}, _not_allowed),
    ({"int_type", "int_parsing", "int_from_float"}, _whole),
    ({"greater_than_equal", "greater_than"}, _too_small),
    ({"less_than_equal", "less_than"}, _too_large),
    ({"bool_type", "bool_parsing"}, "expected true or false, got {shown}; write true or false"),
    ({"string_type"}, "expected text, got {shown}; write it as text, in quotes if needed"),
    ({"local_text_type"}, "expected text, got {shown}; write the text in quotes, or one text "
     "per language on the lines below, such as 'en: ...'"),
    ({"decimal_type", "decimal_parsing"}, "expected a number, got {shown}; write it like 4.50"),
    ({"decimal_max_places"}, "{shown} has more than {decimal_places} decimal places; round it "
     "to cents, e.g. 4.50"),
    ({"date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"},
     "expected a date, got {shown}; write it as YYYY-MM-DD, e.g. 2026-09-01"),
    ({"list_type"}, "expected a list, got {shown}; write each entry on its own line starting "
     "with '- '"),
    ({"model_type", "dict_type", "model_attributes_type"}, "expected a section of keys, got "
     "{shown}; put its keys on the lines below '{name}:', indented"),
    ({"too_short"}, "must not be empty; add at least one entry"),
    ({"too_long"}, "has too many entries; keep at most {max_length}"),
    ({"string_too_short"}, "must not be empty; write the text, or leave the key out"),
    ({"string_too_long"}, "is too long; keep it under {max_length} characters"),
    ({"url_parsing", "url_scheme", "url_type"}, "{shown} is not a web address; write it in "
     "full, like https://example.com/policies/"),
)
