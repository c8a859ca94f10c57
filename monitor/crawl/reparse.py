"""``monitor reparse``: run today's scrapers over stored snapshots, after a fix.

For each URL, the snapshot of its latest parsed fetch is parsed again with the current
scraper. New figures are added (with the current extractor version), revised ones supersede
the old (history is kept), and figures the fixed scraper no longer reads from that snapshot
are marked superseded with the reason. Running it twice changes nothing the second time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Engine
from sqlmodel import Session, col, func, select

from monitor.core.contract import Scraper, SourceSpec, page_from_bytes, select_sources
from monitor.crawl.page_yield import parse_page, store_yield
from monitor.storage import snapshots
from monitor.storage.models import Fetch, Observation
from monitor.storage.observations import observation_key

__all__ = ["PARSED", "ReparseReport", "reparse"]

PARSED = ("parsed", "empty", "error")


@dataclass
class ReparseReport:
    pages: int = 0
    observations_added: int = 0
    observations_retired: int = 0
    alerts_added: int = 0
    parse_errors: int = 0


def _latest_parsed(session: Session, source_id: str, since: date | None) -> list[Fetch]:
    latest = (
        select(func.max(Fetch.id))
        .where(
            Fetch.source_id == source_id,
            col(Fetch.snapshot_sha256).is_not(None),
            col(Fetch.parse_status).in_(PARSED),
        )
        .group_by(col(Fetch.url))
    )
    query = select(Fetch).where(col(Fetch.id).in_(latest)).order_by(col(Fetch.id))
    if since is not None:
        query = query.where(
            col(Fetch.requested_at) >= datetime.combine(since, datetime.min.time(), UTC)
        )
    return list(session.exec(query).all())


def reparse(
    engine: Engine,
    *,
    source_ids: Sequence[str] = (),
    since: date | None = None,
    sources: Sequence[SourceSpec],
    scrapers: Mapping[str, Scraper],
) -> ReparseReport:
    report = ReparseReport()
    for spec in select_sources(sources, source_ids):
        with Session(engine) as session:
            fetch_ids = [f.id for f in _latest_parsed(session, spec.id, since)]
        for fetch_id in fetch_ids:
            _reparse_one(engine, spec, scrapers[spec.scraper], fetch_id, report)
    return report


def _reparse_one(
    engine: Engine, spec: SourceSpec, scraper: Scraper, fetch_id: int | None, report: ReparseReport
) -> None:
    with Session(engine) as session:
        fetch = session.get(Fetch, fetch_id)
        assert fetch is not None and fetch.snapshot_sha256 is not None
        snapshot, body = snapshots.load(session, fetch.snapshot_sha256)
        content_type = (fetch.response_headers or {}).get("content-type", snapshot.content_type)
        page = page_from_bytes(spec, fetch.url, body, content_type)
        result, _error = parse_page(scraper, page)
        report.pages += 1
        if result is None:
            report.parse_errors += 1
            return
        found = store_yield(
            session, spec=spec, scraper=scraper, fetch=fetch, result=result, run_id=None
        )
        report.observations_added += found.observations_added
        report.alerts_added += found.alerts_added
        keys = {observation_key(spec.id, c) for c in result.candidates}
        stale = session.exec(
            select(Observation).where(
                Observation.fetch_id == fetch.id,
                col(Observation.status).in_(("accepted", "quarantined")),
                col(Observation.key).not_in(keys),
            )
        ).all()
        for obs in stale:
            obs.status = "superseded"
            obs.status_reason = (
                f"no longer read from this page by {scraper.name} {scraper.version} (reparse)"
            )
            session.add(obs)
        report.observations_retired += len(stale)
        session.commit()
