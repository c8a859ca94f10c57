"""alerts, alert counts per source result, and the fetch that linked to each page

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("fetch_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["fetch_id"], ["fetches.id"]),
        sa.ForeignKeyConstraint(["run_id"], ["scrape_runs.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alerts_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_alerts_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_alerts_run_id"), ["run_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_alerts_source_id"), ["source_id"], unique=False)
    with op.batch_alter_table("fetches", schema=None) as batch_op:
        batch_op.add_column(sa.Column("parent_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_fetches_parent_id", "fetches", ["parent_id"], ["id"])
    with op.batch_alter_table("source_results", schema=None) as batch_op:
        batch_op.add_column(sa.Column("alerts", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("source_results", schema=None) as batch_op:
        batch_op.drop_column("alerts")
    with op.batch_alter_table("fetches", schema=None) as batch_op:
        batch_op.drop_constraint("fk_fetches_parent_id", type_="foreignkey")
        batch_op.drop_column("parent_id")
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alerts_source_id"))
        batch_op.drop_index(batch_op.f("ix_alerts_run_id"))
        batch_op.drop_index(batch_op.f("ix_alerts_kind"))
        batch_op.drop_index(batch_op.f("ix_alerts_created_at"))
    op.drop_table("alerts")
