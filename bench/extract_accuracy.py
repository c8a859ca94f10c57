"""Extraction accuracy over the fixture corpus: recall and precision per source.

Every corpus page (tests/fixtures/corpus/*.toml) is parsed by its source's scraper; a figure
counts as right when metric, jurisdiction, value, as_of, qualifier and precision all match.
Usage: python bench/extract_accuracy.py [--misses]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from scrapers import registry  # noqa: E402
from tests.support.corpus import load, observed  # noqa: E402

SOURCES = registry().sources
REGISTRY = registry().scrapers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="list every wrong or missed figure")
    args = parser.parse_args()
    scraper_of = {s.id: REGISTRY[s.scraper] for s in SOURCES}
    right, found, wanted = Counter[str](), Counter[str](), Counter[str]()
    for page in load():
        got = set(observed(scraper_of[page.source].parse(page.page()).candidates))
        expected = set(page.expect)
        right[page.source] += len(got & expected)
        found[page.source] += len(got)
        wanted[page.source] += len(expected)
        if args.misses:
            for miss in sorted(expected - got):
                print(f"missed  {page.url}  {miss}")
            for extra in sorted(got - expected):
                print(f"extra   {page.url}  {extra}")
    print(f"{'source':10} {'expected':>8} {'found':>6} {'right':>6} {'recall':>7} {'precision':>9}")
    for source in sorted(wanted | found):
        recall = right[source] / wanted[source] if wanted[source] else 1.0
        precision = right[source] / found[source] if found[source] else 1.0
        print(
            f"{source:10} {wanted[source]:8} {found[source]:6} {right[source]:6} "
            f"{recall:7.2f} {precision:9.2f}"
        )
    total_r = sum(right.values()) / max(sum(wanted.values()), 1)
    total_p = sum(right.values()) / max(sum(found.values()), 1)
    print(
        f"{'all':10} {sum(wanted.values()):8} {sum(found.values()):6} {sum(right.values()):6} "
        f"{total_r:7.2f} {total_p:9.2f}"
    )


if __name__ == "__main__":
    main()
