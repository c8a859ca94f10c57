"""The ``monitor`` command: a thin layer over the library that maps errors to one-line messages.

Every command reads settings through :func:`monitor.settings.load_settings` and opens the
database through :func:`monitor.db.open_database` (which migrates it under a lock). Commands
with ``--json`` print exactly one JSON array on stdout and nothing else.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sys
from typing import Annotated, Any

import typer

from monitor import history, logs
from monitor.cli_common import JsonFlag, app, database, parse_date, print_json
from monitor.db import display_url
from monitor.display import (
    fetch_text,
    observations_text,
    runs_text,
    table,
)
from monitor.errors import ConfigError, MonitorError
from monitor.models import utcnow
from monitor.settings import load_settings

db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@app.command()
def run(
    once: Annotated[bool, typer.Option("--once", help="Run one cycle now and exit.")] = True,
    source: Annotated[
        list[str] | None, typer.Option("--source", "-s", help="Only this source id (repeatable).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Fetch sources even when checked recently.")
    ] = False,
) -> None:
    """Run one cycle over the due sources, then the report (the schedule is `monitor worker`)."""
    from monitor.cycle import CycleOptions
    from monitor.daily import daily

    with database() as (settings, engine):
        result = daily(engine, settings, CycleOptions(source or (), "manual", force))
        latest = history.runs(engine, limit=1)
    typer.echo(runs_text(latest))
    if result.run.sources_failed:
        failed = result.run.sources_failed
        typer.echo(f"{failed} source(s) failed; see `monitor history --failed`.")
    if result.report is not None:
        delivery = result.report.delivery
        if delivery is not None:
            typer.echo(f"report sent {delivery.sent}, still queued {delivery.failed}")
        typer.echo(str(result.report.html_path))


@app.command()
def worker(
    run_now: Annotated[
        bool,
        typer.Option("--run-now", help="Also run one cycle right away, then follow the schedule."),
    ] = False,
) -> None:
    """Run the schedule (MONITOR_SCHEDULE) until SIGTERM or SIGINT: cycle, report, send."""
    from monitor.worker import run_worker

    settings = load_settings()
    logs.setup(settings.log_level, settings.log_format)
    run_worker(settings, run_now=run_now)


@app.command("status")
def status_command(as_json: JsonFlag = False) -> None:
    """Next scheduled run, last run, worker heartbeats, outbox backlog; non-zero when unhealthy."""
    from monitor.status import status, status_text

    with database() as (_, engine):
        report = status(engine, utcnow())
    if as_json:
        print_json([report])
    else:
        typer.echo(status_text(report))
    if not report["healthy"]:
        typer.echo("monitor: unhealthy: " + "; ".join(report["problems"]), err=True)
        raise typer.Exit(1)


@app.command()
def demo() -> None:
    """Start the bundled mirror, run one cycle against it and show what was stored."""
    from monitor.demo import run_demo

    settings = load_settings()
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    for line in run_demo(settings):
        typer.echo(line)


@app.command()
def mirror(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0 picks a free one).")] = 8765,
) -> None:
    """Serve the bundled mirror of the official sites on 127.0.0.1 until interrupted."""
    from monitor.mirror import MirrorServer

    server = MirrorServer(port=port, verbose=True)
    typer.echo(f"mirror on {server.url}  (set MONITOR_MIRROR_URL={server.url})")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


@app.command("history")
def history_command(
    source: Annotated[str | None, typer.Option(help="Only runs that included this source.")] = None,
    failed: Annotated[bool, typer.Option("--failed", help="Only failed sources and runs.")] = False,
    limit: Annotated[int, typer.Option(min=1, help="How many runs.")] = 20,
    as_json: JsonFlag = False,
) -> None:
    """Scrape runs, newest first, with each source's outcome."""
    from monitor.sources import select_sources

    if source:
        select_sources([source])
    with database() as (_, engine):
        rows = history.runs(engine, source=source, failed=failed, limit=limit)
    if as_json:
        print_json(rows)
    else:
        typer.echo(runs_text(rows))


