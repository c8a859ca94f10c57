"""One module per source, each a pure ``parse(page) -> ParseResult``; registered here by name.

A scraper reads only the page it is given. It returns candidate observations and the links
the core should fetch next; it never touches the network or the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from monitor.page import Parser
from scrapers import (
    beijing,
    cac,
    chengdu,
    cnnic,
    govcn,
    guangdong,
    hangzhou,
    miit,
    nbs,
    shanghai,
    sichuan,
)


@dataclass(frozen=True)
class Scraper:
    name: str
    version: str
    parse: Parser


REGISTRY: dict[str, Scraper] = {
    module.NAME: Scraper(module.NAME, module.VERSION, module.parse)
    for module in (
        cac,
        cnnic,
        miit,
        govcn,
        nbs,
        beijing,
        sichuan,
        shanghai,
        guangdong,
        hangzhou,
        chengdu,
    )
}
