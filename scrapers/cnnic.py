"""CNNIC (www.cnnic.net.cn): statistical report releases (/n4/YYYY/MMDD/c88-NNNNN.html)."""

from __future__ import annotations

import re

from monitor.page import Page, ParseResult
from scrapers._html import article, listing, select_links, soup

NAME = "cnnic"
VERSION = "0.2"
_LIST = re.compile(r"cnnic\.net\.cn/\d+/\d+/\d+/(index\.html)?$")


def parse(page: Page) -> ParseResult:
    if not page.is_text:
        return ParseResult(notes=("report PDF stored",))
    doc = soup(page)
    if _LIST.search(page.url):
        return listing(select_links(doc, "ul.list li a", page.url), NAME)
    return article(
        page,
        doc,
        body=("div.detail_con",),
        dates=("div.info", "meta[name=PubDate]"),
        attachments="a[href$='.pdf']",
    )
