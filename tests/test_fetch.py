"""The fetcher against a real HTTP server on loopback: every outcome class and politeness rule."""

from __future__ import annotations

import asyncio
import gzip
import itertools
import threading
import time
from collections.abc import Callable

import pytest

from monitor.core.contract import SourceSpec
from monitor.core.settings import Settings
from monitor.crawl.fetch import Attempt, Fetcher, Validators, retry_after_seconds
from tests.support.httpserver import Handler, ScriptedServer

SITE = SourceSpec(
    id="site",
    publisher="test",
    jurisdiction="cn",
    entry_urls=("https://site.test/",),
    allowed_hosts=("site.test", "second.test", "10.0.0.8"),
    scraper="cac",
)
Make = Callable[..., Settings]


def fetch(
    settings: Settings, *urls: str, validators: Validators | None = None
) -> list[list[Attempt]]:
    async def go() -> list[list[Attempt]]:
        async with Fetcher(settings) as fetcher:
            return list(await asyncio.gather(*(fetcher.fetch(u, SITE, validators) for u in urls)))

    return asyncio.run(go())


def one(settings: Settings, url: str, validators: Validators | None = None) -> list[Attempt]:
    return fetch(settings, url, validators=validators)[0]


def test_ok_records_status_headers_and_body(server: ScriptedServer, make_settings: Make) -> None:
    """A 200 is outcome ok with its body, status, byte count and the request's User-Agent."""
    server.page("site.test", "/a.html", "<p>你好</p>".encode())
    attempts = one(make_settings(mirror_url=server.url), "https://site.test/a.html")
    assert [a.outcome for a in attempts] == ["ok"]
    final = attempts[0]
    assert final.status_code == 200 and final.body == "<p>你好</p>".encode()
    assert final.bytes_received == len(final.body)
    assert final.request_headers["user-agent"].startswith("aiplus-monitor/")
    assert server.requests("site.test", "/a.html")[0].headers["host"] == "site.test"


def test_gzip_body_is_decompressed(server: ScriptedServer, make_settings: Make) -> None:
    """A gzip-encoded body arrives decompressed; bytes_received counts the wire bytes."""
    body = ("人工智能" * 500).encode()
    server.page("site.test", "/z", gzip.compress(body), Content_Encoding="gzip")
    final = one(make_settings(mirror_url=server.url), "https://site.test/z")[-1]
    assert final.outcome == "ok" and final.body == body
    assert final.bytes_received < len(body)


def test_robots_disallow_blocks_without_requesting(
    server: ScriptedServer, make_settings: Make
) -> None:
    """A path robots.txt disallows is recorded blocked_by_robots and never requested."""
    server.page("site.test", "/robots.txt", b"User-agent: *\nDisallow: /private/\n")
    server.page("site.test", "/private/x", b"secret")
    final = one(make_settings(mirror_url=server.url), "https://site.test/private/x")[-1]
    assert final.outcome == "blocked_by_robots"
    assert server.requests("site.test", "/private/x") == []


def test_robots_fetched_once_per_run(server: ScriptedServer, make_settings: Make) -> None:
    """Several pages on one host cost one robots.txt request."""
    server.page("site.test", "/robots.txt", b"User-agent: *\nAllow: /\n")
    for path in ("/1", "/2", "/3"):
        server.page("site.test", path, b"x")
    results = fetch(
        make_settings(mirror_url=server.url), *(f"https://site.test/{i}" for i in (1, 2, 3))
    )
    assert [r[-1].outcome for r in results] == ["ok", "ok", "ok"]
    assert len(server.requests("site.test", "/robots.txt")) == 1


