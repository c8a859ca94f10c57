"""Guangdong 工信厅 (gdii.gd.gov.cn gkmlpt): the article HTML sits JSON-escaped in a script."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup

from monitor.core.contract import Page, ParseResult
from scrapers.html import article, listing, parse_date, select_links, soup
from scrapers.sites import Site

__all__ = ["parse"]

_FIELD = re.compile(r'"(content|publish_time|title)"\s*:\s*("(?:[^"\\]|\\.)*")')


def parse(site: Site, page: Page) -> ParseResult:
    if site.is_list(page.url) and site.list_links:
        return listing(select_links(soup(page), site.list_links, page.url), site.name)
    fields = {name: _unescape(raw) for name, raw in _FIELD.findall(page.text or "")}
    if "content" not in fields:
        # An article without its script payload: the platform's template changed.
        return article(page, soup(page), body=site.body, dates=site.dates)
    body = BeautifulSoup(f"<div id='gkmlpt-content'>{fields['content']}</div>", "lxml")
    # The date sits beside the content in the script, not in the article body.
    published = parse_date(fields.get("publish_time"))
    return article(page, body, body=site.body, dates=(), published=published)


def _unescape(raw: str) -> str:
    try:
        value = json.loads(raw)
    except ValueError:
        return ""
    return value if isinstance(value, str) else ""
