"""Resident memory of an idle worker (budget: under 150 MB).

Starts `monitor worker` on a throwaway SQLite database with a schedule that will not fire,
waits for it to settle, reads VmRSS from /proc, and stops it with SIGTERM.
Usage: python bench/worker_memory.py [--seconds 10]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "MONITOR_DATA_DIR": tmp, "MONITOR_SCHEDULE": "0 7 1 1 *"}
        env.pop("MONITOR_DATABASE_URL", None)
        proc = subprocess.Popen([sys.executable, "-m", "monitor", "worker"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            samples = []
            deadline = time.monotonic() + args.seconds
            while time.monotonic() < deadline:
                time.sleep(1)
                samples.append(rss_mb(proc.pid))
        finally:
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(30)
    print(f"idle worker RSS      {samples[-1]:.0f} MB (max {max(samples):.0f} MB; budget < 150 MB)")
    print(f"exit after SIGTERM   {code}")


if __name__ == "__main__":
    main()
