"""Every worked example in docs/methodology.md, run through the real loader and assessment."""

from __future__ import annotations

import re
import tomllib
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from monitor.assessment.assess import assess_all
from monitor.assessment.targets_file import load_targets
from monitor.storage.models import Observation

DOC = Path(__file__).parent.parent / "docs" / "methodology.md"
EXAMPLES = [
    tomllib.loads(block)
    for block in re.findall(r"```toml example\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
]
# A metric of each kind, with the unit targets.toml writes its values in.
METRIC_OF_KIND = {
    "share": ("genai_penetration_rate", "%"),
    "level": ("genai_users", "人"),
    "cumulative": ("genai_services_filed", "款"),
}
CANONICAL = {"%": "percent", "人": "persons", "款": "count"}


def targets_file(tmp_path: Path, example: dict[str, Any]) -> Path:
    metric, unit = METRIC_OF_KIND[example["kind"]]
    kind = example.get("target_kind", "numeric")
    lines = [
        "[[target]]", 'id = "example"', f'metric = "{metric}"', 'jurisdiction = "cn"',
        f'kind = "{kind}"', f"deadline = {example['deadline'].isoformat()}",
        'description = "worked example"',
    ]  # fmt: skip
    if kind == "numeric":
        lines += [f'comparator = "{example["comparator"]}"', f"value = {example['target']}",
                  f'unit = "{unit}"']  # fmt: skip
    if "baseline" in example:
        day, value = example["baseline"]
        lines += ["[target.baseline]", f"value = {value}", f'unit = "{unit}"',
                  f"as_of = {day.isoformat()}"]  # fmt: skip
    lines += ["[target.source]", 'title = "docs/methodology.md"', 'issuer = "test"',
              "published = 2000-01-01"]  # fmt: skip
    path = tmp_path / "targets.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def store_points(engine: Engine, example: dict[str, Any]) -> None:
    metric, unit = METRIC_OF_KIND[example["kind"]]
    with Session(engine) as session:
        for index, (day, value) in enumerate(example["points"]):
            session.add(Observation(
                key=f"example-{index}", metric=metric, jurisdiction="cn",
                value=Decimal(str(value)), unit=CANONICAL[unit], as_of=day, published_at=day,
                source_id="example", evidence="worked example", extractor="test",
                extractor_version="1", created_at=datetime.now(UTC),
            ))  # fmt: skip
        session.commit()


@pytest.mark.parametrize(
    "example", EXAMPLES, ids=[f"{i}-{e['status']}" for i, e in enumerate(EXAMPLES)]
)
def test_worked_example(engine: Engine, tmp_path: Path, example: dict[str, Any]) -> None:
    """The method gives the documented status, ratio, projection and growth for the example."""
    store_points(engine, example)
    declared = load_targets(targets_file(tmp_path, example))
    (result,) = assess_all(engine, declared, example["today"])
    assert result.status == example["status"]
    if "ratio" in example:
        assert result.ratio == pytest.approx(example["ratio"], abs=0.001)
    if "projected" in example:
        assert result.projected_value == pytest.approx(example["projected"], abs=0.01)
    if "growth_rate" in example:
        assert result.growth_rate == pytest.approx(example["growth_rate"], abs=0.001)
    if example["status"] in ("met", "missed", "awaiting_data"):
        assert result.projected_value is None and result.ratio is None


def test_every_status_has_an_example() -> None:
    """docs/methodology.md shows each status the method can give."""
    statuses = {e["status"] for e in EXAMPLES}
    assert statuses == {
        "achieved", "on_track", "acceleration_needed", "limited_progress", "moving_away",
        "insufficient_data", "no_data", "met", "missed", "awaiting_data", "qualitative",
        "rising", "stagnating", "falling",
    }  # fmt: skip


def test_as_of_ignores_later_publications(engine: Engine, tmp_path: Path) -> None:
    """--as-of D leaves out figures published after D, so an old assessment can be redone."""
    example = {"kind": "cumulative", "comparator": ">=", "target": 50,
               "deadline": date(2027, 12, 31),
               "points": [[date(2024, 12, 31), 30], [date(2025, 12, 31), 52]]}  # fmt: skip
    store_points(engine, example)
    declared = load_targets(targets_file(tmp_path, example))
    (before,) = assess_all(engine, declared, date(2025, 6, 30))
    (after,) = assess_all(engine, declared, date(2026, 1, 15))
    assert (before.status, before.latest_value) == ("insufficient_data", 30.0)
    assert (after.status, after.latest_value) == ("achieved", 52.0)


def test_conflicting_sources_use_the_latest_published_and_list_the_other(
    engine: Engine, tmp_path: Path
) -> None:
    """Two accepted figures for one date: the later-published one is used, the other listed."""
    example = {"kind": "cumulative", "comparator": ">=", "target": 500,
               "deadline": date(2027, 12, 31), "points": [[date(2024, 12, 31), 300]]}  # fmt: skip
    store_points(engine, example)
    with Session(engine) as session:
        for key, source, value, published in (
            ("a", "cac", 346, date(2025, 4, 30)),
            ("b", "govcn", 340, date(2025, 5, 20)),
        ):
            session.add(Observation(
                key=key, metric="genai_services_filed", jurisdiction="cn", value=Decimal(value),
                unit="count", as_of=date(2025, 3, 31), published_at=published, source_id=source,
                evidence="e", extractor="t", extractor_version="1", created_at=datetime.now(UTC),
            ))  # fmt: skip
        session.commit()
    declared = load_targets(targets_file(tmp_path, example))
    (result,) = assess_all(engine, declared, date(2025, 6, 1))
    assert result.latest_value == 340.0
    assert [(c["source_id"], c["value"]) for c in result.conflicts] == [("cac", 346.0)]