@pytest.mark.parametrize(
    ("status", "allowed"), [(404, True), (410, True), (500, False), (503, False)]
)
def test_robots_status_rules(
    server: ScriptedServer, make_settings: Make, status: int, allowed: bool
) -> None:
    """RFC 9309: a missing robots.txt allows all; an unavailable one (5xx) forbids all."""
    server.page("site.test", "/robots.txt", b"", status=status)
    server.page("site.test", "/p", b"page")
    final = one(make_settings(mirror_url=server.url), "https://site.test/p")[-1]
    assert (final.outcome == "ok") is allowed
    if not allowed:
        assert final.outcome == "blocked_by_robots" and "robots.txt unavailable" in (
            final.error or ""
        )


def _conditional(handler: Handler) -> None:
    if handler.headers.get("If-None-Match") == '"v1"':
        handler.reply(304, headers={"ETag": '"v1"'})
    elif handler.headers.get("If-Modified-Since") == "Tue, 01 Jul 2025 00:00:00 GMT":
        handler.reply(304)
    else:
        handler.reply(
            200, b"body", {"ETag": '"v1"', "Last-Modified": "Tue, 01 Jul 2025 00:00:00 GMT"}
        )


@pytest.mark.parametrize(
    "validators",
    [Validators(etag='"v1"'), Validators(last_modified="Tue, 01 Jul 2025 00:00:00 GMT")],
    ids=["etag", "last-modified"],
)
def test_conditional_get_answers_not_modified(
    server: ScriptedServer, make_settings: Make, validators: Validators
) -> None:
    """Stored validators are sent back, and a 304 is the normal outcome not_modified."""
    server.route("site.test", "/c", _conditional)
    settings = make_settings(mirror_url=server.url)
    first = one(settings, "https://site.test/c")[-1]
    assert first.outcome == "ok" and first.response_headers["etag"] == '"v1"'
    again = one(settings, "https://site.test/c", validators)
    assert [a.outcome for a in again] == ["not_modified"]
    assert again[-1].body is None and again[-1].error is None


def test_client_error_is_not_retried(server: ScriptedServer, make_settings: Make) -> None:
    """A 404 is http_error after a single attempt."""
    attempts = one(make_settings(mirror_url=server.url), "https://site.test/missing")
    assert [(a.outcome, a.status_code) for a in attempts] == [("http_error", 404)]


def _flaky(statuses: list[int], headers: dict[str, str] | None = None) -> Callable[[Handler], None]:
    sequence = itertools.chain(statuses, itertools.repeat(200))

    def behave(handler: Handler) -> None:
        status = next(sequence)
        handler.reply(status, b"fine" if status == 200 else b"", headers if status != 200 else None)

    return behave


def test_server_errors_are_retried_until_success(
    server: ScriptedServer, make_settings: Make
) -> None:
    """5xx answers are retried with backoff and every attempt is recorded."""
    server.route("site.test", "/f", _flaky([503, 502]))
    attempts = one(make_settings(mirror_url=server.url, retry_attempts=4), "https://site.test/f")
    assert [a.outcome for a in attempts] == ["http_error", "http_error", "ok"]
    assert [a.attempt for a in attempts] == [1, 2, 3]


def test_retries_stop_at_the_attempt_limit(server: ScriptedServer, make_settings: Make) -> None:
    """A server that keeps failing gets exactly retry_attempts requests."""
    server.route("site.test", "/down", _flaky([500] * 10))
    attempts = one(make_settings(mirror_url=server.url, retry_attempts=3), "https://site.test/down")
    assert [a.status_code for a in attempts] == [500, 500, 500]
    assert len(server.requests("site.test", "/down")) == 3


def test_retry_after_is_honoured(server: ScriptedServer, make_settings: Make) -> None:
    """A 429 with Retry-After: 1 is retried no sooner than a second later."""
    server.route("site.test", "/busy", _flaky([429], {"Retry-After": "1"}))
    attempts = one(make_settings(mirror_url=server.url), "https://site.test/busy")
    assert [a.outcome for a in attempts] == ["http_error", "ok"]
    first, second = server.requests("site.test", "/busy")
    assert second.started - first.ended >= 0.95


