"""The sources and their scrapers: pure ``parse(page) -> ParseResult`` functions, by source id.

Most sources are data (``sources.toml``, read by :mod:`scrapers.sites`); a few need code of
their own (``cac``, ``miit``, ``guangdong``, ``hangzhou``). A scraper reads only the page it
is given: it returns candidate observations and the links the crawl should fetch next, and
never touches the network or the database.

:func:`registry` loads them once, on first use (never at import).
"""

from __future__ import annotations

import importlib
import tomllib
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from monitor.core.contract import Scraper, SourceSpec
from monitor.core.errors import ConfigError
from scrapers.sites import Site, site_from_table
from scrapers.sites import parse as parse_site

__all__ = ["Registry", "registry"]

SOURCES_FILE = Path(__file__).with_name("sources.toml")


@dataclass(frozen=True)
class Registry:
    """Every registered source, and the scraper of each, keyed by source id."""

    sources: tuple[SourceSpec, ...]
    scrapers: dict[str, Scraper]
    sites: dict[str, Site]


def _scraper(site: Site) -> Scraper:
    if site.module is None:
        return Scraper(site.name, site.version, partial(parse_site, site))
    module = importlib.import_module(f"scrapers.{site.module}")
    return Scraper(site.name, site.version, partial(module.parse, site))


@cache
def registry(path: Path = SOURCES_FILE) -> Registry:
    """The sources of ``sources.toml`` with their scrapers; ConfigError when it is malformed."""
    try:
        tables = tomllib.loads(path.read_text(encoding="utf-8")).get("source", [])
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    sites = [site_from_table(t) for t in tables]
    ids = [s.name for s in sites]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ConfigError(f"{path}: duplicate source id {', '.join(duplicates)}")
    return Registry(
        sources=tuple(s.source for s in sites),
        scrapers={s.name: _scraper(s) for s in sites},
        sites={s.name: s for s in sites},
    )
