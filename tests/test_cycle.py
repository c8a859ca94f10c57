"""Whole cycles against the bundled mirror on a real loopback server, on both databases."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from monitor.core.contract import Page, ParseResult, Scraper, SourceSpec
from monitor.core.errors import ConfigError
from monitor.core.settings import Settings
from monitor.crawl.cycle import CycleOptions
from monitor.mirror import MirrorServer
from monitor.mirror.server import MirrorHandler
from monitor.storage.locks import CycleBusy, cycle_lock
from monitor.storage.models import Fetch, Observation, ScrapeRun, Snapshot, SourceResult
from scrapers import registry
from tests.support.registered import run_cycle

SOURCES = registry().sources
REGISTRY = registry().scrapers


@pytest.fixture
def settings(db_settings: Settings, mirror: MirrorServer) -> Settings:
    return db_settings.model_copy(update={"mirror_url": mirror.url})


def count(engine: Engine, model: type) -> int:
    with Session(engine) as session:
        return int(session.exec(select(func.count()).select_from(model)).one())


def fetches_of(engine: Engine, run_id: int | None) -> list[Fetch]:
    with Session(engine) as session:
        return list(session.exec(select(Fetch).where(Fetch.run_id == run_id)).all())


def test_cycle_stores_everything_with_provenance(engine: Engine, settings: Settings) -> None:
    """One cycle records the run, fetches, snapshots and observations linked to their evidence."""
    run = run_cycle(engine, settings, CycleOptions(force=True))
    assert run.status == "completed" and run.finished_at is not None
    assert run.sources_total == len(SOURCES)
    assert count(engine, Snapshot) >= 25
    with Session(engine) as session:
        users = session.exec(
            select(Observation).where(
                Observation.metric == "internet_users", Observation.as_of == date(2025, 6, 30)
            )
        ).one()
        assert users.value == Decimal("1123000000") and users.unit == "persons"
        assert users.jurisdiction == "cn" and users.source_id == "cnnic"
        assert "11.23亿" in users.evidence
        fetch = session.get(Fetch, users.fetch_id)
        assert fetch is not None and fetch.snapshot_sha256 == users.snapshot_sha256
        assert session.get(Snapshot, users.snapshot_sha256) is not None
        assert users.url == "https://www.cnnic.net.cn/n4/2025/0717/c88-11328.html"


def test_gbk_page_decodes_and_yields(engine: Engine, settings: Settings) -> None:
    """The GBK page whose header claims utf-8 is decoded as GB18030 and read."""
    run_cycle(engine, settings, CycleOptions(source_ids=["sichuan"], force=True))
    with Session(engine) as session:
        article = session.exec(
            select(Fetch).where(col(Fetch.url).endswith("4d8e2b7c1a9f4e0b8c3d5f6a7b2e1c9d.shtml"))
        ).one()
        assert article.encoding == "gb18030"
        scale = session.exec(
            select(Observation).where(
                Observation.metric == "ai_core_industry_scale", Observation.fetch_id == article.id
            )
        ).one()
    assert scale.jurisdiction == "cn-sc" and scale.value == Decimal("120000000000")


def test_every_outcome_is_recorded(engine: Engine, settings: Settings) -> None:
    """Robots blocks, 404s and layout drift are recorded as data and the run still completes."""
    run = run_cycle(engine, settings, CycleOptions(force=True))
    outcomes = {(f.source_id, f.outcome, f.parse_status) for f in fetches_of(engine, run.id)}
    assert ("nbs", "blocked_by_robots", "skipped") in outcomes
    assert ("cac", "http_error", "skipped") in outcomes
    assert ("chengdu", "ok", "empty") in outcomes
    with Session(engine) as session:
        results = {r.source_id: r for r in session.exec(select(SourceResult)).all()}
    assert results["cac"].outcome == "partial" and results["cnnic"].outcome == "ok"


def test_second_cycle_adds_a_run_and_nothing_else(engine: Engine, settings: Settings) -> None:
    """Re-running adds a run; pages answer 304 or hash-equal and yield no duplicates."""
    run_cycle(engine, settings, CycleOptions(force=True))
    before = (count(engine, Snapshot), count(engine, Observation))
    second = run_cycle(engine, settings, CycleOptions(force=True))
    assert (count(engine, Snapshot), count(engine, Observation)) == before
    assert count(engine, ScrapeRun) == 2 and second.observations_added == 0
    fetched = fetches_of(engine, second.id)
    entry_urls = {u for s in SOURCES for u in s.entry_urls}
    entries = [f for f in fetched if f.url in entry_urls]
    assert len(entries) == len(entry_urls)
    assert {f.outcome for f in entries} == {"not_modified"}
    assert {f.parse_status for f in entries} == {"unchanged"}
    # Articles already read are not requested again; only the pages that failed are retried.
    assert {f.url for f in fetched} - entry_urls == {
        "https://www.cac.gov.cn/2025-11/03/c_1763000000000001.htm",
        "https://www.stats.gov.cn/sj/zxfb/202507/t20250715_1960403.html",
    }


def test_same_bytes_under_new_validators_are_unchanged(engine: Engine, settings: Settings) -> None:
    """A page fetched again with a 200 but identical bytes is marked unchanged, not re-parsed."""
    run_cycle(engine, settings, CycleOptions(source_ids=["cnnic"], force=True))
    with Session(engine) as session:
        for fetch in session.exec(select(Fetch)).all():
            fetch.response_headers = {}  # forget the validators: the server must send the body
            session.add(fetch)
        session.commit()
    second = run_cycle(engine, settings, CycleOptions(source_ids=["cnnic"], force=True))
    entry = next(f for f in fetches_of(engine, second.id) if f.url.endswith("88/index.html"))
    assert (entry.outcome, entry.changed, entry.parse_status) == ("ok", False, "unchanged")


def test_recent_sources_are_skipped_unless_forced(engine: Engine, settings: Settings) -> None:
    """A source checked within its interval is recorded as skipped, with the reason."""
    run_cycle(engine, settings, CycleOptions(source_ids=["cnnic"]))
    second = run_cycle(engine, settings, CycleOptions(source_ids=["cnnic"]))
    with Session(engine) as session:
        result = session.exec(select(SourceResult).where(SourceResult.run_id == second.id)).one()
    assert result.outcome == "skipped" and "checked at" in (result.error or "")
    assert fetches_of(engine, second.id) == []


def _explode(page: Page) -> ParseResult:
    raise RuntimeError("scraper bug")


def test_broken_source_never_aborts_the_run(engine: Engine, settings: Settings) -> None:
    """A source whose site is missing and one whose scraper raises are recorded; others go on."""
    gone = SourceSpec(
        "gone", "nobody", "cn", ("https://missing.example/",), ("missing.example",), "cac"
    )
    buggy = SourceSpec(
        "buggy",
        "cnnic",
        "cn",
        ("https://www.cnnic.net.cn/6/86/88/index.html",),
        ("www.cnnic.net.cn",),
        "explode",
    )
    good = next(s for s in SOURCES if s.id == "cac")
    scrapers = {**REGISTRY, "explode": Scraper("explode", "0", _explode)}
    run = run_cycle(
        engine, settings, CycleOptions(force=True), sources=(gone, buggy, good), scrapers=scrapers
    )
    assert run.status == "completed" and run.sources_failed == 3 - 1 + 1  # gone, buggy, cac 404
    with Session(engine) as session:
        results = {r.source_id: r for r in session.exec(select(SourceResult)).all()}
        errors = session.exec(select(Fetch).where(Fetch.parse_status == "error")).all()
    assert results["gone"].outcome == "failed" and "404" in (results["gone"].error or "")
    assert results["buggy"].outcome == "failed"
    assert [e.parse_error for e in errors] == ["RuntimeError: scraper bug"]
    assert results["cac"].observations_added > 0


def test_unknown_source_id_is_config_error(engine: Engine, settings: Settings) -> None:
    """Naming a source that does not exist fails before anything runs, listing the known ids."""
    with pytest.raises(ConfigError, match="unknown source id nope .*known: .*cnnic"):
        run_cycle(engine, settings, CycleOptions(source_ids=["nope"]))
    assert count(engine, ScrapeRun) == 0


class _Stalling(MirrorHandler):
    """Holds one article request open so the test can kill the run while it waits."""

    arrived = threading.Event()
    release = threading.Event()

    def do_GET(self, head: bool = False) -> None:  # noqa: N802
        if self.path.startswith("/n4/2025/0117/"):
            type(self).arrived.set()
            type(self).release.wait(30)
        super().do_GET(head)


@pytest.fixture
def stalling_mirror() -> Iterator[MirrorServer]:
    _Stalling.arrived.clear()
    _Stalling.release.clear()
    with MirrorServer(handler=_Stalling) as server:
        yield server
        _Stalling.release.set()


def test_killed_run_is_marked_aborted_and_leaves_whole_pages(
    engine: Engine, db_settings: Settings, stalling_mirror: MirrorServer, tmp_path: Path
) -> None:
    """SIGKILL mid-run leaves only complete pages; the next cycle marks that run aborted."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "MONITOR_DATABASE_URL": db_settings.sqlalchemy_url.render_as_string(hide_password=False),
        "MONITOR_DATA_DIR": str(tmp_path / "data"),
        "MONITOR_MIRROR_URL": stalling_mirror.url,
        "MONITOR_FETCH_DELAY": "0",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "monitor", "run", "--source", "cnnic"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert _Stalling.arrived.wait(60), "the run never reached the stalled page"
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        proc.kill()
    with Session(engine) as session:
        interrupted = session.exec(select(ScrapeRun)).one()
        assert interrupted.status == "running"
        stored = session.exec(select(Fetch)).all()
        assert not any(f.url.endswith("c88-11229.html") for f in stored)
        for obs in session.exec(select(Observation)).all():
            fetch = session.get(Fetch, obs.fetch_id)
            assert fetch is not None and fetch.snapshot_sha256 == obs.snapshot_sha256
    _Stalling.release.set()
    local = db_settings.model_copy(update={"mirror_url": stalling_mirror.url})
    run_cycle(engine, local, CycleOptions(source_ids=["cnnic"], force=True))
    with Session(engine) as session:
        first = session.get(ScrapeRun, interrupted.id)
        assert first is not None and first.status == "aborted" and first.finished_at is not None


def test_second_cycle_at_once_is_refused(engine: Engine, settings: Settings) -> None:
    """While one cycle holds the lock, another on the same database is refused, not run."""
    with cycle_lock(engine), pytest.raises(CycleBusy, match="another cycle is running"):
        run_cycle(engine, settings, CycleOptions(source_ids=["cnnic"], force=True))
    assert count(engine, ScrapeRun) == 0
