"""Read-only views of what the service did, for ops: runs, fetches, observations, snapshots.

Each function returns stored rows (detached from their session) or small views grouping
them; the interfaces decide how to show them (:mod:`monitor.interfaces.records`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Engine, or_
from sqlmodel import Session, col, select

from monitor.core.encoding import decode, is_textual
from monitor.core.errors import ConfigError
from monitor.core.outcomes import FAILED_SOURCE_OUTCOMES
from monitor.storage import snapshots
from monitor.storage.models import Alert, Fetch, Observation, ScrapeRun, Snapshot, SourceResult

__all__ = [
    "FetchView",
    "RunView",
    "fetch_detail",
    "fetches",
    "observations",
    "runs",
    "snapshot_text",
]


@dataclass(frozen=True)
class RunView:
    run: ScrapeRun
    sources: list[SourceResult]
    alerts: list[Alert]


@dataclass(frozen=True)
class FetchView:
    fetch: Fetch
    observations: list[Observation]
    alerts: list[Alert]


def runs(
    engine: Engine, *, source: str | None = None, failed: bool = False, limit: int = 20
) -> list[RunView]:
    """Runs, newest first, each with its per-source outcomes (only ``source``'s, if given)."""
    bad = FAILED_SOURCE_OUTCOMES
    with Session(engine) as session:
        query = select(ScrapeRun).order_by(col(ScrapeRun.id).desc())
        if source or failed:
            matching = select(SourceResult.run_id)
            if source:
                matching = matching.where(SourceResult.source_id == source)
            if failed:
                matching = matching.where(col(SourceResult.outcome).in_(bad))
            condition: ColumnElement[bool] = col(ScrapeRun.id).in_(matching)
            if failed and not source:
                condition = or_(condition, col(ScrapeRun.status) != "completed")
            query = query.where(condition)
        views = []
        for run in session.exec(query.limit(limit)).all():
            results = session.exec(
                select(SourceResult)
                .where(SourceResult.run_id == run.id)
                .order_by(col(SourceResult.source_id))
            ).all()
            alerts = session.exec(
                select(Alert).where(Alert.run_id == run.id).order_by(col(Alert.id))
            ).all()
            views.append(
                RunView(
                    run=run,
                    sources=[
                        r
                        for r in results
                        if (not source or r.source_id == source)
                        and (not failed or r.outcome in bad)
                    ],
                    alerts=[a for a in alerts if not source or a.source_id == source],
                )
            )
        return views


def fetch_detail(engine: Engine, fetch_id: int) -> FetchView:
    """One fetch and what its page yielded: observations and alerts."""
    with Session(engine) as session:
        fetch = session.get(Fetch, fetch_id)
        if fetch is None:
            raise ConfigError(f"no fetch with id {fetch_id}")
        found = session.exec(
            select(Observation)
            .where(Observation.fetch_id == fetch_id)
            .order_by(col(Observation.id))
        ).all()
        alerts = session.exec(select(Alert).where(Alert.fetch_id == fetch_id)).all()
        return FetchView(fetch, list(found), list(alerts))


def observations(
    engine: Engine,
    *,
    metric: str | None = None,
    jurisdiction: str | None = None,
    status: str | None = None,
    limit: int | None = None,
) -> list[Observation]:
    """Observations by metric, jurisdiction and date, filtered as asked."""
    with Session(engine) as session:
        query = select(Observation)
        if metric:
            query = query.where(Observation.metric == metric)
        if jurisdiction:
            query = query.where(Observation.jurisdiction == jurisdiction)
        if status:
            query = query.where(Observation.status == status)
        query = query.order_by(
            col(Observation.metric),
            col(Observation.jurisdiction),
            col(Observation.as_of),
            col(Observation.id),
        )
        if limit:
            query = query.limit(limit)
        return list(session.exec(query).all())


def fetches(engine: Engine, *, run_id: int | None = None) -> list[Fetch]:
    with Session(engine) as session:
        query = select(Fetch).order_by(col(Fetch.id))
        if run_id is not None:
            query = query.where(Fetch.run_id == run_id)
        return list(session.exec(query).all())


def snapshot_text(engine: Engine, sha: str) -> tuple[Snapshot, bytes, str | None]:
    """A snapshot's row, raw bytes, and decoded text when it is textual."""
    with Session(engine) as session:
        snap, body = snapshots.load(session, sha)
    text = decode(body, snap.content_type).text if is_textual(snap.content_type) else None
    return snap, body, text
