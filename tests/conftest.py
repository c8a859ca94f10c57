"""Shared fixtures: settings isolated from the developer's environment, databases, servers.

Database tests take the ``engine`` fixture, which runs each test on SQLite and, when
``MONITOR_TEST_POSTGRES_URL`` is set, again on PostgreSQL in a schema of its own.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, make_url, text

from monitor.core.settings import Settings
from monitor.mirror import MirrorServer
from monitor.storage.database import open_database
from tests.support.httpserver import ScriptedServer

POSTGRES_URL = os.environ.get("MONITOR_TEST_POSTGRES_URL")
FIXTURES = Path(__file__).parent / "fixtures"
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not POSTGRES_URL, reason="MONITOR_TEST_POSTGRES_URL not set"),
    ),
]


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the developer's MONITOR_* variables or a stray .env file."""
    for name in list(os.environ):
        if name.startswith("MONITOR_") and name != "MONITOR_TEST_POSTGRES_URL":
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    """Settings for tests: a temporary data dir, no politeness delay, quick retries."""

    def build(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "data_dir": tmp_path / "data",
            "fetch_delay": 0.0,
            "retry_attempts": 3,
            "retry_wait_initial": 0.01,
            "retry_wait_max": 0.05,
            "connect_timeout": 2.0,
            "read_timeout": 2.0,
        }
        values.update(overrides)
        return Settings(**values)

    return build


@pytest.fixture
def postgres_schema_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    assert POSTGRES_URL
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgresql":
        return str(request.getfixturevalue("postgres_schema_url"))
    return f"sqlite:///{tmp_path / 'data' / 'monitor.db'}"


@pytest.fixture
def db_settings(make_settings: Callable[..., Settings], database_url: str) -> Settings:
    return make_settings(database_url=database_url)


@pytest.fixture
def engine(db_settings: Settings) -> Iterator[Engine]:
    engine = open_database(db_settings)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def mirror() -> Iterator[MirrorServer]:
    with MirrorServer() as server:
        yield server


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    scripted = ScriptedServer().start()
    yield scripted
    scripted.stop()
