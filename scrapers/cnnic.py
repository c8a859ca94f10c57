"""CNNIC (www.cnnic.net.cn): statistical report releases (/n4/YYYY/MMDD/c88-NNNNN.html)."""

from __future__ import annotations

from monitor.page import Page, ParseResult
from scrapers._html import article, select_links, soup

NAME = "cnnic"
VERSION = "0.1"


def parse(page: Page) -> ParseResult:
    if not page.is_text:
        return ParseResult(notes=("report PDF stored",))
    doc = soup(page)
    listing = doc.select_one("ul.list")
    if listing is not None and doc.select_one("div.detail_con") is None:
        return ParseResult(links=select_links(listing, "li a", page.url))
    return article(
        page,
        doc,
        body=("div.detail_con",),
        dates=("div.info", "meta[name=PubDate]"),
        attachments="a[href$='.pdf']",
    )
