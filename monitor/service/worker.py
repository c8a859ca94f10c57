"""``monitor worker``: the schedule that runs the daily job, safe across restarts and replicas.

APScheduler 3.11 with its SQLAlchemy job store in the project's database: the daily job
(cycle, report, send) fires on MONITOR_SCHEDULE, missed firings are coalesced into one and
run if no later than MONITOR_MISFIRE_GRACE, and one process never runs two at once. Several
workers may share one database: each firing is a *slot* that the first worker to claim it in
``cycle_slots`` runs, and the cycle lock keeps cycles from overlapping. Every 30 minutes a
second job retries queued mail; every 30 seconds a heartbeat row says the worker is alive.
SIGTERM and SIGINT stop the scheduler, abandon the pages in flight, mark the run aborted
and exit 0.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import signal
import threading
from datetime import datetime, timedelta
from types import FrameType

from apscheduler.events import EVENT_SCHEDULER_STARTED
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers import SchedulerNotRunningError
from apscheduler.schedulers.blocking import BlockingScheduler
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from monitor.core.schedule import cron_trigger, latest_fire
from monitor.core.settings import Settings, load_settings
from monitor.crawl.cycle import CycleOptions, worker_name
from monitor.reporting import outbox
from monitor.service.jobstore import DAILY_JOB, JOBS_TABLE, drop_other_daily_jobs
from monitor.storage.database import open_database
from monitor.storage.locks import CycleBusy
from monitor.storage.models import CycleSlot, WorkerBeat, utcnow

__all__ = [
    "HEARTBEAT_SECONDS",
    "MAIL_JOB",
    "STOP",
    "beat",
    "build_scheduler",
    "claim_slot",
    "daily_job_id",
    "immediate_cycle",
    "retry_mail",
    "run_worker",
    "scheduled_cycle",
]

log = logging.getLogger(__name__)
MAIL_JOB = "outbox-retry"
HEARTBEAT_SECONDS = 30
STOP = threading.Event()


def claim_slot(engine: Engine, slot: datetime, name: str) -> bool:
    """Claim a scheduled firing for this worker; False when another worker already has it."""
    try:
        with Session(engine) as session:
            session.add(CycleSlot(slot=slot, worker=name, claimed_at=utcnow()))
            session.commit()
    except IntegrityError:
        return False
    return True


def scheduled_cycle() -> None:
    """The daily job, as the job store refers to it (a module-level function, no arguments)."""
    settings = load_settings()
    engine = open_database(settings)
    try:
        trigger = cron_trigger(settings.schedule, settings.timezone)
        slot = latest_fire(trigger, datetime.now(settings.tz)) or utcnow()
        if not claim_slot(engine, slot, worker_name()):
            log.info("slot already run by another worker", extra={"slot": slot.isoformat()})
            return
        # Imported here: an idle worker need not hold the scrapers, matplotlib and the rest.
        from monitor.service.daily import daily

        try:
            result = daily(engine, settings, CycleOptions(trigger="schedule", stop=STOP))
        except CycleBusy:
            log.warning("another cycle is running; this slot is skipped",
                        extra={"slot": slot.isoformat()})  # fmt: skip
            return
        log.info("scheduled cycle done", extra={"run_id": result.run.id, "slot": slot.isoformat()})
    finally:
        engine.dispose()


def immediate_cycle() -> None:
    """`monitor worker --run-now`: one cycle at start, outside the schedule's slots."""
    from monitor.service.daily import daily

    settings = load_settings()
    engine = open_database(settings)
    try:
        daily(engine, settings, CycleOptions(trigger="worker-start", stop=STOP))
    except CycleBusy:
        log.warning("another cycle is running; the start-up cycle is skipped")
    finally:
        engine.dispose()


def retry_mail() -> None:
    settings = load_settings()
    engine = open_database(settings)
    try:
        result = outbox.deliver(engine, settings)
        if result.sent or result.failed:
            log.info("outbox retried", extra={"sent": result.sent, "failed": result.failed})
    finally:
        engine.dispose()


def beat(engine: Engine, name: str, started: datetime, state: str = "running") -> None:
    with Session(engine) as session:
        row = session.get(WorkerBeat, name) or WorkerBeat(
            name=name, started_at=started, heartbeat_at=utcnow()
        )
        row.heartbeat_at, row.state = utcnow(), state
        session.add(row)
        session.commit()


def daily_job_id(settings: Settings) -> str:
    """The daily job's id names its schedule, so a changed schedule replaces the stored job."""
    digest = hashlib.sha256(f"{settings.schedule}|{settings.timezone}".encode()).hexdigest()
    return f"{DAILY_JOB}:{digest[:10]}"


def build_scheduler(
    settings: Settings, engine: Engine, name: str, executor: ThreadPoolExecutor
) -> BlockingScheduler:
    started = utcnow()
    scheduler = BlockingScheduler(
        jobstores={
            "default": SQLAlchemyJobStore(engine=engine, tablename=JOBS_TABLE),
            "local": MemoryJobStore(),
        },
        executors={"default": executor},
        job_defaults={"coalesce": True, "max_instances": 1},
        timezone=settings.timezone,
    )
    job_id = daily_job_id(settings)
    if not drop_other_daily_jobs(engine, job_id):
        scheduler.add_job(
            scheduled_cycle, cron_trigger(settings.schedule, settings.timezone), id=job_id,
            name="daily cycle", replace_existing=True, misfire_grace_time=settings.misfire_grace,
        )  # fmt: skip
    scheduler.add_job(
        retry_mail, "interval", minutes=30, id=MAIL_JOB, name="retry queued mail",
        replace_existing=True, misfire_grace_time=600,
    )  # fmt: skip
    scheduler.add_job(
        beat, "interval", seconds=HEARTBEAT_SECONDS, args=(engine, name, started),
        id="heartbeat", jobstore="local", next_run_time=datetime.now(settings.tz),
    )  # fmt: skip
    return scheduler


def _shutdown(scheduler: BlockingScheduler) -> None:
    with contextlib.suppress(SchedulerNotRunningError):  # a signal before start()
        scheduler.shutdown(wait=False)


def run_worker(settings: Settings, *, run_now: bool = False) -> None:
    """Block until SIGTERM or SIGINT, running the schedule."""
    engine = open_database(settings)
    name = worker_name()
    executor = ThreadPoolExecutor(2)
    scheduler = build_scheduler(settings, engine, name, executor)

    def stop(signum: int, _frame: FrameType | None) -> None:
        if STOP.is_set():
            return  # a second signal while stopping changes nothing
        log.info("stopping", extra={"signal": signal.Signals(signum).name, "worker": name})
        STOP.set()
        # Never stop the scheduler inside the handler: the main thread may be holding the
        # executor's lock at this very moment (a deadlock seen in tests). A thread waits for it.
        threading.Thread(target=_shutdown, args=(scheduler,), daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if run_now:
        soon = datetime.now(settings.tz) + timedelta(seconds=1)
        scheduler.add_job(immediate_cycle, id="run-now", jobstore="local", next_run_time=soon)
    scheduler.add_listener(
        lambda _event: log.info("worker started", extra={"worker": name,
                                                         "schedule": settings.schedule}),
        EVENT_SCHEDULER_STARTED,
    )  # fmt: skip
    try:
        if not STOP.is_set():
            scheduler.start()
    finally:
        # The signal handler could not wait; the running job sees STOP, marks its run aborted
        # and returns, and only then does the process go.
        executor.shutdown(wait=True)
        beat(engine, name, utcnow(), state="stopped")
        engine.dispose()
        log.info("worker stopped", extra={"worker": name})
