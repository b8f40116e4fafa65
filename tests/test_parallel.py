"""Work spread over forked processes gives the same answers, in order, and its errors."""

from __future__ import annotations

import os
import threading

import pytest

from shop_policy import parallel
from shop_policy.errors import ShopPolicyError


def square_with_pid(item: int) -> tuple[int, int]:
    return item * item, os.getpid()


def fail_on_three(item: int) -> int:
    if item == 3:
        raise ShopPolicyError(f"item {item} is not allowed")
    return item


def fail_unpicklably(item: int) -> int:
    if item == 1:
        error = ValueError("cannot travel as it is")
        error.lock = threading.Lock()  # type: ignore[attr-defined]
        raise error
    return item


@pytest.fixture
def cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 3)


@pytest.mark.usefixtures("cores")
def test_results_come_back_in_order_from_several_processes() -> None:
    results = parallel.split_map(square_with_pid, list(range(11)))
    assert [value for value, _ in results] == [i * i for i in range(11)]
    pids = {pid for _, pid in results}
    assert os.getpid() in pids and len(pids) == 3, "this process and two children worked"


@pytest.mark.usefixtures("cores")
@pytest.mark.parametrize("item_list", [[0, 3, 1], [3, 0, 1]], ids=["child", "here"])
def test_an_error_in_any_share_reaches_the_caller(item_list: list[int]) -> None:
    with pytest.raises(ShopPolicyError, match="item 3 is not allowed"):
        parallel.split_map(fail_on_three, item_list)


@pytest.mark.usefixtures("cores")
def test_an_error_that_cannot_be_pickled_is_described() -> None:
    with pytest.raises(RuntimeError, match="ValueError: cannot travel as it is"):
        parallel.split_map(fail_unpicklably, [0, 1, 2])


def test_one_core_works_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert {pid for _, pid in parallel.split_map(square_with_pid, [1, 2, 3])} == {os.getpid()}


def die_on_two(item: int) -> int:
    if item == 2:
        os._exit(3)
    return item


@pytest.mark.usefixtures("cores")
def test_a_child_that_dies_is_a_clean_error() -> None:
    with pytest.raises(ShopPolicyError, match="ended without a result"):
        parallel.split_map(die_on_two, [0, 2, 1])
