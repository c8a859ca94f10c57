"""Cycle wall time against the politeness lower bound (budget: within 1.2x).

Serves the mirror with an added per-request latency, runs one full cycle with a per-host
delay, and compares the wall time with max over hosts of requests x (latency + delay).
Usage: python bench/cycle_politeness.py [--latency 0.1] [--delay 1.0]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import ClassVar

from monitor.core.settings import Settings
from monitor.crawl.cycle import CycleOptions
from monitor.mirror import MirrorServer
from monitor.mirror.server import MirrorHandler
from monitor.storage import history
from monitor.storage.database import open_database
from tests.support.registered import run_cycle


class SlowHandler(MirrorHandler):
    latency: ClassVar[float] = 0.05

    def do_GET(self, head: bool = False) -> None:  # noqa: N802
        time.sleep(self.latency)
        super().do_GET(head)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--latency", type=float, default=0.1, help="server latency, seconds")
    parser.add_argument("--delay", type=float, default=1.0, help="per-host delay, seconds")
    args = parser.parse_args()
    SlowHandler.latency = args.latency
    with tempfile.TemporaryDirectory() as tmp, MirrorServer(handler=SlowHandler) as server:
        settings = Settings(data_dir=Path(tmp), mirror_url=server.url, fetch_delay=args.delay)
        engine = open_database(settings)
        start = time.perf_counter()
        run = run_cycle(engine, settings, CycleOptions(force=True, trigger="bench"))
        wall = time.perf_counter() - start
        fetched = history.fetches(engine, run_id=run.id)
    # Each host also serves one robots.txt request, which the delay applies to as well.
    sent = [f for f in fetched if f["outcome"] != "blocked_by_robots"]
    per_host = Counter(f["url"].split("/")[2] for f in sent)
    for host in per_host:
        per_host[host] += 1
    busiest, requests = per_host.most_common(1)[0]
    bound = requests * (args.latency + args.delay) - args.delay
    print(f"hosts                {len(per_host)}")
    print(f"requests             {sum(per_host.values())} (busiest host {busiest}: {requests})")
    print(f"politeness bound     {bound:.2f} s")
    print(f"cycle wall time      {wall:.2f} s")
    print(f"ratio                {wall / bound:.2f} (budget <= 1.2)")


if __name__ == "__main__":
    main()
