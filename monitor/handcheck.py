"""``monitor extract``: read one page by hand (a saved file or a URL) and show its figures.

A URL on a registered source's host is fetched politely and read by that source's scraper.
A saved file is read generically: the body is found by the containers the official CMSs
use, the publication date from meta tags, known date elements or 发布时间/发布日期 text, and
the jurisdiction from the page's publisher (a 我市 on a Beijing municipal page is cn-bj),
unless ``--jurisdiction`` says otherwise.
"""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from monitor.encoding import decode
from monitor.errors import ConfigError, MonitorError
from monitor.extract.statements import place_of
from monitor.fetch import Fetcher
from monitor.page import Candidate, Page, ParseResult
from monitor.settings import Settings
from monitor.sources import SOURCES, SourceSpec
from scrapers import REGISTRY
from scrapers._html import article, parse_date

BODIES = (
    "#UCAP-CONTENT", "#con_con", "#BodyLabel", ".TRS_Editor", "div.detail_con", "#zoom",
    "#ivs_content", "div.conTxt", "[data-handcheck-body]",
)  # fmt: skip
DATES = (
    "meta[name=PubDate]", "meta[name=pubdate]", "meta[name=publishdate]",
    "meta[name=firstpublishedtime]", "meta[name=PublishTime]",
    "meta[property='article:published_time']", "span#pubtime", "#con_time", "div.pages-date",
    "small.PBtime", "span.time", "div.info", "div.article-info",
)  # fmt: skip
_DATED_TEXT = re.compile(
    r"(?:发布时间|发布日期|发文日期)[:：\s]*(20\d\d\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2})"
)
_PUBLISHER_META = ("SiteName", "siteName", "ColumnName", "ContentSource", "source")
_PUBLISHER_TEXT = re.compile(r"(?:主办单位|主办|版权所有|来源)[:：]\s*([^\s|<>，,。©]{2,40})")
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.){40,}"')
_NATIONAL = re.compile(
    r"^(?:中华人民共和国|国务院|国家|中央|中国互联网络信息中心|工业和信息化部|中国政府网|新华社)"
)


@dataclass(frozen=True)
class Loaded:
    body: bytes
    content_type: str
    url: str | None


def load(target: str, settings: Settings) -> Loaded:
    """The bytes of a saved file, or of a URL fetched through the polite fetcher."""
    if re.match(r"^https?://", target):
        return _fetch(target, settings)
    path = Path(target)
    try:
        return Loaded(path.read_bytes(), "text/html", None)
    except OSError as exc:
        raise ConfigError(f"cannot read {target}: {exc.strerror or exc}") from None


def _source_for(url: str) -> SourceSpec | None:
    host = (urlsplit(url).hostname or "").lower()
    return next((s for s in SOURCES if host in s.allowed_hosts), None)


def _fetch(url: str, settings: Settings) -> Loaded:
    spec = _source_for(url)
    if spec is None:
        hosts = ", ".join(sorted(h for s in SOURCES for h in s.allowed_hosts))
        raise ConfigError(f"{urlsplit(url).hostname} is not a configured source host ({hosts})")

    async def go() -> Any:
        async with Fetcher(settings) as fetcher:
            return await fetcher.fetch(url, spec)

    final = asyncio.run(go())[-1]
    if final.outcome != "ok" or final.body is None:
        raise MonitorError(f"fetching {url} failed: {final.outcome} ({final.error})")
    return Loaded(final.body, final.content_type, url)


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
    for block in doc.find_all(["div", "article", "section", "td"]):
        prose = (p.get_text(strip=True) for p in block.find_all("p", recursive=False))
        size = sum(len(t) for t in prose if "。" in t or "，" in t)
        if size > best_size:
            best, best_size = block, size
    if best is not None:
        best["data-handcheck-body"] = "1"


def published_in(doc: BeautifulSoup, text: str) -> date | None:
    for selector in DATES:
        for node in doc.select(selector):
            content = node.get("content")
            found = parse_date(content if isinstance(content, str) else node.get_text(" "))
            if found:
                return found
    match = _DATED_TEXT.search(text)
    return parse_date(match.group(1)) if match else None


def extract_page(
    loaded: Loaded, *, published: date | None = None, jurisdiction: str | None = None
) -> tuple[list[Candidate], date | None, str]:
    """Candidates of one page, the publication date used and the default jurisdiction."""
    decoded = decode(loaded.body, loaded.content_type)
    doc = BeautifulSoup(decoded.text, "lxml")
    spec = _source_for(loaded.url) if loaded.url else None
    where = jurisdiction or publisher_jurisdiction(doc) or (spec.jurisdiction if spec else "cn")
    page = Page(
        url=loaded.url or "file:///page.html",
        source_id=spec.id if spec else "file",
        jurisdiction=where,
        content=loaded.body,
        content_type=loaded.content_type,
        text=decoded.text,
        encoding=decoded.encoding,
        published=published,
    )
    when = published or published_in(doc, decoded.text)
    if spec is not None:
        result = REGISTRY[spec.scraper].parse(page)
    else:
        _embed_script_html(doc, decoded.text)
        _mark_densest(doc)
        result = article(page, doc, body=BODIES, dates=(), published=when)
    return _dated(result, published, when), when, where


def _dated(result: ParseResult, forced: date | None, found: date | None) -> list[Candidate]:
    """Candidates with the publication date applied; a forced date re-reads relative periods."""
    return [
        replace(c, published_at=forced or c.published_at or result.published_at or found)
        for c in result.candidates
    ]


def as_json(candidates: list[Candidate]) -> list[dict[str, Any]]:
    return [
        {
            "metric": c.metric,
            "jurisdiction": c.jurisdiction,
            "value": int(c.value) if c.value == c.value.to_integral_value() else float(c.value),
            "unit": c.unit,
            "as_of": c.as_of.isoformat(),
            "qualifier": c.qualifier,
            "precision": c.precision,
            "published_at": c.published_at.isoformat() if c.published_at else None,
            "evidence": c.evidence,
        }
        for c in candidates
    ]
