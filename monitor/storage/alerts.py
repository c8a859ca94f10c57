"""Alerts for ops: layout drift, an unreadable attachment, a failed cross-check.

An alert is recorded once per source, kind, message and fetch, however often the same page
is parsed again.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from monitor.storage.models import Alert, utcnow

__all__ = ["raise_alert"]


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
