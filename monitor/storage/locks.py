"""The cycle lock: at most one scrape cycle at a time per database, across processes and hosts.

PostgreSQL: a session-level advisory lock held on a dedicated connection, so it dies with the
process that holds it. SQLite: an ``flock`` on a file beside the database file, which the
kernel releases when the process exits.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from sqlalchemy import Engine, text

from monitor.core.errors import MonitorError
from monitor.storage.database import file_lock, sqlite_path

__all__ = ["CycleBusy", "cycle_lock"]

_CYCLE_LOCK_KEY = 0x41492B43  # "AI+C"


class CycleBusy(MonitorError):
    """Another process is running a cycle on this database."""


@contextmanager
def cycle_lock(engine: Engine) -> Iterator[None]:
    """Hold the cycle lock for the block, or raise CycleBusy at once."""
    if engine.url.get_backend_name() == "postgresql":
        with engine.connect() as conn:
            got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": _CYCLE_LOCK_KEY})
            conn.commit()
            if not got.scalar():
                raise CycleBusy("another cycle is running on this database")
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _CYCLE_LOCK_KEY})
                conn.commit()
        return
    path = sqlite_path(engine.url)
    if path is None:
        yield
        return
    with ExitStack() as held:
        try:
            held.enter_context(file_lock(path.with_name(path.name + ".cycle.lock"), wait=False))
        except BlockingIOError:
            raise CycleBusy("another cycle is running on this database") from None
        yield
