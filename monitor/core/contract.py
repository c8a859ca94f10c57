"""The contract between the core and the scrapers: sources, pages, and what a page yields.

A source (:class:`SourceSpec`) names its entry pages, the hosts it may fetch from and the
scraper that reads its pages. A scraper (:class:`Scraper`) is a pure function
``parse(page: Page) -> ParseResult``: no network, no database. A scraper that needs another
page (list -> article -> attachment) returns its URL in ``links`` and the crawl fetches it,
politely, in the same run.

The crawl is handed the sources and the scrapers (see ``scrapers.registry``); it never
imports them, so a site can be added without touching the core.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from urllib.parse import urlsplit

from monitor.core.encoding import decode, is_textual
from monitor.core.errors import ConfigError

__all__ = [
    "Candidate",
    "Crosscheck",
    "Page",
    "ParseResult",
    "Parser",
    "Scraper",
    "SourceSpec",
    "page_from_bytes",
    "select_sources",
    "source_for_url",
]


@dataclass(frozen=True)
class SourceSpec:
    """A publisher's pages: entry (list) pages, allowed hosts, and the scraper that reads them."""

    id: str
    publisher: str
    jurisdiction: str
    entry_urls: tuple[str, ...]
    allowed_hosts: tuple[str, ...]
    scraper: str
    # Entry pages are checked at most this often, however often the worker runs.
    min_interval_hours: float = 20.0
    ca_bundle: str | None = None

    def allows(self, url: str) -> bool:
        return (urlsplit(url).hostname or "").lower() in self.allowed_hosts


def select_sources(
    sources: Sequence[SourceSpec], ids: Iterable[str] | None = None
) -> list[SourceSpec]:
    """The sources named by ``ids`` (all when empty), or a ConfigError naming the unknown ones."""
    wanted = list(ids or [])
    if not wanted:
        return list(sources)
    by_id = {s.id: s for s in sources}
    unknown = [i for i in wanted if i not in by_id]
    if unknown:
        raise ConfigError(
            f"unknown source id {', '.join(unknown)} (known: {', '.join(sorted(by_id))})"
        )
    return [by_id[i] for i in dict.fromkeys(wanted)]


def source_for_url(sources: Sequence[SourceSpec], url: str) -> SourceSpec | None:
    """The source whose allowed hosts include the host of ``url``."""
    return next((s for s in sources if s.allows(url)), None)


@dataclass(frozen=True)
class Page:
    """A fetched page as a scraper sees it. ``url`` is the live URL, even under the mirror."""

    url: str
    source_id: str
    jurisdiction: str
    content: bytes
    content_type: str = "text/html"
    text: str | None = None
    encoding: str | None = None
    # A publication date known from outside the page (ops override); scrapers prefer it.
    published: date | None = None

    @property
    def is_text(self) -> bool:
        return self.text is not None


def page_from_bytes(
    spec: SourceSpec, url: str, body: bytes, content_type: str, published: date | None = None
) -> Page:
    """The page a scraper sees: bytes, and text when the content type is textual."""
    text, encoding = None, None
    if is_textual(content_type):
        decoded = decode(body, content_type)
        text, encoding = decoded.text, decoded.encoding
    return Page(url, spec.id, spec.jurisdiction, body, content_type, text, encoding, published)


@dataclass(frozen=True)
class Candidate:
    """A figure a scraper believes it read, before validation makes it an observation."""

    metric: str
    jurisdiction: str
    value: Decimal
    unit: str
    as_of: date | None  # None only with a hold reason: the period could not be resolved
    evidence: str
    qualifier: str = "eq"
    precision: str | None = None
    published_at: date | None = None
    # Why the figure must wait for review whatever validation says (an unresolved period).
    hold: str | None = None


@dataclass(frozen=True)
class Crosscheck:
    """A figure a page implies only to verify another page's, e.g. an attachment's row count."""

    metric: str
    value: Decimal
    detail: str


@dataclass(frozen=True)
class ParseResult:
    """What a page yielded.

    ``alerts`` are (kind, message) pairs for ops: ``layout_drift`` when the page's expected
    structure is missing, ``attachment_unreadable`` when an attachment cannot be read.
    """

    candidates: tuple[Candidate, ...] = ()
    links: tuple[str, ...] = ()
    published_at: date | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    alerts: tuple[tuple[str, str], ...] = ()
    crosschecks: tuple[Crosscheck, ...] = ()


Parser = Callable[[Page], ParseResult]


@dataclass(frozen=True)
class Scraper:
    """A named, versioned parser; the version is stored with every figure it reads."""

    name: str
    version: str
    parse: Parser