@app.command("show-fetch")
def show_fetch(
    fetch_id: Annotated[
        int, typer.Argument(help="Fetch id from `monitor history` or the console.")
    ],
    as_json: JsonFlag = False,
) -> None:
    """One fetch: request, response headers, outcome, snapshot, and what the page yielded."""
    with database() as (_, engine):
        row = history.fetch_detail(engine, fetch_id)
    if as_json:
        print_json([row])  # an array like every --json, so tools need one parser
        return
    typer.echo(fetch_text(row))


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
    with database() as (_, engine):
        rows = history.observations(engine, metric=metric, jurisdiction=jurisdiction, status=status)
    if as_json:
        print_json(rows)
        return
    typer.echo(observations_text(rows))


@app.command()
def snapshot(
    sha256: Annotated[str, typer.Argument(help="Snapshot hash (or a unique prefix of 8+ chars).")],
    raw: Annotated[bool, typer.Option("--raw", help="Write the stored bytes unchanged.")] = False,
) -> None:
    """Print a stored snapshot: the evidence a figure was read from."""
    with database() as (_, engine):
        _meta, body, text = history.snapshot_text(engine, sha256)
    if raw or text is None:
        sys.stdout.buffer.write(body)
        return
    typer.echo(text)


@app.command()
def sources(as_json: JsonFlag = False) -> None:
    """The registered sources: publisher, jurisdiction, entry pages, allowed hosts."""
    from monitor.sources import SOURCES

    rows: list[dict[str, Any]] = [
        {
            "id": s.id,
            "publisher": s.publisher,
            "jurisdiction": s.jurisdiction,
            "scraper": s.scraper,
            "entry_urls": list(s.entry_urls),
            "allowed_hosts": list(s.allowed_hosts),
            "cadence_days": s.cadence_days,
        }
        for s in SOURCES
    ]
    if as_json:
        print_json(rows)
        return
    typer.echo(
        table(
            ("id", "jurisdiction", "publisher", "entry"),
            [(r["id"], r["jurisdiction"], r["publisher"], r["entry_urls"][0]) for r in rows],
        )
    )


@app.command()
def extract(
    target: Annotated[str, typer.Argument(help="A saved HTML file (any encoding) or a URL.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD (default: read from the page).")
    ] = None,
    jurisdiction: Annotated[
        str | None, typer.Option(help="Jurisdiction slug such as cn-bj (default: inferred).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Read the figures of one page by hand, as the pipeline would, without storing anything."""
    from monitor.handcheck import as_json as rows_of
    from monitor.handcheck import extract_page, load

    if jurisdiction is not None and not re.fullmatch(r"cn(-[a-z]+)*", jurisdiction):
        raise ConfigError(
            f"--jurisdiction: {jurisdiction!r} is not a slug like cn or cn-sc-chengdu"
        )
    forced = parse_date(published, "--published")
    settings = load_settings()
    found, when, where = extract_page(
        load(target, settings), published=forced, jurisdiction=jurisdiction
    )
    rows = rows_of(found)
    if as_json:
        print_json(rows)
        return
    typer.echo(
        f"published {when or 'unknown'}; default jurisdiction {where}; {len(rows)} figure(s)"
    )
    if rows:
        typer.echo(
            observations_text(
                [{**r, "id": i, "status": "-", "source_id": "-"} for i, r in enumerate(rows, 1)]
            )
        )


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Bring the database to the current schema (every command also does this first)."""
    from monitor.db import current_revision

    with database() as (settings, engine):
        revision = current_revision(engine)
    typer.echo(f"{display_url(settings.sqlalchemy_url)} at revision {revision}")


# Registers the figure and target commands on the same app.
import monitor.cli_analysis  # noqa: E402, F401


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning the service's errors into ``monitor: error: ...``."""
    try:
        app(args=argv, prog_name="monitor")
    except MonitorError as exc:
        typer.echo(f"monitor: error: {exc}", err=True)
        sys.exit(1)
