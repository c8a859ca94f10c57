"""The ``monitor`` command: a thin layer over the library that maps errors to one-line messages.

Every command reads settings through :func:`monitor.settings.load_settings` and opens the
database through :func:`monitor.db.open_database` (which migrates it under a lock). Commands
with ``--json`` print exactly one JSON array on stdout and nothing else.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from sqlalchemy import Engine

from monitor import history
from monitor.db import display_url, open_database
from monitor.display import (
    fetch_text,
    observations_text,
    review_text,
    runs_text,
    table,
    targets_text,
)
from monitor.errors import ConfigError, MonitorError
from monitor.settings import Settings, load_settings

app = typer.Typer(
    help='Track China\'s "AI+" policy targets: fetch official pages, extract figures, report.',
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")
review_app = typer.Typer(
    help="Quarantined observations: list them (no subcommand), accept or reject one.",
    invoke_without_command=True,
)
app.add_typer(review_app, name="review")

JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON array and nothing else.")]


@contextlib.contextmanager
def _database() -> Iterator[tuple[Settings, Engine]]:
    """Settings and the migrated database for one command; the engine is closed afterwards."""
    settings = load_settings()
    logging.basicConfig(
        level=settings.log_level.upper(),
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)
    engine = open_database(settings)
    try:
        yield settings, engine
    finally:
        engine.dispose()


def _print_json(rows: Any) -> None:
    typer.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))


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
    """Run one scrape cycle over the due sources (the schedule itself is `monitor worker`)."""
    from monitor.cycle import CycleOptions, run_cycle

    with _database() as (settings, engine):
        finished = run_cycle(engine, settings, CycleOptions(source or (), "manual", force))
        latest = history.runs(engine, limit=1)
    typer.echo(runs_text(latest))
    if finished.sources_failed:
        typer.echo(f"{finished.sources_failed} source(s) failed; see `monitor history --failed`.")


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
    with _database() as (_, engine):
        rows = history.runs(engine, source=source, failed=failed, limit=limit)
    if as_json:
        _print_json(rows)
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
    with _database() as (_, engine):
        row = history.fetch_detail(engine, fetch_id)
    if as_json:
        _print_json([row])  # an array like every --json, so tools need one parser
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
    with _database() as (_, engine):
        rows = history.observations(engine, metric=metric, jurisdiction=jurisdiction, status=status)
    if as_json:
        _print_json(rows)
        return
    typer.echo(observations_text(rows))


@app.command()
def snapshot(
    sha256: Annotated[str, typer.Argument(help="Snapshot hash (or a unique prefix of 8+ chars).")],
    raw: Annotated[bool, typer.Option("--raw", help="Write the stored bytes unchanged.")] = False,
) -> None:
    """Print a stored snapshot: the evidence a figure was read from."""
    with _database() as (_, engine):
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
        _print_json(rows)
        return
    typer.echo(
        table(
            ("id", "jurisdiction", "publisher", "entry"),
            [(r["id"], r["jurisdiction"], r["publisher"], r["entry_urls"][0]) for r in rows],
        )
    )


@review_app.callback()
def review_list(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Observations held for review, with the reason each was held."""
    if ctx.invoked_subcommand is not None:
        return
    from monitor.review import waiting

    with _database() as (_, engine):
        rows = waiting(engine)
    if as_json:
        _print_json(rows)
        return
    typer.echo(review_text(rows))


@review_app.command("accept")
def review_accept(
    observation_id: Annotated[int, typer.Argument(help="Observation id from `monitor review`.")],
    note: Annotated[str | None, typer.Option(help="Why it is right, kept with it.")] = None,
) -> None:
    """Accept a quarantined observation (an older figure of its source is superseded)."""
    from monitor.review import accept

    with _database() as (_, engine):
        row = accept(engine, observation_id, note)
    typer.echo(f"observation {row['id']} accepted")


@review_app.command("reject")
def review_reject(
    observation_id: Annotated[int, typer.Argument(help="Observation id from `monitor review`.")],
    reason: Annotated[str, typer.Option(help="Why it is wrong (required).")],
) -> None:
    """Reject a quarantined observation; it is kept, marked rejected, with the reason."""
    from monitor.review import reject

    with _database() as (_, engine):
        row = reject(engine, observation_id, reason)
    typer.echo(f"observation {row['id']} rejected")


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
    forced = _date(published, "--published")
    settings = load_settings()
    found, when, where = extract_page(
        load(target, settings), published=forced, jurisdiction=jurisdiction
    )
    rows = rows_of(found)
    if as_json:
        _print_json(rows)
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


@app.command()
def targets(
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Judge as on YYYY-MM-DD (default: today).")
    ] = None,
    jurisdiction: Annotated[str | None, typer.Option(help="Only this jurisdiction slug.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Every declared target with its status, trend, projection and confidence."""
    from monitor.assess import assess_all
    from monitor.targets import load_targets

    day = _date(as_of, "--as-of")
    with _database() as (settings, engine):
        declared = load_targets(settings.targets_file)
        today = day or datetime.now(settings.tz).date()
        rows = [a.as_dict() for a in assess_all(engine, declared, today, jurisdiction)]
    if as_json:
        _print_json(rows)
        return
    typer.echo(f"as of {today}\n" + targets_text(rows))


@app.command("import-observations")
def import_observations_command(
    path: Annotated[Path, typer.Argument(help="CSV: metric,jurisdiction,value,unit,as_of,...")],
) -> None:
    """Add observations by hand from a CSV (all rows or none; the same file twice adds nothing)."""
    from monitor.importer import import_observations

    with _database() as (_, engine):
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
    from monitor.reparse import reparse as run_reparse

    with _database() as (_, engine):
        report = run_reparse(engine, source_ids=source or (), since=_date(since, "--since"))
    typer.echo(
        f"reparsed {report.pages} page(s): {report.observations_added} observation(s) added, "
        f"{report.observations_retired} retired, {report.alerts_added} alert(s), "
        f"{report.parse_errors} parse error(s)"
    )


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option}: expected YYYY-MM-DD, got {value!r}") from None


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Bring the database to the current schema (every command also does this first)."""
    from monitor.db import current_revision

    with _database() as (settings, engine):
        revision = current_revision(engine)
    typer.echo(f"{display_url(settings.sqlalchemy_url)} at revision {revision}")


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning the service's errors into ``monitor: error: ...``."""
    try:
        app(args=argv, prog_name="monitor")
    except MonitorError as exc:
        typer.echo(f"monitor: error: {exc}", err=True)
        sys.exit(1)
