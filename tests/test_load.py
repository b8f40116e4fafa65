"""Both YAML parsers, libyaml's and the pure-Python one, read a policy the same way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from shop_policy.errors import PolicyError
from shop_policy.read import load
from shop_policy.read.validate import read_policy
from tests.conftest import EXAMPLE, POLICIES

INVALID = Path(__file__).resolve().parent / "invalid"


def _plain(data: Any) -> Any:
    if isinstance(data, dict):
        return {str(k): _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    return (type(data).__name__, str(data))


def _positions(data: Any, path: tuple[Any, ...] = ()) -> dict[tuple[Any, ...], Any]:
    found: dict[tuple[Any, ...], Any] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            found[(*path, key)] = (data.lc.key(key), data.lc.value(key))
            found |= _positions(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found[(*path, index)] = data.lc.item(index)
            found |= _positions(value, (*path, index))
    return found


def _pure(text: str) -> Any:
    yaml = YAML(typ="rt")
    yaml.Constructor = load._Constructor
    return yaml.constructor.construct_document(yaml.compose(text))


def _fast(text: str) -> Any:
    root = load._fast_compose(text)
    assert root is not None, "the fast path took this file"
    yaml = YAML(typ="rt")
    yaml.Constructor = load._Constructor
    return yaml.constructor.construct_document(root)


READABLE = [EXAMPLE, *sorted(POLICIES.glob("*.yaml"))]


@pytest.mark.parametrize("path", READABLE, ids=lambda p: p.name)
def test_the_fast_parser_gives_the_same_data_and_positions(path: Path) -> None:
    text = path.read_text("utf-8")
    fast, pure = _fast(text), _pure(text)
    assert _plain(fast) == _plain(pure)
    assert _positions(fast) == _positions(pure)


def test_yaml_1_2_rules_hold_on_the_fast_path() -> None:
    data = _fast("a: yes\nb: no\nc: 010\nd: 1:30\ne: on\n")
    assert data == {"a": "yes", "b": "no", "c": 10, "d": "1:30", "e": "on"}


def _outcome(raw: bytes) -> Any:
    try:
        doc = load.loads(raw, "policy.yaml")
    except PolicyError as exc:
        return [str(problem) for problem in exc.problems]
    return _plain(doc.data), _positions(doc.data)


@pytest.mark.parametrize("case", [*sorted(INVALID.glob("*.yaml")), *READABLE],
                         ids=lambda p: p.name)
def test_the_loader_says_the_same_with_either_parser(case: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    raw = case.read_bytes()
    with_fast_path = _outcome(raw)
    monkeypatch.setattr(load, "_fast_compose", lambda text: None)
    assert with_fast_path == _outcome(raw)


@pytest.mark.parametrize("depth", [4_000, 200_000])
def test_deep_nesting_is_refused_without_crashing(depth: int, tmp_path: Path) -> None:
    policy = tmp_path / "deep.yaml"
    policy.write_text("shop: " + "[" * depth + "]" * depth + "\n", "utf-8")
    done = subprocess.run([sys.executable, "-m", "shop_policy", "validate", "--policy",
                           str(policy)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert f"{policy}:1:" in done.stderr and "nested more than 20 levels" in done.stderr


@pytest.mark.parametrize(("typed", "kept"), [
    ("3.10", "3.10"), ("3", "3"), ("'2.1'", "2.1"), ("010", "010"), ("1.0", "1.0"),
    ("2.50", "2.50"), ("1e3", "1e3"),
])
def test_a_version_number_is_kept_as_typed(typed: str, kept: str, tmp_path: Path) -> None:
    text = (POLICIES / "minimal.yaml").read_text("utf-8").replace(
        '  number: "1"\n', f"  number: {typed}\n  changes:\n    - number: {typed}\n"
        "      date: 2026-01-01\n      summary: First version.\n")
    path = tmp_path / "policy.yaml"
    path.write_text(text, "utf-8")
    version = read_policy(path).version
    assert version.number == kept
    assert version.changes[0].number == kept


@pytest.mark.parametrize(("typed", "shown"), [("true", "true"), ("[3, 1]", "a list")])
def test_a_version_number_that_is_not_one_is_refused(typed: str, shown: str,
                                                      tmp_path: Path) -> None:
    text = (POLICIES / "minimal.yaml").read_text("utf-8").replace(
        '  number: "1"\n', f"  number: {typed}\n")
    path = tmp_path / "policy.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(PolicyError) as raised:
        read_policy(path)
    assert [str(p) for p in raised.value.problems] == [
        f"{path}:2:11: version.number: expected text, got {shown}; write it as text, in "
        "quotes if needed"]
