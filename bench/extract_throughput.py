"""Extraction throughput: article pages parsed per second on one core (budget: >= 100/s).

Runs every registered scraper over the mirror's article pages, decoding included, and
prints pages/s. Usage: python bench/extract_throughput.py [--seconds 3]
"""

from __future__ import annotations

import argparse
import json
import time

from monitor.encoding import decode
from monitor.mirror import SITES
from monitor.page import Page
from monitor.sources import SOURCES
from scrapers import REGISTRY

HTML = (".htm", ".html", ".shtml")


def pages() -> list[tuple[Page, str]]:
    by_host = {h: s for s in SOURCES for h in s.allowed_hosts}
    found = []
    for path in sorted(SITES.rglob("*")):
        host = path.relative_to(SITES).parts[0]
        if host not in by_host or not path.name.endswith(HTML) or path.name == "index.html":
            continue
        sidecar = path.with_name(path.name + ".headers.json")
        ctype = "text/html; charset=utf-8"
        if sidecar.exists():
            ctype = json.loads(sidecar.read_text())["headers"].get("Content-Type", ctype)
        source = by_host[host]
        url = f"https://{host}/{path.relative_to(SITES / host)}"
        page = Page(
            url=url,
            source_id=source.id,
            jurisdiction=source.jurisdiction,
            content=path.read_bytes(),
            content_type=ctype,
        )
        found.append((page, source.scraper))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    corpus = pages()
    done = candidates = 0
    start = time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        for raw, scraper in corpus:
            decoded = decode(raw.content, raw.content_type)
            page = Page(
                raw.url,
                raw.source_id,
                raw.jurisdiction,
                raw.content,
                raw.content_type,
                decoded.text,
                decoded.encoding,
            )
            candidates += len(REGISTRY[scraper].parse(page).candidates)
            done += 1
    elapsed = time.perf_counter() - start
    print(f"pages in corpus      {len(corpus)}")
    print(f"pages parsed         {done} in {elapsed:.2f} s")
    print(f"throughput           {done / elapsed:.0f} pages/s (budget >= 100)")
    print(f"candidates per page  {candidates / done:.2f}")


if __name__ == "__main__":
    main()
