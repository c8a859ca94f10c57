"""What a report shows: the data the monitor gathers and the templates render.

The report package depends only on this and on ``monitor.core``; the monitor fills it
(``monitor.reporting.gather``). Rows of observations and alerts are read by attribute
(``o.metric``, ``a.message``): stored rows and plain objects both do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from monitor.core.assessments import OFF_TRACK, Assessment

__all__ = ["ReportData"]


@dataclass
class ReportData:
    report_date: date
    generated_at: datetime
    assessments: list[Assessment]
    counts: dict[str, int]
    previous_date: date | None
    new_observations: list[Any]
    status_changes: list[dict[str, str]]
    new_alerts: list[Any]
    failing_sources: list[dict[str, Any]]
    open_alerts: list[Any]
    quarantined: list[Any]
    run: dict[str, Any] | None
    groups: list[dict[str, Any]] = field(default_factory=list)

    @property
    def off_track(self) -> int:
        return sum(self.counts.get(status, 0) for status in OFF_TRACK)

    @property
    def stale(self) -> list[Assessment]:
        return [a for a in self.assessments if a.stale]

    @property
    def conflicts(self) -> list[Assessment]:
        return [a for a in self.assessments if a.conflicts]
