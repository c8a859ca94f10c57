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


def test_a_figure_without_a_date_is_held_with_its_reason(engine: Engine) -> None:
    """An unresolvable period is stored held for review, with no date, and once only."""
    held = Candidate(
        metric="genai_users",
        jurisdiction="cn",
        value=Decimal(515000000),
        unit="persons",
        as_of=None,
        evidence="截至6月，用户规模达5.15亿人。",
        hold="no date: the period 6月 is relative and the page has no publication date",
    )
    assert store(engine, held, candidate("600000000")) == 2
    assert store(engine, held) == 0
    (row,) = [r for r in rows(engine) if r.as_of is None]
    assert row.status == "quarantined" and row.status_reason == held.hold
    dated = [r for r in rows(engine) if r.as_of is not None]
    assert [r.status for r in dated] == ["accepted"]
