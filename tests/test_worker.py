"""The scheduled worker as ops run it: real processes, real signals, one shared database."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session, col, select

from monitor.core.settings import Settings
from monitor.mirror import MirrorServer
from monitor.service.worker import DAILY_JOB, JOBS_TABLE
from monitor.storage.models import CycleSlot, ScrapeRun
from tests.test_cycle import _Stalling

ROOT = Path(__file__).parent.parent
pytestmark = pytest.mark.slow


class Worker:
    """`monitor worker` in a subprocess; its JSON log lines are collected as they come."""

    def __init__(self, env: dict[str, str], *args: str) -> None:
        self.events: list[dict[str, object]] = []
        self._seen = threading.Condition()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "monitor", "worker", *args], env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            try:
                event = json.loads(line)
            except ValueError:
                event = {"event": line.strip()}
            with self._seen:
                self.events.append(event)
                self._seen.notify_all()

    def wait_for(self, event: str, timeout: float = 60) -> dict[str, object]:
        deadline = time.monotonic() + timeout
        with self._seen:
            while True:
                found = [e for e in self.events if e.get("event") == event]
                if found:
                    return found[0]
                left = deadline - time.monotonic()
                assert left > 0, f"no {event!r} within {timeout} s: {self.events[-5:]}"
                self._seen.wait(left)

    def stop(self, timeout: float = 30) -> int:
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout)
        self._close()
        return code

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self._close()

    def _close(self) -> None:
        self._reader.join(10)
        if self.proc.stderr is not None and not self.proc.stderr.closed:
            self.proc.stderr.close()


@pytest.fixture
def worker_env(db_settings: Settings, mirror: MirrorServer, tmp_path: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "MONITOR_DATABASE_URL": db_settings.sqlalchemy_url.render_as_string(hide_password=False),
        "MONITOR_DATA_DIR": str(tmp_path / "data"),
        "MONITOR_MIRROR_URL": mirror.url,
        "MONITOR_FETCH_DELAY": "0",
        "MONITOR_TARGETS_FILE": str(ROOT / "targets.toml"),
        "MONITOR_LOG_FORMAT": "json",
        "MONITOR_SCHEDULE": "0 7 * * *",
    }


@pytest.fixture
def workers() -> Iterator[list[Worker]]:
    started: list[Worker] = []
    yield started
    for w in started:
        w.kill()


def runs(engine: Engine, trigger: str) -> list[ScrapeRun]:
    with Session(engine) as session:
        return list(session.exec(select(ScrapeRun).where(ScrapeRun.trigger == trigger)).all())


def job_rows(engine: Engine) -> list[tuple[str, float]]:
    with engine.connect() as conn:
        rows = conn.execute(text(f"SELECT id, next_run_time FROM {JOBS_TABLE}"))
        return [(str(r[0]), float(r[1])) for r in rows]


def test_job_persists_across_restart(
    engine: Engine, worker_env: dict[str, str], workers: list[Worker]
) -> None:
    """The daily job lives in the database: a restarted worker finds it, not a duplicate."""
    first = Worker(worker_env)
    workers.append(first)
    first.wait_for("worker started")
    time.sleep(1)
    assert first.stop() == 0
    (row,) = [r for r in job_rows(engine) if r[0].startswith(DAILY_JOB)]
    assert row[1] > time.time()
    second = Worker(worker_env)
    workers.append(second)
    second.wait_for("worker started")
    time.sleep(1)
    assert [r for r in job_rows(engine) if r[0].startswith(DAILY_JOB)] == [row]
    assert second.stop() == 0


def test_missed_run_runs_once_after_restart(
    engine: Engine, worker_env: dict[str, str], workers: list[Worker]
) -> None:
    """A firing missed while no worker ran is run once, coalesced, when one starts again."""
    fire = datetime.now(UTC) + timedelta(seconds=6)
    env = {**worker_env, "MONITOR_TIMEZONE": "UTC",
           "MONITOR_SCHEDULE": f"{fire.second} {fire.minute} {fire.hour} * * *"}  # fmt: skip
    first = Worker(env)
    workers.append(first)
    first.wait_for("worker started")
    assert first.stop() == 0
    assert datetime.now(UTC) < fire, "the first worker outlived the firing it should miss"
    time.sleep(max((fire - datetime.now(UTC)).total_seconds(), 0) + 2)
    assert runs(engine, "schedule") == []
    second = Worker(env)
    workers.append(second)
    second.wait_for("scheduled cycle done", timeout=90)
    time.sleep(2)
    assert second.stop() == 0
    assert len(runs(engine, "schedule")) == 1
    (row,) = [r for r in job_rows(engine) if r[0].startswith(DAILY_JOB)]
    assert row[1] > time.time() + 3600  # tomorrow's firing, not another catch-up


def test_two_workers_run_one_cycle_per_slot(
    engine: Engine, worker_env: dict[str, str], workers: list[Worker]
) -> None:
    """Two workers on one database with a one-minute schedule produce one cycle per minute."""
    env = {**worker_env, "MONITOR_SCHEDULE": "* * * * *"}
    pair = [Worker(env), Worker(env)]
    workers.extend(pair)
    for w in pair:
        w.wait_for("worker started")
    done = [w for w in pair if _finished_a_slot(w)]
    assert done, "no worker ran the minute's cycle"
    for w in pair:
        assert w.stop() == 0
    with Session(engine) as session:
        slots = session.exec(select(CycleSlot).order_by(col(CycleSlot.slot))).all()
    scheduled = runs(engine, "schedule")
    assert len(scheduled) == len(slots) >= 1
    for slot in slots:
        assert slot.worker and slot.slot.second == 0
    minutes = [r.started_at.replace(second=0, microsecond=0) for r in scheduled]
    assert len(minutes) == len(set(minutes))


def _finished_a_slot(worker: Worker) -> bool:
    deadline = time.monotonic() + 100
    while time.monotonic() < deadline:
        if any(e.get("event") in ("scheduled cycle done", "slot already run by another worker")
               for e in worker.events):  # fmt: skip
            return any(e.get("event") == "scheduled cycle done" for e in worker.events)
        time.sleep(0.5)
    return False


@pytest.fixture
def stalling_mirror() -> Iterator[MirrorServer]:
    _Stalling.arrived.clear()
    _Stalling.release.clear()
    with MirrorServer(handler=_Stalling) as server:
        yield server
        _Stalling.release.set()


def test_sigterm_during_a_cycle_exits_cleanly(
    engine: Engine,
    worker_env: dict[str, str],
    stalling_mirror: MirrorServer,
    workers: list[Worker],
) -> None:
    """SIGTERM mid-cycle: exit 0 within 30 s, the run marked aborted, no page half-written."""
    env = {**worker_env, "MONITOR_MIRROR_URL": stalling_mirror.url}
    worker = Worker(env, "--run-now")
    workers.append(worker)
    assert _Stalling.arrived.wait(60), "the cycle never reached the stalled page"
    started = time.monotonic()
    assert worker.stop(timeout=30) == 0
    assert time.monotonic() - started < 30
    (run,) = runs(engine, "worker-start")
    assert run.status == "aborted" and run.finished_at is not None
    assert "stopped by a signal" in (run.error or "")


def test_status_with_and_without_a_worker(
    engine: Engine, worker_env: dict[str, str], workers: list[Worker]
) -> None:
    """status is healthy while a worker beats, and says why not once it has stopped."""
    command = [sys.executable, "-m", "monitor", "status", "--json"]

    def status() -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, env=worker_env, capture_output=True, text=True, timeout=60)

    worker = Worker(worker_env)
    workers.append(worker)
    worker.wait_for("worker started")
    time.sleep(1.5)
    alive = status()
    assert alive.returncode == 0, alive.stderr
    (report,) = json.loads(alive.stdout)
    assert report["healthy"] and report["next_scheduled_run"]
    assert report["workers"][0]["state"] == "running"
    assert worker.stop() == 0
    gone = status()
    assert gone.returncode == 1
    assert "no worker is running" in gone.stderr
