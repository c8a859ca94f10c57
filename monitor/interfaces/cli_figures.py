"""Commands about figures and targets: observations, review, targets, import, reparse, report,
outbox."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from monitor.interfaces import records
from monitor.interfaces.cli_common import JsonFlag, app, database, parse_date, print_json
from monitor.interfaces.tables import observations_text, outbox_text, review_text, targets_text

review_app = typer.Typer(
    help="Quarantined observations: list them (no subcommand), accept or reject one.",
    invoke_without_command=True,
)
app.add_typer(review_app, name="review")
outbox_app = typer.Typer(
    help="Reports to deliver: list them (no subcommand), or retry the queued ones now.",
    invoke_without_command=True,
)
app.add_typer(outbox_app, name="outbox")


@app.command("observations")
def observations_command(
    metric: Annotated[str | None, typer.Option(help="Metric id, e.g. genai_users.")] = None,
    jurisdiction: Annotated[str | None, typer.Option(help="Jurisdiction slug, e.g. cn-sh.")] = None,
    status: Annotated[
        str | None, typer.Option(help="accepted, quarantined, superseded or rejected.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Stored observations with as_of, value, unit, source and evidence."""
    from monitor.storage.queries import observations

    with database() as (_, engine):
        found = observations(engine, metric=metric, jurisdiction=jurisdiction, status=status)
    rows = [records.row_of(o, records.OBSERVATION_FIELDS) for o in found]
    if as_json:
        print_json(rows)
        return
    typer.echo(observations_text(rows))


@review_app.callback()
def review_list(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Observations held for review, with the reason each was held."""
    if ctx.invoked_subcommand is not None:
        return
    from monitor.storage.review import waiting

    with database() as (_, engine):
        rows = [records.row_of(o, records.OBSERVATION_FIELDS) for o in waiting(engine)]
    if as_json:
        print_json(rows)
        return
    typer.echo(review_text(rows))


@review_app.command("accept")
def review_accept(
    observation_id: Annotated[int, typer.Argument(help="Observation id from `monitor review`.")],
    note: Annotated[str | None, typer.Option(help="Why it is right, kept with it.")] = None,
) -> None:
    """Accept a quarantined observation (an older figure of its source is superseded)."""
    from monitor.storage.review import accept

    with database() as (_, engine):
        obs = accept(engine, observation_id, note)
    typer.echo(f"observation {obs.id} accepted")


@review_app.command("reject")
def review_reject(
    observation_id: Annotated[int, typer.Argument(help="Observation id from `monitor review`.")],
    reason: Annotated[str, typer.Option(help="Why it is wrong (required).")],
) -> None:
    """Reject a quarantined observation; it is kept, marked rejected, with the reason."""
    from monitor.storage.review import reject

    with database() as (_, engine):
        obs = reject(engine, observation_id, reason)
    typer.echo(f"observation {obs.id} rejected")


@app.command()
def targets(
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Judge as on YYYY-MM-DD (default: today).")
    ] = None,
    jurisdiction: Annotated[str | None, typer.Option(help="Only this jurisdiction slug.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Every declared target with its status, trend, projection and confidence."""
    from monitor.assessment.assess import assess_all
    from monitor.assessment.targets_file import load_targets, targets_path

    day = parse_date(as_of, "--as-of")
    with database() as (settings, engine):
        declared = load_targets(targets_path(settings.targets_file))
        today = day or settings.today()
        rows = [a.as_dict() for a in assess_all(engine, declared, today, jurisdiction)]
    if as_json:
        print_json(rows)
        return
    typer.echo(f"as of {today}\n" + targets_text(rows))


@app.command("import-observations")
def import_observations_command(
    path: Annotated[Path, typer.Argument(help="CSV: metric,jurisdiction,value,unit,as_of,...")],
) -> None:
    """Add observations by hand from a CSV (all rows or none; the same file twice adds nothing)."""
    from monitor.storage.csv_import import import_observations

    with database() as (_, engine):
        read, added = import_observations(engine, path)
    typer.echo(f"{read} row(s) read, {added} observation(s) added ({read - added} already known)")


@app.command()
def reparse(
    source: Annotated[
        list[str] | None, typer.Option("--source", "-s", help="Only this source id (repeatable).")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only snapshots fetched on or after YYYY-MM-DD.")
    ] = None,
) -> None:
    """Run the current scrapers over stored snapshots: add new figures, supersede changed ones."""
    from monitor.service.daily import reparse_registered

    with database() as (_, engine):
        report = reparse_registered(
            engine, source_ids=source or (), since=parse_date(since, "--since")
        )
    typer.echo(
        f"reparsed {report.pages} page(s): {report.observations_added} observation(s) added, "
        f"{report.observations_retired} retired, {report.alerts_added} alert(s), "
        f"{report.parse_errors} parse error(s)"
    )


@app.command()
def report(
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Report date YYYY-MM-DD (default: today).")
    ] = None,
    send: Annotated[bool, typer.Option("--send", help="Send it now through the outbox.")] = False,
    out: Annotated[
        Path | None, typer.Option(help="Archive folder (default: DATA_DIR/reports/DATE).")
    ] = None,
) -> None:
    """Render the daily report from what is stored; archive it, queue it, and send with --send."""
    from monitor.reporting.publish import produce

    day = parse_date(as_of, "--as-of")
    with database() as (settings, engine):
        result = produce(engine, settings, day or settings.today(), out=out, send=send)
    if result.delivery is not None:
        typer.echo(f"sent {result.delivery.sent}, failed {result.delivery.failed}")
        for error in result.delivery.errors or []:
            typer.echo(f"  {error}")
    typer.echo(result.subject)
    typer.echo(str(result.html_path))


@outbox_app.callback()
def outbox_list(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Queued, sent and failed reports with their attempts and last error."""
    if ctx.invoked_subcommand is not None:
        return
    from monitor.reporting.outbox import listing

    with database() as (_, engine):
        rows = [records.row_of(m, records.OUTBOX_FIELDS) for m in listing(engine)]
    if as_json:
        print_json(rows)
        return
    typer.echo(outbox_text(rows))


@outbox_app.command("retry")
def outbox_retry() -> None:
    """Try every queued report now, whatever its backoff."""
    from monitor.reporting.outbox import deliver

    with database() as (settings, engine):
        result = deliver(engine, settings, now_only=True)
    typer.echo(f"sent {result.sent}, still queued {result.failed}")
    for error in result.errors or []:
        typer.echo(f"  {error}")
