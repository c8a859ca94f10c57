"""MIIT (www.miit.gov.cn): list pages are script shells fed by a JSON endpoint.

Articles keep their body in ``#con_con`` and their time in ``#con_time``.
"""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup

from monitor.page import Page, ParseResult
from scrapers._html import absolute_links, article, listing, select_links, soup

NAME = "miit"
VERSION = "0.2"
_SHELL = re.compile(r"/sjdt/(index\.html)?$")
_ENDPOINT_URL = re.compile(r"/api-gateway/")
_ENDPOINT = re.compile(r"""url\s*:\s*["'](/api-gateway/[^"']+)["']""")


def parse(page: Page) -> ParseResult:
    if _ENDPOINT_URL.search(page.url):
        return _endpoint(page)
    if _SHELL.search(page.url):
        endpoints = _ENDPOINT.findall(page.text or "")
        return listing(absolute_links(page.url, endpoints), "script shell without an endpoint URL")
    return article(page, soup(page), body=("#con_con",), dates=("#con_time", "meta[name=PubDate]"))


def _endpoint(page: Page) -> ParseResult:
    """The JSON endpoint returns the list as an HTML fragment in ``data.html``."""
    try:
        payload = json.loads(page.text or "")
        fragment = payload["data"]["html"]
    except (ValueError, KeyError, TypeError):
        problem = "list endpoint did not return the expected JSON (data.html)"
        return ParseResult(notes=(problem,), alerts=(("layout_drift", problem),))
    return listing(select_links(BeautifulSoup(fragment, "lxml"), "a", page.url), NAME)
