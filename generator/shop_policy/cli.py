"""The shop-policy commands. With console.py, the only place that prints and exits."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from shop_policy.casework.advisor import ASKED, CONDITIONS, MARKETPLACES, REASONS
from shop_policy.casework.inputs import AMOUNT, write_new
from shop_policy.console import Commands, warnings_logged

if TYPE_CHECKING:
    from shop_policy.paths import Paths

DEFAULT_POLICY = Path("policies/shop.yaml")
WHEN = ["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


def _time_of(moment: Any) -> Any:
    """The time of day given with a date (YYYY-MM-DDTHH:MM), else None (midnight counts
    as no time: the window is then counted in whole days)."""
    return moment.time() if moment.time() != moment.min.time() else None

policy_option = click.option(
    "--policy", "policy_path", type=click.Path(path_type=Path, dir_okay=False),
    default=DEFAULT_POLICY, show_default=True, help="The policy file to read.")
site_src_option = click.option(
    "--site-src", type=click.Path(path_type=Path, file_okay=False), default=Path("site_src"),
    show_default=True, help="Where the generated site sources go.")
site_dir_option = click.option(
    "--site-dir", type=click.Path(path_type=Path, file_okay=False), default=Path("site"),
    show_default=True, help="Where the built public site goes.")
base_config_option = click.option(
    "--mkdocs-config", "base_config", type=click.Path(path_type=Path, dir_okay=False),
    default=Path("mkdocs.yml"), show_default=True,
    help="The site's look (theme, extensions), inherited by every locale.")
snippets_option = click.option(
    "--snippets", type=click.Path(path_type=Path, file_okay=False), default=Path("snippets"),
    show_default=True, help="Where the copy-ready replies, email snippet and exports go.")
toolkit_option = click.option(
    "--toolkit-dir", type=click.Path(path_type=Path, file_okay=False),
    default=Path("toolkit"), show_default=True,
    help="Where the built private seller toolkit goes.")


def folder_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The output folders and the site's look as options, given to `command` as one
    `paths` (every command that writes or checks takes all of them, so that a run and
    its check agree on where things are)."""

    @functools.wraps(command)
    def with_paths(*args: Any, site_src: Path, snippets: Path, site_dir: Path,
                   toolkit_dir: Path, base_config: Path, **kwargs: Any) -> Any:
        from shop_policy.paths import Paths

        paths = Paths(site_src=site_src, snippets=snippets, site=site_dir,
                      toolkit=toolkit_dir, base_config=base_config)
        return command(*args, paths=paths, **kwargs)

    for option in (base_config_option, toolkit_option, site_dir_option, snippets_option,
                   site_src_option):
        with_paths = option(with_paths)
    return with_paths


force_option = click.option(
    "--force", is_flag=True, help="Overwrite generated files even if they were edited.")
timings_option = click.option(
    "--timings", is_flag=True, help="Print how long each phase took, on standard error.")


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="shop-policy", prog_name="shop-policy")
def main() -> None:
    """Turn one shop-policy file into every cancellation, return and refund text.

    Edit policies/shop.yaml, then run `shop-policy build`.
    """


@main.command()
@policy_option
def validate(policy_path: Path) -> None:
    """Check the policy file and report every problem with its line and column."""
    from shop_policy.read.validate import read_policy

    read_policy(policy_path)
    click.echo(f"{policy_path}: ok")


@main.command()
@policy_option
@folder_options
@force_option
@timings_option
def generate(policy_path: Path, paths: Paths, force: bool, timings: bool) -> None:
    """Write the site sources and snippets, without building the sites."""
    from shop_policy.pipeline import generate as run
    from shop_policy.timings import Timings

    clock = Timings()
    _summary(run(policy_path, paths, force=force, timings=clock))
    if timings:
        click.echo(clock.table(), err=True, nl=False)


@main.command()
@policy_option
@folder_options
@force_option
@click.option("--public-only", is_flag=True,
              help="Build only the public site; leave the built toolkit as it is.")
@timings_option
def build(policy_path: Path, paths: Paths, force: bool, public_only: bool,
          timings: bool) -> None:
    """Generate everything and build the public site and the private toolkit."""
    from shop_policy.pipeline import build as run
    from shop_policy.timings import Timings

    clock = Timings()
    _summary(run(policy_path, paths, force=force, toolkit=not public_only, timings=clock))
    if timings:
        click.echo(clock.table(), err=True, nl=False)
    if public_only:
        click.echo(f"public site built in {paths.site}/ (publish it)")
    else:
        click.echo(f"public site built in {paths.site}/ (publish it); private seller toolkit "
                   f"in {paths.toolkit}/ (never publish it)")


@main.command()
@folder_options
def clean(paths: Paths) -> None:
    """Delete the generated files, keeping any that were edited by hand.

    Files you added to the output folders (a CNAME, a verification page, notes) and
    generated files you edited stay where they are.
    """
    from shop_policy.pipeline import write_outputs
    from shop_policy.write import statcache
    from shop_policy.write.journal import STATE_FILE

    report = write_outputs({root: {} for root in paths.outputs}, anchor=paths.anchor,
                           keep_edits=True)
    for cache in (STATE_FILE, statcache.CACHE):
        (paths.anchor / cache).unlink(missing_ok=True)
    click.echo(f"{len(report.removed)} generated files removed")
    if report.kept:
        click.echo(f"{len(report.kept)} kept because they were edited since shop-policy "
                   "wrote them:")
        for path in report.kept:
            click.echo(f"  {path}")


