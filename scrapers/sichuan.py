"""Sichuan 经信厅 (jxt.sc.gov.cn): GBK pages whose header and meta charset can disagree."""

from __future__ import annotations

import re

from monitor.page import Page, ParseResult
from scrapers._html import article, listing, select_links, soup

NAME = "sichuan"
VERSION = "0.2"
_LIST = re.compile(r"_list(_\d+)?\.shtml$")
_BODY = ("div.contText", "div#NewsContent", "div.TRS_Editor", "div.content", "div.article")


def parse(page: Page) -> ParseResult:
    doc = soup(page)
    if _LIST.search(page.url):
        return listing(select_links(doc, "a[href*='/scjxt/wjfb/20']", page.url), NAME)
    return article(page, doc, body=_BODY, dates=("div.info", "meta[name=PubDate]", "span.time"))
