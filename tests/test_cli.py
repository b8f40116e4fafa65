"""The command line: help everywhere, exit codes, schema in sync, module entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from shop_policy.cli import main
from shop_policy.read.schema import schema_text
from shop_policy.resources import DATA
from tests.conftest import EXAMPLE, ROOT

COMMANDS = ["build", "generate", "validate", "schema", "serve", "clean"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert result.output.startswith(f"Usage: main {command} [OPTIONS]")


def test_top_level_help_lists_commands() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert f"  {command} " in result.output


def test_validate_ok_exits_zero() -> None:
    result = CliRunner().invoke(main, ["validate", "--policy", str(EXAMPLE)])
    assert result.exit_code == 0
    assert result.output == f"{EXAMPLE}: ok\n"


def test_unknown_option_is_a_usage_error() -> None:
    assert CliRunner().invoke(main, ["validate", "--polcy", "x"]).exit_code == 2


def test_module_entry_point() -> None:
    done = subprocess.run([sys.executable, "-m", "shop_policy", "validate", "--policy",
                           str(EXAMPLE)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("committed", [ROOT / "policies" / "shop-policy.schema.json",
                                       DATA / "shop-policy.schema.json"])
def test_committed_schema_is_in_sync(committed: Path) -> None:
    assert committed.read_text("utf-8") == schema_text(), \
        "run `make schema` to update the committed schemas"


@pytest.mark.parametrize(("shipped", "example"), [("example.yaml", "policies/shop.yaml"),
                                                  ("mkdocs.yml", "mkdocs.yml")])
def test_the_package_ships_the_example_project(shipped: str, example: str) -> None:
    """The example project in this repository is what the package ships: its policy and
    the default look used where a project has no mkdocs.yml of its own."""
    assert (DATA / shipped).read_bytes() == (ROOT / example).read_bytes(), \
        f"copy {example} to generator/shop_policy/data/{shipped}"


def test_example_points_editors_at_the_schema() -> None:
    first = EXAMPLE.read_text("utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=./shop-policy.schema.json"


def test_schema_describes_every_field() -> None:
    data = json.loads(schema_text())
    missing = []
    for name, definition in data["$defs"].items():
        for field, spec in definition.get("properties", {}).items():
            if "description" not in spec and name != "MarketplaceNotes":
                missing.append(f"{name}.{field}")
    assert missing == []
    assert data["additionalProperties"] is False


def test_schema_command_writes_file(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    result = CliRunner().invoke(main, ["schema", "--output", str(out)])
    assert result.exit_code == 0
    assert out.read_text("utf-8") == schema_text()


def test_generate_refuses_edited_file_with_exit_one(project: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["generate"]).exit_code == 0
    faq = project / "site_src" / "en" / "faq.md"
    faq.write_text(faq.read_text("utf-8") + "\nMy own note.\n", "utf-8")
    result = runner.invoke(main, ["generate"])
    assert result.exit_code == 1
    assert f"{Path('site_src') / 'en' / 'faq.md'}: was edited since shop-policy wrote it" \
        in result.stderr
    assert faq.read_text("utf-8").endswith("My own note.\n")
    assert runner.invoke(main, ["generate", "--force"]).exit_code == 0
    assert "My own note." not in faq.read_text("utf-8")


def test_clean_removes_only_generated_files(project: Path) -> None:
    runner = CliRunner()
    runner.invoke(main, ["generate"])
    (project / "site_src" / "mine.md").write_text("keep me\n")
    assert runner.invoke(main, ["clean"]).exit_code == 0
    assert [p.name for p in (project / "site_src").rglob("*")] == ["mine.md"]


def test_timings_name_every_phase_of_a_build(project: Path) -> None:
    result = CliRunner().invoke(main, ["build", "--public-only", "--timings"])
    assert result.exit_code == 0, result.output
    phases = [line.rsplit("  ", 1)[0].strip() for line in result.stderr.splitlines()]
    assert phases == ["read and check the policy", "load the site engine (mkdocs, Material)",
                      "render every text in every locale", "write sources and snippets",
                      "build the sites", "check and stage the built sites",
                      "put the new files and sites in place", "total"]
    seconds = [float(line.split()[-2]) for line in result.stderr.splitlines()]
    assert seconds[-1] == pytest.approx(sum(seconds[:-1]), abs=0.01)
    assert "render" not in CliRunner().invoke(main, ["generate"]).stderr


def test_a_closed_pipe_ends_quietly() -> None:
    """`shop-policy check | head -1`: the reader leaves early; no traceback, no message."""
    done = subprocess.run(["bash", "-c", f'"{sys.executable}" -m shop_policy check --policy '
                           f'"{EXAMPLE}" | head -1'], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0
    assert done.stdout.count("\n") == 1
    assert done.stderr == ""


def test_a_pipe_closed_before_the_first_line_ends_quietly() -> None:
    """The same, certain to happen: nobody reads the pipe when the first line is written."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run([sys.executable, "-m", "shop_policy", "check", "--policy",
                               str(EXAMPLE)], cwd=ROOT, stdout=writer,
                              stderr=subprocess.PIPE, text=True, check=False)
    finally:
        os.close(writer)
    assert done.stderr == ""
    assert done.returncode == 1
