"""Versions with their facts: policies/history/ keeps each earlier version, the site
publishes each at its own address, the changes page says what changed in facts, the
advisor judges an order by the version in force on its order date, and check holds the
history files to what git recorded."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from shop_policy.checks.history import history_findings
from shop_policy.cli import main
from shop_policy.errors import PolicyError
from shop_policy.read.validate import read_policy
from tests.conftest import EXAMPLE, POLICIES
from tests.golden import CASES, render_case


def test_the_example_knows_every_version_and_picks_the_one_in_force() -> None:
    policy = read_policy(EXAMPLE)
    assert [v.version.number for v in policy.versions] == ["1", "2", "3"]
    in_force = {day: policy.in_force(dt.date.fromisoformat(day))
                for day in ("2024-01-01", "2024-02-15", "2025-03-31", "2025-04-01",
                            "2026-08-31", "2026-09-01")}
    assert {day: v and v.version.number for day, v in in_force.items()} == {
        "2024-01-01": None, "2024-02-15": "1", "2025-03-31": "1", "2025-04-01": "2",
        "2026-08-31": "2", "2026-09-01": "3"}
    assert in_force["2026-08-31"].returns.window_days == 21  # type: ignore[union-attr]


def test_every_version_has_its_page_with_its_own_facts() -> None:
    files = render_case(CASES["example"])
    old = files["site_src/en/policy/v2.md"]
    assert "in force from April 1, 2025 until August 31, 2026" in old
    assert "within 21 days of the day it is delivered" in old
    assert "30 days of the day it is delivered" not in old
    assert "[Read the current policy](../policy.md)" in old
    assert "the current one" in files["site_src/en/policy/v3.md"]
    assert "application/ld+json" not in old
    for locale in ("de", "ar"):
        assert f"site_src/{locale}/policy/v1.md" in files


def test_the_changes_page_says_what_changed_in_facts() -> None:
    changes = render_case(CASES["example"])["site_src/en/changes.md"]
    assert "| [3](policy/v3.md) |" in changes
    assert "Return window: 21 days → 30 days" in changes
    assert "Store credit bonus: none → 10%" in changes
    assert "Store credit can be used for: 12 months → no expiry" in changes


def copy_example(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE.parent, tmp_path / "policies")
    return tmp_path / "policies" / "shop.yaml"


@pytest.mark.parametrize(("edit", "where", "says"), [
    (lambda p: p.rename(p.with_name("two.yaml")), "two.yaml:7:11: version.number",
     "but the file is named two.yaml; name it 2.yaml"),
    (lambda p: p.write_text(p.read_text("utf-8").replace('number: "2"', 'number: "9"', 1),
                            "utf-8"), "2.yaml:7:11: version.number", "is '9'"),
    (lambda p: p.write_text(p.read_text("utf-8").replace("effective_date: 2025-04-01",
                                                         "effective_date: 2025-04-02"),
                            "utf-8"), "2.yaml:8:19: version.effective_date",
     "differs from the date of version 2"),
])
def test_a_wrong_history_file_is_an_error_in_that_file(tmp_path: Path, edit: object,
                                                       where: str, says: str) -> None:
    policy = copy_example(tmp_path)
    edit(policy.parent / "history" / "2.yaml")  # type: ignore[operator]
    with pytest.raises(PolicyError) as caught:
        read_policy(policy)
    [problem] = caught.value.problems
    assert str(problem).split("/")[-1].startswith(where)
    assert says in problem.message


def advise(policy: Path, *extra: str, reason: str = "change_of_mind",
           delivered: tuple[str, ...] = ("--delivered", "2025-06-05")) -> dict[str, object]:
    result = CliRunner().invoke(main, [
        "advise", "--policy", str(policy), "--json", "--reason", reason,
        "--shipped", "2025-06-02", *delivered, *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_an_order_is_judged_by_the_version_in_force_on_its_date() -> None:
    # Delivered 5 June 2025, under version 2 (21 days): on 30 June its window is closed,
    # although version 3 would give 30 days.
    advice = advise(EXAMPLE, "--order-date", "2025-06-01", "--today", "2025-06-30")
    clauses = {c["window"]: c for c in advice["clauses"]}  # type: ignore[union-attr]
    assert clauses["return"]["state"] == "closed"
    assert clauses["version"]["version"] == "2"
    declined = advice["replies"][0]  # type: ignore[index]
    assert declined["id"] == "return-declined"
    assert "within 21 days" in declined["body"]
    assert "https://fernandkiln.example/policies/en/policy/v2/#return-window" in \
        declined["body"]


def test_the_escalation_cites_and_links_the_version_in_force(tmp_path: Path) -> None:
    advice = advise(EXAMPLE, "--order-date", "2025-06-01", "--today", "2025-06-20",
                    "--marketplace", "etsy", reason="not_received", delivered=())
    [escalation] = [r for r in advice["replies"]  # type: ignore[union-attr]
                    if r["id"] == "escalation-etsy"]
    assert "version 2 of our policy applied" in escalation["body"]
    assert "https://fernandkiln.example/policies/en/policy/v2/" in escalation["body"]


def test_without_its_history_file_a_version_is_cited_and_the_current_rules_apply(
        tmp_path: Path) -> None:
    policy = copy_example(tmp_path)
    (policy.parent / "history" / "2.yaml").unlink()
    advice = advise(policy, "--order-date", "2025-06-01", "--today", "2025-06-30")
    clauses = {c["window"]: c for c in advice["clauses"]}  # type: ignore[union-attr]
    assert clauses["version"]["state"] == "known_without_facts"
    assert "not kept in policies/history/" in clauses["version"]["text"]
    assert clauses["return"]["state"] == "open"  # version 3's 30 days


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
                   cwd=folder, check=True, capture_output=True)


def test_check_holds_history_files_to_what_git_recorded(tmp_path: Path) -> None:
    folder = tmp_path / "policies"
    folder.mkdir()
    policy = folder / "shop.yaml"
    first = (POLICIES / "minimal.yaml").read_text("utf-8")
    policy.write_text(first, "utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "version 1")
    second = first.replace('number: "1"\n  effective_date: 2026-01-01', 'number: "2"\n  '
                           'effective_date: 2026-06-01\n  changes:\n    - number: "1"\n'
                           '      date: 2026-01-01\n      summary: First.').replace(
        "window_days: 14", "window_days: 30")
    policy.write_text(second, "utf-8")
    git(tmp_path, "commit", "-qam", "version 2")

    def findings() -> list[str]:
        return [f"{f.code} {f.message}" for f in history_findings(policy, read_policy(policy))]

    [missing] = findings()
    assert missing.startswith("HISTORY-MISSING version 1 is in git")
    assert "git show " in missing
    (folder / "history").mkdir()
    (folder / "history" / "1.yaml").write_text(first, "utf-8")
    assert findings() == []
    (folder / "history" / "1.yaml").write_text(first.replace("window_days: 14",
                                                             "window_days: 21"), "utf-8")
    [differs] = findings()
    assert differs.startswith("HISTORY-DIFFERS differs from version 1 as committed in")
    assert "(returns.window_days)" in differs


def test_outside_git_history_is_not_checked(tmp_path: Path) -> None:
    policy = copy_example(tmp_path)
    assert list(history_findings(policy, read_policy(policy))) == []


def test_the_toolkit_cites_a_version_without_its_file_as_the_command_does(
        tmp_path: Path) -> None:
    import dataclasses

    from shop_policy.casework.advice import resolve
    from shop_policy.casework.advisor import Case
    from shop_policy.outputs.advisor_page import advisor_data
    from shop_policy.outputs.kinds import Context
    from shop_policy.text.facts import facts_for
    from shop_policy.text.placeholders import join
    from shop_policy.text.render import environment, use_locale
    from shop_policy.text.translations import translations

    policy_path = copy_example(tmp_path)
    (policy_path.parent / "history" / "2.yaml").unlink()
    policy = read_policy(policy_path)
    case = Case(order_date=dt.date(2025, 6, 1), today=dt.date(2025, 6, 20),
                reason="not_received", marketplace="etsy", shipped_date=dt.date(2025, 6, 2))
    expected = resolve(policy, dataclasses.replace(case), "en")
    env = environment()
    use_locale(env, "en")
    data = advisor_data(Context(env, policy, facts_for(policy, "en", translations("en"))))
    cited = data["versions"]["2"]
    escalation = next(r for r in expected.replies if r.id == "escalation-etsy")
    page = cited["replies"]["escalation-etsy"]
    values = {"order_date": "June 1, 2025", "shipped_date": "June 2, 2025"}
    assert join(tuple(page["body"]), lambda name: values.get(name, f"[[{name}]]")) == \
        escalation.body
    assert "version 2 of our policy applied" in escalation.body
    assert "https://fernandkiln.example/policies/en/changes/" in escalation.body
