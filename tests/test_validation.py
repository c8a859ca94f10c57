"""Validation holds doubtful figures for review, and review decides (both databases)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from monitor.core.contract import Candidate
from monitor.core.errors import ConfigError
from monitor.storage import observations, review
from monitor.storage.models import Observation

Point = tuple[str, str, str, str, str]  # source, metric, value, unit, as_of


def store(engine: Engine, *points: Point) -> None:
    for source, metric, value, unit, as_of in points:
        candidate = Candidate(
            metric=metric,
            jurisdiction="cn",
            value=Decimal(value),
            unit=unit,
            as_of=date.fromisoformat(as_of),
            evidence=f"{metric} {value}",
        )
        provenance = observations.Provenance(source_id=source, extractor="t", extractor_version="1")
        with Session(engine) as session:
            observations.record(session, [candidate], provenance)
            session.commit()


def last(engine: Engine) -> Observation:
    with Session(engine) as session:
        return session.exec(select(Observation).order_by(col(Observation.id).desc())).first()  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("history", "new", "reason"),
    [
        (
            [],
            ("cnnic", "genai_penetration_rate", "136.5", "percent", "2025-06-30"),
            "outside the plausible range",
        ),
        ([], ("cnnic", "genai_users", "515000000", "count", "2025-06-30"), "does not fit"),
        (
            [("cnnic", "internet_users", "1108000000", "persons", "2024-12-31")],
            ("cnnic", "internet_users", "1900000000", "persons", "2025-06-30"),
            "outside the plausible",
        ),
        (
            [("cnnic", "genai_users", "249000000", "persons", "2024-12-31")],
            ("cnnic", "genai_users", "515000000", "persons", "2025-06-30"),
            "jumps +107%",
        ),
        (
            [("cnnic", "genai_users", "515000000", "persons", "2025-06-30")],
            ("cnnic", "genai_users", "249000000", "persons", "2024-12-31"),
            "+107% jump from it",
        ),
        (
            [("cac", "genai_services_filed", "346", "count", "2025-03-31")],
            ("cac", "genai_services_filed", "302", "count", "2025-06-30"),
            "decreases",
        ),
        (
            [("cac", "genai_services_filed", "302", "count", "2025-06-30")],
            ("cac", "genai_services_filed", "346", "count", "2025-03-31"),
            "exceeds the later",
        ),
        (
            [("miit", "ai_enterprises", "5000", "count", "2025-06-30")],
            ("govcn", "ai_enterprises", "5400", "count", "2025-06-30"),
            "disagrees by 7%",
        ),
    ],
    ids=[
        "range",
        "unit",
        "range-level",
        "jump",
        "jump-arriving-late",
        "decrease",
        "exceeds-later",
        "disagreement",
    ],
)
def test_doubtful_figures_are_quarantined_with_reason(
    engine: Engine, history: list[Point], new: Point, reason: str
) -> None:
    """Each rule holds the new figure as quarantined and says why."""
    store(engine, *history)
    store(engine, new)
    held = last(engine)
    assert held.status == "quarantined"
    assert reason in (held.status_reason or "")


@pytest.mark.parametrize(
    ("history", "new"),
    [
        (
            [("miit", "ai_enterprises", "5000", "count", "2025-06-30")],
            ("govcn", "ai_enterprises", "5200", "count", "2025-06-30"),
        ),
        (
            [("cnnic", "internet_users", "1108000000", "persons", "2024-12-31")],
            ("cnnic", "internet_users", "1123000000", "persons", "2025-06-30"),
        ),
        (
            [("cac", "genai_services_filed", "302", "count", "2024-12-31")],
            ("cac", "genai_services_filed", "346", "count", "2025-03-31"),
        ),
        (
            [("cac", "genai_services_filed", "302", "count", "2024-12-31")],
            ("cac", "genai_services_filed", "310", "count", "2024-12-31"),
        ),
    ],
    ids=["sources-within-5%", "steady-level", "growing-count", "same-source-revision"],
)
def test_plausible_figures_are_accepted(engine: Engine, history: list[Point], new: Point) -> None:
    """Figures within every rule are accepted at once."""
    store(engine, *history)
    store(engine, new)
    assert last(engine).status == "accepted"


def test_accepting_a_revision_supersedes_the_old_figure(engine: Engine) -> None:
    """Accepting a held revision supersedes the same source's earlier figure for that point."""
    store(
        engine,
        ("cnnic", "genai_users", "249000000", "persons", "2024-12-31"),
        ("cnnic", "genai_users", "515000000", "persons", "2025-06-30"),
    )
    held = last(engine)
    assert held.id is not None
    assert [o.id for o in review.waiting(engine)] == [held.id]
    decided = review.accept(engine, held.id, "CNNIC 56th report confirms it")
    assert decided.status == "accepted"
    assert "accepted by review" in (decided.status_reason or "")
    assert "jumps" in (decided.status_reason or "")
    assert review.waiting(engine) == []


def test_rejecting_needs_a_reason_and_keeps_the_row(engine: Engine) -> None:
    """A rejection without a reason is refused; with one, the row stays, marked rejected."""
    store(engine, ("cnnic", "genai_penetration_rate", "365", "percent", "2025-06-30"))
    held = last(engine)
    assert held.id is not None
    with pytest.raises(ConfigError, match="needs a reason"):
        review.reject(engine, held.id, " ")
    review.reject(engine, held.id, "misread 36.5 as 365")
    assert last(engine).status == "rejected"
    with pytest.raises(ConfigError, match="is rejected, not quarantined"):
        review.accept(engine, held.id)
