"""Reading one page by hand (``monitor extract``): a saved file or a URL, nothing stored.

A URL on a registered source's host is fetched politely and read by that source's scraper.
A saved file is read by the generic reader (:mod:`scrapers.generic`): body, publication date
and publisher found on the page itself, unless the caller gives the date or jurisdiction.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from monitor.core.contract import Candidate, Page, ParseResult, source_for_url
from monitor.core.encoding import decode, is_textual
from monitor.core.errors import ConfigError, MonitorError
from monitor.core.settings import Settings
from monitor.crawl.fetch import Attempt, Fetcher
from scrapers import generic, registry

__all__ = ["Checked", "Loaded", "check_page", "load"]


@dataclass(frozen=True)
class Loaded:
    body: bytes
    content_type: str
    url: str | None


@dataclass(frozen=True)
class Checked:
    """The figures one page gives, with the publication date and jurisdiction used."""

    candidates: list[Candidate]
    published: date | None
    jurisdiction: str


def load(target: str, settings: Settings) -> Loaded:
    """The bytes of a saved file, or of a URL fetched through the polite fetcher."""
    if re.match(r"^https?://", target):
        return _fetch(target, settings)
    path = Path(target)
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read {target}: {exc.strerror or exc}") from None
    return Loaded(body, _content_type(path, body), None)


def _content_type(path: Path, body: bytes) -> str:
    """What a saved file is, by its first bytes, else its name: HTML unless shown otherwise."""
    if body.startswith(b"%PDF"):
        return "application/pdf"
    if body.startswith(b"PK\x03\x04"):
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    if path.suffix.lower() in (".txt", ".text", ".md"):
        return "text/plain"
    return "text/html"


def _fetch(url: str, settings: Settings) -> Loaded:
    sources = registry().sources
    spec = source_for_url(sources, url)
    if spec is None:
        hosts = ", ".join(sorted(h for s in sources for h in s.allowed_hosts))
        raise ConfigError(f"{urlsplit(url).hostname} is not a configured source host ({hosts})")

    async def go() -> list[Attempt]:
        async with Fetcher(settings) as fetcher:
            return await fetcher.fetch(url, spec)

    final = asyncio.run(go())[-1]
    if final.outcome != "ok" or final.body is None:
        raise MonitorError(f"fetching {url} failed: {final.outcome} ({final.error})")
    return Loaded(final.body, final.content_type, url)


def check_page(
    loaded: Loaded, *, published: date | None = None, jurisdiction: str | None = None
) -> Checked:
    """The candidates of one page, the publication date used and the default jurisdiction."""
    textual = is_textual(loaded.content_type)
    decoded = decode(loaded.body, loaded.content_type) if textual else None
    known = registry()
    spec = source_for_url(known.sources, loaded.url) if loaded.url else None
    page = Page(
        url=loaded.url or "file:///page.html",
        source_id=spec.id if spec else "file",
        jurisdiction="cn",
        content=loaded.body,
        content_type=loaded.content_type,
        text=decoded.text if decoded else None,
        encoding=decoded.encoding if decoded else None,
        published=published,
    )
    document = generic.read(page) if decoded else None
    found = (
        generic.publisher_jurisdiction(document)
        if document is not None and jurisdiction is None
        else None
    )
    shown = document.published if document is not None else None
    where = jurisdiction or found or (spec.jurisdiction if spec else "cn")
    page = replace(page, jurisdiction=where)
    if spec is not None:
        result = known.scrapers[spec.id].parse(page)
    else:
        result = generic.parse(page, published or shown, document)
    when = published or shown or result.published_at
    return Checked(_dated(result, published, when), when, where)


def _dated(result: ParseResult, forced: date | None, found: date | None) -> list[Candidate]:
    """Candidates with the publication date applied; a forced date re-reads relative periods."""
    return [
        replace(c, published_at=forced or c.published_at or result.published_at or found)
        for c in result.candidates
    ]
