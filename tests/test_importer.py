"""Manual observations from CSV: all-or-nothing, validated, idempotent (both databases)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from monitor.core.errors import ConfigError
from monitor.storage.csv_import import import_observations
from monitor.storage.models import Observation

HEADER = "metric,jurisdiction,value,unit,as_of,qualifier,source,note\n"


def csv(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "manual.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def stored(engine: Engine) -> list[Observation]:
    with Session(engine) as session:
        return list(session.exec(select(Observation)).all())


def test_import_adds_manual_observations_once(engine: Engine, tmp_path: Path) -> None:
    """Rows become observations with provenance manual; importing again adds nothing."""
    path = csv(
        tmp_path,
        "ai_core_industry_scale,cn-sc,1200,亿元,2024-12-31,,,省经信厅年报\n"
        "genai_penetration_rate,cn,36.5,%,2025-06-30,eq,cnnic-manual,\n",
    )
    assert import_observations(engine, path) == (2, 2)
    assert import_observations(engine, path) == (2, 0)
    rows = {o.metric: o for o in stored(engine)}
    scale = rows["ai_core_industry_scale"]
    assert (scale.source_id, scale.extractor, scale.note) == ("manual", "manual", "省经信厅年报")
    assert scale.value == 120000000000 and scale.unit == "CNY"
    assert rows["genai_penetration_rate"].source_id == "cnnic-manual"


def test_bad_rows_reject_the_whole_file(engine: Engine, tmp_path: Path) -> None:
    """Every bad row is reported with its line, and no row is imported."""
    path = csv(
        tmp_path,
        "ai_core_industry_scale,cn-sc,1200,亿元,2024-12-31,,,\n"
        "ai_nonsense,cn,1,个,2024-12-31,,,\n"
        "genai_users,cn,5.15,亿元,2025-06-30,,,\n"
        "genai_users,cn,5.15亿,人,30/06/2025,,,\n"
        "genai_users,cn,5.15亿,人,2025-06-30,roughly,,\n",
    )
    with pytest.raises(ConfigError) as caught:
        import_observations(engine, path)
    message = str(caught.value)
    assert "nothing imported" in message
    for fragment in (
        "line 3: unknown metric",
        "line 4: unit",
        "line 5: as_of",
        "line 6: qualifier",
    ):
        assert fragment in message
    assert stored(engine) == []


def test_imported_rows_are_validated(engine: Engine, tmp_path: Path) -> None:
    """A hand-entered figure that breaks a rule is quarantined like a scraped one."""
    path = csv(tmp_path, "genai_penetration_rate,cn,365,%,2025-06-30,,,typo\n")
    import_observations(engine, path)
    (row,) = stored(engine)
    assert row.status == "quarantined" and "plausible range" in (row.status_reason or "")


def test_wrong_header_is_refused(engine: Engine, tmp_path: Path) -> None:
    """A CSV without the expected header is refused before any row is read."""
    path = tmp_path / "x.csv"
    path.write_text("metric,value\nai_enterprises,5\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="the header must be metric,jurisdiction"):
        import_observations(engine, path)
