"""Report rendering time: 100 targets with ten years of quarterly observations (budget < 2 s).

Builds a throwaway SQLite database with 100 numeric targets and 40 observations each, then
times gathering, charting and rendering the report in both forms (file and email), as the
daily job does. Usage: python bench/report_render.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import Session  # noqa: E402

from monitor.core.settings import Settings  # noqa: E402
from monitor.reporting.publish import produce  # noqa: E402
from monitor.storage.database import open_database  # noqa: E402
from monitor.storage.models import Observation  # noqa: E402

TARGETS = 100
YEARS = 10


def targets_toml() -> str:
    tables = []
    for i in range(TARGETS):
        tables.append(f"""
[[target]]
id = "t{i:03d}"
metric = "ai_enterprises"
jurisdiction = "cn-x{chr(97 + i % 26)}"
comparator = ">="
value = {2000 + i * 10}
unit = "家"
deadline = 2027-12-31
[target.source]
title = "bench"
issuer = "bench"
published = 2016-01-01
""")
    return "".join(tables)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "targets.toml").write_text(targets_toml(), encoding="utf-8")
        settings = Settings(data_dir=root / "data", targets_file=root / "targets.toml")
        engine = open_database(settings)
        start_day = date(2016, 3, 31)
        with Session(engine) as session:
            for i in range(TARGETS):
                for q in range(YEARS * 4):
                    day = start_day + timedelta(days=91 * q)
                    session.add(Observation(
                        key=f"{i}-{q}", metric="ai_enterprises",
                        jurisdiction=f"cn-x{chr(97 + i % 26)}", value=Decimal(1000 + 25 * q + i),
                        unit="count", as_of=day, published_at=day, source_id=f"s{i}",
                        evidence="bench", extractor="bench", extractor_version="1",
                        created_at=datetime.now(UTC),
                    ))  # fmt: skip
            session.commit()
        started = time.perf_counter()
        result = produce(engine, settings, date(2026, 11, 23), send=False)
        elapsed = time.perf_counter() - started
        size = result.eml_path.stat().st_size
    print(f"targets                {TARGETS} (x{YEARS * 4} observations, 26 jurisdictions)")
    print(
        f"report produced in     {elapsed:.2f} s (budget < 2 s: gather, 2 renders, charts, archive)"
    )
    print(f"email size             {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
