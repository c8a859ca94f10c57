"""One fetched page through the pipeline: record the attempts, store the snapshot, parse, store.

Everything about a page is written in one transaction (its fetch rows, its snapshot, its
observations), so a process killed midway leaves either the whole page or none of it.
A page whose bytes did not change (same hash, or a 304) is marked unchanged and not parsed
again; the links it gave last time are reused so that pending articles are still followed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from monitor.core.contract import Scraper, SourceSpec, page_from_bytes
from monitor.core.outcomes import GOOD_FETCH_OUTCOMES
from monitor.crawl.fetch import Attempt, Validators
from monitor.crawl.page_yield import parse_page, store_yield
from monitor.storage import snapshots
from monitor.storage.models import Fetch

__all__ = ["PageOutcome", "fetched_before", "last_stored_fetch", "record_page", "validators_for"]


@dataclass
class PageOutcome:
    fetch_id: int
    outcome: str
    changed: bool | None = None
    links: list[str] = field(default_factory=list)
    observations_added: int = 0
    alerts_added: int = 0
    parse_status: str | None = None

    @property
    def failed(self) -> bool:
        return self.outcome not in GOOD_FETCH_OUTCOMES or self.parse_status == "error"


def last_stored_fetch(session: Session, url: str) -> Fetch | None:
    """The most recent fetch of ``url`` that has a snapshot: the page as we last saw it."""
    return session.exec(
        select(Fetch)
        .where(Fetch.url == url, col(Fetch.snapshot_sha256).is_not(None))
        .order_by(col(Fetch.id).desc())
        .limit(1)
    ).first()


def validators_for(engine: Engine, url: str) -> Validators:
    with Session(engine) as session:
        last = last_stored_fetch(session, url)
    if last is None:
        return Validators()
    headers = last.response_headers or {}
    return Validators(etag=headers.get("etag"), last_modified=headers.get("last-modified"))


def fetched_before(engine: Engine, url: str) -> bool:
    with Session(engine) as session:
        found = session.exec(
            select(Fetch.id)
            .where(Fetch.url == url, col(Fetch.outcome).in_(GOOD_FETCH_OUTCOMES))
            .limit(1)
        ).first()
    return found is not None


def _fetch_row(
    attempt: Attempt, run_id: int | None, source_id: str, parent_id: int | None
) -> Fetch:
    return Fetch(
        parent_id=parent_id,
        run_id=run_id,
        source_id=source_id,
        url=attempt.url,
        final_url=attempt.final_url,
        attempt=attempt.attempt,
        requested_at=attempt.requested_at,
        duration_ms=attempt.duration_ms,
        status_code=attempt.status_code,
        outcome=attempt.outcome,
        error=attempt.error,
        request_headers=attempt.request_headers,
        response_headers=attempt.response_headers,
        bytes_received=attempt.bytes_received,
        parse_status="skipped" if attempt.outcome not in GOOD_FETCH_OUTCOMES else None,
    )


def record_page(
    engine: Engine,
    run_id: int | None,
    spec: SourceSpec,
    attempts: list[Attempt],
    scraper: Scraper,
    parent_id: int | None = None,
) -> PageOutcome:
    """Write the attempts for one URL and what the page yielded, in one transaction."""
    *earlier, final = attempts
    with Session(engine) as session:
        for attempt in earlier:
            session.add(_fetch_row(attempt, run_id, spec.id, parent_id))
        row = _fetch_row(final, run_id, spec.id, parent_id)
        previous = last_stored_fetch(session, final.url)
        outcome = PageOutcome(fetch_id=0, outcome=final.outcome)
        if final.outcome == "not_modified" and previous is not None:
            row.snapshot_sha256, row.encoding = previous.snapshot_sha256, previous.encoding
            _unchanged(row, previous, outcome)
        elif final.outcome == "ok" and final.body is not None:
            sha, _new = snapshots.store(session, final.body, final.content_type)
            row.snapshot_sha256 = sha
            if previous is not None and previous.snapshot_sha256 == sha:
                row.encoding = previous.encoding
                _unchanged(row, previous, outcome)
            else:
                session.add(row)
                session.flush()
                _parse_into(session, row, spec, final, scraper, outcome, previous)
        session.add(row)
        session.commit()
        outcome.fetch_id = row.id or 0
        outcome.parse_status = row.parse_status
    return outcome


def _unchanged(row: Fetch, previous: Fetch, outcome: PageOutcome) -> None:
    row.changed = False
    row.parse_status = "unchanged"
    row.links = list(previous.links or [])
    outcome.changed = False
    outcome.links = row.links


def _parse_into(
    session: Session,
    row: Fetch,
    spec: SourceSpec,
    final: Attempt,
    scraper: Scraper,
    outcome: PageOutcome,
    previous: Fetch | None,
) -> None:
    page = page_from_bytes(spec, final.url, final.body or b"", final.content_type)
    row.changed, row.encoding = True, page.encoding
    outcome.changed = True
    result, error = parse_page(scraper, page)
    if result is None:
        row.parse_status, row.parse_error = "error", error
        return
    row.links = list(result.links)
    row.candidates_found = len(result.candidates)
    yielded = bool(result.links or result.candidates)
    row.parse_status = "parsed" if yielded else "empty"
    row.parse_error = "; ".join(result.notes) or None
    outcome.links = row.links
    found = store_yield(
        session,
        spec=spec,
        scraper=scraper,
        fetch=row,
        result=result,
        run_id=row.run_id,
        previous=previous,
    )
    outcome.observations_added, outcome.alerts_added = found.observations_added, found.alerts_added
