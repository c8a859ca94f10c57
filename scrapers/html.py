"""What every scraper shares: parsing HTML, resolving links, finding dates and body text.

:func:`article` turns an article page into candidates (body found by selectors, publication
date by selectors or 发布时间 text), :func:`listing` a list page into links. Both are pure.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag

from monitor.core.contract import Page, ParseResult
from monitor.extract.reader import Block, read

__all__ = [
    "TITLES",
    "Index",
    "absolute_links",
    "article",
    "block_text",
    "blocks_of",
    "first",
    "listing",
    "parse_date",
    "publication_date",
    "select_links",
    "soup",
    "title_of",
]

_DATE = re.compile(r"(20\d\d)\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")
_DATED_TEXT = re.compile(
    r"(?:发布时间|发布日期|发文日期)[:：\s]*(20\d\d\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2})"
)
_BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table")
# Where an article's title is, most reliable first; <title> last (it carries the site's name).
TITLES = (
    "meta[name=ArticleTitle]", "h1", "#con_title", "#ti", ".article-title", ".detail-title",
    "div.title", "title",
)  # fmt: skip
_SITE_SUFFIX = re.compile(r"\s*[_|—\-–]+\s*[^_|—\-–]{2,30}$")
_TABLE_CELL_LIMIT = 40  # a data table's cells are short; a layout table holds prose


def soup(page: Page) -> BeautifulSoup:
    return BeautifulSoup(page.text or "", "lxml")


_SIMPLE = re.compile(
    r"^(?P<tag>[a-zA-Z][\w-]*)?(?:#(?P<id>[\w-]+)|\.(?P<cls>[\w-]+))?"
    r"""(?:\[(?P<attr>[\w-]+)(?:=['"]?(?P<value>[^'"\]]+)['"]?)?\])?$"""
)


class Index:
    """A document's elements by id, class and tag, from one walk: the selectors scrapers use
    (``#id``, ``.class``, ``div.class``, ``meta[name=X]``) become lookups. Others fall back to
    soupsieve."""

    def __init__(self, doc: BeautifulSoup | Tag) -> None:
        self.doc = doc
        self.ids: dict[str, list[Tag]] = defaultdict(list)
        self.classes: dict[str, list[Tag]] = defaultdict(list)
        self.tags: dict[str, list[Tag]] = defaultdict(list)
        tags, ids, classes = self.tags, self.ids, self.classes
        for element in doc.descendants:
            if not isinstance(element, Tag):
                continue
            tags[element.name].append(element)
            attrs = element.attrs
            ident = attrs.get("id")
            if isinstance(ident, str):
                ids[ident].append(element)
            for name in attrs.get("class") or ():
                classes[name].append(element)

    def select(self, selector: str) -> list[Tag]:
        match = _SIMPLE.match(selector.strip())
        if match is None or not any(match.groupdict().values()):
            return list(self.doc.select(selector))
        if match["id"]:
            found = self.ids.get(match["id"], [])
        elif match["cls"]:
            found = self.classes.get(match["cls"], [])
        elif match["tag"]:
            found = self.tags.get(match["tag"].lower(), [])
        else:
            found = [e for elements in self.tags.values() for e in elements]
        if match["tag"] and (match["id"] or match["cls"]):
            found = [e for e in found if e.name == match["tag"].lower()]
        if match["attr"]:
            found = [e for e in found if _has(e, match["attr"], match["value"])]
        return found

    def one(self, selector: str) -> Tag | None:
        found = self.select(selector)
        return found[0] if found else None


def _has(element: Tag, name: str, value: str | None) -> bool:
    actual = element.get(name)
    if actual is None:
        return False
    return value is None or (actual if isinstance(actual, str) else " ".join(actual)) == value


def parse_date(text: str | None) -> date | None:
    match = _DATE.search(text or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def absolute_links(base: str, hrefs: Iterable[str | None]) -> tuple[str, ...]:
    """Absolute URLs without fragments, in page order, each once."""
    seen: dict[str, None] = {}
    for href in hrefs:
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        seen.setdefault(urljoin(base, href.strip()).split("#", 1)[0], None)
    return tuple(seen)


def listing(links: tuple[str, ...], where: str) -> ParseResult:
    """A list page's result: its links, or a layout-drift alert when it has none."""
    if links:
        return ParseResult(links=links)
    missing = f"list page yields no links ({where})"
    return ParseResult(notes=(missing,), alerts=(("layout_drift", missing),))


def select_links(doc: BeautifulSoup | Tag, selector: str, base: str) -> tuple[str, ...]:
    return absolute_links(base, (_attr(a, "href") for a in doc.select(selector)))


def _attr(tag: Tag, name: str) -> str | None:
    value = tag.get(name)
    return value if isinstance(value, str) else None


def first(doc: BeautifulSoup | Tag | Index, selectors: Iterable[str]) -> Tag | None:
    index = doc if isinstance(doc, Index) else Index(doc)
    for selector in selectors:
        found = index.one(selector)
        if found is not None:
            return found
    return None


def block_text(node: Tag) -> str:
    """Text with a line break between block elements, so sentences do not run together."""
    for tag in node.find_all(_BLOCKS):
        tag.insert_before("\n")
    return re.sub(r"[ \t\u3000\xa0]+", " ", node.get_text()).strip()


def title_of(index: Index) -> str:
    """The article's title: a title meta tag, its heading, else ``<title>`` without the site."""
    for selector in TITLES:
        node = index.one(selector)
        if node is None:
            continue
        content = _attr(node, "content")
        text = (content or node.get_text(" ")).strip()
        if node.name == "title":
            text = _SITE_SUFFIX.sub("", text)
        if text:
            return text
    return ""


def _rows(table: Tag) -> list[tuple[str, ...]]:
    return [
        tuple(cell.get_text(" ", strip=True) for cell in tr.find_all(["td", "th"]))
        for tr in table.find_all("tr")
    ]


def _data_table(rows: list[tuple[str, ...]]) -> bool:
    """A table of figures, not a layout table: short cells, a few columns, some numbers."""
    cells = [c for row in rows for c in row]
    return (
        len(rows) >= 2
        and max((len(r) for r in rows), default=0) >= 2
        and all(len(c) <= _TABLE_CELL_LIMIT for c in cells)
        and any(re.search(r"\d", c) for c in cells)
    )


def blocks_of(node: Tag, title: str = "") -> list[Block]:
    """An article body as blocks: its title, its paragraphs, and its data tables.

    A table is read as rows of cells when it holds figures; a layout table (prose in cells)
    is read as paragraphs. Its caption is its own <caption>, else the line just before it
    when that is a heading rather than a sentence (单位：亿元, 表1 …情况).
    """
    tables: list[tuple[list[tuple[str, ...]], str]] = []
    # Innermost first: CMS templates often wrap a whole article, data tables and all, in a
    # layout table.
    for table in reversed(node.find_all("table")):
        if table.find("table") is not None:
            continue
        rows = _rows(table)
        if _data_table(rows):
            own = table.find("caption")
            caption = own.get_text(" ", strip=True) if own is not None else ""
            table.replace_with(f"\n⟦table{len(tables)}⟧\n")
            tables.append((rows, caption))
    blocks = [Block(title, "title")] if title else []
    lines = [line.strip() for line in block_text(node).splitlines() if line.strip()]
    for index, line in enumerate(lines):
        marker = re.fullmatch(r"⟦table(\d+)⟧", line)
        if marker:
            rows, caption = tables[int(marker.group(1))]
            before = lines[index - 1] if index else ""
            if not caption and len(before) <= 80 and not re.search(r"[。！？]$", before):
                caption = before
            blocks.append(Block(caption, "table", tuple(rows)))
        else:
            blocks.append(Block(line))
    return blocks


def publication_date(
    doc: BeautifulSoup | Tag | Index, selectors: Iterable[str], text: str | None = None
) -> date | None:
    """The first date found by ``selectors`` (a meta tag's content, else the element's text);
    failing that, a 发布时间/发布日期 label in ``text``."""
    index = doc if isinstance(doc, Index) else Index(doc)
    for selector in selectors:
        for node in index.select(selector):
            content = _attr(node, "content")
            found = parse_date(content if content else node.get_text(" "))
            if found:
                return found
    match = _DATED_TEXT.search(text or "")
    return parse_date(match.group(1)) if match else None


def article(
    page: Page,
    doc: BeautifulSoup | Tag | Index,
    *,
    body: Iterable[str],
    dates: Iterable[str],
    attachments: str | None = None,
    published: date | None = None,
) -> ParseResult:
    """Candidates from an article body; attachments are returned as links to fetch.

    ``published`` is used when none of the ``dates`` selectors finds a date.
    """
    index = doc if isinstance(doc, Index) else Index(doc)
    node = first(index, body)
    published = page.published or publication_date(index, dates) or published
    links = select_links(index.doc, attachments, page.url) if attachments else ()
    if node is None:
        missing = f"article body not found (looked for {', '.join(body)})"
        return ParseResult(
            links=links,
            published_at=published,
            notes=(missing,),
            alerts=(("layout_drift", missing),),
        )
    blocks = blocks_of(node, title_of(index))
    candidates = read(blocks, published, page.jurisdiction)
    return ParseResult(candidates=tuple(candidates), links=links, published_at=published)
