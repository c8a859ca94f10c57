"""MIIT (www.miit.gov.cn): column pages are shells whose list comes from a JSON endpoint.

The shell loads ``unitbuild.js`` with the endpoint in a ``url`` attribute and its parameters
in a ``queryData`` attribute (a dict literal with single quotes):

    <script src="/jpaas-publish/unitbuild.js" url="/api-gateway/jpaas-publish-server/front/
      page/build/unit" queryData="{'webId':'…','pageId':'…','tplSetId':'…','pageType':'column',
      'tagId':'当前栏目_list','editType':'null','pageSize':'15'}"></script>

The list is that endpoint with those parameters, ``parseType`` and a ``paramJson`` naming the
page; it answers ``{"success": true, "data": {"html": "<ul><li><a href=…>"}}``. Articles are
declarative (``#con_con``). Other jpaas sites (SAMR, MOFCOM, MOHURD) share the platform.
"""

from __future__ import annotations

import ast
import json
import re
from urllib.parse import urlencode, urljoin

from bs4 import BeautifulSoup

from monitor.core.contract import Page, ParseResult
from scrapers.html import listing, select_links, soup
from scrapers.sites import Site, parse_article

__all__ = ["endpoint_url", "parse"]

_ENDPOINT_URL = re.compile(r"/api-gateway/jpaas-publish-server/")
_PAGE_SIZE = 15


def endpoint_url(base: str, url: str, query_data: str) -> str | None:
    """The first list page of a jpaas column, from a shell's ``url`` and ``queryData``."""
    try:
        params = ast.literal_eval(query_data.strip())
    except (ValueError, SyntaxError):
        return None
    if not isinstance(params, dict) or "pageId" not in params:
        return None
    size = str(params.pop("pageSize", _PAGE_SIZE))
    query = {"parseType": params.pop("parseType", "bulidstatic"), **params}
    query["paramJson"] = json.dumps({"pageNo": 1, "pageSize": int(size) if size.isdigit()
                                     else _PAGE_SIZE}, separators=(",", ":"))  # fmt: skip
    return f"{urljoin(base, url)}?{urlencode({k: str(v) for k, v in query.items()})}"


def parse(site: Site, page: Page) -> ParseResult:
    if _ENDPOINT_URL.search(page.url):
        return _endpoint(site, page)
    if site.is_list(page.url):
        endpoints = [
            endpoint_url(page.url, str(tag.get("url")), str(tag.get("querydata")))
            for tag in soup(page).select("script[url][querydata]")
        ]
        links = tuple(dict.fromkeys(e for e in endpoints if e))
        return listing(links, "column shell without a unitbuild url/queryData script")
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
