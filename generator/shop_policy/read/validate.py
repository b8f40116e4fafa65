"""Turn a loaded document into a Policy, or into every problem found, located in the file."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from babel.numbers import get_currency_precision
from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from shop_policy.errors import PolicyError, Problem, dotted
from shop_policy.read.history import with_history
from shop_policy.read.load import Document, load
from shop_policy.read.messages import closest, explain, fields_at
from shop_policy.read.migrate import upgrade
from shop_policy.read.model import DEFAULT_TEXT, Policy
from shop_policy.read.unused import unused_keys
from shop_policy.read.values import check_locale
from shop_policy.text.translations import available_locales, catalog_for

Check = tuple[tuple[str | int, ...], str, bool]  # (path, message, point at the key)

log = logging.getLogger(__name__)


def read_policy(path: str | Path) -> Policy:
    """Load, validate and check the policy at `path`; raise PolicyError listing all problems.

    Warnings (a text of your own missing in a language, when falling back is allowed)
    are logged on the "shop_policy" logger, one Problem each (`extra={"problem": ...}`).
    """
    return with_history(validate(load(path)), Path(path), validate)


def validate(doc: Document) -> Policy:
    """The Policy in `doc`, checked; raises PolicyError listing every problem. Warnings are
    logged, as read_policy says."""
    upgraded = upgrade(doc)
    try:
        policy = Policy.model_validate(doc.data)
    except ValidationError as exc:
        raise PolicyError(_problems(doc, exc)) from None
    checks = [*_cross_checks(policy), *_local_text_checks(policy),
              *_brand_checks(policy, Path(doc.path).parent)]
    problems = [_problem(doc, path, message, key=on_key)
                for path, message, on_key in checks]
    if problems:
        raise PolicyError(problems)
    warnings = [*upgraded, *(_problem(doc, path, message, key=True)
                             for path, message in unused_keys(doc.data, policy)),
                *(_problem(doc, path, message)
                  for path, message in _local_text_fallbacks(policy))]
    for problem in warnings:
        log.warning("%s", problem, extra={"problem": problem})
    return policy


def _brand_checks(policy: Policy, folder: Path) -> Iterator[Check]:
    """The logo is a readable image file of a sensible size (read here, once)."""
    brand = policy.shop.brand
    problem = brand.logo_problem(folder) if brand is not None else None
    if problem is not None:
        yield (("shop", "brand", "logo"), problem, False)


def _local_texts(node: Any, path: tuple[str | int, ...] = ()
                 ) -> Iterator[tuple[tuple[str | int, ...], dict[str, str]]]:
    """Every text of the seller's own (one text per locale), with its path."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _local_texts(getattr(node, name), (*path, name))
    elif isinstance(node, list | tuple):
        for index, item in enumerate(node):
            yield from _local_texts(item, (*path, index))
    elif isinstance(node, dict):
        yield path, node


def _missing_locales(policy: Policy, texts: dict[str, str]) -> list[str]:
    default = policy.shop.default_locale
    return [loc for loc in policy.shop.locales
            if loc not in texts and not (loc == default and DEFAULT_TEXT in texts)]


def _local_text_checks(policy: Policy) -> Iterator[Check]:
    shop = policy.shop
    default = shop.default_locale
    for path, texts in _local_texts(policy):
        for key in texts:
            if key != DEFAULT_TEXT and key not in shop.locales and not _is_locale(key):
                yield ((*path, key), f"'{key}' is not a locale; use the codes listed in "
                       f"shop.locales ({', '.join(shop.locales)})", True)
        missing = _missing_locales(policy, texts)
        has_default = default not in missing
        if missing and shop.fallback_to_default_locale and has_default:
            continue
        if default in missing:
            yield (path, f"has no text for the default locale '{default}'; add "
                   f"'{default}:' with your text", False)
        others = [loc for loc in missing if loc != default]
        if others:
            names = ", ".join(others)
            yield (path, f"has no text for {names}; add one line per language "
                   f"({others[0]}: ...), or set shop.fallback_to_default_locale: true to show "
                   f"the '{default}' text there", False)


def _is_locale(key: str) -> bool:
    try:
        check_locale(key)
    except PydanticCustomError:
        return False
    return True


def _local_text_fallbacks(policy: Policy) -> Iterator[tuple[tuple[str | int, ...], str]]:
    default = policy.shop.default_locale
    for path, texts in _local_texts(policy):
        for key in texts:
            if key != DEFAULT_TEXT and key not in policy.shop.locales and _is_locale(key):
                yield ((*path, key), f"warning: '{key}' is not in shop.locales, so this text "
                       "is not published")
        missing = _missing_locales(policy, texts)
        if missing:
            yield (path, f"warning: has no text for {', '.join(missing)}; the '{default}' "
                   "text is shown there")


def _problem(doc: Document, path: tuple[str | int, ...], message: str, *,
             key: bool = False) -> Problem:
    line, column = doc.locate(path, key=key)
    return Problem(doc.path, line, column, dotted(path), message)


def _problems(doc: Document, exc: ValidationError) -> list[Problem]:
    errors = exc.errors(include_url=False)
    # A misspelt key also shows up as a missing one; report only the misspelling.
    misspelt = set()
    for error in errors:
        loc = _data_path(error["loc"])
        if error["type"] == "extra_forbidden" and loc:
            best = closest(str(loc[-1]), fields_at(loc[:-1]))
            if best:
                misspelt.add((*loc[:-1], best))
    problems = []
    for error in errors:
        loc = _data_path(error["loc"])
        if error["type"] == "missing" and loc in misspelt:
            continue
        if error["type"] == "missing":
            parent = loc[:-1]
            line, column = doc.locate(parent, key=True) if parent else (1, 1)
            problems.append(Problem(doc.path, line, column, dotted(loc), explain(error, loc)))
        else:
            problems.append(_problem(doc, loc, explain(error, loc),
                                     key=error["type"] == "extra_forbidden"))
    return problems


