"""Extraction speed: article pages parsed per second on one core (budget: >= 100/s).

Every article, trap and drift page of the fixture corpus (tests/fixtures/corpus/*.toml) is
decoded and parsed by its source's scraper, repeatedly, for a few seconds.
Usage: python bench/extract_speed.py [--seconds 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from monitor.core.contract import page_from_bytes  # noqa: E402
from scrapers import registry  # noqa: E402
from tests.support.corpus import load  # noqa: E402

SOURCES = registry().sources
REGISTRY = registry().scrapers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    spec_of = {s.id: s for s in SOURCES}
    corpus = [
        (spec_of[p.source], p.url, p.file.read_bytes(), p.content_type())
        for p in load()
        if p.role in ("article", "trap", "drift")
    ]
    done = candidates = 0
    start = time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        for spec, url, body, content_type in corpus:
            page = page_from_bytes(spec, url, body, content_type)
            candidates += len(REGISTRY[spec.scraper].parse(page).candidates)
            done += 1
    elapsed = time.perf_counter() - start
    print(f"article pages in corpus  {len(corpus)}")
    print(f"pages parsed             {done} in {elapsed:.2f} s")
    print(f"speed                    {done / elapsed:.0f} pages/s on one core (budget >= 100)")
    print(f"figures per page         {candidates / done:.2f}")


if __name__ == "__main__":
    main()
