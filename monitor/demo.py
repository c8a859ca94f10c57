"""``monitor demo``: the whole daily cycle against the bundled mirror, on the configured database.

It is the production code path with one difference: the bytes come from the mirror served on
127.0.0.1 instead of the live sites.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Engine

from monitor import history
from monitor.cycle import CycleOptions
from monitor.daily import daily
from monitor.db import display_url, open_database
from monitor.display import human_value, table
from monitor.mirror import MirrorServer
from monitor.settings import Settings

# Politeness matters to the live sites, not to our own loopback server.
_MIRROR_DELAY = 0.05


def run_demo(settings: Settings) -> Iterator[str]:
    """Lines describing what the demo did; the database is opened before the mirror starts."""
    engine = open_database(settings)
    try:
        yield from _demo(engine, settings)
    finally:
        engine.dispose()


def _demo(engine: Engine, settings: Settings) -> Iterator[str]:
    with MirrorServer() as server:
        local = settings.model_copy(
            update={
                "mirror_url": server.url,
                "fetch_delay": min(settings.fetch_delay, _MIRROR_DELAY),
            }
        )
        result = daily(engine, local, CycleOptions(trigger="demo", force=True))
    run = result.run
    yield f"mirror served on {server.url}; database {display_url(settings.sqlalchemy_url)}"
    yield (
        f"run {run.id}: {run.status}, {run.fetches} fetches, {run.pages_changed} changed pages, "
        f"{run.observations_added} new observations, {run.sources_failed} failing sources"
    )
    yield ""
    fetched = history.fetches(engine, run_id=run.id)
    yield table(
        ("fetch", "source", "outcome", "status", "changed", "parse", "url"),
        [
            (
                f["id"],
                f["source_id"],
                f["outcome"],
                f["status_code"],
                f["changed"],
                f["parse_status"],
                f["url"],
            )
            for f in fetched
        ],
        {"url": 90},
    )
    yield ""
    stored = history.observations(engine, status="accepted")
    yield f"{len(stored)} accepted observations in the database:"
    yield table(
        ("metric", "jurisdiction", "as_of", "value", "qual", "source"),
        [
            (
                o["metric"],
                o["jurisdiction"],
                o["as_of"],
                human_value(o["value"], o["unit"]),
                o["qualifier"],
                o["source_id"],
            )
            for o in stored
        ],
    )
    yield ""
    yield "next: `monitor history`, `monitor targets`, `monitor review`, `monitor show-fetch ID`"
    report = result.report
    assert report is not None  # the demo is never stopped by a signal
    if report.delivery is not None:
        sent, queued = report.delivery.sent, report.delivery.failed
        yield f"report sent {sent}, still queued {queued}: see `monitor outbox`"
    yield f"report: {report.subject}"
    yield str(report.html_path)
