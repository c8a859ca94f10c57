"""What a parsed page yielded, stored: observations, alerts for ops, and cross-checks.

Used by the cycle for freshly fetched pages and by ``monitor reparse`` for stored snapshots,
so both paths store exactly the same things the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlmodel import Session, col, func, select

from monitor import observations
from monitor.display import human_value
from monitor.encoding import decode, is_textual
from monitor.models import Alert, Fetch, Observation, utcnow
from monitor.page import Page, ParseResult
from monitor.sources import SourceSpec
from scrapers import Scraper


@dataclass
class Yield:
    observations_added: int = 0
    alerts_added: int = 0


def build_page(spec: SourceSpec, url: str, body: bytes, content_type: str) -> Page:
    """The page a scraper sees: bytes, and text when the content type is textual."""
    text, encoding = None, None
    if is_textual(content_type):
        decoded = decode(body, content_type)
        text, encoding = decoded.text, decoded.encoding
    return Page(url, spec.id, spec.jurisdiction, body, content_type, text, encoding)


def store_yield(
    session: Session,
    *,
    spec: SourceSpec,
    scraper: Scraper,
    fetch: Fetch,
    result: ParseResult,
    run_id: int | None,
    previous: Fetch | None = None,
) -> Yield:
    """Store ``result`` for the page of ``fetch``; ``previous`` is that URL's last stored fetch."""
    provenance = observations.Provenance(
        source_id=spec.id,
        extractor=scraper.name,
        extractor_version=scraper.version,
        fetch_id=fetch.id,
        snapshot_sha256=fetch.snapshot_sha256,
        url=fetch.url,
    )
    candidates = [
        c if c.published_at else replace(c, published_at=result.published_at)
        for c in result.candidates
    ]
    found = Yield(observations_added=observations.record(session, candidates, provenance))
    alerts = list(result.alerts)
    if not (result.candidates or result.links or result.alerts) and previous is not None:
        before = _observations_from(session, previous.id)
        if before:
            alerts.append(
                ("layout_drift", f"page yielded {before} observation(s) before, none now")
            )
    alerts.extend(_crosscheck(session, fetch, result))
    for kind, message in alerts:
        found.alerts_added += raise_alert(session, spec.id, kind, message, fetch.id, run_id)
    return found


def _observations_from(session: Session, fetch_id: int | None) -> int:
    query = select(func.count()).select_from(Observation).where(Observation.fetch_id == fetch_id)
    return int(session.exec(query).one())


def _crosscheck(session: Session, fetch: Fetch, result: ParseResult) -> list[tuple[str, str]]:
    """Compare each cross-check figure with what the linking page announced."""
    problems = []
    for check in result.crosschecks:
        announced = session.exec(
            select(Observation).where(
                Observation.fetch_id == fetch.parent_id,
                Observation.metric == check.metric,
            )
        ).all()
        for obs in announced:
            if obs.value != check.value:
                said = human_value(obs.value, obs.unit)
                message = f"{check.detail}, but the linking page announced {said} as of {obs.as_of}"
                problems.append(("crosscheck_mismatch", message))
    return problems


def raise_alert(
    session: Session,
    source_id: str,
    kind: str,
    message: str,
    fetch_id: int | None,
    run_id: int | None,
) -> int:
    """Record an alert unless the same one already stands for this fetch; return 1 if added."""
    same = session.exec(
        select(Alert.id).where(
            Alert.source_id == source_id,
            Alert.kind == kind,
            Alert.message == message,
            Alert.fetch_id == fetch_id if fetch_id is not None else col(Alert.fetch_id).is_(None),
        )
    ).first()
    if same is not None:
        return 0
    session.add(
        Alert(
            created_at=utcnow(),
            run_id=run_id,
            source_id=source_id,
            fetch_id=fetch_id,
            kind=kind,
            message=message,
        )
    )
    return 1
