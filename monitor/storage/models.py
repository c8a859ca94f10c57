"""Database tables (SQLModel). The schema itself is owned by the Alembic migrations.

Every timestamp is timezone-aware UTC on the way in and on the way out, whatever the backend
(SQLite keeps no zone, so :class:`UTCDateTime` restores it). Decimal values are kept as exact
decimal text, because SQLite has no decimal type and figures such as 2.8e20 FLOPS must not pass
through a float.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    LargeBinary,
    String,
    Table,
    Text,
    TypeDecorator,
    Unicode,
)
from sqlalchemy.engine import Dialect
from sqlmodel import Field, SQLModel

__all__ = [
    "APSCHEDULER_JOBS",
    "Alert",
    "CycleSlot",
    "DecimalText",
    "Fetch",
    "Observation",
    "OutboxMessage",
    "Report",
    "ScrapeRun",
    "Snapshot",
    "Source",
    "SourceResult",
    "UTCDateTime",
    "WorkerBeat",
    "utcnow",
]


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend; naive input is refused."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: timestamps must be timezone-aware")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class DecimalText(TypeDecorator[Decimal]):
    """An exact decimal stored as its canonical text."""

    impl = String(64)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return format(Decimal(value).normalize(), "f")

    def process_result_value(self, value: str | None, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


class Source(SQLModel, table=True):
    """A registered source as last synchronised from ``scrapers/sources.toml``."""

    __tablename__ = "sources"

    id: str = Field(primary_key=True, max_length=64)
    publisher: str
    jurisdiction: str = Field(max_length=64)
    scraper: str = Field(max_length=64)
    entry_urls: list[str] = Field(sa_column=Column(JSON, nullable=False))
    allowed_hosts: list[str] = Field(sa_column=Column(JSON, nullable=False))
    updated_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class ScrapeRun(SQLModel, table=True):
    """One cycle over the due sources."""

    __tablename__ = "scrape_runs"

    id: int | None = Field(default=None, primary_key=True)
    started_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))
    finished_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    trigger: str = Field(max_length=32)
    status: str = Field(default="running", max_length=16, index=True)
    worker: str = Field(default="", max_length=128)
    sources_total: int = 0
    sources_failed: int = 0
    fetches: int = 0
    pages_changed: int = 0
    observations_added: int = 0
    error: str | None = Field(default=None, sa_column=Column(Text))


class SourceResult(SQLModel, table=True):
    """What one source did in one run."""

    __tablename__ = "source_results"

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="scrape_runs.id", index=True)
    source_id: str = Field(max_length=64, index=True)
    outcome: str = Field(max_length=16)  # monitor.core.outcomes.SOURCE_OUTCOMES
    fetches: int = 0
    failures: int = 0
    pages_changed: int = 0
    observations_added: int = 0
    alerts: int = 0
    error: str | None = Field(default=None, sa_column=Column(Text))
    started_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    finished_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))


class Snapshot(SQLModel, table=True):
    """A raw response body, content-addressed by SHA-256 and stored once."""

    __tablename__ = "snapshots"

    sha256: str = Field(primary_key=True, max_length=64)
    size: int
    content_type: str = Field(default="", max_length=255)
    compression: str = Field(default="zlib", max_length=16)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    first_seen_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class Fetch(SQLModel, table=True):
    """One HTTP attempt and what its page yielded."""

    __tablename__ = "fetches"

    id: int | None = Field(default=None, primary_key=True)
    run_id: int | None = Field(default=None, foreign_key="scrape_runs.id", index=True)
    source_id: str = Field(max_length=64, index=True)
    url: str = Field(sa_column=Column(Text, nullable=False, index=True))
    final_url: str | None = Field(default=None, sa_column=Column(Text))
    attempt: int = 1
    requested_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    duration_ms: int = 0
    status_code: int | None = None
    outcome: str = Field(max_length=32, index=True)
    error: str | None = Field(default=None, sa_column=Column(Text))
    request_headers: dict[str, str] = Field(default_factory=dict, sa_column=Column(JSON))
    response_headers: dict[str, str] = Field(default_factory=dict, sa_column=Column(JSON))
    bytes_received: int = 0
    snapshot_sha256: str | None = Field(default=None, foreign_key="snapshots.sha256", index=True)
    changed: bool | None = None
    encoding: str | None = Field(default=None, max_length=32)
    parse_status: str | None = Field(default=None, max_length=16)
    parse_error: str | None = Field(default=None, sa_column=Column(Text))
    links: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    candidates_found: int = 0
    # The fetch whose page linked here (list -> article -> attachment), for provenance and checks.
    parent_id: int | None = Field(default=None, foreign_key="fetches.id")


class Observation(SQLModel, table=True):
    """A typed, dated figure with its provenance (DESIGN section 5)."""

    __tablename__ = "observations"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=64, unique=True)
    metric: str = Field(max_length=64, index=True)
    jurisdiction: str = Field(max_length=64, index=True)
    value: Decimal = Field(sa_column=Column(DecimalText(), nullable=False))
    unit: str = Field(max_length=16)
    # None only for a figure held because its period could not be resolved.
    as_of: date | None = Field(default=None, index=True)
    published_at: date | None = None
    qualifier: str = Field(default="eq", max_length=16)
    precision: str | None = Field(default=None, max_length=32)
    source_id: str = Field(max_length=64, index=True)
    fetch_id: int | None = Field(default=None, foreign_key="fetches.id")
    snapshot_sha256: str | None = Field(default=None, foreign_key="snapshots.sha256")
    url: str | None = Field(default=None, sa_column=Column(Text))
    evidence: str = Field(sa_column=Column(Text, nullable=False))
    extractor: str = Field(max_length=64)
    extractor_version: str = Field(max_length=32)
    status: str = Field(default="accepted", max_length=16, index=True)
    status_reason: str | None = Field(default=None, sa_column=Column(Text))
    superseded_by: int | None = Field(default=None, foreign_key="observations.id")
    note: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class Alert(SQLModel, table=True):
    """For ops to look at: layout drift, an unreadable attachment, a failed cross-check."""

    __tablename__ = "alerts"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))
    run_id: int | None = Field(default=None, foreign_key="scrape_runs.id", index=True)
    source_id: str = Field(max_length=64, index=True)
    fetch_id: int | None = Field(default=None, foreign_key="fetches.id")
    kind: str = Field(max_length=32, index=True)
    message: str = Field(sa_column=Column(Text, nullable=False))
    resolved_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))


class Report(SQLModel, table=True):
    """A rendered daily report: where it is archived and the statuses it showed."""

    __tablename__ = "reports"

    id: int | None = Field(default=None, primary_key=True)
    report_date: date = Field(index=True)
    language: str = Field(max_length=8)
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))
    run_id: int | None = Field(default=None, foreign_key="scrape_runs.id")
    subject: str = Field(sa_column=Column(Text, nullable=False))
    html_path: str = Field(sa_column=Column(Text, nullable=False))
    eml_path: str = Field(sa_column=Column(Text, nullable=False))
    statuses: dict[str, str] = Field(default_factory=dict, sa_column=Column(JSON))


class OutboxMessage(SQLModel, table=True):
    """A report to deliver. One per report date and recipient list: never sent twice."""

    __tablename__ = "outbox"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=64, unique=True)
    report_id: int = Field(foreign_key="reports.id")
    report_date: date = Field(index=True)
    recipients: str = Field(sa_column=Column(Text, nullable=False))
    status: str = Field(default="queued", max_length=16, index=True)  # queued | sent
    attempts: int = 0
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    queued_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    next_attempt_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    sent_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    message: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class CycleSlot(SQLModel, table=True):
    """A scheduled time that has been claimed by one worker: a slot runs once, whoever runs it."""

    __tablename__ = "cycle_slots"

    slot: datetime = Field(sa_column=Column(UTCDateTime(), primary_key=True))
    worker: str = Field(max_length=128)
    run_id: int | None = Field(default=None, foreign_key="scrape_runs.id")
    claimed_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class WorkerBeat(SQLModel, table=True):
    """A worker's heartbeat, for `monitor status` and container health checks."""

    __tablename__ = "workers"

    name: str = Field(primary_key=True, max_length=128)
    started_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    heartbeat_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    state: str = Field(default="running", max_length=16)


# APScheduler's job store table, declared here so that the migrations create it (under their
# lock) before any worker starts: two workers creating it at once collide on PostgreSQL.
APSCHEDULER_JOBS = Table(
    "apscheduler_jobs",
    SQLModel.metadata,
    Column("id", Unicode(191), primary_key=True),
    Column("next_run_time", Float(25), index=True),
    Column("job_state", LargeBinary, nullable=False),
)
