"""State Council (www.gov.cn): policy pages (table.bd1 metadata) and press-briefing transcripts."""

from __future__ import annotations

import re

from monitor.page import Page, ParseResult
from scrapers._html import article, listing, select_links, soup

NAME = "govcn"
VERSION = "0.2"
_LIST = re.compile(r"/zhengce/zuixin/(index\.html?)?$")


def parse(page: Page) -> ParseResult:
    doc = soup(page)
    if _LIST.search(page.url):
        return listing(select_links(doc, "div.list li a", page.url), NAME)
    return article(
        page,
        doc,
        body=("#UCAP-CONTENT",),
        # Policy pages: PubDate is 发布日期; table.bd1's first date would be 成文日期.
        dates=("meta[name=PubDate]", "div.pages-date", "meta[name=firstpublishedtime]"),
    )
