"""What the command line shows besides each command's own output: the library's errors,
handled once for every command, and its warnings, on standard error and counted (as
mkdocs counts its own) so that `--strict` sees every one of them."""

from __future__ import annotations

import errno
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from shop_policy.errors import PolicyError, ShopPolicyError

WARNINGS = "shop_policy.warnings"  # the running command's WarningCounter, in ctx.meta


class Commands(click.Group):
    """The commands, with the library's errors handled once for all of them: a message on
    standard error and the error's exit code. A closed pipe (`shop-policy check | head`)
    is left to click's main, which ends quietly."""

    def invoke(self, ctx: click.Context) -> Any:
        with _log_to_stderr() as counter:
            ctx.meta[WARNINGS] = counter
            return self._reporting_errors(ctx)

    def _reporting_errors(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PolicyError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            count = len(exc.problems)
            click.echo(f"{count} problem{'s' if count != 1 else ''} found; nothing was "
                       "written.", err=True)
            ctx.exit(exc.exit_code)
        except ShopPolicyError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"error: {where}{exc.strerror}; check the path and its permissions",
                       err=True)
            ctx.exit(1)


class _Stderr(logging.Handler):
    """Each record on standard error, looked up when written (click's test runner swaps it)."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(record.getMessage(), err=True)


class WarningCounter(logging.Handler):
    """Counts the warnings logged during a command, so that `--strict` sees every one."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@contextmanager
def _log_to_stderr() -> Iterator[WarningCounter]:
    """The library's warnings (a policy text shown in the default language, a run waiting
    for another) go to standard error while a command runs, and are counted."""
    log = logging.getLogger("shop_policy")
    counter = WarningCounter()
    handlers = [_Stderr(logging.INFO), counter]
    propagate = log.propagate
    for handler in handlers:
        log.addHandler(handler)
    log.propagate = False
    try:
        yield counter
    finally:
        for handler in handlers:
            log.removeHandler(handler)
        log.propagate = propagate


def warnings_logged() -> int:
    """How many warnings the running command has logged so far."""
    counter: WarningCounter = click.get_current_context().meta[WARNINGS]
    return counter.count
