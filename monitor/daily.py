"""The daily job: one scrape cycle, then the report (archived, queued, sent when configured).

``monitor run --once``, ``monitor demo`` and the worker all run this, so the scheduled job
and the commands people run by hand are the same code.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from monitor.cycle import CycleOptions, run_cycle
from monitor.models import ScrapeRun
from monitor.reporting import ReportResult, produce
from monitor.settings import Settings


@dataclass(frozen=True)
class DailyResult:
    run: ScrapeRun
    report: ReportResult | None  # None when the cycle was stopped by a signal


def daily(engine: Engine, settings: Settings, options: CycleOptions) -> DailyResult:
    run = run_cycle(engine, settings, options)
    if options.stop is not None and options.stop.is_set():
        return DailyResult(run, None)
    report = produce(engine, settings, settings.today(), run_id=run.id)
    return DailyResult(run, report)
