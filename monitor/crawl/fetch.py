"""Polite HTTP fetching: every attempt becomes a recorded :class:`Attempt`, never an exception.

One ``Fetcher`` serves a whole run. Requests to one host go one at a time with a delay;
different hosts proceed in parallel. Timeouts, 5xx and 429 are retried with exponential
backoff and jitter (``stamina``), honouring ``Retry-After``. Redirects are followed by hand
so that each hop can be checked: only the source's hosts, never a private or loopback
address. Under ``MONITOR_MIRROR_URL`` each request goes to the mirror with the live host in
the ``Host`` header; the logical URL, the checks and the records stay those of the live site.
"""

from __future__ import annotations

import asyncio
import ipaddress
import ssl
import time
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx
import stamina

from monitor.core.contract import SourceSpec
from monitor.core.errors import (
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    RefusedRedirect,
    RobotsBlocked,
    TooLarge,
)
from monitor.core.settings import Settings
from monitor.crawl.politeness import HostGate, RobotsCache, RobotsRules, rules_from_response
from monitor.storage.models import utcnow

__all__ = ["MAX_REDIRECTS", "Attempt", "Fetcher", "Validators", "retry_after_seconds"]

MAX_REDIRECTS = 5
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class Validators:
    """What a conditional GET sends back: the ETag and Last-Modified of the last good fetch."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Attempt:
    url: str
    attempt: int
    requested_at: datetime
    outcome: str = "ok"
    final_url: str | None = None
    status_code: int | None = None
    duration_ms: int = 0
    error: str | None = None
    request_headers: dict[str, str] = field(default_factory=dict)
    response_headers: dict[str, str] = field(default_factory=dict)
    bytes_received: int = 0
    body: bytes | None = None

    @property
    def content_type(self) -> str:
        return self.response_headers.get("content-type", "")


class _Retryable(Exception):
    """Raised inside the retry loop for an attempt worth repeating."""

    def __init__(self, attempt: Attempt, retry_after: float | None) -> None:
        super().__init__(attempt.error or attempt.outcome)
        self.attempt = attempt
        self.retry_after = retry_after


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - (now or utcnow())).total_seconds())


def _is_private(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    return bool(
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


class Fetcher:
    """Fetches URLs for sources, politely; use as ``async with Fetcher(settings) as f``."""

    def __init__(self, settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None):
        self.settings = settings
        self.gate = HostGate(settings.fetch_delay)
        self.robots = RobotsCache()
        self._transport = transport
        self._clients: dict[str | None, httpx.AsyncClient] = {}

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for client in self._clients.values():
            await client.aclose()
        self._clients.clear()

    def _client(self, ca_bundle: str | None) -> httpx.AsyncClient:
        client = self._clients.get(ca_bundle)
        if client is None:
            # Verification is always on; a source may only name which CAs to trust.
            verify: ssl.SSLContext | bool = (
                ssl.create_default_context(cafile=ca_bundle) if ca_bundle else True
            )
            s = self.settings
            client = httpx.AsyncClient(
                verify=verify,
                timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
                follow_redirects=False,
                transport=self._transport,
                headers={"User-Agent": s.user_agent, "Accept-Encoding": "gzip, deflate"},
            )
            self._clients[ca_bundle] = client
        return client

    def _physical(self, url: str) -> tuple[str, dict[str, str]]:
        """Where the request really goes, and the extra headers that carry the live host."""
        mirror = self.settings.mirror_url
        if not mirror:
            return url, {}
        parts = urlsplit(url)
        path = parts.path or "/"
        query = f"?{parts.query}" if parts.query else ""
        return f"{mirror}{path}{query}", {"Host": parts.netloc}

    async def _check_target(self, url: str, source: SourceSpec, *, hop: int) -> None:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        kind = "redirect to" if hop else "request to"
        if parts.scheme not in ("http", "https"):
            raise RefusedRedirect(f"{kind} {url}: scheme {parts.scheme!r} is not fetched")
        if not source.allows(url):
            raise RefusedRedirect(
                f"{kind} {url}: host {host} is not an allowed host of {source.id}"
            )
        for address in await self._addresses(host, parts.port):
            if _is_private(address):
                raise RefusedRedirect(f"{kind} {url}: {host} is a private address ({address})")

    async def _addresses(self, host: str, port: int | None) -> list[str]:
        try:
            return [str(ipaddress.ip_address(host))]
        except ValueError:
            pass
        if self.settings.mirror_url:
            return []  # the mirror stands in for DNS: nothing leaves loopback
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, port or 443)
        except OSError:
            return []  # let the request itself report the resolution failure
        return [str(info[4][0]) for info in infos]

    async def robots_rules(self, url: str, source: SourceSpec) -> RobotsRules:
        """The host's robots.txt rules, fetched once per run; call with the host held."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        cached = self.robots.get(host)
        if cached is not None:
            return cached
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        final = (await self._with_retries(robots_url, source, Validators(), None))[-1]
        if final.outcome in ("timeout", "network_error"):
            rules = RobotsRules(reason=f"host unreachable ({final.error})", failure=final.outcome)
        else:
            body = final.body.decode("utf-8", "replace") if final.body is not None else None
            rules = rules_from_response(final.status_code, body, final.error)
        self.robots.put(host, rules)
        return rules

    async def fetch(
        self, url: str, source: SourceSpec, validators: Validators | None = None
    ) -> list[Attempt]:
        """Every attempt made for ``url``; the last one is the outcome."""
        host = (urlsplit(url).hostname or "").lower()
        async with self.gate.hold(host):
            rules = await self.robots_rules(url, source)
            if rules.failure is not None:
                return [Attempt(url, 1, utcnow(), outcome=rules.failure, error=rules.reason)]
            if not rules.allows(url, self.settings.user_agent):
                reason = rules.reason or "robots.txt disallows this URL"
                return [self._failed(url, 1, RobotsBlocked(f"{reason}: {url}"))]
            return await self._with_retries(url, source, validators or Validators(), rules)

    async def _with_retries(
        self, url: str, source: SourceSpec, validators: Validators, rules: RobotsRules | None
    ) -> list[Attempt]:
        attempts: list[Attempt] = []
        try:
            async for retry in stamina.retry_context(
                on=self._backoff,
                attempts=self.settings.retry_attempts,
                timeout=None,
                wait_initial=self.settings.retry_wait_initial,
                wait_max=self.settings.retry_wait_max,
                wait_jitter=self.settings.retry_wait_initial,
            ):
                with retry:
                    result = await self._attempt(url, source, validators, len(attempts) + 1, rules)
                    attempts.append(result)
                    if _worth_retrying(result):
                        raise _Retryable(result, self._retry_after(result))
        except _Retryable:
            pass  # attempts exhausted: the last recorded attempt is the outcome
        return attempts

    def _retry_after(self, result: Attempt) -> float | None:
        return retry_after_seconds(result.response_headers.get("retry-after"))

    def _backoff(self, exc: Exception) -> bool | float:
        if not isinstance(exc, _Retryable):
            return False
        if exc.retry_after is None:
            return True
        if exc.retry_after > self.settings.max_retry_after:
            return False  # the server asks for longer than a run may wait; try next run
        return exc.retry_after

    def _failed(self, url: str, number: int, error: FetchError) -> Attempt:
        return Attempt(
            url=url,
            attempt=number,
            requested_at=utcnow(),
            outcome=error.outcome,
            error=str(error),
            status_code=error.status,
        )

    async def _attempt(
        self,
        url: str,
        source: SourceSpec,
        validators: Validators,
        number: int,
        robots: RobotsRules | None,
    ) -> Attempt:
        record = Attempt(url=url, attempt=number, requested_at=utcnow())
        started = time.monotonic()
        try:
            await self._follow(record, source, validators, robots)
        except FetchError as exc:
            record.outcome, record.error = exc.outcome, str(exc)
            record.status_code = record.status_code or exc.status
            record.body = None
        except httpx.TimeoutException as exc:
            record.outcome, record.error = FetchTimeout.outcome, f"timeout: {type(exc).__name__}"
        except httpx.TransportError as exc:
            record.outcome, record.error = "network_error", f"{type(exc).__name__}: {exc}"
        record.duration_ms = int((time.monotonic() - started) * 1000)
        return record

    async def _follow(
        self,
        record: Attempt,
        source: SourceSpec,
        validators: Validators,
        robots: RobotsRules | None,
    ) -> None:
        current = record.url
        for hop in range(MAX_REDIRECTS + 1):
            await self._check_target(current, source, hop=hop)
            if hop and robots is not None and not robots.allows(current, self.settings.user_agent):
                raise RobotsBlocked(f"robots.txt disallows the redirect target {current}")
            physical, extra = self._physical(current)
            headers = dict(extra)
            if hop == 0:
                headers.update(_conditional_headers(validators))
            crawl_delay = robots.crawl_delay(self.settings.user_agent) if robots else None
            host = (urlsplit(current).hostname or "").lower()
            await self.gate.pace(host, crawl_delay)
            try:
                location = await self._exchange(record, current, physical, headers, source)
            finally:
                self.gate.finished(host)
            if location is None:
                return
            current = location
        raise RefusedRedirect(f"more than {MAX_REDIRECTS} redirects from {record.url}")

    async def _exchange(
        self,
        record: Attempt,
        current: str,
        physical: str,
        headers: dict[str, str],
        source: SourceSpec,
    ) -> str | None:
        """One request and response; returns the redirect target, or None when done."""
        client = self._client(source.ca_bundle)
        request = client.build_request("GET", physical, headers=headers)
        record.request_headers = _public_headers(request.headers)
        response = await client.send(request, stream=True)
        try:
            record.final_url = current
            record.status_code = response.status_code
            record.response_headers = {k.lower(): v for k, v in response.headers.items()}
            if response.has_redirect_location:
                location: str = response.headers.get("location", "")
                return urljoin(current, location)
            await self._read(record, response)
            return None
        finally:
            await response.aclose()

    async def _read(self, record: Attempt, response: httpx.Response) -> None:
        status = response.status_code
        if status == 304:
            record.outcome = "not_modified"
            return
        if status >= 400 or status < 200:
            record.outcome, record.error = HTTPStatusError.outcome, f"HTTP {status}"
            return
        record.body = await _bounded_body(response, self.settings, record)
        record.outcome = "ok"


