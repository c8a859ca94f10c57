"""Chengdu 经信局 (cdjx.chengdu.gov.cn): list.shtml and .conTxt articles."""

from __future__ import annotations

from monitor.page import Page, ParseResult
from scrapers._html import article, select_links, soup

NAME = "chengdu"
VERSION = "0.1"


def parse(page: Page) -> ParseResult:
    doc = soup(page)
    if page.url.endswith("list.shtml"):
        return ParseResult(links=select_links(doc, "a[href*='content_']", page.url))
    return article(page, doc, body=("div.conTxt",), dates=("div.info", "meta[name=PubDate]"))
