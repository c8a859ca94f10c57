"""robots.txt verdicts (RFC 9309) and the per-host gate."""

from __future__ import annotations

import asyncio
import time

import pytest

from monitor.crawl.politeness import HostGate, rules_from_response

UA = "aiplus-monitor/0.1"


@pytest.mark.parametrize(
    ("status", "body", "url", "allowed"),
    [
        (200, "User-agent: *\nDisallow: /private/\n", "https://h/private/x", False),
        (200, "User-agent: *\nDisallow: /private/\n", "https://h/public", True),
        (200, "User-agent: aiplus-monitor\nDisallow: /\n", "https://h/any", False),
        (404, None, "https://h/any", True),
        (503, None, "https://h/any", False),
        (None, None, "https://h/any", False),
    ],
)
def test_robots_verdicts(status: int | None, body: str | None, url: str, allowed: bool) -> None:
    """2xx rules apply; a missing file allows all; an unavailable one forbids all."""
    assert rules_from_response(status, body).allows(url, UA) is allowed


def test_crawl_delay_is_read() -> None:
    """A Crawl-delay in robots.txt is exposed so the gate can honour it."""
    rules = rules_from_response(200, "User-agent: *\nCrawl-delay: 7\n")
    assert rules.crawl_delay(UA) == 7.0


def test_gate_spaces_requests_by_the_longer_delay() -> None:
    """pace() waits out max(delay, crawl_delay) since the previous request to the host."""
    gate = HostGate(delay=0.05)

    async def go() -> float:
        async with gate.hold("h"):
            await gate.pace("h")
            start = time.monotonic()
            await gate.pace("h", crawl_delay=0.2)
            return time.monotonic() - start

    assert asyncio.run(go()) >= 0.19