def test_retry_after_beyond_the_limit_gives_up(server: ScriptedServer, make_settings: Make) -> None:
    """A Retry-After longer than max_retry_after is not waited for within the run."""
    server.route("site.test", "/later", _flaky([503], {"Retry-After": "3600"}))
    attempts = one(
        make_settings(mirror_url=server.url, max_retry_after=10), "https://site.test/later"
    )
    assert [a.status_code for a in attempts] == [503]


@pytest.mark.parametrize(
    ("header", "seconds"), [("120", 120.0), ("Thu, 01 Jan 2099 00:00:00 GMT", None), ("soon", None)]
)
def test_retry_after_parsing(header: str, seconds: float | None) -> None:
    """Retry-After is read as delta-seconds or an HTTP date; junk is ignored."""
    parsed = retry_after_seconds(header)
    if header.startswith("Thu"):
        assert parsed is not None and parsed > 1e8
    else:
        assert parsed == seconds


def test_read_timeout_is_outcome_timeout(server: ScriptedServer, make_settings: Make) -> None:
    """A server slower than the read timeout gives outcome timeout, retried."""

    def slow(handler: Handler) -> None:
        time.sleep(1.0)
        handler.reply(200, b"late")

    server.route("site.test", "/slow", slow)
    settings = make_settings(mirror_url=server.url, read_timeout=0.2, retry_attempts=2)
    attempts = one(settings, "https://site.test/slow")
    assert [a.outcome for a in attempts] == ["timeout", "timeout"]


def test_connection_refused_is_network_error(make_settings: Make) -> None:
    """A host with nothing listening gives network_error (not a robots block) with the reason."""
    settings = make_settings(mirror_url="http://127.0.0.1:9", retry_attempts=2)
    attempts = one(settings, "https://site.test/x")
    assert [a.outcome for a in attempts] == ["network_error"]
    assert "unreachable" in (attempts[-1].error or "")
    assert "Connect" in (attempts[-1].error or "")


def test_network_error_on_the_page_is_retried(server: ScriptedServer, make_settings: Make) -> None:
    """A connection dropped mid-request is network_error, retried like a timeout."""

    def drop(handler: Handler) -> None:
        handler.close_connection = True
        handler.wfile.write(b"garbage that is not HTTP\r\n\r\n")

    server.route("site.test", "/drop", drop)
    attempts = one(make_settings(mirror_url=server.url, retry_attempts=2), "https://site.test/drop")
    assert [a.outcome for a in attempts] == ["network_error", "network_error"]


def test_declared_length_over_cap_is_too_large(server: ScriptedServer, make_settings: Make) -> None:
    """A Content-Length above the body cap is refused before reading."""
    server.page("site.test", "/big", b"x" * 5000)
    final = one(make_settings(mirror_url=server.url, max_body_bytes=1000), "https://site.test/big")[
        -1
    ]
    assert final.outcome == "too_large" and final.body is None


def test_undeclared_length_over_cap_is_too_large(
    server: ScriptedServer, make_settings: Make
) -> None:
    """A body without Content-Length is cut off once it passes the cap."""

    def stream(handler: Handler) -> None:
        handler.send_response(200)
        handler.send_header("Connection", "close")
        handler.end_headers()
        for _ in range(50):
            handler.wfile.write(b"y" * 1000)
        handler.close_connection = True

    server.route("site.test", "/stream", stream)
    final = one(
        make_settings(mirror_url=server.url, max_body_bytes=10_000), "https://site.test/stream"
    )[-1]
    assert final.outcome == "too_large"


def test_decompression_bomb_is_too_large(server: ScriptedServer, make_settings: Make) -> None:
    """A small gzip body that inflates past the decompressed cap is refused."""
    bomb = gzip.compress(b"0" * 5_000_000)
    server.page("site.test", "/bomb", bomb, Content_Encoding="gzip")
    settings = make_settings(mirror_url=server.url, max_decompressed_bytes=1_000_000)
    final = one(settings, "https://site.test/bomb")[-1]
    assert len(bomb) < 10_000
    assert final.outcome == "too_large" and "decompressed" in (final.error or "")


