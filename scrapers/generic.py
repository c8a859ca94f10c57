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
from dataclasses import dataclass
from datetime import date

from bs4 import BeautifulSoup, Tag

from monitor.core.contract import Page, ParseResult
from monitor.core.errors import ParseError
from monitor.core.places import place_of
from monitor.extract.reader import read as read_blocks
from scrapers.documents import is_pdf, pdf_text, text_blocks
from scrapers.html import Index, blocks_of, publication_date, title_of

__all__ = ["BODIES", "DATES", "Document", "parse", "publisher_jurisdiction", "read"]

BODIES = (
    "#UCAP-CONTENT", "#con_con", "#BodyLabel", ".TRS_Editor", "div.detail_con", "#zoom",
    "#ivs_content", "div.conTxt", "#detailContent", "div.rm_txt_con", "div.left_zw",
)  # fmt: skip
DATES = (
    "meta[name=PubDate]", "meta[name=pubdate]", "meta[name=publishdate]",
    "meta[name=firstpublishedtime]", "meta[name=PublishTime]",
    "meta[property='article:published_time']", "span#pubtime", "#con_time", "div.pages-date",
    "small.PBtime", "span.time", "div.info", "div.article-info",
)  # fmt: skip
_PUBLISHER_META = ("SiteName", "siteName", "ColumnName", "ContentSource", "source")
_PUBLISHER_TEXT = re.compile(r"(?:主办单位|主办|版权所有|来源)[:：]\s*([^\s|<>，,。©]{2,40})")
_FOOTERISH = re.compile(r"foot|bottom|copyright|banquan", re.IGNORECASE)
_TAG = re.compile(r"<(?:html|body|div|p|table|head|meta|span|br)\b", re.IGNORECASE)
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.){40,}"')
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.S | re.I)
_NATIONAL = re.compile(
    r"^(?:中华人民共和国|国务院|国家|中央|中国互联网络信息中心|工业和信息化部|中国政府网|新华社)"
)


@dataclass(frozen=True)
class Document:
    """A page's HTML parsed once, with its element index and the publication date it shows."""

    doc: BeautifulSoup
    index: Index
    published: date | None


def publisher_jurisdiction(document: Document) -> str | None:
    """cn for national bodies, a province or city slug for local ones, None when unknown."""
    index = document.index
    names = [str(m.get("content", "")) for key in _PUBLISHER_META
             for m in index.select(f"meta[name={key}]")]  # fmt: skip
    footer_text = " ".join(
        node.get_text(" ") for node in index.tags.get("div", []) if _FOOTERISH.search(
            " ".join(node.get("class") or []) + " " + str(node.get("id") or "")
        )
    )  # fmt: skip
    names += _PUBLISHER_TEXT.findall(footer_text or document.doc.get_text(" "))
    title = index.one("title")
    if title is not None and title.string:
        names += re.split(r"[_\-|—]+", title.string)[-1:]
    for name in (n.strip() for n in names if n.strip()):
        if _NATIONAL.search(name):
            return "cn"
        place = place_of(name)
        if place:
            return place
    return None


def _embed_script_html(doc: BeautifulSoup, text: str) -> bool:
    """Article HTML kept JSON-escaped in a script (gkmlpt and kin) becomes part of the page."""
    embedded = False
    scripts = [s for s in _SCRIPT.findall(text) if "<p" in s or "u003cp" in s.lower()]
    for raw in (found for script in scripts for found in _JSON_STRING.findall(script)):
        try:
            value = json.loads(raw)
        except ValueError:
            continue
        if isinstance(value, str) and "<p" in value and doc.body is not None:
            doc.body.append(BeautifulSoup(f"<div>{value}</div>", "lxml").div or "")
            embedded = True
    return embedded


_PROSE_HOLDERS = frozenset({"div", "article", "section", "td", "span", "font", "center"})


def _densest(index: Index) -> Tag | None:
    """The block whose own paragraphs hold the most prose: an unknown layout's body.

    Only paragraphs with sentence punctuation count, so a footer of short lines never wins.
    """
    sizes: dict[int, int] = {}
    holders: dict[int, Tag] = {}
    for paragraph in index.tags.get("p", []):
        parent = paragraph.parent
        if parent is None or parent.name not in _PROSE_HOLDERS:
            continue
        text = paragraph.get_text(strip=True)
        if "。" in text or "，" in text:
            sizes[id(parent)] = sizes.get(id(parent), 0) + len(text)
            holders[id(parent)] = parent
    if not sizes:
        return None
    return holders[max(sizes, key=lambda key: sizes[key])]


def read(page: Page) -> Document:
    """The page's HTML document, indexed, and the publication date it shows."""
    doc = BeautifulSoup(page.text or "", "lxml")
    index = Index(doc)
    return Document(doc, index, publication_date(index, DATES, page.text))


def _looks_like_html(text: str) -> bool:
    return bool(_TAG.search(text[:4096]))


def parse(
    page: Page, published: date | None = None, document: Document | None = None
) -> ParseResult:
    """Candidates of a page of unknown layout: HTML, plain text or PDF (``document``: the page
    already read by :func:`read`, so it is parsed once)."""
    if is_pdf(page.content, page.content_type, page.url):
        try:
            text = pdf_text(page.content)
        except ParseError as exc:
            return ParseResult(notes=(str(exc),), alerts=(("attachment_unreadable", str(exc)),))
        return _plain(page, text, published)
    if not _looks_like_html(page.text or ""):
        return _plain(page, page.text or "", published)
    document = document or read(page)
    index = document.index
    if _embed_script_html(document.doc, page.text or ""):
        index = Index(document.doc)
    body = next((index.one(s) for s in BODIES if index.one(s) is not None), None) or _densest(index)
    when = published or document.published
    if body is None:
        missing = "article body not found (no known container, no paragraphs of prose)"
        return ParseResult(published_at=when, notes=(missing,), alerts=(("layout_drift", missing),))
    candidates = read_blocks(blocks_of(body, title_of(index)), when, page.jurisdiction)
    return ParseResult(candidates=tuple(candidates), published_at=when)


def _plain(page: Page, text: str, published: date | None) -> ParseResult:
    """A document that is running text: its first line is the title."""
    when = page.published or published or publication_date(BeautifulSoup("", "lxml"), (), text)
    blocks = text_blocks(text)
    candidates = read_blocks(blocks, when, page.jurisdiction)
    return ParseResult(candidates=tuple(candidates), published_at=when)
