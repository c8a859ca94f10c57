"""Politeness primitives: one request at a time per host with a delay, and robots.txt rules.

Both are pure bookkeeping; the fetcher does the I/O. Robots rules follow RFC 9309: a
robots.txt that is missing (4xx) allows everything, one that cannot be read (5xx, network
failure) forbids everything until the next run.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from protego import Protego

__all__ = ["HostGate", "RobotsCache", "RobotsRules", "rules_from_response"]


class HostGate:
    """Serialises requests per host and leaves ``delay`` seconds after each one ends."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._locks: dict[str, asyncio.Lock] = {}
        self._last: dict[str, float] = {}

    @asynccontextmanager
    async def hold(self, host: str) -> AsyncIterator[None]:
        """Exclusive use of ``host`` for a whole fetch (its redirects and retries included)."""
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            yield

    async def pace(self, host: str, crawl_delay: float | None = None) -> None:
        """Wait out the delay since the previous request to ``host`` ended; call it while held.

        A robots.txt Crawl-delay longer than ours wins.
        """
        delay = max(self.delay, crawl_delay or 0.0)
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
        self._last[host] = time.monotonic()

    def finished(self, host: str) -> None:
        """Mark the end of a request: the next one waits ``delay`` from here."""
        self._last[host] = time.monotonic()


@dataclass(frozen=True)
class RobotsRules:
    """The robots.txt verdict for one host."""

    parser: Protego | None = None
    allow_all: bool = False
    reason: str = ""
    # Set when the host did not answer at all: pages are then recorded with this outcome.
    failure: str | None = None

    def allows(self, url: str, user_agent: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(user_agent)
        return float(delay) if delay is not None else None


def rules_from_response(
    status: int | None, body: str | None, error: str | None = None
) -> RobotsRules:
    """Interpret a robots.txt fetch (``status`` None when the request itself failed)."""
    if status is not None and 200 <= status < 300:
        return RobotsRules(parser=Protego.parse(body or ""))
    if status is not None and 400 <= status < 500:
        return RobotsRules(allow_all=True, reason=f"robots.txt answered {status}: no rules")
    why = f"HTTP {status}" if status is not None else (error or "unreachable")
    return RobotsRules(allow_all=False, reason=f"robots.txt unavailable ({why}): disallowing all")


@dataclass
class RobotsCache:
    """Rules per host for the life of one run."""

    rules: dict[str, RobotsRules] = field(default_factory=dict)

    def get(self, host: str) -> RobotsRules | None:
        return self.rules.get(host)

    def put(self, host: str, rules: RobotsRules) -> None:
        self.rules[host] = rules
