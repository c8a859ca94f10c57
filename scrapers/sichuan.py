"""Sichuan 经信厅 (jxt.sc.gov.cn): GBK pages whose header and meta charset can disagree."""

from __future__ import annotations

from monitor.page import Page, ParseResult
from scrapers._html import article, select_links, soup

NAME = "sichuan"
VERSION = "0.1"
_BODY = ("div.contText", "div#NewsContent", "div.TRS_Editor", "div.content", "div.article")


def parse(page: Page) -> ParseResult:
    doc = soup(page)
    if not page.url.endswith("_list.shtml"):
        return article(page, doc, body=_BODY, dates=("div.info", "meta[name=PubDate]", "span.time"))
    return ParseResult(links=select_links(doc, "a[href*='/scjxt/wjfb/20']", page.url))
