"""Hangzhou 经信局 (jxj.hangzhou.gov.cn): jpage lists keep their items in CDATA records."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from monitor.page import Page, ParseResult
from scrapers._html import article, select_links, soup

NAME = "hangzhou"
VERSION = "0.1"
_RECORD = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)


def parse(page: Page) -> ParseResult:
    doc = soup(page)
    if doc.select_one("#zoom") is None:
        fragment = "".join(_RECORD.findall(page.text or ""))
        return ParseResult(links=select_links(BeautifulSoup(fragment, "lxml"), "a", page.url))
    return article(page, doc, body=("#zoom",), dates=("span.time", "meta[name=PubDate]"))
