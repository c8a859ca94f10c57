"""``monitor demo``: the whole daily job against the bundled mirror, on the configured database.

It is the production code path with one difference: the bytes come from the mirror served on
127.0.0.1 instead of the live sites.
"""

from __future__ import annotations

from dataclasses import dataclass

from monitor.core.settings import Settings
from monitor.crawl.cycle import CycleOptions
from monitor.mirror import MirrorServer
from monitor.service.daily import DailyResult, daily
from monitor.storage import queries
from monitor.storage.database import display_url, open_database
from monitor.storage.models import Fetch, Observation

__all__ = ["DemoResult", "run_demo"]

# Politeness matters to the live sites, not to our own loopback server.
_MIRROR_DELAY = 0.05


@dataclass(frozen=True)
class DemoResult:
    mirror_url: str
    database: str
    daily: DailyResult
    fetches: list[Fetch]
    accepted: list[Observation]


def run_demo(settings: Settings) -> DemoResult:
    """Serve the mirror, run the daily job against it, and return what it stored."""
    engine = open_database(settings)
    try:
        with MirrorServer() as server:
            local = settings.model_copy(
                update={
                    "mirror_url": server.url,
                    "fetch_delay": min(settings.fetch_delay, _MIRROR_DELAY),
                }
            )
            result = daily(engine, local, CycleOptions(trigger="demo", force=True))
        return DemoResult(
            mirror_url=server.url,
            database=display_url(settings.sqlalchemy_url),
            daily=result,
            fetches=queries.fetches(engine, run_id=result.run.id),
            accepted=queries.observations(engine, status="accepted"),
        )
    finally:
        engine.dispose()
