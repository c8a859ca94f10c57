"""Extraction cost in CPU time, per page role, beside the floor of parsing the same bytes.

- articles: the 193 HTML pages of the honest corpus (tests/fixtures/extraction, 11-22 KB,
  real markup), read as `monitor extract FILE` reads them (decode, find the body, read);
  floor: ``BeautifulSoup(html, "lxml")`` on the same decoded text;
- lists: the mirror's list pages and endpoints through their sources' scrapers; same floor;
- attachments: the corpus's PDFs read to figures; floor: pdfplumber's text extraction alone.

Each set runs once to warm up (imports, regex compilation, caches), then is timed over
several rounds with ``time.process_time``; the figure is CPU ms per page and the ratio to its
floor. Budget (DESIGN §11, issue 10): articles at most 2x the bare parse.

    python bench/extract_speed.py [--rounds N]
"""

from __future__ import annotations

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


def cpu_per_page(work: Callable[[], object], pages: int, rounds: int) -> float:
    work()  # warm-up
    started = time.process_time()
    for _ in range(rounds):
        work()
    return (time.process_time() - started) / rounds / pages * 1000


Work = tuple[str, int, Callable[[], object], Callable[[], object], str]


def articles() -> Work:
    drafts = {p.stem: tomllib.loads(p.read_text("utf-8")) for p in (CORPUS / "drafts").glob("*")}
    raw = [(p.read_bytes(), drafts[p.stem]) for p in sorted((CORPUS / "pages").glob("*.html"))]
    texts = [decode(body, "text/html").text for body, _ in raw]
    size = sum(len(body) for body, _ in raw) / len(raw) / 1024

    def read() -> None:
        for body, draft in raw:
            check_page(Loaded(body, "text/html", None), published=draft["published"],
                       jurisdiction=draft["jurisdiction"])  # fmt: skip

    def parse() -> None:
        for text in texts:
            BeautifulSoup(text, "lxml")

    name = f"articles ({len(raw)}, mean {size:.1f} KB)"
    return name, len(raw), read, parse, "BeautifulSoup(html, 'lxml')"


def lists() -> Work:
    known = registry()
    pages = [(known.scrapers[p.source], p.page()) for p in load() if p.role in ("list", "endpoint")]
    texts = [page.text or "" for _, page in pages]

    def read() -> None:
        for scraper, page in pages:
            scraper.parse(page)

    def parse() -> None:
        for text in texts:
            BeautifulSoup(text, "lxml")

    return f"lists ({len(pages)})", len(pages), read, parse, "BeautifulSoup(html, 'lxml')"


def attachments() -> Work:
    known = registry()
    spec, cnnic = known.sources[0], known.scrapers["cnnic"]
    pages = [page_from_bytes(spec, f"https://x/{p.name}", p.read_bytes(), "application/pdf")
             for p in sorted((CORPUS / "pages").glob("*.pdf"))]  # fmt: skip

    def read() -> None:
        for page in pages:
            cnnic.parse(page)

    def extract() -> None:
        for page in pages:
            pdf_text(page.content)

    return f"attachments ({len(pages)} PDFs)", len(pages), read, extract, "pdfplumber text alone"


def main() -> None:
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3
    print(f"CPU time per page after a warm-up, {rounds} rounds (time.process_time)")
    for role, count, work, floor, floor_name in (articles(), lists(), attachments()):
        cost = cpu_per_page(work, count, rounds)
        base = cpu_per_page(floor, count, rounds)
        print(f"  {role:34} {cost:7.2f} ms   floor {base:7.2f} ms ({floor_name})   "
              f"ratio {cost / base:.2f}x")  # fmt: skip
    print("yardstick: articles at most 2.00x the bare BeautifulSoup parse (issue 10)")


if __name__ == "__main__":
    main()
