"""Assessments: every declared target against the stored observations, by the method in method.py.

``as_of`` fixes "today": deadlines and staleness are judged on it, and observations published
after it (or referring to a later date) are ignored, so a past report can be reproduced.
One point per date: when several accepted observations give the same date, the one published
last is used and the others are listed as conflicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import Engine
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, or_

from monitor.assessment import method
from monitor.core.assessments import Assessment
from monitor.core.catalogue import Metric
from monitor.core.targets import Target, TargetSet
from monitor.storage.models import Observation

__all__ = ["assess", "assess_all"]


@dataclass(frozen=True)
class _Point:
    """The columns an assessment needs (full ORM rows are ten times slower to load)."""

    id: int
    as_of: date
    value: Decimal
    source_id: str
    status: str


def _series(session: Session, target: Target, today: date) -> tuple[list[_Point], list[_Point]]:
    """Accepted points (one per date) and the other observations of those dates."""
    query = (
        sa_select(
            col(Observation.id), col(Observation.as_of), col(Observation.value),
            col(Observation.source_id), col(Observation.status),
        )
        .where(
            col(Observation.metric) == target.series_metric,
            col(Observation.jurisdiction) == target.jurisdiction,
            col(Observation.status).in_(("accepted", "quarantined")),
            col(Observation.as_of) <= today,
            or_(col(Observation.published_at).is_(None), col(Observation.published_at) <= today),
        )
        .order_by(col(Observation.as_of), col(Observation.published_at), col(Observation.id))
    )  # fmt: skip
    rows = [_Point(*row) for row in session.execute(query).all()]
    chosen: dict[date, _Point] = {}
    for point in rows:
        if point.status == "accepted":
            chosen[point.as_of] = point  # ordered by publication: the last published wins
    used = sorted(chosen.values(), key=lambda p: p.as_of)
    others = [p for p in rows if p.as_of in chosen and p is not chosen[p.as_of]]
    return used, others


def _f(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def assess_all(
    engine: Engine, targets: TargetSet, today: date, jurisdiction: str | None = None
) -> list[Assessment]:
    with Session(engine) as session:
        return [
            assess(session, target, targets.metrics[target.series_metric], today)
            for target in targets.targets
            if jurisdiction is None or target.jurisdiction == jurisdiction
        ]


def assess(session: Session, target: Target, metric: Metric, today: date) -> Assessment:
    result = Assessment(
        id=target.id, metric=target.metric, jurisdiction=target.jurisdiction, kind=target.kind,
        comparator=target.comparator, target_value=_f(target.value), unit=target.unit,
        deadline=target.deadline.isoformat(), status="no_data", proxy=target.proxy,
        description=target.description, source_title=target.source.title,
    )  # fmt: skip
    if target.kind == "qualitative":
        result.status = "qualitative"
        return result
    used, others = _series(session, target, today)
    result.conflicts = [
        {"as_of": o.as_of.isoformat(), "value": float(o.value), "source_id": o.source_id,
         "status": o.status, "observation_id": o.id}
        for o in others
    ]  # fmt: skip
    points = [(o.as_of, float(o.value)) for o in used]
    result.points = len(points)
    result.series = [(day.isoformat(), value) for day, value in points]
    if points:
        result.latest_as_of, result.latest_value = points[-1][0].isoformat(), points[-1][1]
        limit = timedelta(days=1.5 * metric.cadence_days)
        result.stale = today - points[-1][0] > limit
    if target.kind == "directional":
        _directional(result, points)
    elif points:
        _numeric(result, target, metric, points, today)
    return result


def _directional(result: Assessment, points: Sequence[method.Point]) -> None:
    if len(points) < 2:
        result.status = "insufficient_data" if points else "no_data"
        return
    result.status, growth = method.growth_status(points)
    result.growth_rate = growth * 100
    result.confidence = method.confidence(points, result.stale)


def _baseline(target: Target, points: Sequence[method.Point]) -> method.Point:
    if target.baseline_value is not None and target.baseline_as_of is not None:
        return target.baseline_as_of, float(target.baseline_value)
    policy = target.source.published
    if policy is not None:
        after = [p for p in points if p[0] >= policy]
        if after:
            return after[0]
        return points[-1]
    return points[0]


def _numeric(
    result: Assessment, target: Target, metric: Metric, points: list[method.Point], today: date
) -> None:
    assert target.value is not None and target.comparator is not None
    goal, comparator = float(target.value), target.comparator
    baseline = _baseline(target, points)
    result.baseline_as_of, result.baseline_value = baseline[0].isoformat(), baseline[1]
    latest = points[-1][1]
    result.gap = goal - latest
    distance = goal - baseline[1]
    result.gap_percent = result.gap / distance * 100 if distance else None
    series = [baseline, *(p for p in points if p[0] > baseline[0])]
    result.confidence = method.confidence(series, result.stale)
    if today > target.deadline:
        result.status = _after_deadline(target, metric, points, goal, comparator)
        return
    if method.satisfies(latest, comparator, goal):
        result.status = "achieved"
        return
    if len(series) < 2:
        result.status = "insufficient_data"
        return
    trend = method.trend(metric.kind, baseline, series, goal, target.deadline)
    result.ratio, result.projected_value = trend.ratio, trend.projected
    span = method.years(baseline[0], target.deadline)
    result.required_annual_rate = method.annual_rate(
        metric.kind, trend.required_slope, baseline, span
    )
    result.actual_annual_rate = method.annual_rate(metric.kind, trend.actual_slope, baseline, span)
    result.rate_unit = {"level": "%/yr", "share": "pp/yr"}.get(metric.kind, f"{metric.unit}/yr")
    result.status = method.status_before_deadline(trend, comparator, goal)


def _after_deadline(
    target: Target, metric: Metric, points: list[method.Point], goal: float, comparator: str
) -> str:
    """met or missed on the figure for the deadline period; awaiting_data until it exists."""
    window = timedelta(days=metric.cadence_days)
    period = [p for p in points if target.deadline - window < p[0] <= target.deadline]
    if not period:
        return "awaiting_data"
    return "met" if method.satisfies(period[-1][1], comparator, goal) else "missed"
