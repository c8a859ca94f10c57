"""MIIT (www.miit.gov.cn): list pages are script shells fed by a JSON endpoint.

The shell names its endpoint in a script (``url: "/api-gateway/…"``); the endpoint returns
the list as an HTML fragment in ``data.html``. Articles are declarative (``#con_con``).
"""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup

from monitor.core.contract import Page, ParseResult
from scrapers.html import absolute_links, listing, select_links
from scrapers.sites import Site, parse_article

_ENDPOINT_URL = re.compile(r"/api-gateway/")
_ENDPOINT = re.compile(r"""url\s*:\s*["'](/api-gateway/[^"']+)["']""")


def parse(site: Site, page: Page) -> ParseResult:
    if _ENDPOINT_URL.search(page.url):
        return _endpoint(site, page)
    if site.is_list(page.url):
        endpoints = _ENDPOINT.findall(page.text or "")
        return listing(absolute_links(page.url, endpoints), "script shell without an endpoint URL")
    return parse_article(site, page)


def _endpoint(site: Site, page: Page) -> ParseResult:
    """The JSON endpoint returns the list as an HTML fragment in ``data.html``."""
    try:
        payload = json.loads(page.text or "")
        fragment = payload["data"]["html"]
    except (ValueError, KeyError, TypeError):
        problem = "list endpoint did not return the expected JSON (data.html)"
        return ParseResult(notes=(problem,), alerts=(("layout_drift", problem),))
    return listing(select_links(BeautifulSoup(fragment, "lxml"), "a", page.url), site.name)
