"""Extraction cost in CPU time, per page role, beside the floor of parsing the same bytes.

- articles: the HTML pages of the honest corpus (tests/fixtures/extraction, 11-22 KB,
  real markup), read as `monitor extract FILE` reads them (decode, find the body, read);
  floor: ``BeautifulSoup(html, "lxml")`` on the same decoded text;
- lists: the mirror's list pages and endpoints through their sources' scrapers; same floor;
- attachments: the corpus's PDFs read to figures; floor: pdfplumber's text extraction alone.

Each set runs once to warm up (imports, regex compilation, caches); then, round after round,
every page is read and right after parsed by its floor, each timed with
``time.process_time``, so both see the same machine; the figure is the fastest
round's CPU ms per page and the ratio to the floor's fastest round. Budget (DESIGN §11,
issue 10): articles at most 2x the bare parse.

    python bench/extract_speed.py [--rounds N]
"""

from __future__ import annotations

import gc
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bs4 import BeautifulSoup  # noqa: E402

from monitor.core.contract import page_from_bytes  # noqa: E402
from monitor.core.encoding import decode  # noqa: E402
from monitor.service.page_check import Loaded, check_page  # noqa: E402
from scrapers import registry  # noqa: E402
from scrapers.documents import pdf_text  # noqa: E402
from tests.support.corpus import load  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "extraction"


def cpu_per_page(items: list[tuple[Callable[[], object], Callable[[], object]]], rounds: int
                 ) -> tuple[float, float]:  # fmt: skip
    """CPU ms per page of the work and of its floor. Every page is read, then parsed by the
    floor, one right after the other, so both see the same machine (a VM's speed drifts by
    a quarter within seconds); each total is the fastest of ``rounds`` after a warm-up, with the
    garbage collector run between pages rather than on either side's time."""
    for work, floor in items:
        work()
        floor()
    totals: tuple[list[float], list[float]] = ([], [])
    gc.disable()  # as timeit does: one side's garbage is never collected on the other's time
    for _ in range(rounds):
        spent = [0.0, 0.0]
        for work, floor in items:
            gc.collect()
            started = time.process_time()
            work()
            middle = time.process_time()
            floor()
            spent[0] += middle - started
            spent[1] += time.process_time() - middle
        for total, value in zip(totals, spent, strict=True):
            total.append(value / len(items) * 1000)
    gc.enable()
    return min(totals[0]), min(totals[1])


Work = tuple[str, list[tuple[Callable[[], object], Callable[[], object]]], str]


def articles() -> Work:
    drafts = {p.stem: tomllib.loads(p.read_text("utf-8")) for p in (CORPUS / "drafts").glob("*")}
    raw = [(p.read_bytes(), drafts[p.stem]) for p in sorted((CORPUS / "pages").glob("*.html"))]
    size = sum(len(body) for body, _ in raw) / len(raw) / 1024

    def pair(body: bytes, draft: dict[str, object]) -> tuple[Callable[[], object], ...]:
        text = decode(body, "text/html").text
        return (
            lambda: check_page(Loaded(body, "text/html", None), published=draft["published"],
                               jurisdiction=str(draft["jurisdiction"])),  # type: ignore[arg-type]
            lambda: BeautifulSoup(text, "lxml"),
        )  # fmt: skip

    items = [pair(body, draft) for body, draft in raw]
    name = f"articles ({len(raw)}, mean {size:.1f} KB)"
    return name, items, "BeautifulSoup(html, 'lxml')"  # type: ignore[return-value]


def lists() -> Work:
    known = registry()
    pages = [(known.scrapers[p.source], p.page()) for p in load() if p.role in ("list", "endpoint")]
    items = [
        ((lambda s=scraper, p=page: s.parse(p)),
         (lambda t=page.text or "": BeautifulSoup(t, "lxml")))
        for scraper, page in pages
    ]  # fmt: skip
    return f"lists ({len(pages)})", items, "BeautifulSoup(html, 'lxml')"  # type: ignore[return-value]


def attachments() -> Work:
    known = registry()
    spec, cnnic = known.sources[0], known.scrapers["cnnic"]
    pages = [page_from_bytes(spec, f"https://x/{p.name}", p.read_bytes(), "application/pdf")
             for p in sorted((CORPUS / "pages").glob("*.pdf"))]  # fmt: skip
    items = [((lambda p=page: cnnic.parse(p)), (lambda p=page: pdf_text(p.content)))
             for page in pages]  # fmt: skip
    return f"attachments ({len(pages)} PDFs)", items, "pdfplumber text alone"  # type: ignore[return-value]


def main() -> None:
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 5
    print(f"CPU time per page (time.process_time), each page read then floor-parsed in turn, "
          f"fastest of {rounds} rounds after a warm-up")  # fmt: skip
    for role, items, floor_name in (articles(), lists(), attachments()):
        cost, base = cpu_per_page(items, rounds)
        print(f"  {role:34} {cost:7.2f} ms   floor {base:7.2f} ms ({floor_name})   "
              f"ratio {cost / base:.2f}x")  # fmt: skip
    print("yardstick: articles at most 2.00x the bare BeautifulSoup parse (issue 10)")


if __name__ == "__main__":
    main()
