"""Shanghai 经信委 (www.sheitc.sh.gov.cn): news list and #ivs_content articles."""

from __future__ import annotations

from monitor.page import Page, ParseResult
from scrapers._html import article, select_links, soup

NAME = "shanghai"
VERSION = "0.1"


def parse(page: Page) -> ParseResult:
    doc = soup(page)
    if doc.select_one("#ivs_content") is None:
        return ParseResult(links=select_links(doc, "a[href*='/xwfb/20']", page.url))
    return article(page, doc, body=("#ivs_content",), dates=("small.PBtime", "meta[name=PubDate]"))
