"""`monitor demo` end to end, as the README's first command runs it, twice on one data dir."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def monitor(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "MONITOR_DATA_DIR": str(data_dir)}
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
