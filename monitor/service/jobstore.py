"""APScheduler's job table, read and pruned through one module.

The table itself is declared in :mod:`monitor.storage.models` (the migrations create it); the
worker hands it to APScheduler's SQLAlchemy job store, ``monitor status`` reads the next run
time from it, and a changed schedule drops the stored job of the old one.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, delete, func, inspect, select

from monitor.storage.models import APSCHEDULER_JOBS

__all__ = ["DAILY_JOB", "JOBS_TABLE", "drop_other_daily_jobs", "next_daily_run"]

DAILY_JOB = "daily-cycle"
JOBS_TABLE = APSCHEDULER_JOBS.name
_ID, _NEXT = APSCHEDULER_JOBS.c.id, APSCHEDULER_JOBS.c.next_run_time


def next_daily_run(engine: Engine) -> datetime | None:
    """When the stored daily job fires next, or None when no worker has scheduled it."""
    if not inspect(engine).has_table(JOBS_TABLE):
        return None
    with engine.connect() as conn:
        stamp = conn.execute(select(func.min(_NEXT)).where(_ID.like(f"{DAILY_JOB}%"))).scalar()
    return datetime.fromtimestamp(float(stamp), UTC) if stamp is not None else None


def drop_other_daily_jobs(engine: Engine, job_id: str) -> bool:
    """Delete stored daily jobs of other schedules; return whether ``job_id`` itself is stored.

    A stored job of this schedule must be kept: its next run time may be a missed firing.
    """
    if not inspect(engine).has_table(JOBS_TABLE):
        return False
    with engine.begin() as conn:
        ids = set(conn.execute(select(_ID)).scalars())
        stale = [i for i in ids if i.startswith(DAILY_JOB) and i != job_id]
        if stale:
            conn.execute(delete(APSCHEDULER_JOBS).where(_ID.in_(stale)))
    return job_id in ids
