"""Opening and migrating the database, on SQLite and PostgreSQL, and its failure messages."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect
from sqlmodel import Session

from monitor.core.errors import ConfigError, StorageError
from monitor.core.settings import Settings, load_settings
from monitor.storage.database import current_revision, head_revision, open_database, upgrade
from monitor.storage.models import ScrapeRun, Snapshot

TABLES = {"sources", "scrape_runs", "source_results", "fetches", "snapshots", "observations"}


def test_empty_database_is_migrated_to_head(engine: Engine) -> None:
    """Opening an empty database creates every table at the head revision."""
    assert set(inspect(engine).get_table_names()) >= TABLES
    assert current_revision(engine) == head_revision()


def test_upgrade_twice_is_a_no_op(engine: Engine) -> None:
    """A database already at head is left alone."""
    assert upgrade(engine) is False


def test_timestamps_round_trip_as_aware_utc(engine: Engine) -> None:
    """An aware timestamp in any zone comes back as the same instant in UTC."""
    shanghai = timezone(timedelta(hours=8))
    started = datetime(2026, 3, 17, 19, 36, tzinfo=shanghai)
    with Session(engine) as session:
        run = ScrapeRun(started_at=started, trigger="test")
        session.add(run)
        session.commit()
        run_id = run.id
    with Session(engine) as session:
        loaded = session.get(ScrapeRun, run_id)
        assert loaded is not None
        assert loaded.started_at.tzinfo is not None
        assert loaded.started_at == started
        assert loaded.started_at.utcoffset() == timedelta(0)


def test_naive_timestamps_are_refused(engine: Engine) -> None:
    """Writing a naive datetime fails instead of guessing its zone."""
    with Session(engine) as session:
        session.add(Snapshot(sha256="0" * 64, size=0, data=b"", first_seen_at=datetime(2026, 1, 1)))
        with pytest.raises(Exception, match="timezone-aware"):
            session.commit()


def test_concurrent_upgrades_do_not_collide(database_url: str, tmp_path: Path) -> None:
    """Three processes migrating one fresh database at once all succeed, migrating it once."""
    env = {"MONITOR_DATABASE_URL": database_url, "MONITOR_DATA_DIR": str(tmp_path / "d")}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "monitor", "db", "upgrade"],
            env={**env, "PATH": "/usr/bin:/bin"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outputs
    assert all(head_revision() in out for out, _ in outputs)


def test_decimal_values_are_exact(engine: Engine) -> None:
    """A value like 2.8e20 FLOPS is stored and read back exactly."""
    from monitor.storage.models import Observation

    value = Decimal("280000000000000000000")
    with Session(engine) as session:
        obs = Observation(
            key="k",
            metric="compute_total",
            jurisdiction="cn",
            value=value,
            unit="FLOPS",
            as_of=datetime(2025, 6, 30).date(),
            source_id="t",
            evidence="e",
            extractor="x",
            extractor_version="1",
            created_at=datetime.now(UTC),
        )
        session.add(obs)
        session.commit()
        obs_id = obs.id
    with Session(engine) as session:
        loaded = session.get(Observation, obs_id)
        assert loaded is not None and loaded.value == value


def test_unreachable_postgres_is_one_line(make_settings: Callable[..., Settings]) -> None:
    """A database server that does not answer gives a StorageError naming the URL, no password."""
    settings = make_settings(database_url="postgresql+psycopg://u:secret@127.0.0.1:1/none")
    with pytest.raises(StorageError) as caught:
        open_database(settings)
    message = str(caught.value)
    assert "127.0.0.1:1" in message and "secret" not in message and "\n" not in message


def test_postgres_without_its_driver_says_what_to_install(
    make_settings: Callable[..., Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A SQLite-only install asked for PostgreSQL names the extra to install, in one line."""
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if it were not installed
    settings = make_settings(database_url="postgresql+psycopg://u:secret@127.0.0.1:1/none")
    with pytest.raises(StorageError) as caught:
        open_database(settings)
    message = str(caught.value)
    assert "aiplus-monitor[postgres]" in message and "psycopg" in message
    assert "secret" not in message and "\n" not in message


@pytest.mark.parametrize(
    ("url", "reason"),
    [("not a url", "not a database URL"), ("mysql://u@h/db", "unsupported database")],
)
def test_invalid_database_url_is_config_error(
    monkeypatch: pytest.MonkeyPatch, url: str, reason: str
) -> None:
    """MONITOR_DATABASE_URL that is not a usable URL fails with the variable named."""
    monkeypatch.setenv("MONITOR_DATABASE_URL", url)
    with pytest.raises(ConfigError, match=f"MONITOR_DATABASE_URL: .*{reason}"):
        load_settings()


def test_unwritable_data_dir_is_storage_error(
    make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    """A data directory that cannot be created gives a StorageError naming it."""
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StorageError, match="data directory .*file/data is not writable"):
        open_database(make_settings(data_dir=blocker / "data"))


def test_migrations_build_exactly_the_models(engine: Engine) -> None:
    """The schema the migrations create is the one the models describe: no drift."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []
