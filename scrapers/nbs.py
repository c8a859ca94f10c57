"""NBS (www.stats.gov.cn): 最新发布 list and releases with a .TRS_Editor body."""

from __future__ import annotations

from monitor.page import Page, ParseResult
from scrapers._html import article, select_links, soup

NAME = "nbs"
VERSION = "0.1"


def parse(page: Page) -> ParseResult:
    doc = soup(page)
    if doc.select_one(".TRS_Editor") is None:
        return ParseResult(links=select_links(doc, "ul.list-content li a", page.url))
    return article(page, doc, body=(".TRS_Editor",), dates=("div.detail-title-des", "h2 p"))
