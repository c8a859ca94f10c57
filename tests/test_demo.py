"""`monitor demo` end to end, as the README's first command runs it, twice on one data dir."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from protego import Protego

from monitor.mirror import SITES
from scrapers import registry
from tests.support.corpus import load
from tests.support.smtp import SMTPServer

SOURCES = registry().sources

ROOT = Path(__file__).parent.parent


def monitor(data_dir: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "MONITOR_DATA_DIR": str(data_dir),
        "MONITOR_TARGETS_FILE": str(ROOT / "targets.toml"),
        **extra,
    }
    return subprocess.run(
        [sys.executable, "-m", "monitor", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_demo_twice_adds_a_run_and_no_duplicates(tmp_path: Path) -> None:
    """The demo stores runs, fetches, snapshots and observations; a rerun duplicates nothing."""
    data = tmp_path / "data"
    first = monitor(data, "demo")
    assert first.returncode == 0, first.stderr
    assert "accepted observations in the database" in first.stdout
    observations = json.loads(monitor(data, "observations", "--json").stdout)
    assert len(observations) >= 10
    assert {"genai_users", "internet_users", "genai_services_filed"} <= {
        o["metric"] for o in observations
    }
    second = monitor(data, "demo")
    assert second.returncode == 0, second.stderr
    runs = json.loads(monitor(data, "history", "--json").stdout)
    assert [r["trigger"] for r in runs] == ["demo", "demo"]
    assert runs[0]["observations_added"] == 0 and runs[0]["pages_changed"] == 0
    again = json.loads(monitor(data, "observations", "--json").stdout)
    assert [o["id"] for o in again] == [o["id"] for o in observations]
    assert (data / "monitor.db").is_file()


def reachable_figures() -> set[tuple[str, str]]:
    """(source, metric) of every figure on a corpus page the demo can reach and may fetch."""
    pages = {p.url: p for p in load()}
    robots = {
        host.name: Protego.parse((host / "robots.txt").read_text(encoding="utf-8"))
        for host in SITES.iterdir()
        if (host / "robots.txt").is_file()
    }
    queue = [u for s in SOURCES for u in s.entry_urls]
    seen, figures = set(queue), set()
    while queue:
        page = pages.get(queue.pop())
        if page is None or not robots[urlsplit(page.url).hostname or ""].can_fetch(page.url, "*"):
            continue
        figures |= {(page.source, e[0]) for e in page.expect}
        fresh = page.links - seen
        seen |= fresh
        queue.extend(fresh)
    return figures


def test_demo_stores_every_metric_of_every_source(tmp_path: Path) -> None:
    """Every (source, metric) the mirror's reachable pages carry ends up stored by the demo."""
    data = tmp_path / "data"
    assert monitor(data, "demo").returncode == 0
    stored = {
        (o["source_id"], o["metric"])
        for o in json.loads(monitor(data, "observations", "--json").stdout)
    }
    expected = reachable_figures()
    assert len({source for source, _ in expected}) == len(SOURCES)
    assert expected - stored == set()
    assessed = json.loads(monitor(data, "targets", "--json", "--as-of", "2026-11-23").stdout)
    by_id = {a["id"]: a for a in assessed}
    assert len(by_id) == 17 and all(a["status"] for a in assessed)
    for national in ("cn-adoption-2027", "cn-adoption-2030"):
        assert by_id[national]["proxy"] == "genai_penetration_rate"
        assert by_id[national]["status"] not in ("no_data", "insufficient_data")
    shanghai = by_id["sh-compute-2025"]
    assert shanghai["status"] in ("met", "missed", "awaiting_data")
    assert shanghai["projected_value"] is None
    human = monitor(data, "targets", "--as-of", "2026-11-23").stdout
    assert "cn-adoption-2027: assessed on the proxy genai_penetration_rate" in human
    status = monitor(data, "status", "--json")
    assert status.returncode == 1 and "no worker is running" in status.stderr
    (health,) = json.loads(status.stdout)
    assert health["last_run"]["trigger"] == "demo" and health["last_run"]["status"] == "completed"


def test_demo_mails_the_report_once_a_day(tmp_path: Path) -> None:
    """With SMTP set, the demo delivers one email; a second demo the same day delivers none."""
    server = SMTPServer().start()
    smtp = {"MONITOR_SMTP_HOST": "127.0.0.1", "MONITOR_SMTP_PORT": str(server.port),
            "MONITOR_SMTP_SECURITY": "none", "MONITOR_MAIL_TO": "analyst@example.org"}  # fmt: skip
    try:
        first = monitor(tmp_path / "data", "demo", **smtp)
        second = monitor(tmp_path / "data", "demo", **smtp)
    finally:
        server.stop()
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "report sent 1, still queued 0" in first.stdout
    assert len(server.inbox.messages) == 1
    last_line = first.stdout.strip().splitlines()[-1]
    assert last_line.endswith(".html") and Path(last_line).is_file()
    (outbox,) = json.loads(monitor(tmp_path / "data", "outbox", "--json").stdout)
    assert (outbox["status"], outbox["attempts"]) == ("sent", 1)
