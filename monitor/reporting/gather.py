"""Everything the daily report shows, gathered from the database (:class:`ReportData`).

The report compares with the previous one: observations and alerts created since it, and
targets whose status changed. Data health lists stale series, failing sources with their
streak of failed runs, open alerts, observations waiting for review and source conflicts.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from monitor.assessment.assess import assess_all
from monitor.core.assessments import STATUS_ORDER, Assessment
from monitor.core.outcomes import FAILED_SOURCE_OUTCOMES
from monitor.core.targets import TargetSet
from monitor.storage.models import Alert, Observation, Report, ScrapeRun, SourceResult
from reports.data import ReportData

__all__ = ["gather"]


def _streaks(session: Session) -> list[dict[str, Any]]:
    """Sources whose latest runs failed, with how many runs in a row."""
    results = session.exec(
        select(SourceResult)
        .where(col(SourceResult.outcome) != "skipped")
        .order_by(col(SourceResult.run_id).desc())
    ).all()
    streak: dict[str, int] = {}
    last_error: dict[str, str | None] = {}
    done: set[str] = set()
    for result in results:
        if result.source_id in done:
            continue
        if result.outcome in FAILED_SOURCE_OUTCOMES:
            streak[result.source_id] = streak.get(result.source_id, 0) + 1
            last_error.setdefault(result.source_id, result.error)
        else:
            done.add(result.source_id)
    return [
        {"source_id": s, "streak": n, "error": last_error[s]} for s, n in sorted(streak.items())
    ]


def _progress(a: Assessment) -> float | None:
    """Share of the baseline-to-target distance covered, 0..1."""
    if a.target_value is None or a.baseline_value is None or a.latest_value is None:
        return None
    distance = a.target_value - a.baseline_value
    if not distance:
        return 1.0
    return min(max((a.latest_value - a.baseline_value) / distance, 0.0), 1.0)


def _groups(assessments: list[Assessment]) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for a in sorted(assessments, key=lambda a: (a.deadline, a.jurisdiction, a.id)):
        row = {"a": a, "progress": _progress(a)}
        groups.setdefault((a.deadline[:4], a.jurisdiction), []).append(row)
    return [{"year": y, "jurisdiction": j, "rows": rows} for (y, j), rows in groups.items()]


def gather(engine: Engine, targets: TargetSet, today: date, now: datetime) -> ReportData:
    assessments = assess_all(engine, targets, today)
    counts = Counter(a.status for a in assessments)
    with Session(engine) as session:
        previous = session.exec(
            select(Report).where(Report.report_date < today).order_by(col(Report.created_at).desc())
        ).first()
        run = session.exec(select(ScrapeRun).order_by(col(ScrapeRun.id).desc())).first()
        # The first report has nothing to compare with: everything stored is new to its reader.
        since = previous.created_at if previous else datetime.min.replace(tzinfo=UTC)
        new_obs = session.exec(
            select(Observation)
            .where(col(Observation.created_at) > since)
            .order_by(col(Observation.metric), col(Observation.as_of))
        ).all()
        new_alerts = session.exec(
            select(Alert).where(col(Alert.created_at) > since).order_by(col(Alert.id))
        ).all()
        open_alerts = session.exec(
            select(Alert).where(col(Alert.resolved_at).is_(None)).order_by(col(Alert.id).desc())
        ).all()
        quarantined = session.exec(
            select(Observation)
            .where(Observation.status == "quarantined")
            .order_by(col(Observation.id))
        ).all()
        failing = _streaks(session)
    before = previous.statuses if previous else {}
    changes = [
        {"id": a.id, "before": before[a.id], "after": a.status}
        for a in assessments
        if a.id in before and before[a.id] != a.status
    ]
    data = ReportData(
        report_date=today,
        generated_at=now,
        assessments=assessments,
        counts={s: counts[s] for s in STATUS_ORDER if counts.get(s)},
        previous_date=previous.report_date if previous else None,
        new_observations=list(new_obs),
        status_changes=changes,
        new_alerts=list(new_alerts),
        failing_sources=failing,
        open_alerts=list(open_alerts[:50]),
        quarantined=list(quarantined),
        run=(
            {
                "id": run.id,
                "status": run.status,
                "fetches": run.fetches,
                "pages_changed": run.pages_changed,
                "observations_added": run.observations_added,
                "sources_failed": run.sources_failed,
            }
            if run
            else None
        ),  # fmt: skip
    )
    data.groups = _groups(assessments)
    return data
