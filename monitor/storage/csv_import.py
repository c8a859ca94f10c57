"""``monitor import-observations``: figures added by hand from a CSV, with provenance ``manual``.

Header: ``metric,jurisdiction,value,unit,as_of,qualifier,source,note`` (qualifier, source and
note may be empty). Every row is checked first; one bad row rejects the whole file with the
line number and reason of every bad row. Rows pass the same validation as scraped figures,
and importing the same file twice adds nothing.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from monitor.core.catalogue import METRICS
from monitor.core.contract import Candidate
from monitor.core.errors import ConfigError, ParseError
from monitor.core.places import SLUG
from monitor.core.units import quantity
from monitor.storage import observations

__all__ = ["HEADER", "QUALIFIERS", "import_observations", "read_rows"]

HEADER = ["metric", "jurisdiction", "value", "unit", "as_of", "qualifier", "source", "note"]
QUALIFIERS = ("eq", "gt", "approx", "lt", "estimate")


def _row(line: int, row: dict[str, str]) -> tuple[Candidate, str, str | None]:
    metric = METRICS.get(row["metric"].strip())
    if metric is None:
        raise ValueError(f"unknown metric {row['metric']!r}")
    jurisdiction = row["jurisdiction"].strip()
    if not SLUG.fullmatch(jurisdiction):
        raise ValueError(f"jurisdiction {jurisdiction!r} is not a slug like cn-sh")
    try:
        value, unit = quantity(row["value"].strip(), row["unit"].strip() or None)
    except ParseError as exc:
        raise ValueError(str(exc)) from None
    if unit != metric.unit:
        raise ValueError(f"unit {row['unit']!r} gives {unit}, but {metric.id} is in {metric.unit}")
    try:
        as_of = date.fromisoformat(row["as_of"].strip())
    except ValueError:
        raise ValueError(f"as_of {row['as_of']!r} is not YYYY-MM-DD") from None
    qualifier = row["qualifier"].strip() or "eq"
    if qualifier not in QUALIFIERS:
        raise ValueError(f"qualifier {qualifier!r} is not one of {', '.join(QUALIFIERS)}")
    source = row["source"].strip() or "manual"
    note = row["note"].strip() or None
    evidence = f"manual import, line {line}" + (f": {note}" if note else "")
    candidate = Candidate(metric.id, jurisdiction, value, unit, as_of, evidence, qualifier)
    return candidate, source, note


def read_rows(path: Path) -> list[tuple[Candidate, str, str | None]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the CSV: {exc}") from None
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or [f.strip() for f in reader.fieldnames] != HEADER:
        raise ConfigError(f"{path}: the header must be {','.join(HEADER)}")
    rows, problems = [], []
    for line, raw in enumerate(reader, start=2):
        if None in raw or any(v is None for v in raw.values()):
            problems.append(f"line {line}: expected {len(HEADER)} fields")
            continue
        try:
            rows.append(_row(line, raw))
        except ValueError as exc:
            problems.append(f"line {line}: {exc}")
    if problems:
        raise ConfigError(f"{path}: nothing imported; " + "; ".join(problems))
    return rows


def import_observations(engine: Engine, path: Path) -> tuple[int, int]:
    """Import the file in one transaction; return (rows read, observations added)."""
    rows = read_rows(path)
    added = 0
    with Session(engine) as session:
        for candidate, source, note in rows:
            provenance = observations.Provenance(
                source_id=source, extractor="manual", extractor_version="1", note=note
            )
            added += observations.record(session, [candidate], provenance)
        session.commit()
    return len(rows), added
