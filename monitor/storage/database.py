"""Opening the database: engine, connectivity check, and migration to the current schema.

``open_database`` is what every command calls. It creates the engine, proves the server
answers, and brings an empty or older schema up to head while holding a lock, so two
processes starting at once never migrate together: a PostgreSQL transaction-level advisory
lock, or on SQLite an ``flock`` on a file beside the database.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from monitor.core.errors import StorageError
from monitor.core.settings import Settings

__all__ = [
    "MIGRATIONS",
    "alembic_config",
    "create_db_engine",
    "current_revision",
    "display_url",
    "ensure_data_dir",
    "file_lock",
    "head_revision",
    "open_database",
    "sqlite_path",
    "upgrade",
]

MIGRATIONS = Path(__file__).parent / "migrations"
# Any constant will do; it only has to be the same for every process of this service.
_MIGRATION_LOCK_KEY = 0x41492B4D  # "AI+M"


def display_url(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def _short(exc: BaseException) -> str:
    """The first line of a driver error, without SQLAlchemy's background links."""
    original = getattr(exc, "orig", None) or exc
    return str(original).strip().splitlines()[0] if str(original).strip() else type(exc).__name__


def sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def ensure_data_dir(settings: Settings) -> Path:
    """Create the data directory and prove it is writable, or say why not in one line."""
    path = settings.data_dir
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise StorageError(
            f"data directory {path} is not writable: {exc.strerror or exc}"
        ) from None
    return path


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
    # WAL lets ops read history while a run writes; the busy timeout rides out short locks.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    # Safe with WAL: a crash loses no committed page; only power loss may drop the last few.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_db_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(
                    f"cannot create the directory of {path}: {exc.strerror or exc}"
                ) from None
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    except ModuleNotFoundError as exc:
        raise StorageError(
            f"{display_url(url)} needs the {exc.name} driver: "
            "pip install 'aiplus-monitor[postgres]'"
        ) from None


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@contextmanager
def file_lock(path: Path, *, wait: bool = True) -> Iterator[None]:
    """An exclusive ``flock`` on ``path``; without ``wait``, BlockingIOError when it is held.

    The kernel drops it when the process dies, so a crash never leaves it behind.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def upgrade(engine: Engine) -> bool:
    """Bring the schema to head under the migration lock; return whether anything ran."""
    head = head_revision()
    if current_revision(engine) == head:
        return False
    path = sqlite_path(engine.url)
    if engine.url.get_backend_name() == "sqlite":
        lock = file_lock(path.with_name(path.name + ".migrate.lock")) if path else nullcontext()
        with lock, engine.begin() as conn:
            return _upgrade_on(conn, head)
    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK_KEY})
        return _upgrade_on(conn, head)


def _upgrade_on(conn: object, head: str | None) -> bool:
    # Re-read under the lock: another process may have migrated while we waited.
    if MigrationContext.configure(conn).get_current_revision() == head:  # type: ignore[arg-type]
        return False
    config = alembic_config()
    config.attributes["connection"] = conn
    command.upgrade(config, "head")
    return True


def open_database(settings: Settings, *, migrate: bool = True) -> Engine:
    """Engine for the configured database, reachable and at the current schema."""
    url = settings.sqlalchemy_url
    if sqlite_path(url) is not None and settings.database_url is None:
        ensure_data_dir(settings)
    engine = create_db_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        if migrate:
            upgrade(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise StorageError(f"cannot use database {display_url(url)}: {_short(exc)}") from None
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StorageError(f"database {display_url(url)}: {_short(exc)}") from None
    return engine
