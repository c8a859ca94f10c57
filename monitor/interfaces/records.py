"""Stored rows as plain, JSON-ready dicts: what ``--json`` prints and the console serves.

Every view in :mod:`monitor.storage.queries` has one shape here, so the CLI, its tables and
the web console agree on field names. Decimals become int or float, dates ISO strings.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from monitor.core.contract import Candidate
from monitor.storage.queries import FetchView, RunView
from scrapers.sites import Site

__all__ = [
    "ALERT_FIELDS",
    "FETCH_FIELDS",
    "OBSERVATION_FIELDS",
    "OUTBOX_FIELDS",
    "Row",
    "candidate_row",
    "fetch_row",
    "plain",
    "row_of",
    "run_row",
    "source_row",
]

Row = dict[str, Any]


def plain(value: Any) -> Any:
    """A value as JSON has it: ISO dates, exact integers, other decimals as floats."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def row_of(model: Any, fields: Sequence[str]) -> Row:
    return {name: plain(getattr(model, name)) for name in fields}


RUN_FIELDS = (
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
SOURCE_RESULT_FIELDS = (
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
OUTBOX_FIELDS = ("id", "report_id", "report_date", "recipients", "status", "attempts",
                 "last_error", "queued_at", "next_attempt_at", "sent_at")  # fmt: skip
CANDIDATE_FIELDS = ("metric", "jurisdiction", "value", "unit", "as_of", "qualifier", "precision",
                    "published_at", "evidence", "hold")  # fmt: skip


def run_row(view: RunView) -> Row:
    """A run with its per-source outcomes and the alerts it raised."""
    row = row_of(view.run, RUN_FIELDS)
    row["alerts"] = [row_of(a, ALERT_FIELDS) for a in view.alerts]
    row["sources"] = [row_of(r, SOURCE_RESULT_FIELDS) for r in view.sources]
    return row


def fetch_row(view: FetchView) -> Row:
    """A fetch with its headers, links, observations and alerts."""
    fetch = view.fetch
    row = row_of(fetch, FETCH_FIELDS)
    row["request_headers"] = fetch.request_headers or {}
    row["response_headers"] = fetch.response_headers or {}
    row["links"] = fetch.links or []
    row["observations"] = [row_of(o, OBSERVATION_FIELDS) for o in view.observations]
    row["alerts"] = [row_of(a, ALERT_FIELDS) for a in view.alerts]
    return row


def candidate_row(candidate: Candidate) -> Row:
    """A figure read by hand (``monitor extract``), before it is stored."""
    return row_of(candidate, CANDIDATE_FIELDS)


def source_row(site: Site) -> Row:
    """A registered source: who publishes, where its pages are, and what reads them."""
    spec = site.source
    return {
        "id": spec.id,
        "publisher": spec.publisher,
        "jurisdiction": spec.jurisdiction,
        "scraper": spec.scraper,
        "version": site.version,
        "reader": site.module or "declarative",
        "entry_urls": list(spec.entry_urls),
        "allowed_hosts": list(spec.allowed_hosts),
        "min_interval_hours": spec.min_interval_hours,
    }
