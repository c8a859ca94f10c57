"""Reviewing quarantined observations: list what waits, accept or reject with a reason."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from monitor.core.errors import ConfigError
from monitor.storage.models import Observation, utcnow
from monitor.storage.observations import supersede_older

__all__ = ["accept", "reject", "waiting"]


def waiting(engine: Engine) -> list[Observation]:
    """Observations held for review, oldest first."""
    with Session(engine) as session:
        query = (
            select(Observation)
            .where(Observation.status == "quarantined")
            .order_by(col(Observation.id))
        )
        return list(session.exec(query).all())


def _quarantined(session: Session, observation_id: int) -> Observation:
    obs = session.get(Observation, observation_id)
    if obs is None:
        raise ConfigError(f"no observation with id {observation_id}")
    if obs.status != "quarantined":
        raise ConfigError(f"observation {observation_id} is {obs.status}, not quarantined")
    return obs


def accept(engine: Engine, observation_id: int, note: str | None = None) -> Observation:
    """Accept a held observation; an older figure of its source for the same point is superseded."""
    with Session(engine) as session:
        obs = _quarantined(session, observation_id)
        obs.status = "accepted"
        obs.status_reason = _decision("accepted", obs.status_reason, note)
        session.add(obs)
        session.flush()
        supersede_older(session, obs)
        session.commit()
        session.refresh(obs)
        return obs


def reject(engine: Engine, observation_id: int, reason: str) -> Observation:
    if not reason.strip():
        raise ConfigError("a rejection needs a reason (--reason TEXT)")
    with Session(engine) as session:
        obs = _quarantined(session, observation_id)
        obs.status = "rejected"
        obs.status_reason = _decision("rejected", obs.status_reason, reason)
        session.add(obs)
        session.commit()
        session.refresh(obs)
        return obs


def _decision(verdict: str, held_for: str | None, note: str | None) -> str:
    when = utcnow().strftime("%Y-%m-%d %H:%M UTC")
    parts = [f"{verdict} by review {when}"]
    if note:
        parts.append(note.strip())
    if held_for:
        parts.append(f"held for: {held_for}")
    return "; ".join(parts)
