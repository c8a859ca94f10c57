"""Beijing 经信局 (jxj.beijing.gov.cn): 工作动态 list and TRS articles."""

from __future__ import annotations

import re

from monitor.page import Page, ParseResult
from scrapers._html import article, listing, select_links, soup

NAME = "beijing"
VERSION = "0.2"
_LIST = re.compile(r"/jxdt/gzdt/(index(_\d+)?\.html)?$")


def parse(page: Page) -> ParseResult:
    doc = soup(page)
    if _LIST.search(page.url):
        return listing(select_links(doc, "ul.list li a", page.url), NAME)
    return article(
        page, doc, body=(".TRS_Editor",), dates=("div.article-info", "meta[name=PubDate]")
    )
