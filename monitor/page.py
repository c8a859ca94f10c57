"""The contract between the core and the scrapers: what a scraper is given and what it returns.

Scrapers are pure functions ``parse(page: Page) -> ParseResult``: no network, no database.
A scraper that needs another page (list -> article -> attachment) returns its URL in
``links`` and the core fetches it, politely, in the same run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


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


@dataclass(frozen=True)
class Candidate:
    """A figure a scraper believes it read, before validation makes it an observation."""

    metric: str
    jurisdiction: str
    value: Decimal
    unit: str
    as_of: date
    evidence: str
    qualifier: str = "eq"
    precision: str | None = None
    published_at: date | None = None


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
