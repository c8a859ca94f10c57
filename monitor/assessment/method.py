"""The gap-to-target method (DESIGN section 7; docs/methodology.md): pure functions of a series.

Eurostat's SDG progress assessment compares the actual growth with the growth required to
reach the target (cut-offs 0.95 / 0.60 / 0); ESCAP projects the trend to the deadline with a
time-weighted regression. Values are transformed first so trends are linear in time:
logit for shares (keeps them inside 0..100), ln for levels, identity for counts and flows.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

__all__ = [
    "DIRECTIONAL_GROWTH",
    "EQUAL_TOLERANCE",
    "YEAR",
    "Trend",
    "actual_slope",
    "annual_rate",
    "confidence",
    "growth_status",
    "inverse",
    "satisfies",
    "status_before_deadline",
    "transform",
    "trend",
    "years",
]

Point = tuple[date, float]
YEAR = 365.25
ON_TRACK, ACCELERATE = 0.95, 0.60
DIRECTIONAL_GROWTH = 0.01
EQUAL_TOLERANCE = 0.05


def years(start: date, end: date) -> float:
    return (end - start).days / YEAR


def transform(kind: str, value: float) -> float:
    if kind == "share":
        p = min(max(value / 100.0, 1e-6), 1 - 1e-6)
        return math.log(p / (1 - p))
    if kind == "level":
        return math.log(max(value, 1e-12))
    return value


def inverse(kind: str, value: float) -> float:
    if kind == "share":
        return 100.0 / (1.0 + math.exp(-value))
    if kind == "level":
        return math.exp(value)
    return value


def satisfies(value: float, comparator: str, target: float) -> bool:
    if comparator == ">":
        return value > target
    if comparator == ">=":
        return value >= target
    if comparator == "<":
        return value < target
    if comparator == "<=":
        return value <= target
    return abs(value - target) <= EQUAL_TOLERANCE * abs(target)


def actual_slope(kind: str, points: Sequence[Point], deadline: date) -> float:
    """Endpoint slope for two points; time-weighted least squares on the last six for more.

    Weights (t_T - t_min) / (t_T - t_i) favour the points nearest the deadline (ESCAP).
    """
    ys = [transform(kind, v) for _, v in points]
    if len(points) == 2:
        return (ys[1] - ys[0]) / years(points[0][0], points[1][0])
    recent = list(zip(points, ys, strict=True))[-6:]
    origin = recent[0][0][0]
    ts = [years(origin, d) for (d, _), _ in recent]
    t_deadline = years(origin, deadline)
    span = t_deadline - min(ts)
    ws = [span / max(t_deadline - t, 1e-9) for t in ts]
    total = sum(ws)
    t_mean = sum(w * t for w, t in zip(ws, ts, strict=True)) / total
    y_mean = sum(w * y for w, (_, y) in zip(ws, recent, strict=True)) / total
    num = sum(w * (t - t_mean) * (y - y_mean) for w, t, (_, y) in zip(ws, ts, recent, strict=True))
    den = sum(w * (t - t_mean) ** 2 for w, t in zip(ws, ts, strict=True))
    return num / den if den else 0.0


@dataclass(frozen=True)
class Trend:
    required_slope: float
    actual_slope: float
    ratio: float | None
    projected: float


def trend(
    kind: str, baseline: Point, points: Sequence[Point], target: float, deadline: date
) -> Trend:
    """Required and actual slopes, their ratio R, and the projection to the deadline."""
    span = years(baseline[0], deadline)
    required = (transform(kind, target) - transform(kind, baseline[1])) / span if span > 0 else 0.0
    actual = actual_slope(kind, points, deadline)
    last_day, last_value = points[-1]
    projected = inverse(kind, transform(kind, last_value) + actual * years(last_day, deadline))
    ratio = actual / required if required else None
    return Trend(required, actual, ratio, projected)


def status_before_deadline(trend_: Trend, comparator: str, target: float) -> str:
    """Eurostat classes from R, with ESCAP's projection able to lift a target to on_track."""
    if (trend_.ratio is not None and trend_.ratio >= ON_TRACK) or satisfies(
        trend_.projected, comparator, target
    ):
        return "on_track"
    if trend_.ratio is None:
        return "limited_progress"
    if trend_.ratio >= ACCELERATE:
        return "acceleration_needed"
    if trend_.ratio >= 0:
        return "limited_progress"
    return "moving_away"


def annual_rate(kind: str, slope: float, start: Point, span_years: float) -> float:
    """A slope in the metric's own terms: %/yr for levels, pp/yr for shares, units/yr else."""
    if kind == "level":
        return (math.exp(slope) - 1) * 100
    if kind == "share":
        if span_years <= 0:
            return 0.0
        end = inverse(kind, transform(kind, start[1]) + slope * span_years)
        return (end - start[1]) / span_years
    return slope


def growth_status(points: Sequence[Point]) -> tuple[str, float]:
    """Directional targets: annual growth from the endpoint slope of ln v."""
    first, last = points[0], points[-1]
    span = years(first[0], last[0])
    if span <= 0 or first[1] <= 0 or last[1] <= 0:
        return "insufficient_data", 0.0
    growth = math.exp((math.log(last[1]) - math.log(first[1])) / span) - 1
    if growth >= DIRECTIONAL_GROWTH:
        return "rising", growth
    return ("stagnating" if growth >= 0 else "falling"), growth


def confidence(points: Sequence[Point], stale: bool) -> str | None:
    """low (2 points), medium (3+ over 2+ years), high (5+ over 3+ years); stale lowers a step."""
    if len(points) < 2:
        return None
    span = years(points[0][0], points[-1][0])
    level = "low"
    if len(points) >= 5 and span >= 3:
        level = "high"
    elif len(points) >= 3 and span >= 2:
        level = "medium"
    if stale:
        level = {"high": "medium", "medium": "low"}.get(level, "low")
    return level
