"""Every mirror page against its expectations in tests/fixtures/corpus/*.toml.

The corpus table is the extraction spec: list pages give exactly their links, articles
exactly their figures (traps none), drifted pages an alert, attachments their cross-check.
`monitor extract` on the saved files reads the same figures and the publication date.
"""

from __future__ import annotations

import builtins
import socket
import sqlite3

import pytest

from monitor.mirror import SITES
from monitor.service.page_check import Loaded, check_page
from scrapers import registry
from tests.support.corpus import CorpusPage, load, observed

SOURCES = registry().sources
REGISTRY = registry().scrapers

PAGES = load()
SCRAPER = {s.id: REGISTRY[s.scraper] for s in SOURCES}


def pages(*roles: str) -> list[CorpusPage]:
    return [p for p in PAGES if p.role in roles]


def ids(page: CorpusPage) -> str:
    return page.path


@pytest.mark.parametrize("page", pages("list", "endpoint"), ids=ids)
def test_list_pages_give_exactly_their_links(page: CorpusPage) -> None:
    """A list page (or list endpoint) yields its items' links, never navigation links."""
    result = SCRAPER[page.source].parse(page.page())
    assert set(result.links) == page.links
    assert result.candidates == () and result.alerts == ()


@pytest.mark.parametrize("page", pages("article", "trap"), ids=ids)
def test_articles_give_exactly_their_figures(page: CorpusPage) -> None:
    """An article yields exactly its expected observations; a trap page yields none."""
    result = SCRAPER[page.source].parse(page.page())
    assert observed(result.candidates) == page.expect
    assert set(result.links) == page.links
    assert result.published_at == page.published
    assert result.alerts == ()


@pytest.mark.parametrize("page", pages("drift"), ids=ids)
def test_drifted_pages_raise_layout_drift(page: CorpusPage) -> None:
    """A page whose layout changed yields nothing and a layout_drift alert."""
    result = SCRAPER[page.source].parse(page.page())
    assert result.candidates == ()
    assert [kind for kind, _ in result.alerts] == ["layout_drift"]


@pytest.mark.parametrize("page", pages("attachment"), ids=ids)
def test_attachments_give_their_crosscheck(page: CorpusPage) -> None:
    """An .xlsx filing list yields its distinct count as a cross-check; a PDF report the
    figures of its text; other files nothing."""
    result = SCRAPER[page.source].parse(page.page())
    assert observed(result.candidates) == page.expect and result.alerts == ()
    if page.crosscheck:
        (check,) = result.crosschecks
        assert check.metric == page.crosscheck["metric"]
        assert check.value == page.crosscheck["distinct"]
        assert f"{page.crosscheck['rows']} row(s)" in check.detail
    else:
        assert result.crosschecks == ()


@pytest.mark.parametrize("page", pages("article", "trap", "drift"), ids=ids)
def test_monitor_extract_reads_saved_files(page: CorpusPage) -> None:
    """`monitor extract FILE` finds the publication date and reads the expected figures.

    Drifted pages too: the generic reader does not depend on one site's container.
    """
    checked = check_page(Loaded(page.file.read_bytes(), "text/html", None))
    found, published = checked.candidates, checked.published
    assert published == page.published
    assert observed(found) == (page.drift_expect if page.role == "drift" else page.expect)


def test_every_mirror_page_is_in_the_corpus() -> None:
    """Each mirror page (bar host home pages, robots.txt and sidecars) has a corpus entry."""
    listed = {p.path for p in PAGES}
    files = {
        str(f.relative_to(SITES))
        for f in SITES.rglob("*")
        if f.is_file()
        and f.parent != SITES
        and f.name != "robots.txt"
        and not f.name.endswith(".headers.json")
        and f.relative_to(SITES).parts[1:] != ("index.html",)
    }
    assert sorted(files - listed) == [] and sorted(listed - files) == []


def test_corpus_covers_enough() -> None:
    """At least 40 article pages, two GBK pages, a drifted page per source, traps present."""
    articles = pages("article", "trap", "drift")
    assert len(articles) >= 40
    gbk = [p for p in articles if p.page().encoding == "gb18030"]
    assert len(gbk) >= 2
    assert {p.source for p in pages("drift")} == {s.id for s in SOURCES}
    assert pages("trap")


@pytest.mark.parametrize("page", PAGES, ids=ids)
def test_scrapers_are_pure(page: CorpusPage, monkeypatch: pytest.MonkeyPatch) -> None:
    """A scraper reads only its page: any socket or database connection fails the test.

    (tests/test_architecture.py also keeps scrapers from importing storage or the crawl.)
    """
    built = page.page()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"the {page.source} scraper reached outside its page")

    for target, name in ((socket.socket, "connect"), (socket, "getaddrinfo"),
                         (socket, "create_connection"), (sqlite3, "connect"),
                         (builtins, "open")):  # fmt: skip
        monkeypatch.setattr(target, name, refuse)
    first, second = SCRAPER[page.source].parse(built), SCRAPER[page.source].parse(built)
    monkeypatch.undo()
    assert first == second
