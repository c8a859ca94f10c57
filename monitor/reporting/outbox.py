"""The outbox: reports waiting to be sent, retried with backoff, never sent twice.

A message is keyed by its report date and recipient list. Queueing a report for a key that
was already sent does nothing; one still queued gets the newer rendering. A failed send stays
queued with its error and is tried again after a growing delay (5 minutes, doubling, at most
6 hours) by the next cycle, by the worker's retry job, or at once by ``monitor outbox retry``.
"""

from __future__ import annotations

import hashlib
import smtplib
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from monitor.core.settings import Settings
from monitor.reporting import mailer
from monitor.storage.models import OutboxMessage, utcnow

__all__ = ["FIRST_DELAY", "MAX_DELAY", "Delivery", "deliver", "key_of", "listing", "queue"]

FIRST_DELAY = timedelta(minutes=5)
MAX_DELAY = timedelta(hours=6)


def key_of(report_date: date, recipients: tuple[str, ...]) -> str:
    return hashlib.sha256(f"{report_date}|{','.join(sorted(recipients))}".encode()).hexdigest()


def queue(
    session: Session, report_id: int, report_date: date, recipients: tuple[str, ...], message: bytes
) -> OutboxMessage:
    key = key_of(report_date, recipients)
    entry = session.exec(select(OutboxMessage).where(OutboxMessage.key == key)).first()
    now = utcnow()
    if entry is None:
        entry = OutboxMessage(
            key=key, report_id=report_id, report_date=report_date,
            recipients=",".join(recipients), queued_at=now, next_attempt_at=now, message=message,
        )  # fmt: skip
    elif entry.status == "queued":
        entry.report_id, entry.message = report_id, message
    session.add(entry)
    return entry


@dataclass
class Delivery:
    sent: int = 0
    failed: int = 0
    errors: list[str] | None = None


def deliver(engine: Engine, settings: Settings, *, now_only: bool = False) -> Delivery:
    """Send what is due (everything queued when ``now_only``); failures stay queued."""
    result = Delivery(errors=[])
    with Session(engine) as session:
        query = select(OutboxMessage).where(OutboxMessage.status == "queued")
        if not now_only:
            query = query.where(col(OutboxMessage.next_attempt_at) <= utcnow())
        due = [m.id for m in session.exec(query.order_by(col(OutboxMessage.id))).all()]
    for message_id in due:
        with Session(engine) as session:
            entry = session.get(OutboxMessage, message_id)
            if entry is None or entry.status != "queued":
                continue
            _attempt(settings, entry, result)
            session.add(entry)
            session.commit()
    return result


def _attempt(settings: Settings, entry: OutboxMessage, result: Delivery) -> None:
    entry.attempts += 1
    recipients = tuple(r for r in entry.recipients.split(",") if r)
    try:
        if not settings.smtp_host:
            raise smtplib.SMTPException("MONITOR_SMTP_HOST is not set")
        mailer.send(settings, entry.message, recipients)
    except (OSError, smtplib.SMTPException) as exc:
        entry.last_error = f"{type(exc).__name__}: {exc}".strip()[:500]
        delay = min(FIRST_DELAY * 2 ** (entry.attempts - 1), MAX_DELAY)
        entry.next_attempt_at = utcnow() + delay
        result.failed += 1
        assert result.errors is not None
        result.errors.append(f"outbox {entry.id}: {entry.last_error}")
        return
    entry.status, entry.sent_at, entry.last_error = "sent", utcnow(), None
    result.sent += 1


def listing(engine: Engine) -> list[OutboxMessage]:
    """Every message, newest first."""
    with Session(engine) as session:
        return list(
            session.exec(select(OutboxMessage).order_by(col(OutboxMessage.id).desc())).all()
        )
