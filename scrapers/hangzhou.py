"""Hangzhou 经信局 (jxj.hangzhou.gov.cn): jpage lists keep their items in CDATA records."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from monitor.page import Page, ParseResult
from scrapers._html import article, listing, select_links, soup

NAME = "hangzhou"
VERSION = "0.2"
_LIST = re.compile(r"/col/col\d+/(index\.html)?$")
_RECORD = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)


def parse(page: Page) -> ParseResult:
    if _LIST.search(page.url):
        fragment = "".join(_RECORD.findall(page.text or ""))
        return listing(select_links(BeautifulSoup(fragment, "lxml"), "a", page.url), NAME)
    doc = soup(page)
    return article(page, doc, body=("#zoom",), dates=("span.time", "meta[name=PubDate]"))
