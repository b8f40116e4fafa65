"""What the seller tells `advise` beyond the dates: an amount, and a new file to write
the dispute evidence to."""

from __future__ import annotations

import contextlib
import os
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import click

from shop_policy.errors import CaseError


class Amount(click.ParamType):
    """A positive amount of money as typed: 42, 42.5, 42.50."""

    name = "amount"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None
                ) -> Decimal:
        if isinstance(value, Decimal):
            return value
        try:
            amount = Decimal(str(value).strip())
        except InvalidOperation:
            amount = Decimal("NaN")
        if not amount.is_finite() or amount <= 0 or amount > 10_000_000:
            self.fail(f"'{value}' is not an amount; write it with digits and a point, "
                      "e.g. 42.50", param, ctx)
        return amount


AMOUNT = Amount()


def write_new(path: Path, text: str) -> None:
    """Write `text` to `path`, which must not exist yet: a file of the seller's is never
    replaced. The file appears whole or not at all."""
    if path.exists() or path.is_symlink():
        raise CaseError(f"{path}: exists already; choose another name for the evidence, "
                        "or move that file aside")
    scratch = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        scratch.write_text(text, "utf-8")
        os.link(scratch, path)  # fails, rather than replaces, if the name was taken since
    except FileExistsError:
        raise CaseError(f"{path}: exists already; choose another name for the evidence, "
                        "or move that file aside") from None
    except OSError as exc:
        raise CaseError(f"{path}: cannot be written ({exc.strerror}); choose a folder you "
                        "can write to") from None
    finally:
        with contextlib.suppress(OSError):
            scratch.unlink()
