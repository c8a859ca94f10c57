"""Chengdu 经信局 (cdjx.chengdu.gov.cn): list.shtml and .conTxt articles."""

from __future__ import annotations

import re

from monitor.page import Page, ParseResult
from scrapers._html import article, listing, select_links, soup

NAME = "chengdu"
VERSION = "0.2"
_LIST = re.compile(r"list(_\d+)?\.shtml$")


def parse(page: Page) -> ParseResult:
    doc = soup(page)
    if _LIST.search(page.url):
        return listing(select_links(doc, "a[href*='content_']", page.url), NAME)
    return article(page, doc, body=("div.conTxt",), dates=("div.info", "meta[name=PubDate]"))
