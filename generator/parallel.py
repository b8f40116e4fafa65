"""Work spread over the machine's cores with forked workers, which start at once and
share everything the parent has already imported and compiled."""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def parallel_map(function: Callable[[T], R], items: Iterable[T], *, minimum: int = 2
                 ) -> list[R]:
    """`function` over `items`, in order; in forked workers when there are at least
    `minimum` items and more than one core, else here."""
    tasks = list(items)
    workers = min(len(tasks), os.cpu_count() or 1)
    if len(tasks) < minimum or workers < 2 or \
            "fork" not in multiprocessing.get_all_start_methods():
        return [function(task) for task in tasks]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context,
                             initializer=_die_with_parent) as pool:
        return list(pool.map(function, tasks))


def _die_with_parent() -> None:
    """On Linux, a worker ends when the process that started it is killed, instead of
    carrying on alone (writing into a scratch folder, say)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
