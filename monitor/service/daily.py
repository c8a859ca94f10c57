"""The daily job: one scrape cycle over the registered sources, then the report.

``monitor run``, ``monitor demo`` and the worker all run this, so the scheduled job and the
commands people run by hand are the same code. This is where the crawl is handed the
sources and scrapers of :mod:`scrapers`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from monitor.core.settings import Settings
from monitor.crawl.cycle import CycleOptions, run_cycle
from monitor.crawl.reparse import ReparseReport, reparse
from monitor.reporting.publish import ReportResult, produce
from monitor.storage.models import ScrapeRun
from scrapers import registry

__all__ = ["DailyResult", "daily", "reparse_registered"]


@dataclass(frozen=True)
class DailyResult:
    run: ScrapeRun
    report: ReportResult | None  # None when the cycle was stopped by a signal


def daily(engine: Engine, settings: Settings, options: CycleOptions) -> DailyResult:
    """Crawl the due sources (those named in ``options``), then produce today's report."""
    known = registry()
    run = run_cycle(engine, settings, options, sources=known.sources, scrapers=known.scrapers)
    if options.stop is not None and options.stop.is_set():
        return DailyResult(run, None)
    report = produce(engine, settings, settings.today(), run_id=run.id)
    return DailyResult(run, report)


def reparse_registered(
    engine: Engine, *, source_ids: Sequence[str] = (), since: date | None = None
) -> ReparseReport:
    """``monitor reparse``: the current scrapers over the stored snapshots."""
    known = registry()
    return reparse(
        engine, source_ids=source_ids, since=since, sources=known.sources, scrapers=known.scrapers
    )
