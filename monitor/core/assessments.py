"""What an assessment of a target says: its status, trend, projection, gap and confidence.

The method that fills it is in :mod:`monitor.assessment`; the report and the CLI show it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["OFF_TRACK", "STATUS_ORDER", "Assessment"]

OFF_TRACK = ("acceleration_needed", "limited_progress", "moving_away", "missed")
STATUS_ORDER = (
    "achieved", "met", "on_track", "acceleration_needed", "limited_progress", "moving_away",
    "missed", "awaiting_data", "insufficient_data", "no_data", "rising", "stagnating", "falling",
    "qualitative",
)  # fmt: skip


@dataclass
class Assessment:
    id: str
    metric: str
    jurisdiction: str
    kind: str
    comparator: str | None
    target_value: float | None
    unit: str | None
    deadline: str
    status: str
    confidence: str | None = None
    stale: bool = False
    latest_value: float | None = None
    latest_as_of: str | None = None
    baseline_value: float | None = None
    baseline_as_of: str | None = None
    required_annual_rate: float | None = None
    actual_annual_rate: float | None = None
    rate_unit: str | None = None
    ratio: float | None = None
    projected_value: float | None = None
    gap: float | None = None
    gap_percent: float | None = None
    growth_rate: float | None = None
    points: int = 0
    series: list[tuple[str, float]] = field(default_factory=list)
    proxy: str | None = None
    description: str = ""
    source_title: str = ""
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
