"""Alembic environment: migrations run on a connection handed in by monitor.storage.database."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import monitor.storage.models  # noqa: F401  (registers the tables on SQLModel.metadata)

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `monitor db upgrade`, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    # SQLite cannot ALTER most things; batch mode rebuilds tables instead.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
