"""Beijing 经信局 (jxj.beijing.gov.cn): 工作动态 list and TRS articles."""

from __future__ import annotations

from monitor.page import Page, ParseResult
from scrapers._html import article, select_links, soup

NAME = "beijing"
VERSION = "0.1"


def parse(page: Page) -> ParseResult:
    doc = soup(page)
    if doc.select_one(".TRS_Editor") is None:
        return ParseResult(links=select_links(doc, "ul.list li a", page.url))
    return article(
        page, doc, body=(".TRS_Editor",), dates=("div.article-info", "meta[name=PubDate]")
    )
