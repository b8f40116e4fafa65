"""The code keeps its shape: small modules, short functions, folders named for the flow."""

from __future__ import annotations

import ast

import pytest

from shop_policy.resources import PACKAGE

MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_over_300_lines_and_no_function_over_50(module: object) -> None:
    source = module.read_text("utf-8")  # type: ignore[attr-defined]
    assert len(source.splitlines()) <= 300, "split the module by concept"
    long = [f"{node.name}: {node.end_lineno - node.lineno + 1} lines"
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.end_lineno - node.lineno + 1 > 50]
    assert long == [], "split the function"


def test_the_folders_follow_the_flow() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert {"read", "text", "outputs", "write", "checks", "engine"} <= folders
    assert len(MODULES) > 40
