"""Raw response bodies, content-addressed by SHA-256, compressed, stored once in the database.

Keeping them in the database (not beside it) means one backup holds everything, and a
snapshot can never be orphaned from the fetch that links to it.
"""

from __future__ import annotations

import hashlib
import zlib

from sqlmodel import Session, col, select

from monitor.core.errors import StorageError
from monitor.storage.models import Snapshot, utcnow

__all__ = ["digest", "load", "store"]


def digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def store(session: Session, body: bytes, content_type: str = "") -> tuple[str, bool]:
    """Add ``body`` if it is new; return its hash and whether it was new. Caller commits."""
    sha = digest(body)
    if session.get(Snapshot, sha) is not None:
        return sha, False
    session.add(
        Snapshot(
            sha256=sha,
            size=len(body),
            content_type=content_type[:255],
            compression="zlib",
            data=zlib.compress(body, 6),
            first_seen_at=utcnow(),
        )
    )
    session.flush()  # the fetch row that links to it references it by foreign key
    return sha, True


def load(session: Session, sha: str) -> tuple[Snapshot, bytes]:
    """The snapshot row and its raw bytes, verified against the hash."""
    snapshot = session.get(Snapshot, sha)
    if snapshot is None:
        matches = _by_prefix(session, sha)
        if len(matches) != 1:
            what = "no snapshot" if not matches else f"{len(matches)} snapshots"
            raise StorageError(f"{what} with hash {sha!r}")
        snapshot = matches[0]
    body = zlib.decompress(snapshot.data) if snapshot.compression == "zlib" else snapshot.data
    if digest(body) != snapshot.sha256:
        raise StorageError(f"snapshot {snapshot.sha256} is corrupt: its content hash differs")
    return snapshot, body


def _by_prefix(session: Session, prefix: str) -> list[Snapshot]:
    if len(prefix) < 8:
        return []
    return list(session.exec(select(Snapshot).where(col(Snapshot.sha256).startswith(prefix))).all())
