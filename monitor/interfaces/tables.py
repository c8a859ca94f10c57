"""What the commands print for people: tables and summaries drawn with rich.

Every function takes the plain rows of :mod:`monitor.interfaces.records` (the same rows
``--json`` prints) and returns text. rich measures CJK characters as two columns, so Chinese
evidence lines up; long cells are cut with an ellipsis rather than wrapped.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterable, Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from monitor.core.units import human_value
from monitor.service.demo import DemoResult

__all__ = [
    "demo_text",
    "fetch_text",
    "observations_text",
    "outbox_text",
    "review_text",
    "runs_text",
    "status_text",
    "table",
    "targets_text",
]

Row = dict[str, Any]


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).replace("\n", " ")


def _width() -> int:
    """The terminal's width, or a wide page when the output is a pipe or a file."""
    columns = shutil.get_terminal_size((0, 0)).columns
    return columns if columns >= 40 else 240


def table(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], limits: dict[str, int] | None = None
) -> str:
    """Left-aligned columns; ``limits`` caps a column's width (cut with an ellipsis)."""
    limits = limits or {}
    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, highlight=False)
    for header in headers:
        grid.add_column(header, max_width=limits.get(header, 80), no_wrap=True,
                        overflow="ellipsis")  # fmt: skip
    for row in rows:
        grid.add_row(*(_cell(v) for v in row))
    out = io.StringIO()
    Console(file=out, width=_width(), color_system=None, emoji=False, markup=False).print(grid)
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()).strip("\n")


def runs_text(rows: list[Row]) -> str:
    """Runs with a table of per-source outcomes and the alerts each raised."""
    if not rows:
        return "no runs recorded"
    blocks = []
    for run in rows:
        lines = [
            f"run {run['id']}  {run['status']}  {run['trigger']}  started {run['started_at']}  "
            f"fetches {run['fetches']}  changed {run['pages_changed']}  "
            f"new observations {run['observations_added']}  failed sources {run['sources_failed']}"
        ]
        results = [
            (r["source_id"], r["outcome"], r["fetches"], r["failures"], r["observations_added"],
             r["alerts"], r["error"])
            for r in run["sources"]
        ]  # fmt: skip
        if results:
            headers = ("source", "outcome", "fetches", "failed", "new obs", "alerts", "error")
            lines.append(table(headers, results, {"error": 70}))
        for alert in run.get("alerts", []):
            lines.append(
                f"  alert {alert['kind']} [{alert['source_id']}] fetch {alert['fetch_id']}: "
                f"{alert['message']}"
            )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def observations_text(rows: list[Row]) -> str:
    if not rows:
        return "no observations"
    headers = ("id", "metric", "jurisdiction", "as_of", "value", "qual", "status", "source",
               "evidence")  # fmt: skip
    body = [
        (o["id"], o["metric"], o["jurisdiction"], o["as_of"], human_value(o["value"], o["unit"]),
         o["qualifier"], o["status"], o["source_id"], o["evidence"])
        for o in rows
    ]  # fmt: skip
    return table(headers, body, {"evidence": 60})


def fetch_text(row: Row) -> str:
    """One fetch as ops read it: fields, headers, links and what the page yielded."""
    lines = [f"{k:16} {_cell(v)}" for k, v in row.items() if not isinstance(v, dict | list)]
    lines.append("request headers:")
    lines += [f"  {name}: {value}" for name, value in row["request_headers"].items()]
    lines.append("response headers:")
    lines += [f"  {name}: {value}" for name, value in row["response_headers"].items()]
    lines.append(f"links ({len(row['links'])}):")
    lines += [f"  {link}" for link in row["links"]]
    lines.append(f"observations ({len(row['observations'])}):")
    lines += [
        f"  {o['metric']} {o['jurisdiction']} {o['as_of']} {human_value(o['value'], o['unit'])} "
        f"[{o['qualifier']}] {o['status']}  {o['evidence']}"
        for o in row["observations"]
    ]
    lines.append(f"alerts ({len(row['alerts'])}):")
    lines += [f"  {a['kind']}: {a['message']}" for a in row["alerts"]]
    return "\n".join(lines)


def review_text(rows: list[Row]) -> str:
    if not rows:
        return "nothing waits for review"
    return "\n".join(
        f"{o['id']}  {o['metric']} {o['jurisdiction']} {o['as_of'] or 'no date'} "
        f"{human_value(o['value'], o['unit'])} [{o['qualifier']}] from {o['source_id']}\n"
        f"    held: {o['status_reason']}\n    evidence: {o['evidence']}"
        for o in rows
    )


