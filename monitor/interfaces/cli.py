"""The ``monitor`` command: a thin layer over the library that maps errors to one-line messages.

Every command reads settings through :func:`monitor.core.settings.load_settings` and opens
the database through :func:`monitor.storage.database.open_database` (which migrates it under
a lock). Commands with ``--json`` print exactly one JSON array on stdout and nothing else.
This module holds the crawl and operations commands; :mod:`monitor.interfaces.cli_figures`
the figure and target commands.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from typing import Annotated

import typer

from monitor.core.errors import ConfigError, MonitorError
from monitor.core.places import SLUG
from monitor.core.settings import load_settings
from monitor.interfaces import records, tables
from monitor.interfaces.cli_common import JsonFlag, app, database, parse_date, print_json
from monitor.service import logs
from monitor.storage import queries
from monitor.storage.database import display_url
from monitor.storage.models import utcnow

db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@app.command()
def run(
    source: Annotated[
        list[str] | None, typer.Option("--source", "-s", help="Only this source id (repeatable).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Fetch sources even when checked recently.")
    ] = False,
    once: Annotated[bool, typer.Option("--once", hidden=True)] = False,
) -> None:
    """Run one cycle over the due sources, then the report (the schedule is `monitor worker`)."""
    from monitor.crawl.cycle import CycleOptions
    from monitor.service.daily import daily

    if once:
        typer.echo("monitor: note: `run` always runs once; --once can be dropped", err=True)
    with database() as (settings, engine):
        result = daily(engine, settings, CycleOptions(source or (), "manual", force))
        latest = queries.runs(engine, limit=1)
    typer.echo(tables.runs_text([records.run_row(v) for v in latest]))
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
    from monitor.service.worker import run_worker

    settings = load_settings()
    logs.setup(settings.log_level, settings.log_format)
    run_worker(settings, run_now=run_now)


@app.command("status")
def status_command(as_json: JsonFlag = False) -> None:
    """Next scheduled run, last run, worker heartbeats, outbox backlog; non-zero when unhealthy."""
    from monitor.service.status import status

    with database() as (_, engine):
        report = status(engine, utcnow())
    if as_json:
        print_json([report])
    else:
        typer.echo(tables.status_text(report))
    if not report["healthy"]:
        typer.echo("monitor: unhealthy: " + "; ".join(report["problems"]), err=True)
        raise typer.Exit(1)


@app.command()
def demo() -> None:
    """Start the bundled mirror, run one cycle and the report against it, show what was stored."""
    from monitor.service.demo import run_demo

    settings = load_settings()
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    typer.echo(tables.demo_text(run_demo(settings)))


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
    from monitor.core.contract import select_sources
    from scrapers import registry

    if source:
        select_sources(registry().sources, [source])
    with database() as (_, engine):
        rows = [records.run_row(v) for v in queries.runs(engine, source=source, failed=failed,
                                                          limit=limit)]  # fmt: skip
    if as_json:
        print_json(rows)
    else:
        typer.echo(tables.runs_text(rows))


@app.command("show-fetch")
def show_fetch(
    fetch_id: Annotated[
        int, typer.Argument(help="Fetch id, as `monitor history` and `monitor observations` show.")
    ],
    as_json: JsonFlag = False,
) -> None:
    """One fetch: request, response headers, outcome, snapshot, and what the page yielded."""
    with database() as (_, engine):
        row = records.fetch_row(queries.fetch_detail(engine, fetch_id))
    if as_json:
        print_json([row])  # an array like every --json, so tools need one parser
        return
    typer.echo(tables.fetch_text(row))


@app.command()
def snapshot(
    sha256: Annotated[str, typer.Argument(help="Snapshot hash (or a unique prefix of 8+ chars).")],
    raw: Annotated[bool, typer.Option("--raw", help="Write the stored bytes unchanged.")] = False,
) -> None:
    """Print a stored snapshot: the evidence a figure was read from."""
    with database() as (_, engine):
        _snap, body, text = queries.snapshot_text(engine, sha256)
    if raw or text is None:
        sys.stdout.buffer.write(body)
        return
    typer.echo(text)


@app.command()
def sources(as_json: JsonFlag = False) -> None:
    """The registered sources: publisher, jurisdiction, entry pages, allowed hosts."""
    from scrapers import registry

    known = registry()
    rows = [records.source_row(known.sites[s.id]) for s in known.sources]
    if as_json:
        print_json(rows)
        return
    typer.echo(
        tables.table(
            ("id", "jurisdiction", "publisher", "reader", "entry"),
            [
                (r["id"], r["jurisdiction"], r["publisher"], r["reader"], r["entry_urls"][0])
                for r in rows
            ],
        )  # fmt: skip
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
    from monitor.service.page_check import check_page, load

    if jurisdiction is not None and not SLUG.fullmatch(jurisdiction):
        raise ConfigError(
            f"--jurisdiction: {jurisdiction!r} is not a slug like cn or cn-sc-chengdu"
        )
    forced = parse_date(published, "--published")
    settings = load_settings()
    checked = check_page(load(target, settings), published=forced, jurisdiction=jurisdiction)
    rows = [records.candidate_row(c) for c in checked.candidates]
    if as_json:
        print_json(rows)
        return
    typer.echo(
        f"published {checked.published or 'unknown'}; default jurisdiction "
        f"{checked.jurisdiction}; {len(rows)} figure(s)"
    )
    if rows:
        typer.echo(
            tables.observations_text(
                [{**r, "id": i, "status": "-", "source_id": "-"} for i, r in enumerate(rows, 1)]
            )
        )


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Bring the database to the current schema (every command also does this first)."""
    from monitor.storage.database import current_revision

    with database() as (settings, engine):
        revision = current_revision(engine)
    typer.echo(f"{display_url(settings.sqlalchemy_url)} at revision {revision}")


# Registers the figure and target commands on the same app.
import monitor.interfaces.cli_figures  # noqa: E402, F401


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning the service's errors into ``monitor: error: ...``."""
    try:
        app(args=argv, prog_name="monitor")
    except MonitorError as exc:
        typer.echo(f"monitor: error: {exc}", err=True)
        sys.exit(1)
