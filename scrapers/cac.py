"""CAC (www.cac.gov.cn): filing-list workbooks attached to announcements, else the site's data.

Everything but the ``.xlsx`` attachments is declarative (``sources.toml``).
"""

from __future__ import annotations

from monitor.core.contract import Page, ParseResult
from scrapers.cac_filings import is_spreadsheet, read_filings
from scrapers.sites import Site
from scrapers.sites import parse as parse_site

__all__ = ["parse"]


def parse(site: Site, page: Page) -> ParseResult:
    if is_spreadsheet(page.url, page.content_type):
        return read_filings(page.content)
    return parse_site(site, page)
