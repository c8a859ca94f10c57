"""Re-parsing stored snapshots after a scraper fix (both databases)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from monitor.core.contract import Candidate, Page, ParseResult, Scraper
from monitor.core.settings import Settings
from monitor.crawl.cycle import CycleOptions
from monitor.mirror import MirrorServer
from monitor.storage.models import Alert, Observation
from scrapers import registry
from tests.support.registered import reparse, run_cycle

REGISTRY = registry().scrapers

CNNIC = REGISTRY["cnnic"]


@pytest.fixture
def settings(db_settings: Settings, mirror: MirrorServer) -> Settings:
    return db_settings.model_copy(update={"mirror_url": mirror.url})


def rows(engine: Engine) -> list[Observation]:
    with Session(engine) as session:
        return list(session.exec(select(Observation)).all())


def _blind(page: Page) -> ParseResult:
    """A broken scraper: finds the links but reads no figure."""
    return replace(CNNIC.parse(page), candidates=())


def _overeager(page: Page) -> ParseResult:
    """A buggy scraper: every article also 'states' a bogus enterprise count."""
    result = CNNIC.parse(page)
    if not result.candidates:
        return result
    bogus = replace(
        result.candidates[0],
        metric="ai_enterprises",
        value=result.candidates[0].value,
        unit="count",
        qualifier="eq",
        precision=None,
    )
    return replace(result, candidates=(*result.candidates, _plausible(bogus)))


def _plausible(candidate: Candidate) -> Candidate:
    return replace(candidate, value=candidate.value % 1000 + 1)


def test_reparse_without_changes_adds_nothing(engine: Engine, settings: Settings) -> None:
    """Re-parsing with the same scrapers is idempotent."""
    run_cycle(engine, settings, CycleOptions(source_ids=["cnnic"], force=True))
    before = len(rows(engine))
    report = reparse(engine, source_ids=["cnnic"])
    assert report.pages > 0
    assert (report.observations_added, report.observations_retired) == (0, 0)
    assert len(rows(engine)) == before


def test_reparse_after_a_fix_adds_what_was_missed(engine: Engine, settings: Settings) -> None:
    """Figures a broken scraper missed are read from the stored snapshots by the fixed one."""
    broken = {**REGISTRY, "cnnic": Scraper("cnnic", "0.0-broken", _blind)}
    run_cycle(engine, settings, CycleOptions(source_ids=["cnnic"], force=True), scrapers=broken)
    assert rows(engine) == []
    report = reparse(engine, source_ids=["cnnic"])
    found = rows(engine)
    assert report.observations_added == len(found) >= 10
    assert {o.extractor_version for o in found} == {CNNIC.version}
    assert all(o.snapshot_sha256 for o in found)
    again = reparse(engine, source_ids=["cnnic"])
    assert (again.observations_added, again.observations_retired) == (0, 0)


def test_reparse_retires_what_a_fix_no_longer_reads(engine: Engine, settings: Settings) -> None:
    """A figure the fixed scraper no longer reads is superseded with the reason, not deleted."""
    buggy = {**REGISTRY, "cnnic": Scraper("cnnic", "0.0-buggy", _overeager)}
    run_cycle(engine, settings, CycleOptions(source_ids=["cnnic"], force=True), scrapers=buggy)
    bogus = [o for o in rows(engine) if o.metric == "ai_enterprises"]
    assert bogus
    report = reparse(engine, source_ids=["cnnic"])
    assert report.observations_retired == len(bogus)
    after = {o.id: o for o in rows(engine)}
    for obs in bogus:
        assert after[obs.id].status == "superseded"
        assert "no longer read" in (after[obs.id].status_reason or "")


def test_cycle_records_drift_and_crosscheck_alerts(engine: Engine, settings: Settings) -> None:
    """The drifted Chengdu page and the CAC list that disagrees with its total raise alerts."""
    run_cycle(engine, settings, CycleOptions(source_ids=["cac", "chengdu"], force=True))
    with Session(engine) as session:
        alerts = {(a.source_id, a.kind): a for a in session.exec(select(Alert)).all()}
    assert ("chengdu", "layout_drift") in alerts
    mismatch = alerts[("cac", "crosscheck_mismatch")]
    assert "433 distinct" in mismatch.message and "439" in mismatch.message
    assert mismatch.run_id is not None and mismatch.fetch_id is not None
