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

from monitor.core.settings import Settings
from monitor.crawl.cycle import CycleOptions
from monitor.interfaces.cli import app
from monitor.mirror import MirrorServer
from monitor.storage.database import open_database
from tests.support.registered import run_cycle

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
        (["run", "--source", "nope"], {}, "unknown source id nope"),
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


def test_history_lists_the_alerts_of_a_run(stored: Settings) -> None:
    """history shows each run's alerts: the drifted page and the filing-list mismatch."""
    (run,) = json.loads(runner.invoke(app, ["history", "--json", "--limit", "1"]).stdout)
    kinds = {(a["source_id"], a["kind"]) for a in run["alerts"]}
    assert {("chengdu", "layout_drift"), ("cac", "crosscheck_mismatch")} <= kinds
    human = runner.invoke(app, ["history", "--limit", "1"]).stdout
    assert "alert crosscheck_mismatch [cac]" in human


def test_review_accept_and_reject(stored: Settings) -> None:
    """review lists held figures; accept and reject decide them, once."""
    held = json.loads(runner.invoke(app, ["review", "--json"]).stdout)
    assert held and all(o["status"] == "quarantined" for o in held)
    first = held[0]["id"]
    assert runner.invoke(app, ["review", "accept", str(first), "--note", "checked"]).exit_code == 0
    again = runner.invoke(app, ["review", "accept", str(first)])
    assert again.exit_code != 0 and "not quarantined" in str(again.exception)
    if len(held) > 1:
        second = str(held[1]["id"])
        assert (
            runner.invoke(app, ["review", "reject", second, "--reason", "misread"]).exit_code == 0
        )
    left = json.loads(runner.invoke(app, ["review", "--json"]).stdout)
    assert len(left) == max(len(held) - 2, 0)


def test_reparse_command_reports_counts(stored: Settings) -> None:
    """reparse over an unchanged database adds and retires nothing, and says so."""
    result = runner.invoke(app, ["reparse", "--source", "cnnic"])
    assert result.exit_code == 0
    assert "0 observation(s) added, 0 retired" in result.stdout


SICHUAN_FILE = "jxt.sc.gov.cn/scjxt/wjfb/2025/3/20/4d8e2b7c1a9f4e0b8c3d5f6a7b2e1c9d.shtml"


def test_extract_a_saved_gbk_file(tmp_path: Path) -> None:
    """monitor extract FILE --json prints the figures of a saved GBK page, date found in it."""
    from monitor.mirror import SITES

    result = monitor(["extract", str(SITES / SICHUAN_FILE), "--json"], tmp_path)
    assert result.returncode == 0, result.stderr
    (row,) = json.loads(result.stdout)
    assert row == {
        "metric": "ai_core_industry_scale",
        "jurisdiction": "cn-sc",
        "value": 120000000000,
        "unit": "CNY",
        "as_of": "2024-12-31",
        "qualifier": "eq",
        "precision": None,
        "published_at": "2025-03-20",
        "evidence": row["evidence"],
        "hold": None,
    }
    assert "1200亿元" in row["evidence"]


def test_extract_options_override_date_and_place(tmp_path: Path) -> None:
    """--published re-dates relative periods and --jurisdiction replaces the inferred place."""
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><div><p>去年底，全市人工智能企业超过800家，同比增长12%。</p></div></body></html>",
        encoding="utf-8",
    )
    args = ["extract", str(page), "--json", "--published", "2026-03-01", "--jurisdiction", "cn-tj"]
    (row,) = json.loads(monitor(args, tmp_path).stdout)
    assert (row["as_of"], row["jurisdiction"], row["qualifier"]) == ("2025-12-31", "cn-tj", "gt")


