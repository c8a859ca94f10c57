"""Shanghai 经信委 (www.sheitc.sh.gov.cn): news list and #ivs_content articles."""

from __future__ import annotations

import re

from monitor.page import Page, ParseResult
from scrapers._html import article, listing, select_links, soup

NAME = "shanghai"
VERSION = "0.2"
_LIST = re.compile(r"/xwfb/(index(_\d+)?\.html)?$")


def parse(page: Page) -> ParseResult:
    doc = soup(page)
    if _LIST.search(page.url):
        return listing(select_links(doc, "a[href*='/xwfb/20']", page.url), NAME)
    return article(page, doc, body=("#ivs_content",), dates=("small.PBtime", "meta[name=PubDate]"))
