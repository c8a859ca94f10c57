"""Plain-text tables for the terminal (the JSON forms need no help)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any


def width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def clip(text: str, limit: int) -> str:
    if width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = width(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).replace("\n", " ")


def table(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], limits: dict[str, int] | None = None
) -> str:
    """Left-aligned columns separated by two spaces."""
    limits = limits or {}
    body = [
        [clip(cell(v), limits.get(h, 80)) for h, v in zip(headers, row, strict=True)]
        for row in rows
    ]
    widths = [max([width(h)] + [width(r[i]) for r in body]) for i, h in enumerate(headers)]
    lines = []
    for row in [list(headers), *body]:
        lines.append(
            "  ".join(v + " " * (w - width(v)) for v, w in zip(row, widths, strict=True)).rstrip()
        )
    return "\n".join(lines)


def _short(number: float) -> str:
    """Up to four significant digits, never in exponent form."""
    text = f"{number:.4g}"
    return f"{number:,.0f}" if "e" in text else text


def human_value(value: Any, unit: str, *, western: bool = False) -> str:
    """9e19 FLOPS -> 90 EFLOPS; 1.123e9 persons -> 11.23亿 persons (or 1.123 bn persons)."""
    number = float(value)
    if unit == "FLOPS" and number >= 1e15:
        return (
            f"{_short(number / 1e18)} EFLOPS"
            if number >= 1e18
            else f"{_short(number / 1e15)} PFLOPS"
        )
    scaled = unit in ("persons", "CNY", "count")
    steps = (
        ((1e12, " tn"), (1e9, " bn"), (1e6, " m"))
        if western
        else ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
    )
    for size, word in steps:
        if scaled and number >= size and (unit != "count" or size <= 1e4 or western):
            return f"{_short(number / size)}{word} {unit}"
    return f"{_short(number)} {unit}"


Row = dict[str, Any]


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
    lines = [f"{k:16} {cell(v)}" for k, v in row.items() if not isinstance(v, dict | list)]
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
        f"{o['id']}  {o['metric']} {o['jurisdiction']} {o['as_of']} "
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
