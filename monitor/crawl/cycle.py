"""A scrape cycle: every due source fetched, followed, stored and parsed, recorded as a run.

Sources run concurrently (hosts in parallel, each host one request at a time). A source that
fails is recorded with its error and the run goes on: one broken source never aborts a run.
A run left ``running`` by a process that died is marked ``aborted`` by the next cycle, which
can tell because it holds the cycle lock that the dead process no longer does.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import threading
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine, update
from sqlmodel import Session, col, select

from monitor.core.contract import Scraper, SourceSpec, select_sources
from monitor.core.outcomes import CHECKED_SOURCE_OUTCOMES, FAILED_SOURCE_OUTCOMES
from monitor.core.settings import Settings
from monitor.crawl.fetch import Fetcher
from monitor.crawl.recording import fetched_before, record_page, validators_for
from monitor.storage.locks import cycle_lock
from monitor.storage.models import ScrapeRun, Source, SourceResult, utcnow

__all__ = ["CycleOptions", "abandon_stale_runs", "run_cycle", "sync_sources", "worker_name"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CycleOptions:
    source_ids: Sequence[str] = ()
    trigger: str = "manual"
    force: bool = False
    # Set by a signal handler: pages in flight are abandoned, the run is marked aborted.
    stop: threading.Event | None = None


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def abandon_stale_runs(engine: Engine) -> int:
    """Mark runs still ``running`` as aborted; call only while holding the cycle lock."""
    now = utcnow()
    with Session(engine) as session:
        result = session.execute(
            update(ScrapeRun)
            .where(col(ScrapeRun.status) == "running")
            .values(status="aborted", finished_at=now, error="the process ended before the run did")
        )
        session.commit()
        return int(getattr(result, "rowcount", 0) or 0)


def sync_sources(engine: Engine, specs: Sequence[SourceSpec]) -> None:
    with Session(engine) as session:
        for spec in specs:
            row = session.get(Source, spec.id) or Source(id=spec.id)  # type: ignore[call-arg]
            row.publisher, row.jurisdiction, row.scraper = (
                spec.publisher,
                spec.jurisdiction,
                spec.scraper,
            )
            row.entry_urls, row.allowed_hosts = list(spec.entry_urls), list(spec.allowed_hosts)
            row.updated_at = utcnow()
            session.add(row)
        session.commit()


def run_cycle(
    engine: Engine,
    settings: Settings,
    options: CycleOptions = CycleOptions(),
    *,
    sources: Sequence[SourceSpec],
    scrapers: Mapping[str, Scraper],
) -> ScrapeRun:
    """Run one cycle over ``sources`` (those named in ``options``), each read by its scraper."""
    specs = select_sources(sources, options.source_ids)
    with cycle_lock(engine):
        aborted = abandon_stale_runs(engine)
        if aborted:
            log.warning("marked %d interrupted run(s) as aborted", aborted)
        sync_sources(engine, specs)
        run_id = _start_run(engine, options.trigger, len(specs))
        log.info("run started", extra={"run_id": run_id, "trigger": options.trigger,
                                       "sources": len(specs)})  # fmt: skip
        try:
            results = asyncio.run(_crawl(engine, settings, run_id, specs, options, scrapers))
        except BaseException as exc:
            # Interrupted by the user or a signal: aborted. Anything else is our failure.
            status = "failed" if isinstance(exc, Exception) else "aborted"
            _finish_run(engine, run_id, [], status=status, error=f"{type(exc).__name__}: {exc}")
            raise
        if options.stop is not None and options.stop.is_set():
            return _finish_run(
                engine,
                run_id,
                results,
                status="aborted",
                error="stopped by a signal; pages already stored are complete",
            )
        return _finish_run(engine, run_id, results, status="completed")


def _start_run(engine: Engine, trigger: str, total: int) -> int:
    with Session(engine) as session:
        run = ScrapeRun(
            started_at=utcnow(), trigger=trigger, worker=worker_name(), sources_total=total
        )
        session.add(run)
        session.commit()
        assert run.id is not None
        return run.id


def _finish_run(
    engine: Engine,
    run_id: int,
    results: list[SourceResult],
    *,
    status: str,
    error: str | None = None,
) -> ScrapeRun:
    log.info("run finished", extra={"run_id": run_id, "status": status, "error": error or ""})
    with Session(engine) as session:
        run = session.get(ScrapeRun, run_id)
        assert run is not None
        run.status, run.error, run.finished_at = status, error, utcnow()
        run.sources_failed = sum(r.outcome in FAILED_SOURCE_OUTCOMES for r in results)
        run.fetches = sum(r.fetches for r in results)
        run.pages_changed = sum(r.pages_changed for r in results)
        run.observations_added = sum(r.observations_added for r in results)
        session.add(run)
        session.commit()
        session.refresh(run)
        return run


async def _crawl(
    engine: Engine,
    settings: Settings,
    run_id: int,
    specs: Sequence[SourceSpec],
    options: CycleOptions,
    scrapers: Mapping[str, Scraper],
) -> list[SourceResult]:
    async with Fetcher(settings) as fetcher:
        tasks = [
            asyncio.create_task(
                _crawl_source(
                    engine, settings, fetcher, run_id, spec, options.force, scrapers[spec.scraper]
                )
            )
            for spec in specs
        ]
        if options.stop is not None:
            asyncio.create_task(_cancel_on(options.stop, tasks))
        done = await asyncio.gather(*tasks, return_exceptions=True)
    return [r for r in done if isinstance(r, SourceResult)]


async def _cancel_on(stop: threading.Event, tasks: list[asyncio.Task[SourceResult]]) -> None:
    """Abandon the sources still working once ``stop`` is set (their stored pages stay)."""
    while not all(t.done() for t in tasks):
        if stop.is_set():
            for task in tasks:
                task.cancel()
            return
        await asyncio.sleep(0.1)


def _due(engine: Engine, spec: SourceSpec) -> str | None:
    """Why ``spec`` is not due yet, or None when it is."""
    since = utcnow() - timedelta(hours=spec.min_interval_hours)
    with Session(engine) as session:
        recent = session.exec(
            select(SourceResult)
            .where(
                SourceResult.source_id == spec.id,
                col(SourceResult.outcome).in_(CHECKED_SOURCE_OUTCOMES),
                col(SourceResult.started_at) >= since,
            )
            .order_by(col(SourceResult.started_at).desc())
            .limit(1)
        ).first()
    if recent is None:
        return None
    checked = f"{recent.started_at:%Y-%m-%d %H:%M}"
    return f"checked at {checked} UTC; due {spec.min_interval_hours:g} h later"


async def _crawl_source(
    engine: Engine,
    settings: Settings,
    fetcher: Fetcher,
    run_id: int,
    spec: SourceSpec,
    force: bool,
    scraper: Scraper,
) -> SourceResult:
    result = SourceResult(run_id=run_id, source_id=spec.id, outcome="ok", started_at=utcnow())
    reason = None if force else _due(engine, spec)
    if reason is not None:
        result.outcome, result.error = "skipped", reason
    else:
        try:
            await _follow(engine, settings, fetcher, run_id, spec, scraper, result)
        except Exception as exc:  # noqa: BLE001  (one broken source never aborts a run)
            log.exception("source %s failed", spec.id)
            result.outcome, result.error = "failed", f"{type(exc).__name__}: {exc}"
    result.finished_at = utcnow()
    with Session(engine) as session:
        session.add(result)
        session.commit()
        session.refresh(result)
    log.info(
        "source finished",
        extra={"run_id": run_id, "source_id": spec.id, "outcome": result.outcome,
               "fetches": result.fetches, "observations_added": result.observations_added,
               "alerts": result.alerts, "error": result.error or ""},
    )  # fmt: skip
    return result


async def _follow(
    engine: Engine,
    settings: Settings,
    fetcher: Fetcher,
    run_id: int,
    spec: SourceSpec,
    scraper: Scraper,
    result: SourceResult,
) -> None:
    # (url, id of the fetch whose page linked to it)
    queue: deque[tuple[str, int | None]] = deque((url, None) for url in spec.entry_urls)
    seen = set(spec.entry_urls)
    entry_failures: list[str] = []
    while queue and result.fetches < settings.max_pages_per_source:
        url, parent_id = queue.popleft()
        attempts = await fetcher.fetch(url, spec, validators_for(engine, url))
        page = record_page(engine, run_id, spec, attempts, scraper, parent_id)
        log.info(
            "fetched",
            extra={"run_id": run_id, "source_id": spec.id, "url": url, "fetch_id": page.fetch_id,
                   "outcome": page.outcome, "parse": page.parse_status or ""},
        )  # fmt: skip
        result.fetches += 1
        result.pages_changed += bool(page.changed)
        result.observations_added += page.observations_added
        result.alerts += page.alerts_added
        if page.failed:
            result.failures += 1
            if url in spec.entry_urls:
                entry_failures.append(f"{url}: {attempts[-1].error or page.parse_status}")
        for link in page.links:
            if link in seen or not spec.allows(link):
                continue
            seen.add(link)
            # Articles do not change once published: fetch each until it has been read once.
            if not fetched_before(engine, link):
                queue.append((link, page.fetch_id))
    if entry_failures and len(entry_failures) == len(spec.entry_urls):
        result.outcome, result.error = "failed", "; ".join(entry_failures)
    elif result.failures:
        result.outcome = "partial"
        result.error = f"{result.failures} of {result.fetches} page(s) failed"
