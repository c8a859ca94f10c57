"""Validation rules (DESIGN section 5): which new observations are held for review, and why.

A rule never drops anything: a doubtful figure is stored ``quarantined`` with its reason and
waits for ``monitor review``. Checks compare with accepted observations of the same metric,
jurisdiction and precision basis:

- the value is outside the metric's plausible range, or its unit is not the metric's;
- a level metric jumps by more than 50% from the accepted value before it (or to the one after);
- a cumulative count is below an earlier accepted value (or above a later one);
- another source's accepted value for the same date differs by more than 5%.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import ColumnElement
from sqlmodel import Session, col, select

from monitor.core.catalogue import METRICS
from monitor.core.units import human_value
from monitor.storage.models import Observation

__all__ = ["DISAGREEMENT_LIMIT", "JUMP_LIMIT", "quarantine_reasons", "same_precision"]

JUMP_LIMIT = Decimal("0.5")
DISAGREEMENT_LIMIT = Decimal("0.05")


def same_precision(precision: str | None) -> ColumnElement[bool]:
    """Observations on the same precision basis (FP16 figures compare with FP16 only)."""
    if precision is None:
        return col(Observation.precision).is_(None)
    return col(Observation.precision) == precision


def _same_point(obs: Observation) -> list[ColumnElement[bool]]:
    precision = same_precision(obs.precision)
    return [
        col(Observation.metric) == obs.metric,
        col(Observation.jurisdiction) == obs.jurisdiction,
        precision,
        col(Observation.status) == "accepted",
        col(Observation.id) != obs.id if obs.id is not None else col(Observation.id).is_not(None),
    ]


def _neighbour(session: Session, obs: Observation, *, before: bool) -> Observation | None:
    as_of = col(Observation.as_of)
    query = select(Observation).where(*_same_point(obs))
    if before:
        query = query.where(as_of < obs.as_of).order_by(as_of.desc())
    else:
        query = query.where(as_of > obs.as_of).order_by(as_of)
    return session.exec(query.limit(1)).first()


def _show(obs: Observation) -> str:
    return f"{human_value(obs.value, obs.unit)} as of {obs.as_of} from {obs.source_id}"


def _relative(a: Decimal, b: Decimal) -> Decimal:
    base = max(abs(a), abs(b))
    return abs(a - b) / base if base else Decimal(0)


def quarantine_reasons(session: Session, obs: Observation) -> list[str]:
    """Why ``obs`` should wait for review; empty when it can be accepted."""
    metric = METRICS.get(obs.metric)
    if metric is None:
        return [f"unknown metric {obs.metric!r}"]
    if obs.unit != metric.unit:
        return [f"unit {obs.unit} does not fit {obs.metric} ({metric.unit})"]
    reasons = []
    if not metric.plausible(obs.value):
        reasons.append(
            f"{human_value(obs.value, obs.unit)} is outside the plausible range of {obs.metric} "
            f"({human_value(metric.low, obs.unit)} to {human_value(metric.high, obs.unit)})"
        )
    previous = _neighbour(session, obs, before=True)
    following = _neighbour(session, obs, before=False)
    if metric.kind == "level":
        # Either neighbour: figures do not always arrive in date order.
        if previous is not None and previous.value:
            change = (obs.value - previous.value) / previous.value
            if abs(change) > JUMP_LIMIT:
                reasons.append(f"jumps {change:+.0%} from {_show(previous)}")
        if following is not None and obs.value:
            change = (following.value - obs.value) / obs.value
            if abs(change) > JUMP_LIMIT:
                reasons.append(f"the later {_show(following)} is a {change:+.0%} jump from it")
    if metric.kind == "cumulative":
        if previous is not None and obs.value < previous.value:
            reasons.append(f"cumulative count decreases from {_show(previous)}")
        if following is not None and obs.value > following.value:
            reasons.append(f"cumulative count exceeds the later {_show(following)}")
    reasons.extend(_disagreements(session, obs))
    return reasons


def _disagreements(session: Session, obs: Observation) -> Sequence[str]:
    others = session.exec(
        select(Observation).where(
            *_same_point(obs),
            col(Observation.as_of) == obs.as_of,
            col(Observation.source_id) != obs.source_id,
        )
    ).all()
    return [
        f"disagrees by {_relative(obs.value, other.value):.0%} with {_show(other)}"
        for other in others
        if _relative(obs.value, other.value) > DISAGREEMENT_LIMIT
    ]