def test_redirect_within_allowed_hosts_is_followed(
    server: ScriptedServer, make_settings: Make
) -> None:
    """A redirect to another allowed host is followed and the final URL recorded."""
    server.page("site.test", "/old", b"", status=301, Location="https://second.test/new")
    server.page("second.test", "/new", b"moved here")
    final = one(make_settings(mirror_url=server.url), "https://site.test/old")[-1]
    assert final.outcome == "ok" and final.body == b"moved here"
    assert final.final_url == "https://second.test/new"


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("https://evil.test/x", "not an allowed host"),
        ("http://10.0.0.8/admin", "private address"),
        ("file:///etc/passwd", "scheme"),
    ],
)
def test_redirect_off_limits_is_refused(
    server: ScriptedServer, make_settings: Make, location: str, reason: str
) -> None:
    """Redirects off the source's hosts, to private addresses or other schemes are refused."""
    server.page("site.test", "/r", b"", status=302, Location=location)
    attempts = one(make_settings(mirror_url=server.url), "https://site.test/r")
    assert [a.outcome for a in attempts] == ["refused_redirect"]
    assert reason in (attempts[-1].error or "")
    assert server.requests("evil.test") == []


def test_redirect_loop_is_refused(server: ScriptedServer, make_settings: Make) -> None:
    """More than five redirects end as refused_redirect."""
    server.page("site.test", "/loop", b"", status=302, Location="https://site.test/loop")
    final = one(make_settings(mirror_url=server.url), "https://site.test/loop")[-1]
    assert final.outcome == "refused_redirect" and "redirects" in (final.error or "")


def test_loopback_host_refused_without_mirror(make_settings: Make) -> None:
    """Outside mirror mode a host resolving to loopback is never contacted."""
    spec = SourceSpec("lo", "t", "cn", ("http://localhost/",), ("localhost",), "cac")

    async def go() -> list[Attempt]:
        async with Fetcher(make_settings()) as fetcher:
            return await fetcher.fetch("http://localhost:9/x", spec)

    attempts = asyncio.run(go())
    assert attempts[-1].outcome in ("refused_redirect", "blocked_by_robots")
    assert "private address" in (attempts[-1].error or "")


def _slow_page(handler: Handler) -> None:
    time.sleep(0.2)
    handler.reply(200, b"ok")


def test_one_request_at_a_time_per_host_with_delay(
    server: ScriptedServer, make_settings: Make
) -> None:
    """Requests to one host never overlap and are spaced by the configured delay."""
    for path in ("/1", "/2", "/3"):
        server.route("site.test", path, _slow_page)
    settings = make_settings(mirror_url=server.url, fetch_delay=0.3)
    fetch(settings, "https://site.test/1", "https://site.test/2", "https://site.test/3")
    pages = sorted(
        (r for r in server.requests("site.test") if r.path != "/robots.txt"),
        key=lambda r: r.started,
    )
    assert server.state.max_active["site.test"] == 1
    starts = [r.started for r in pages]
    assert all(b - a >= 0.29 for a, b in itertools.pairwise(starts))


def test_different_hosts_are_fetched_in_parallel(
    server: ScriptedServer, make_settings: Make
) -> None:
    """Two hosts are fetched at the same time: each request waits for the other to arrive."""
    both_in = threading.Barrier(2, timeout=5)

    def meet(handler: Handler) -> None:
        try:
            both_in.wait()
        except threading.BrokenBarrierError:
            handler.reply(500, b"the other host's request never came while this one waited")
            return
        handler.reply(200, b"ok")

    server.route("site.test", "/p", meet)
    server.route("second.test", "/p", meet)
    settings = make_settings(mirror_url=server.url, retry_attempts=1)
    results = fetch(settings, "https://site.test/p", "https://second.test/p")
    assert [r[-1].outcome for r in results] == ["ok", "ok"]
