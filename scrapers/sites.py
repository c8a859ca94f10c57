"""Declarative sites: a source whose pages need only URL patterns and CSS selectors.

Each ``[[source]]`` of ``sources.toml`` becomes a :class:`Site`: the source itself (entry
pages, allowed hosts), how to tell its list pages (a URL pattern) and find their links (a
selector), and where its articles keep their body, date and attachments. :func:`parse`
reads any such site. A site that needs code (a JSON list endpoint, a script payload, a
workbook) names a module in ``module``; that module's ``parse(site, page)`` runs instead and
may call back into :func:`parse_article` for the ordinary parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from monitor.core.contract import Page, ParseResult, SourceSpec
from monitor.core.errors import ConfigError, ParseError
from monitor.extract.reader import read
from scrapers.documents import is_pdf, pdf_text, text_blocks
from scrapers.html import article, listing, select_links, soup

__all__ = ["Site", "parse", "parse_article", "parse_pdf", "site_from_table"]


@dataclass(frozen=True)
class Site:
    source: SourceSpec
    version: str
    list_url: re.Pattern[str] | None
    list_links: str | None
    body: tuple[str, ...]
    dates: tuple[str, ...]
    attachments: str | None = None
    # What to note when the page is not text (a PDF stored but not read, say).
    binary_note: str | None = None
    module: str | None = None

    @property
    def name(self) -> str:
        return self.source.id

    def is_list(self, url: str) -> bool:
        return self.list_url is not None and self.list_url.search(url) is not None


def parse(site: Site, page: Page) -> ParseResult:
    """A list page gives its links; an article its figures (and attachments to fetch); a PDF
    attachment (a CNNIC report) the figures of its text."""
    if is_pdf(page.content, page.content_type, page.url):
        return parse_pdf(page)
    if not page.is_text:
        return ParseResult(notes=(site.binary_note or "binary page stored, not read",))
    if site.is_list(page.url) and site.list_links:
        return listing(select_links(soup(page), site.list_links, page.url), site.name)
    return parse_article(site, page)


def parse_pdf(page: Page) -> ParseResult:
    """A PDF's text through the same reader; an unreadable one is an alert, not an error."""
    try:
        text = pdf_text(page.content)
    except ParseError as exc:
        return ParseResult(notes=(str(exc),), alerts=(("attachment_unreadable", str(exc)),))
    blocks = text_blocks(text)
    published = page.published
    return ParseResult(candidates=tuple(read(blocks, published, page.jurisdiction)),
                       published_at=published)  # fmt: skip


def parse_article(site: Site, page: Page) -> ParseResult:
    return article(page, soup(page), body=site.body, dates=site.dates, attachments=site.attachments)


def _strings(table: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of strings")
    return tuple(value)


def site_from_table(table: dict[str, Any]) -> Site:
    """One ``[[source]]`` table of sources.toml as a Site; ConfigError names what is wrong."""
    where = f"sources.toml: source {table.get('id', '?')!r}"
    try:
        source = SourceSpec(
            id=table["id"],
            publisher=table["publisher"],
            jurisdiction=table["jurisdiction"],
            entry_urls=_strings(table, "entry_urls", where),
            allowed_hosts=_strings(table, "allowed_hosts", where),
            scraper=table["id"],
            min_interval_hours=float(table.get("min_interval_hours", 20.0)),
            ca_bundle=table.get("ca_bundle"),
        )
        lists = table.get("list", {})
        pages = table.get("article", {})
        return Site(
            source=source,
            version=str(table["version"]),
            list_url=re.compile(lists["url"]) if "url" in lists else None,
            list_links=lists.get("links"),
            body=_strings(pages, "body", where),
            dates=_strings(pages, "dates", where),
            attachments=pages.get("attachments"),
            binary_note=table.get("binary_note"),
            module=table.get("module"),
        )
    except KeyError as exc:
        raise ConfigError(f"{where}: {exc.args[0]} missing") from None
    except re.error as exc:
        raise ConfigError(f"{where}: list.url is not a regular expression: {exc}") from None