def _data_path(loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """Drop the parts pydantic adds for union members and validators, and the key under
    which a text given for the default locale alone is kept."""
    return tuple(part for part in loc
                 if isinstance(part, int) or not (_is_tag(str(part)) or part == DEFAULT_TEXT))


def _is_tag(part: str) -> bool:
    return "[" in part or part in {"function-after", "function-before", "function-wrap"}


def _cross_checks(policy: Policy) -> Iterator[Check]:
    """Rules that involve more than one key. Yields (path, message, point at key)."""
    for checks in (_locale_checks, _cancellation_checks, _returns_checks, _amount_checks,
                   _note_checks, _version_checks):
        yield from checks(policy)


def _locale_checks(policy: Policy) -> Iterator[Check]:
    shop = policy.shop
    if shop.default_locale not in shop.locales:
        yield (("shop", "default_locale"),
               f"'{shop.default_locale}' is not among shop.locales; add it to the list or "
               "pick one of " + ", ".join(shop.locales), False)
    known = available_locales()
    for index, tag in enumerate(shop.locales):
        if catalog_for(tag) is None:
            yield (("shop", "locales", index),
                   f"there is no translation for '{tag}' yet; use one of "
                   f"{', '.join(known)} (see the README to add a language)", False)


def _cancellation_checks(policy: Policy) -> Iterator[Check]:
    cancel = policy.cancellation
    if cancel.allowed and cancel.until is None:
        yield (("cancellation", "until"), "is required when allowed is true; write "
               "hours_after_order (and give hours) or dispatch", False)
    if cancel.until == "hours_after_order" and cancel.hours is None:
        yield (("cancellation", "until"), "needs cancellation.hours; add 'hours:' with the "
               "length of the window, e.g. 24", False)
    if cancel.until == "dispatch" and cancel.hours is not None:
        yield (("cancellation", "hours"), "has no meaning when until is dispatch; remove it, "
               "or set until to hours_after_order", True)
    if not cancel.allowed and (cancel.until or cancel.hours):
        yield (("cancellation", "allowed"), "is false, yet a cancellation window is given; "
               "set allowed to true, or remove until and hours", False)
    if cancel.allowed and cancel.once_shipped == "return" and not policy.returns.accepted:
        yield (("cancellation", "once_shipped"), "sends buyers to the return rules, but "
               "returns.change_of_mind offers nothing; write not_possible, or list what a "
               "change of mind gets", False)


def _returns_checks(policy: Policy) -> Iterator[Check]:
    returns = policy.returns
    if returns.accepted and returns.window_days is None:
        yield (("returns", "change_of_mind"), "offers returns, so returns.window_days is "
               "needed; add 'window_days:' with the number of days, e.g. 30", True)
    if returns.accepted and returns.shipping.change_of_mind is None:
        yield (("returns", "change_of_mind"), "offers returns, so returns.shipping."
               "change_of_mind.payer is needed: who pays to send it back (buyer, seller or "
               "flat_fee)", True)
    for case in ("change_of_mind", "damaged_or_not_as_described"):
        cost = getattr(returns.shipping, case)
        if cost is None:
            continue
        if cost.payer == "flat_fee" and cost.fee is None:
            yield (("returns", "shipping", case, "payer"), "is flat_fee, so a fee is "
                   "needed; add 'fee:' with the amount, e.g. 4.50", False)
        if cost.payer != "flat_fee" and cost.fee is not None:
            yield (("returns", "shipping", case, "fee"), "is only used when payer is "
                   "flat_fee; remove it, or set payer to flat_fee", True)


def _amount_checks(policy: Policy) -> Iterator[Check]:
    shop, returns = policy.shop, policy.returns
    digits = get_currency_precision(shop.currency)
    amounts: list[tuple[tuple[str | int, ...], Decimal | None]] = [
        (("returns", "shipping", case, "fee"), getattr(returns.shipping, case).fee)
        for case in ("change_of_mind", "damaged_or_not_as_described")
        if getattr(returns.shipping, case) is not None]
    if returns.restocking_fee is not None:
        amounts.append((("returns", "restocking_fee", "amount"), returns.restocking_fee.amount))
    for path, amount in amounts:
        if amount is not None and -amount.normalize().as_tuple().exponent > digits:
            unit = "whole numbers" if digits == 0 else f"{digits} decimal places"
            yield (path, f"{amount} has more decimals than {shop.currency} uses; write it in "
                   f"{unit}", False)
    fee = returns.restocking_fee
    if fee is not None and (fee.percent is None) == (fee.amount is None):
        yield (("returns", "restocking_fee"), "needs exactly one of percent or amount; "
               "keep one, or remove restocking_fee for no fee", True)


def _note_checks(policy: Policy) -> Iterator[Check]:
    for name in type(policy.marketplace_notes).model_fields:
        if getattr(policy.marketplace_notes, name) and name not in policy.shop.marketplaces:
            yield (("marketplace_notes", name), f"is given, but shop.marketplaces does not "
                   f"list {name}; add it there or remove this note", True)


def _version_checks(policy: Policy) -> Iterator[Check]:
    version = policy.version
    for index, change in enumerate(version.changes):
        if change.date > version.effective_date:
            yield (("version", "changes", index, "date"), f"{change.date.isoformat()} is "
                   "after version.effective_date; a past change cannot be newer than the "
                   "current version", False)
    numbers = [change.number for change in version.changes]
    for index, number in enumerate(numbers):
        if number in numbers[:index]:
            yield (("version", "changes", index, "number"), f"'{number}' is listed twice; "
                   "give each change its own version number", False)