def targets_text(rows: list[Row]) -> str:
    """Assessments as a table, then the proxy and conflict notes."""
    if not rows:
        return "no targets"

    def amount(value: Any, unit: Any) -> str:
        return human_value(value, unit) if value is not None and unit else "-"

    def rate(row: Row) -> str:
        if row["required_annual_rate"] is None:
            return "-"
        return (f"{row['required_annual_rate']:.3g} vs {row['actual_annual_rate']:.3g} "
                f"{row['rate_unit']}")  # fmt: skip

    body = [
        (r["id"], r["jurisdiction"], r["deadline"],
         f"{r['comparator'] or ''} {amount(r['target_value'], r['unit'])}".strip(),
         f"{amount(r['latest_value'], r['unit'])} ({r['latest_as_of'] or '-'})",
         rate(r), amount(r["projected_value"], r["unit"]), r["status"],
         (r["confidence"] or "-") + (" stale" if r["stale"] else ""))
        for r in rows
    ]  # fmt: skip
    headers = ("target", "where", "deadline", "target value", "latest", "required vs actual",
               "projected", "status", "confidence")  # fmt: skip
    notes = [f"{r['id']}: assessed on the proxy {r['proxy']}" for r in rows if r["proxy"]]
    notes += [
        f"{r['id']}: {len(r['conflicts'])} other figure(s) for the dates used"
        for r in rows
        if r["conflicts"]
    ]
    return table(headers, body) + ("\n\n" + "\n".join(notes) if notes else "")


def outbox_text(rows: list[Row]) -> str:
    if not rows:
        return "the outbox is empty"
    body = [(r["id"], r["report_date"], r["status"], r["attempts"], r["recipients"],
             r["sent_at"] or r["next_attempt_at"], r["last_error"]) for r in rows]  # fmt: skip
    headers = ("id", "report date", "status", "attempts", "to", "sent / next try", "last error")
    return table(headers, body, {"to": 40, "last error": 60})


def status_text(report: Row) -> str:
    """``monitor status`` for people: health, schedule, last run, workers, problems."""
    run = report["last_run"]
    lines = [
        f"health           {'ok' if report['healthy'] else 'UNHEALTHY'}",
        f"next run         {report['next_scheduled_run'] or 'not scheduled (no worker has run)'}",
        "last run         " + (
            f"{run['id']} {run['status']} ({run['trigger']}, {run['worker']}) started "
            f"{run['started_at']}, {run['sources_failed']} failing source(s)" if run else "none"
        ),
        f"outbox backlog   {report['outbox_backlog']} queued",
    ]  # fmt: skip
    lines += [f"worker           {w['name']} {w['state']}, heartbeat {w['age_seconds']} s ago"
              for w in report["workers"]]  # fmt: skip
    lines += [f"problem          {p}" for p in report["problems"]]
    return "\n".join(lines)


def demo_text(demo: DemoResult) -> str:
    """What ``monitor demo`` did: the run, every fetch, the stored figures, the report."""
    run = demo.daily.run
    lines = [
        f"mirror served on {demo.mirror_url}; database {demo.database}",
        f"run {run.id}: {run.status}, {run.fetches} fetches, {run.pages_changed} changed pages, "
        f"{run.observations_added} new observations, {run.sources_failed} failing sources",
        "",
        table(
            ("fetch", "source", "outcome", "status", "changed", "parse", "url"),
            [
                (f.id, f.source_id, f.outcome, f.status_code, f.changed, f.parse_status, f.url)
                for f in demo.fetches
            ],
            {"url": 90},
        ),  # fmt: skip
        "",
        f"{len(demo.accepted)} accepted observations in the database:",
        table(
            ("metric", "jurisdiction", "as_of", "value", "qual", "source"),
            [
                (
                    o.metric,
                    o.jurisdiction,
                    o.as_of,
                    human_value(o.value, o.unit),
                    o.qualifier,
                    o.source_id,
                )
                for o in demo.accepted
            ],
        ),  # fmt: skip
        "",
        "next: `monitor history`, `monitor targets`, `monitor review`, `monitor show-fetch ID`",
    ]
    report = demo.daily.report
    if report is not None:
        if report.delivery is not None:
            sent, queued = report.delivery.sent, report.delivery.failed
            lines.append(f"report sent {sent}, still queued {queued}: see `monitor outbox`")
        lines += [f"report: {report.subject}", str(report.html_path)]
    return "\n".join(lines)
