"""The crawl functions with the registered sources and scrapers, as the service wires them.

The crawl receives its sources and scrapers as arguments (it never imports ``scrapers``);
these wrappers pass the real registry unless a test hands in its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Engine

from monitor.core.contract import Scraper, SourceSpec
from monitor.core.settings import Settings
from monitor.crawl import cycle
from monitor.crawl import reparse as reparsing
from monitor.crawl.cycle import CycleOptions
from monitor.storage.models import ScrapeRun
from scrapers import registry


def run_cycle(
    engine: Engine,
    settings: Settings,
    options: CycleOptions | None = None,
    *,
    sources: Sequence[SourceSpec] | None = None,
    scrapers: Mapping[str, Scraper] | None = None,
) -> ScrapeRun:
    known = registry()
    return cycle.run_cycle(
        engine,
        settings,
        options or CycleOptions(),
        sources=known.sources if sources is None else sources,
        scrapers=known.scrapers if scrapers is None else scrapers,
    )


def reparse(engine: Engine, **options: Any) -> reparsing.ReparseReport:
    known = registry()
    options.setdefault("sources", known.sources)
    options.setdefault("scrapers", known.scrapers)
    return reparsing.reparse(engine, **options)
