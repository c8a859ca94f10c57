"""Storing observations: idempotent, revisions supersede, history kept (both databases)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from monitor.core.contract import Candidate
from monitor.storage import observations
from monitor.storage.models import Observation

PROVENANCE = observations.Provenance(source_id="cnnic", extractor="test", extractor_version="1")


def candidate(
    value: str,
    *,
    as_of: date = date(2025, 6, 30),
    precision: str | None = None,
    metric: str = "genai_users",
    unit: str = "persons",
) -> Candidate:
    return Candidate(
        metric=metric,
        jurisdiction="cn",
        value=Decimal(value),
        unit=unit,
        as_of=as_of,
        evidence=f"用户规模达{value}人。",
        precision=precision,
    )


def store(engine: Engine, *candidates: Candidate) -> int:
    with Session(engine) as session:
        added = observations.record(session, candidates, PROVENANCE)
        session.commit()
    return added


def rows(engine: Engine) -> list[Observation]:
    with Session(engine) as session:
        return list(session.exec(select(Observation).order_by(col(Observation.id))).all())


def test_same_statement_twice_adds_one(engine: Engine) -> None:
    """Recording the same candidate again, in one call or later, adds nothing."""
    assert store(engine, candidate("515000000"), candidate("515000000")) == 1
    assert store(engine, candidate("515000000")) == 0
    assert len(rows(engine)) == 1


def test_revised_value_supersedes_and_keeps_history(engine: Engine) -> None:
    """A new value for the same source, metric, place and date supersedes the old row."""
    store(engine, candidate("515000000"))
    store(engine, candidate("516000000"))
    old, new = rows(engine)
    assert (old.status, old.superseded_by) == ("superseded", new.id)
    assert new.status == "accepted" and new.value == Decimal("516000000")


def test_other_dates_and_precisions_are_separate_points(engine: Engine) -> None:
    """Different as_of dates or precision bases do not supersede each other."""
    store(
        engine,
        candidate("500000000", as_of=date(2024, 12, 31)),
        candidate("515000000"),
        candidate("9e19", metric="compute_intelligent", precision="FP16", unit="FLOPS"),
        candidate("5e19", metric="compute_intelligent", precision="FP8", unit="FLOPS"),
    )
    assert {r.status for r in rows(engine)} == {"accepted"}
