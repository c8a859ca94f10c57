"""Hangzhou 经信局 (jxj.hangzhou.gov.cn): jpage lists keep their items in CDATA records."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from monitor.core.contract import Page, ParseResult
from scrapers.html import listing, select_links
from scrapers.sites import Site, parse_article

__all__ = ["parse"]

_RECORD = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)


def parse(site: Site, page: Page) -> ParseResult:
    if site.is_list(page.url):
        fragment = "".join(_RECORD.findall(page.text or ""))
        links = select_links(BeautifulSoup(fragment, "lxml"), site.list_links or "a", page.url)
        return listing(links, site.name)
    return parse_article(site, page)
