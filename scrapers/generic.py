"""Reading a page of unknown layout: a saved file handed to ``monitor extract``.

HTML, plain text (a passage) and PDF documents are all read.

The body is the first container the official CMSs use (``#UCAP-CONTENT``, ``#con_con``,
``.TRS_Editor``…), else the block whose own paragraphs hold the most prose. Article HTML kept
JSON-escaped in a script (gkmlpt and kin) is read too. The publisher's jurisdiction comes
from the page's meta tags, its 主办单位/来源 lines or its title.
"""

from __future__ import annotations

import json
import re
from datetime import date

from bs4 import BeautifulSoup

from monitor.core.contract import Page, ParseResult
from monitor.core.errors import ParseError
from monitor.core.places import place_of
from monitor.extract.reader import read as read_blocks
from scrapers.documents import is_pdf, pdf_text, text_blocks
from scrapers.html import article, publication_date

__all__ = ["BODIES", "DATES", "parse", "publisher_jurisdiction", "read"]

BODIES = (
    "#UCAP-CONTENT", "#con_con", "#BodyLabel", ".TRS_Editor", "div.detail_con", "#zoom",
    "#ivs_content", "div.conTxt", "#detailContent", "div.rm_txt_con", "div.left_zw",
    "[data-generic-body]",
)  # fmt: skip
DATES = (
    "meta[name=PubDate]", "meta[name=pubdate]", "meta[name=publishdate]",
    "meta[name=firstpublishedtime]", "meta[name=PublishTime]",
    "meta[property='article:published_time']", "span#pubtime", "#con_time", "div.pages-date",
    "small.PBtime", "span.time", "div.info", "div.article-info",
)  # fmt: skip
_PUBLISHER_META = ("SiteName", "siteName", "ColumnName", "ContentSource", "source")
_PUBLISHER_TEXT = re.compile(r"(?:主办单位|主办|版权所有|来源)[:：]\s*([^\s|<>，,。©]{2,40})")
_TAG = re.compile(r"<(?:html|body|div|p|table|head|meta|span|br)\b", re.IGNORECASE)
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.){40,}"')
_NATIONAL = re.compile(
    r"^(?:中华人民共和国|国务院|国家|中央|中国互联网络信息中心|工业和信息化部|中国政府网|新华社)"
)


def publisher_jurisdiction(doc: BeautifulSoup) -> str | None:
    """cn for national bodies, a province or city slug for local ones, None when unknown."""
    names = [
        str(m.get("content", ""))
        for key in _PUBLISHER_META
        for m in doc.select(f"meta[name={key}]")
    ]
    names += _PUBLISHER_TEXT.findall(doc.get_text(" "))
    if doc.title and doc.title.string:
        names += re.split(r"[_\-|—]+", doc.title.string)[-1:]
    for name in (n.strip() for n in names if n.strip()):
        if _NATIONAL.search(name):
            return "cn"
        place = place_of(name)
        if place:
            return place
    return None


def _embed_script_html(doc: BeautifulSoup, text: str) -> None:
    """Article HTML kept JSON-escaped in a script (gkmlpt and kin) becomes part of the page."""
    for raw in _JSON_STRING.findall(text):
        try:
            value = json.loads(raw)
        except ValueError:
            continue
        if isinstance(value, str) and "<p" in value and doc.body is not None:
            doc.body.append(BeautifulSoup(f"<div>{value}</div>", "lxml").div or "")


def _mark_densest(doc: BeautifulSoup) -> None:
    """Mark the block whose own paragraphs hold the most prose: an unknown layout's body.

    Only paragraphs with sentence punctuation count, so a footer of short lines never wins.
    """
    best, best_size = None, 0
    for block in doc.find_all(["div", "article", "section", "td", "span", "font", "center"]):
        prose = (p.get_text(strip=True) for p in block.find_all("p", recursive=False))
        size = sum(len(t) for t in prose if "。" in t or "，" in t)
        if size > best_size:
            best, best_size = block, size
    if best is not None:
        best["data-generic-body"] = "1"


def read(page: Page) -> tuple[BeautifulSoup, date | None]:
    """The page's HTML document, and the publication date it shows."""
    doc = BeautifulSoup(page.text or "", "lxml")
    return doc, publication_date(doc, DATES, page.text)


def _looks_like_html(text: str) -> bool:
    return bool(_TAG.search(text[:4096]))


def parse(page: Page, published: date | None = None) -> ParseResult:
    """Candidates of a page of unknown layout: HTML, plain text or PDF."""
    if is_pdf(page.content, page.content_type, page.url):
        try:
            text = pdf_text(page.content)
        except ParseError as exc:
            return ParseResult(notes=(str(exc),), alerts=(("attachment_unreadable", str(exc)),))
        return _plain(page, text, published)
    if not _looks_like_html(page.text or ""):
        return _plain(page, page.text or "", published)
    doc, shown = read(page)
    _embed_script_html(doc, page.text or "")
    _mark_densest(doc)
    return article(page, doc, body=BODIES, dates=(), published=published or shown)


def _plain(page: Page, text: str, published: date | None) -> ParseResult:
    """A document that is running text: its first line is the title."""
    when = page.published or published or publication_date(BeautifulSoup("", "lxml"), (), text)
    blocks = text_blocks(text)
    candidates = read_blocks(blocks, when, page.jurisdiction)
    return ParseResult(candidates=tuple(candidates), published_at=when)
