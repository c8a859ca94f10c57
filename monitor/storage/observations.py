"""Storing candidate observations idempotently, with provenance and supersession.

An observation's key hashes what makes it the same statement: source, metric, jurisdiction,
as_of, qualifier, precision and value. Seeing the same statement again adds nothing. The same
source giving a different value for the same point supersedes the old row, which is kept.
A doubtful figure (:mod:`monitor.storage.validation`) is stored ``quarantined`` and waits for
review.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, col, select

from monitor.core.contract import Candidate
from monitor.storage.models import Observation, utcnow
from monitor.storage.validation import quarantine_reasons, same_precision

__all__ = ["Provenance", "observation_key", "record", "supersede_older"]


@dataclass(frozen=True)
class Provenance:
    source_id: str
    extractor: str
    extractor_version: str
    fetch_id: int | None = None
    snapshot_sha256: str | None = None
    url: str | None = None
    note: str | None = None


def observation_key(source_id: str, c: Candidate) -> str:
    parts = (
        source_id,
        c.metric,
        c.jurisdiction,
        c.as_of.isoformat() if c.as_of else "",
        c.qualifier,
        c.precision or "",
        format(c.value.normalize(), "f"),
    )
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def record(session: Session, candidates: Iterable[Candidate], provenance: Provenance) -> int:
    """Add the new observations among ``candidates``; return how many. Caller commits."""
    added = 0
    for candidate in candidates:
        key = observation_key(provenance.source_id, candidate)
        if session.exec(select(Observation.id).where(Observation.key == key)).first() is not None:
            continue
        row = _row(candidate, key, provenance)
        reasons = [candidate.hold] if candidate.hold else quarantine_reasons(session, row)
        if reasons:
            row.status, row.status_reason = "quarantined", "; ".join(reasons)
        session.add(row)
        session.flush()
        if row.status == "accepted":
            supersede_older(session, row)
        added += 1
    return added


def _row(c: Candidate, key: str, p: Provenance) -> Observation:
    return Observation(
        key=key,
        metric=c.metric,
        jurisdiction=c.jurisdiction,
        value=c.value,
        unit=c.unit,
        as_of=c.as_of,
        published_at=c.published_at,
        qualifier=c.qualifier,
        precision=c.precision,
        source_id=p.source_id,
        fetch_id=p.fetch_id,
        snapshot_sha256=p.snapshot_sha256,
        url=p.url,
        evidence=c.evidence,
        extractor=p.extractor,
        extractor_version=p.extractor_version,
        status="accepted",
        note=p.note,
        created_at=utcnow(),
    )


def supersede_older(session: Session, new: Observation) -> None:
    """A revised figure from the same source for the same point replaces the accepted one."""
    older = session.exec(
        select(Observation).where(
            Observation.source_id == new.source_id,
            Observation.metric == new.metric,
            Observation.jurisdiction == new.jurisdiction,
            Observation.as_of == new.as_of,
            same_precision(new.precision),
            Observation.status == "accepted",
            col(Observation.id) != new.id,
        )
    ).all()
    for row in older:
        row.status = "superseded"
        row.superseded_by = new.id
        row.status_reason = f"revised by observation {new.id}"
        session.add(row)