@main.command()
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the schema to this file instead of standard output.")
def schema(output: Path | None) -> None:
    """Print the JSON Schema of the policy file (for editors and review)."""
    from shop_policy.read.schema import schema_text

    text = schema_text()
    if output is None:
        click.echo(text, nl=False)
    else:
        from shop_policy.write.files import atomic_write

        atomic_write(output, text.encode("utf-8"))
        click.echo(f"wrote {output}")


@main.command()
@policy_option
@folder_options
@click.option("--port", default=8000, show_default=True, help="Port to serve on.")
def serve(policy_path: Path, paths: Paths, port: int) -> None:
    """Preview the public site, rebuilding when the policy, a template or mkdocs.yml changes.

    Each rebuild also regenerates the snippets and rebuilds the toolkit in toolkit/.
    """
    from shop_policy.engine.serve import serve as run

    run(policy_path, paths, port=port)


@main.command()
@policy_option
@click.option("--order-date", type=click.DateTime(WHEN), required=True,
              help="When the order was placed: YYYY-MM-DD, or YYYY-MM-DDTHH:MM for a "
              "cancellation window in hours.")
@click.option("--shipped", type=click.DateTime(["%Y-%m-%d"]),
              help="When it was dispatched, if it was.")
@click.option("--delivered", type=click.DateTime(["%Y-%m-%d"]),
              help="When it was delivered, if known.")
@click.option("--today", type=click.DateTime(WHEN),
              help="The day (YYYY-MM-DD) or moment (YYYY-MM-DDTHH:MM) to judge the case "
              "on.  [default: now]")
@click.option("--reason", type=click.Choice(REASONS), required=True,
              help="Why the buyer got in touch.")
@click.option("--condition", type=click.Choice(CONDITIONS), default="unused",
              show_default=True, help="The item's condition, as the buyer describes it.")
@click.option("--marketplace", type=click.Choice(MARKETPLACES), default="own_shop",
              show_default=True, help="Where the order was placed.")
@click.option("--asked", type=click.Choice(list(ASKED)),
              help="What the buyer asked for, if they said.")
@click.option("--amount", type=AMOUNT, help="What the buyer paid for the order, in the "
              "shop's currency (e.g. 42.50): fills the replies' amounts and works out store "
              "credit with its bonus.")
@click.option("--case-open", is_flag=True, help="The buyer has opened a case on the "
              "marketplace.")
@click.option("--chargeback", is_flag=True, help="The buyer has opened a chargeback with "
              "their bank or card provider.")
@click.option("--evidence", "evidence_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the dispute evidence (timeline, the clauses in force, what "
              "to attach) to this new file.")
@click.option("--locale", help="Language of the answer.  [default: the policy's default]")
@click.option("--json", "as_json", is_flag=True, help="Answer as JSON, for other tools.")
def advise(policy_path: Path, order_date: Any, shipped: Any, delivered: Any, today: Any,
           reason: str, condition: str, marketplace: str, asked: str | None,
           amount: Any, case_open: bool, chargeback: bool, evidence_path: Path | None,
           locale: str | None, as_json: bool) -> None:
    """Advise on one case: the clauses that apply, what to offer, which replies to send."""
    import datetime as dt

    from shop_policy.casework.advice import advice_json, advice_text, resolve
    from shop_policy.casework.advisor import Case
    from shop_policy.read.validate import read_policy

    policy = read_policy(policy_path)
    case = Case(order_date=order_date.date(), reason=reason, condition=condition,
                marketplace=marketplace,
                shipped_date=shipped.date() if shipped else None,
                delivered_date=delivered.date() if delivered else None,
                today=today.date() if today else dt.date.today(), asked=asked,
                amount=amount, case_open=case_open, chargeback=chargeback,
                order_time=_time_of(order_date), now=_time_of(today) if today else
                dt.datetime.now().time().replace(second=0, microsecond=0))
    result = resolve(policy, case, locale or policy.shop.default_locale)
    if evidence_path is not None:
        write_new(evidence_path, result.evidence_text())
    click.echo(advice_json(result) if as_json else advice_text(result), nl=False)


@main.command()
@policy_option
@folder_options
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--json", "as_json", is_flag=True, help="Report as JSON, for other tools.")
def check(policy_path: Path, paths: Paths, strict: bool, as_json: bool) -> None:
    """Check drift, consistency, templates and the policy against the law and marketplaces.

    Exit 0 when all is well, 1 when something is wrong, 2 when the policy is unreadable.
    Nothing is written.
    """
    import json

    from shop_policy.checks import exit_code, run_checks

    findings = run_checks(policy_path, paths)
    logged = warnings_logged()  # reading the policy's, already on standard error
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors + logged
    if as_json:
        click.echo(json.dumps({"findings": [f.as_dict() for f in findings], "errors": errors,
                               "warnings": warnings, "strict": strict}, indent=2,
                              ensure_ascii=False))
    else:
        for finding in findings:
            click.echo(str(finding))
        click.echo(f"{errors} error{'s' if errors != 1 else ''}, {warnings} "
                   f"warning{'s' if warnings != 1 else ''}" + (" (strict)" if strict else ""))
    click.get_current_context().exit(1 if strict and logged else exit_code(findings, strict))


def _summary(report: Any) -> None:
    click.echo(f"{len(report.written)} written, {len(report.unchanged)} unchanged, "
               f"{len(report.removed)} removed")
