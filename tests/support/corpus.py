"""The fixture corpus: every mirror page with what the scrapers must read from it.

``tests/fixtures/corpus/*.toml`` holds one ``[[page]]`` per page (see the README there);
this module loads it and builds each page exactly as the pipeline would.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from monitor.core.contract import Candidate, Page, page_from_bytes
from monitor.mirror import SITES
from monitor.mirror.server import CONTENT_TYPES as MIRROR_TYPES
from scrapers import registry

SOURCES = registry().sources


CORPUS = Path(__file__).parent.parent / "fixtures" / "corpus"
Expected = tuple[str, str, Decimal, date, str, str | None]


@dataclass(frozen=True)
class CorpusPage:
    path: str
    url: str
    source: str
    role: str
    published: date | None = None
    links: frozenset[str] = frozenset()
    expect: tuple[Expected, ...] = ()
    drift_expect: tuple[Expected, ...] = ()
    crosscheck: dict[str, Any] = field(default_factory=dict)

    @property
    def file(self) -> Path:
        return SITES / self.path

    def content_type(self) -> str:
        sidecar = self.file.with_name(self.file.name + ".headers.json")
        if sidecar.exists():
            headers = json.loads(sidecar.read_text(encoding="utf-8")).get("headers", {})
            if "Content-Type" in headers:
                return str(headers["Content-Type"])
        return MIRROR_TYPES.get(self.file.suffix, "")

    def page(self) -> Page:
        spec = next(s for s in SOURCES if s.id == self.source)
        return page_from_bytes(spec, self.url, self.file.read_bytes(), self.content_type())


def _expected(rows: list[dict[str, Any]]) -> tuple[Expected, ...]:
    return tuple(
        sorted(
            (r["metric"], r["jurisdiction"], Decimal(r["value"]), r["as_of"], r["qualifier"],
             r.get("precision"))
            for r in rows
        )
    )  # fmt: skip


def observed(candidates: tuple[Candidate, ...] | list[Candidate]) -> tuple[Expected, ...]:
    return tuple(
        sorted((c.metric, c.jurisdiction, c.value, c.as_of, c.qualifier, c.precision)
               for c in candidates)
    )  # fmt: skip


def load() -> list[CorpusPage]:
    pages = []
    for path in sorted(CORPUS.glob("*.toml")):
        for raw in tomllib.loads(path.read_text(encoding="utf-8"))["page"]:
            pages.append(
                CorpusPage(
                    path=raw["path"],
                    url=raw["url"],
                    source=raw["source"],
                    role=raw["role"],
                    published=raw.get("published"),
                    links=frozenset(raw.get("links", ())),
                    expect=_expected(raw.get("expect", [])),
                    drift_expect=_expected(raw.get("drift_expect", [])),
                    crosscheck=dict(raw.get("crosscheck", {})),
                )
            )
    return pages
