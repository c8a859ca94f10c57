"""What a parsed page yielded, stored: observations, alerts for ops, and cross-checks.

Used by the cycle for freshly fetched pages and by ``monitor reparse`` for stored snapshots,
so both paths store exactly the same things the same way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from sqlmodel import Session, func, select

from monitor.core.contract import Page, ParseResult, Scraper, SourceSpec
from monitor.core.units import human_value
from monitor.storage import observations
from monitor.storage.alerts import raise_alert
from monitor.storage.models import Fetch, Observation

__all__ = ["Yield", "parse_page", "store_yield"]

log = logging.getLogger(__name__)


@dataclass
class Yield:
    observations_added: int = 0
    alerts_added: int = 0


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


def parse_page(scraper: Scraper, page: Page) -> tuple[ParseResult | None, str | None]:
    """Run a scraper; a scraper that raises is a recorded parse error, never a crash."""
    try:
        return scraper.parse(page), None
    except Exception as exc:  # noqa: BLE001  (any scraper bug must stay one page's problem)
        log.warning("scraper %s failed on %s: %r", scraper.name, page.url, exc)
        return None, f"{type(exc).__name__}: {exc}"
