"""State Council (www.gov.cn) 最新政策: a page drawn by script from ``ZUIXINZHENGCE.json``.

The list page holds no items; its script fetches ``./ZUIXINZHENGCE.json``, a JSON array of
``{"TITLE", "SUB_TITLE", "URL", "DOCRELPUBTIME"}``. The shell gives the feed's URL; the feed
gives the articles. Articles (policy pages and briefing transcripts) are declarative.
"""

from __future__ import annotations

import json
import re

from monitor.core.contract import Page, ParseResult
from scrapers.html import absolute_links, listing
from scrapers.sites import Site, parse_article

__all__ = ["parse"]

_FEED = re.compile(r"""url\s*:\s*["']([^"']+\.json)["']""")


def parse(site: Site, page: Page) -> ParseResult:
    if page.url.lower().endswith(".json"):
        return _feed(site, page)
    if site.is_list(page.url):
        feeds = absolute_links(page.url, _FEED.findall(page.text or ""))
        return listing(feeds, "list page without its JSON feed (ajax url: ….json)")
    return parse_article(site, page)


def _feed(site: Site, page: Page) -> ParseResult:
    try:
        rows = json.loads(page.text or "")
        urls = [str(row["URL"]) for row in rows if isinstance(row, dict) and row.get("URL")]
    except (ValueError, TypeError, KeyError):
        urls = []
    if not urls:
        problem = "policy feed is not a JSON array of {TITLE, URL, DOCRELPUBTIME}"
        return ParseResult(notes=(problem,), alerts=(("layout_drift", problem),))
    return listing(absolute_links(page.url, urls), site.name)