def _worth_retrying(result: Attempt) -> bool:
    if result.outcome in ("timeout", "network_error"):
        return True
    return result.outcome == "http_error" and result.status_code in _RETRY_STATUSES


def _conditional_headers(validators: Validators) -> dict[str, str]:
    headers = {}
    if validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    return headers


def _public_headers(headers: httpx.Headers) -> dict[str, str]:
    return {
        k.lower(): v for k, v in headers.items() if k.lower() not in ("authorization", "cookie")
    }


async def _bounded_body(response: httpx.Response, settings: Settings, record: Attempt) -> bytes:
    """The decoded body, refusing more than the body cap on the wire or the decompressed cap."""
    cap, unpacked_cap = settings.max_body_bytes, settings.max_decompressed_bytes
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise TooLarge(f"Content-Length {declared} exceeds the {cap}-byte cap", status=200)
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("identity", "", "gzip", "x-gzip", "deflate"):
        raise FetchError(f"unsupported Content-Encoding {encoding!r}", status=response.status_code)
    # wbits 47 reads both gzip and zlib framing; raw deflate is retried below.
    inflater = None if encoding in ("identity", "") else zlib.decompressobj(47)
    parts: list[bytes] = []
    size = 0
    async for raw in response.aiter_raw():
        record.bytes_received += len(raw)
        if record.bytes_received > cap:
            raise TooLarge(f"body exceeds the {cap}-byte cap", status=200)
        chunk = raw if inflater is None else _inflate(inflater, raw, unpacked_cap - size)
        size += len(chunk)
        if size > unpacked_cap or (inflater is not None and inflater.unconsumed_tail):
            raise TooLarge(f"decompressed body exceeds the {unpacked_cap}-byte cap", status=200)
        parts.append(chunk)
    return b"".join(parts)


def _inflate(inflater: zlib._Decompress, raw: bytes, room: int) -> bytes:
    try:
        return inflater.decompress(raw, max(room, 0) + 1)
    except zlib.error as exc:
        raise FetchError(f"corrupt compressed body: {exc}", status=200) from None
