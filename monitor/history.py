"""Read-only views of what the service did, for ops: runs, fetches, observations, snapshots.

Every function returns plain JSON-ready dicts; the CLI decides how to show them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Engine, or_
from sqlmodel import Session, col, select

from monitor import snapshots
from monitor.encoding import decode, is_textual
from monitor.errors import ConfigError
from monitor.models import Alert, Fetch, Observation, ScrapeRun, SourceResult

Row = dict[str, Any]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    return value


def row_of(model: Any, fields: Sequence[str]) -> Row:
    return {name: _plain(getattr(model, name)) for name in fields}


_RUN_FIELDS = (
    "id",
    "started_at",
    "finished_at",
    "trigger",
    "status",
    "worker",
    "sources_total",
    "sources_failed",
    "fetches",
    "pages_changed",
    "observations_added",
    "error",
)
_RESULT_FIELDS = (
    "source_id",
    "outcome",
    "fetches",
    "failures",
    "pages_changed",
    "observations_added",
    "alerts",
    "error",
)
ALERT_FIELDS = ("id", "created_at", "run_id", "source_id", "fetch_id", "kind", "message")
FETCH_FIELDS = (
    "id",
    "run_id",
    "source_id",
    "url",
    "final_url",
    "attempt",
    "requested_at",
    "duration_ms",
    "status_code",
    "outcome",
    "error",
    "bytes_received",
    "snapshot_sha256",
    "changed",
    "encoding",
    "parse_status",
    "parse_error",
    "candidates_found",
    "parent_id",
)
OBSERVATION_FIELDS = (
    "id",
    "metric",
    "jurisdiction",
    "value",
    "unit",
    "as_of",
    "published_at",
    "qualifier",
    "precision",
    "status",
    "status_reason",
    "source_id",
    "fetch_id",
    "snapshot_sha256",
    "url",
    "evidence",
    "extractor",
    "extractor_version",
    "note",
    "created_at",
)
FAILED = ("failed", "partial", "aborted")


def runs(
    engine: Engine, *, source: str | None = None, failed: bool = False, limit: int = 20
) -> list[Row]:
    """Runs, newest first, each with its per-source outcomes."""
    with Session(engine) as session:
        query = select(ScrapeRun).order_by(col(ScrapeRun.id).desc())
        if source or failed:
            matching = select(SourceResult.run_id)
            if source:
                matching = matching.where(SourceResult.source_id == source)
            if failed:
                matching = matching.where(col(SourceResult.outcome).in_(FAILED))
            condition: ColumnElement[bool] = col(ScrapeRun.id).in_(matching)
            if failed and not source:
                condition = or_(condition, col(ScrapeRun.status) != "completed")
            query = query.where(condition)
        rows = []
        for run in session.exec(query.limit(limit)).all():
            results = session.exec(
                select(SourceResult)
                .where(SourceResult.run_id == run.id)
                .order_by(col(SourceResult.source_id))
            ).all()
            row = row_of(run, _RUN_FIELDS)
            alerts = session.exec(
                select(Alert).where(Alert.run_id == run.id).order_by(col(Alert.id))
            ).all()
            row["alerts"] = [
                row_of(a, ALERT_FIELDS) for a in alerts if not source or a.source_id == source
            ]
            row["sources"] = [
                row_of(r, _RESULT_FIELDS)
                for r in results
                if (not source or r.source_id == source) and (not failed or r.outcome in FAILED)
            ]
            rows.append(row)
        return rows


def fetch_detail(engine: Engine, fetch_id: int) -> Row:
    """One fetch: request, response headers, outcome, snapshot and what the page yielded."""
    with Session(engine) as session:
        fetch = session.get(Fetch, fetch_id)
        if fetch is None:
            raise ConfigError(f"no fetch with id {fetch_id}")
        row = row_of(fetch, FETCH_FIELDS)
        row["request_headers"] = fetch.request_headers or {}
        row["response_headers"] = fetch.response_headers or {}
        row["links"] = fetch.links or []
        found = session.exec(
            select(Observation)
            .where(Observation.fetch_id == fetch_id)
            .order_by(col(Observation.id))
        ).all()
        row["observations"] = [row_of(o, OBSERVATION_FIELDS) for o in found]
        alerts = session.exec(select(Alert).where(Alert.fetch_id == fetch_id)).all()
        row["alerts"] = [row_of(a, ALERT_FIELDS) for a in alerts]
        return row


def observations(
    engine: Engine,
    *,
    metric: str | None = None,
    jurisdiction: str | None = None,
    status: str | None = None,
    limit: int | None = None,
) -> list[Row]:
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
        return [row_of(o, OBSERVATION_FIELDS) for o in session.exec(query).all()]


def fetches(engine: Engine, *, run_id: int | None = None) -> list[Row]:
    with Session(engine) as session:
        query = select(Fetch).order_by(col(Fetch.id))
        if run_id is not None:
            query = query.where(Fetch.run_id == run_id)
        return [row_of(f, FETCH_FIELDS) for f in session.exec(query).all()]


def snapshot_text(engine: Engine, sha: str) -> tuple[Row, bytes, str | None]:
    """A snapshot's metadata, raw bytes, and decoded text when it is textual."""
    with Session(engine) as session:
        snap, body = snapshots.load(session, sha)
        meta = {
            "sha256": snap.sha256,
            "size": snap.size,
            "content_type": snap.content_type,
            "first_seen_at": snap.first_seen_at.isoformat(),
        }
    text = decode(body, snap.content_type).text if is_textual(snap.content_type) else None
    return meta, body, text