def test_extract_a_url_through_the_mirror(tmp_path: Path, mirror: MirrorServer) -> None:
    """A URL on a source host is fetched (here from the mirror) and read by its scraper."""
    url = "https://www.cnnic.net.cn/n4/2025/0717/c88-11328.html"
    result = monitor(
        ["extract", url, "--json"], tmp_path, MONITOR_MIRROR_URL=mirror.url, MONITOR_FETCH_DELAY="0"
    )
    assert result.returncode == 0, result.stderr
    assert {r["metric"] for r in json.loads(result.stdout)} >= {"internet_users", "genai_users"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "https://example.com/x.html"], "not a configured source host"),
        (["extract", "/nonexistent/page.html"], "cannot read /nonexistent/page.html"),
        (["extract", "x.html", "--published", "2025-13-01"], "--published: expected YYYY-MM-DD"),
        (["extract", "x.html", "--jurisdiction", "Beijing"], "--jurisdiction: 'Beijing'"),
        (["review", "accept", "99999"], "no observation with id 99999"),
        (["reparse", "--since", "yesterday"], "--since: expected YYYY-MM-DD"),
    ],
)
def test_extract_and_review_errors_are_one_line(
    tmp_path: Path, args: list[str], message: str
) -> None:
    """Bad arguments to extract, review and reparse give one clear line and exit 1."""
    result = monitor(args, tmp_path)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]


TARGETS = """
[[target]]
id = "adoption"
metric = "terminal_agent_adoption_rate"
jurisdiction = "cn"
comparator = ">"
value = 70
unit = "%"
deadline = 2027-12-31
proxy = "genai_penetration_rate"
[target.baseline]
value = 17.7
unit = "%"
as_of = 2024-12-31
[target.source]
title = "国务院关于深入实施“人工智能+”行动的意见"
issuer = "国务院"
published = 2025-08-26

[[target]]
id = "filings"
metric = "genai_services_filed"
jurisdiction = "cn"
comparator = ">="
value = 300
unit = "款"
deadline = 2027-12-31
[target.baseline]
value = 100
unit = "款"
as_of = 2024-12-31
[target.source]
title = "t"
issuer = "i"
"""
MANUAL = """metric,jurisdiction,value,unit,as_of,qualifier,source,note
genai_penetration_rate,cn,36.5,%,2025-06-30,,cnnic,第56次报告
genai_penetration_rate,cn,42.8,%,2025-12-31,,cnnic,第57次报告
genai_services_filed,cn,160,款,2025-12-31,,cac,
"""


def test_import_then_assess_from_environment_alone(tmp_path: Path) -> None:
    """A fresh database, a CSV import and targets --as-of reproduce hand-computed statuses."""
    (tmp_path / "targets.toml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "manual.csv").write_text(MANUAL, encoding="utf-8")
    env = {
        "MONITOR_DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.db'}",
        "MONITOR_DATA_DIR": str(tmp_path / "data"),
        "MONITOR_TARGETS_FILE": str(tmp_path / "targets.toml"),
    }
    imported = monitor(["import-observations", str(tmp_path / "manual.csv")], tmp_path, **env)
    assert imported.returncode == 0, imported.stderr
    assert "3 row(s) read, 3 observation(s) added" in imported.stdout
    result = monitor(["targets", "--json", "--as-of", "2026-03-01"], tmp_path, **env)
    assert result.returncode == 0, result.stderr
    by_id = {a["id"]: a for a in json.loads(result.stdout)}
    # Hand-computed in docs/methodology.md: R = 1.505 and 0.900.
    assert by_id["adoption"]["status"] == "on_track"
    assert by_id["adoption"]["ratio"] == pytest.approx(1.505, abs=0.001)
    assert by_id["adoption"]["projected_value"] == pytest.approx(89.11, abs=0.01)
    assert by_id["filings"]["status"] == "acceleration_needed"
    assert by_id["filings"]["ratio"] == pytest.approx(0.900, abs=0.001)
    early = json.loads(
        monitor(["targets", "--json", "--as-of", "2025-07-01"], tmp_path, **env).stdout
    )
    assert {a["id"]: a["latest_value"] for a in early} == {"adoption": 36.5, "filings": None}


def test_bad_targets_file_is_one_line(tmp_path: Path) -> None:
    """A malformed targets.toml stops `monitor targets` with one line naming the problem."""
    (tmp_path / "targets.toml").write_text(TARGETS.replace('"款"', '"EFLOPS"', 1), encoding="utf-8")
    result = monitor(["targets"], tmp_path, MONITOR_TARGETS_FILE=str(tmp_path / "targets.toml"))
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert "target 'filings': value" in line and "is in FLOPS" in line
