"""The command line: help everywhere, JSON that parses, and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from monitor.cli import app
from monitor.cycle import CycleOptions, run_cycle
from monitor.db import open_database
from monitor.mirror import MirrorServer
from monitor.settings import Settings

runner = CliRunner()


def all_commands(group: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in group.commands.items():
        path = (*prefix, name)
        found.append(path)
        if hasattr(command, "commands"):
            found.extend(all_commands(command, path))
    return found


COMMANDS = all_commands(typer.main.get_command(app))


def test_the_expected_commands_exist() -> None:
    """The documented commands are all registered."""
    names = {" ".join(c) for c in COMMANDS}
    assert {
        "run",
        "demo",
        "mirror",
        "history",
        "show-fetch",
        "observations",
        "snapshot",
        "sources",
        "db",
        "db upgrade",
    } <= names


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_every_command_has_help(command: tuple[str, ...]) -> None:
    """Each command answers --help with a description of what it does."""
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    target: Any = typer.main.get_command(app)
    for name in command:
        target = target.commands[name]
    assert target.help and len(target.help.strip()) > 15


@pytest.fixture
def stored(
    db_settings: Settings, mirror: MirrorServer, monkeypatch: pytest.MonkeyPatch
) -> Settings:
    """A database (SQLite, then PostgreSQL) with one cycle, and the environment pointing at it."""
    settings = db_settings.model_copy(update={"mirror_url": mirror.url})
    engine = open_database(settings)
    run_cycle(engine, settings, CycleOptions(force=True))
    engine.dispose()
    monkeypatch.setenv("MONITOR_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("MONITOR_DATABASE_URL", str(settings.database_url))
    return settings


@pytest.mark.parametrize(
    "args",
    [
        ["history", "--json"],
        ["observations", "--json"],
        ["sources", "--json"],
        ["history", "--json", "--failed"],
        ["observations", "--json", "--metric", "genai_users"],
    ],
)
def test_json_output_is_one_array(stored: Settings, args: list[str]) -> None:
    """--json prints one JSON array on stdout and nothing else."""
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    parsed = json.loads(result.stdout)
    assert isinstance(parsed, list) and parsed


def test_history_shows_per_source_outcomes(stored: Settings) -> None:
    """history --json lists runs with each source's outcome and error."""
    runs = json.loads(runner.invoke(app, ["history", "--json"]).stdout)
    sources = {s["source_id"]: s for s in runs[0]["sources"]}
    assert sources["cnnic"]["outcome"] == "ok"
    assert sources["cac"]["outcome"] == "partial"
    failed = json.loads(runner.invoke(app, ["history", "--json", "--failed"]).stdout)
    assert {s["source_id"] for s in failed[0]["sources"]} == {"cac", "nbs"}


def test_show_fetch_tells_what_a_page_yielded(stored: Settings) -> None:
    """show-fetch gives request, response headers, snapshot and the page's observations."""
    observations = json.loads(
        runner.invoke(app, ["observations", "--json", "--metric", "internet_users"]).stdout
    )
    fetch_id = next(o["fetch_id"] for o in observations if o["as_of"] == "2025-06-30")
    (detail,) = json.loads(runner.invoke(app, ["show-fetch", str(fetch_id), "--json"]).stdout)
    assert detail["outcome"] == "ok" and detail["snapshot_sha256"]
    assert detail["request_headers"]["user-agent"].startswith("aiplus-monitor")
    assert "etag" in detail["response_headers"]
    # A figure repeated on another page of the source is stored once, with the first page.
    assert "internet_users" in {o["metric"] for o in detail["observations"]}
    assert detail["candidates_found"] >= 4
    human = runner.invoke(app, ["show-fetch", str(fetch_id)])
    assert "11.23" in human.stdout and "response headers:" in human.stdout


def test_snapshot_prints_the_evidence(stored: Settings) -> None:
    """snapshot HASH prints the decoded page the figure was read from."""
    row = json.loads(
        runner.invoke(
            app,
            [
                "observations",
                "--json",
                "--metric",
                "ai_core_industry_scale",
                "--jurisdiction",
                "cn-sc",
            ],
        ).stdout
    )[0]
    result = runner.invoke(app, ["snapshot", row["snapshot_sha256"][:12]])
    assert result.exit_code == 0 and "全省人工智能核心产业规模" in result.stdout


def monitor(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    base = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "MONITOR_DATA_DIR": str(tmp_path / "d"),
    }
    return subprocess.run(
        [sys.executable, "-m", "monitor", *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["run", "--once", "--source", "nope"], {}, "unknown source id nope"),
        (
            ["history"],
            {"MONITOR_DATABASE_URL": "postgresql+psycopg://u:pw@127.0.0.1:1/x"},
            "cannot use database postgresql+psycopg://u:***@127.0.0.1:1/x",
        ),
        (["history"], {"MONITOR_DATABASE_URL": "nonsense"}, "MONITOR_DATABASE_URL: "),
        (["history"], {"MONITOR_DATA_DIR": "/proc/version/data"}, "is not writable"),
        (["show-fetch", "999"], {}, "no fetch with id 999"),
        (["history", "--source", "nope"], {}, "unknown source id nope"),
        (["history"], {"MONITOR_TIMEZONE": "Mars/Olympus"}, "MONITOR_TIMEZONE: "),
    ],
    ids=[
        "unknown-source",
        "unreachable-db",
        "invalid-url",
        "unwritable-dir",
        "no-fetch",
        "history-unknown-source",
        "bad-timezone",
    ],
)
def test_errors_are_one_line(
    tmp_path: Path, args: list[str], env: dict[str, str], message: str
) -> None:
    """Bad input exits 1 with a single `monitor: error:` line and no traceback."""
    result = monitor(args, tmp_path, **env)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("monitor: error: ")
    assert message in lines[0]
