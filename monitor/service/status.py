"""``monitor status``: is the service alive and well? For ops and container health checks.

Healthy means: a worker's heartbeat is younger than five minutes and the last cycle did not
fail. Anything else is listed as a problem and makes the command exit non-zero.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from monitor.service.jobstore import next_daily_run
from monitor.storage.models import OutboxMessage, ScrapeRun, WorkerBeat

__all__ = ["STALE_HEARTBEAT", "status"]

STALE_HEARTBEAT = timedelta(minutes=5)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def status(engine: Engine, now: datetime) -> dict[str, Any]:
    with Session(engine) as session:
        run = session.exec(select(ScrapeRun).order_by(col(ScrapeRun.id).desc())).first()
        workers = session.exec(select(WorkerBeat).order_by(col(WorkerBeat.name))).all()
        backlog = session.exec(
            select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status == "queued")
        ).one()
    beats = [
        {"name": w.name, "state": w.state, "heartbeat_at": w.heartbeat_at.isoformat(),
         "age_seconds": round((now - w.heartbeat_at).total_seconds())}
        for w in workers
    ]  # fmt: skip
    problems = []
    ages = [(now - w.heartbeat_at).total_seconds() for w in workers if w.state == "running"]
    if not ages:
        problems.append("no worker is running (start one with `monitor worker`)")
    elif min(ages) > STALE_HEARTBEAT.total_seconds():
        problems.append(f"the last worker heartbeat is {min(ages):.0f} s old (limit 300 s)")
    if run is not None and run.status == "failed":
        problems.append(f"the last cycle (run {run.id}) failed: {run.error}")
    return {
        "healthy": not problems,
        "problems": problems,
        "next_scheduled_run": _iso(next_daily_run(engine)),
        "last_run": None if run is None else {
            "id": run.id, "status": run.status, "trigger": run.trigger, "worker": run.worker,
            "started_at": run.started_at.isoformat(),
            "finished_at": run.finished_at.isoformat() if run.finished_at else None,
            "sources_failed": run.sources_failed, "observations_added": run.observations_added,
        },
        "workers": beats,
        "outbox_backlog": int(backlog),
    }  # fmt: skip
