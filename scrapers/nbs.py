"""NBS (www.stats.gov.cn): 最新发布 list and releases with a .TRS_Editor body."""

from __future__ import annotations

import re

from monitor.page import Page, ParseResult
from scrapers._html import article, listing, select_links, soup

NAME = "nbs"
VERSION = "0.2"
_LIST = re.compile(r"/sj/zxfb/(index(_\d+)?\.html)?$")


def parse(page: Page) -> ParseResult:
    doc = soup(page)
    if _LIST.search(page.url):
        return listing(select_links(doc, "ul.list-content li a", page.url), NAME)
    return article(page, doc, body=(".TRS_Editor",), dates=("div.detail-title-des", "h2 p"))
