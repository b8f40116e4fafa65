"""Work spread over the machine's cores with forked workers, which start at once and
share everything the parent has already imported and compiled."""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import pickle
import signal
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from shop_policy.errors import ShopPolicyError

T = TypeVar("T")
R = TypeVar("R")


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def parallel_map(function: Callable[[T], R], items: Iterable[T]) -> list[R]:
    """`function` over `items`, in order; in forked workers when there are at least two
    items and more than one core, else here. Each worker takes the next item as it
    becomes free, which suits items of very different sizes."""
    tasks = list(items)
    workers = min(len(tasks), os.cpu_count() or 1)
    if workers < 2 or not _can_fork():
        return [function(task) for task in tasks]
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(workers, mp_context=context,
                                 initializer=_die_with_parent) as pool:
            return list(pool.map(function, tasks))
    except BrokenProcessPool:
        raise ShopPolicyError("a worker process ended without a result (was it killed, or "
                              "out of memory?); nothing was changed; run the command "
                              "again") from None


def split_map(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """`function` over `items`, in order, for many small items of about the same size.

    The items are dealt out in turn to this process and to one forked child per other
    core; each child sends its results back through a pipe. This process works too, so
    a two-core machine needs a single fork and no worker pool.
    """
    shares = min(len(items), os.cpu_count() or 1)
    if shares < 2 or not _can_fork():
        return [function(item) for item in items]
    children: list[tuple[int, int]] = []
    try:
        for share in range(1, shares):
            children.append(_fork_child(function, items[share::shares]))
        results: list[R | None] = [None] * len(items)
        results[0::shares] = [function(item) for item in items[0::shares]]
        for share in range(1, shares):
            pid, reader = children.pop(0)
            results[share::shares] = _collect(pid, reader)
    except BaseException:
        for pid, reader in children:  # those not collected yet
            _stop(pid)
            os.close(reader)
        raise
    return results  # type: ignore[return-value]


def _fork_child(function: Callable[[T], R], items: Sequence[T]) -> tuple[int, int]:
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: work, send the results or the error, and leave at once
        status = 1
        try:
            os.close(reader)
            _die_with_parent()
            try:
                payload = pickle.dumps((True, [function(item) for item in items]))
            except BaseException as exc:  # every error goes to the parent
                payload = _pickled_error(exc)
            with os.fdopen(writer, "wb") as out:
                out.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(writer)
    return pid, reader


def _pickled_error(exc: BaseException) -> bytes:
    try:
        return pickle.dumps((False, exc))
    except Exception:  # an error that cannot travel is described instead
        return pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}")))


def _collect(pid: int, reader: int) -> list[R]:
    with os.fdopen(reader, "rb") as source:
        data = source.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        raise ShopPolicyError(f"a worker process ended without a result (wait status "
                              f"{status}; was it killed?); run the command again")
    ok, value = pickle.loads(data)
    if not ok:
        raise value
    return value


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def _die_with_parent() -> None:
    """On Linux, a worker ends when the process that started it is killed, instead of
    carrying on alone (writing into a scratch folder, say)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
