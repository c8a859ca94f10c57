"""MIIT (www.miit.gov.cn): list pages are script shells fed by a JSON endpoint.

Articles keep their body in ``#con_con`` and their time in ``#con_time``.
"""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup

from monitor.page import Page, ParseResult
from scrapers._html import absolute_links, article, select_links, soup

NAME = "miit"
VERSION = "0.1"
_ENDPOINT = re.compile(r"""url\s*:\s*["'](/api-gateway/[^"']+)["']""")


def parse(page: Page) -> ParseResult:
    if page.content_type.startswith("application/json") or (page.text or "").lstrip()[:1] == "{":
        return _endpoint(page)
    doc = soup(page)
    if doc.select_one("#con_con") is None:
        endpoints = _ENDPOINT.findall(page.text or "")
        return ParseResult(links=absolute_links(page.url, endpoints))
    return article(page, doc, body=("#con_con",), dates=("#con_time", "meta[name=PubDate]"))


def _endpoint(page: Page) -> ParseResult:
    """The JSON endpoint returns the list as an HTML fragment in ``data.html``."""
    try:
        payload = json.loads(page.text or "")
        fragment = payload["data"]["html"]
    except (ValueError, KeyError, TypeError):
        return ParseResult(notes=("list endpoint did not return the expected JSON",))
    return ParseResult(links=select_links(BeautifulSoup(fragment, "lxml"), "a", page.url))
