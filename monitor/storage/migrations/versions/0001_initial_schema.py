"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scrape_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("trigger", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("worker", sa.String(length=128), nullable=False),
        sa.Column("sources_total", sa.Integer(), nullable=False),
        sa.Column("sources_failed", sa.Integer(), nullable=False),
        sa.Column("fetches", sa.Integer(), nullable=False),
        sa.Column("pages_changed", sa.Integer(), nullable=False),
        sa.Column("observations_added", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("scrape_runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scrape_runs_started_at"), ["started_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_scrape_runs_status"), ["status"], unique=False)

    op.create_table(
        "snapshots",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content_type", sa.String(length=255), nullable=False),
        sa.Column("compression", sa.String(length=16), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("publisher", sa.String(), nullable=False),
        sa.Column("jurisdiction", sa.String(length=64), nullable=False),
        sa.Column("scraper", sa.String(length=64), nullable=False),
        sa.Column("entry_urls", sa.JSON(), nullable=False),
        sa.Column("allowed_hosts", sa.JSON(), nullable=False),
        sa.Column("cadence_days", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "fetches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("final_url", sa.Text(), nullable=True),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("request_headers", sa.JSON(), nullable=True),
        sa.Column("response_headers", sa.JSON(), nullable=True),
        sa.Column("bytes_received", sa.Integer(), nullable=False),
        sa.Column("snapshot_sha256", sa.String(), nullable=True),
        sa.Column("changed", sa.Boolean(), nullable=True),
        sa.Column("encoding", sa.String(length=32), nullable=True),
        sa.Column("parse_status", sa.String(length=16), nullable=True),
        sa.Column("parse_error", sa.Text(), nullable=True),
        sa.Column("links", sa.JSON(), nullable=True),
        sa.Column("candidates_found", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["scrape_runs.id"],
        ),
        sa.ForeignKeyConstraint(
            ["snapshot_sha256"],
            ["snapshots.sha256"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("fetches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fetches_outcome"), ["outcome"], unique=False)
        batch_op.create_index(batch_op.f("ix_fetches_run_id"), ["run_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_fetches_snapshot_sha256"), ["snapshot_sha256"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_fetches_source_id"), ["source_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_fetches_url"), ["url"], unique=False)

    op.create_table(
        "source_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("fetches", sa.Integer(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("pages_changed", sa.Integer(), nullable=False),
        sa.Column("observations_added", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["scrape_runs.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("source_results", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_source_results_run_id"), ["run_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_source_results_source_id"), ["source_id"], unique=False
        )

    op.create_table(
        "observations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("metric", sa.String(length=64), nullable=False),
        sa.Column("jurisdiction", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("published_at", sa.Date(), nullable=True),
        sa.Column("qualifier", sa.String(length=16), nullable=False),
        sa.Column("precision", sa.String(length=32), nullable=True),
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("fetch_id", sa.Integer(), nullable=True),
        sa.Column("snapshot_sha256", sa.String(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("extractor", sa.String(length=64), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=True),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["fetch_id"],
            ["fetches.id"],
        ),
        sa.ForeignKeyConstraint(
            ["snapshot_sha256"],
            ["snapshots.sha256"],
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by"],
            ["observations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    with op.batch_alter_table("observations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_observations_as_of"), ["as_of"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_observations_jurisdiction"), ["jurisdiction"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_observations_metric"), ["metric"], unique=False)
        batch_op.create_index(batch_op.f("ix_observations_source_id"), ["source_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_observations_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("observations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_observations_status"))
        batch_op.drop_index(batch_op.f("ix_observations_source_id"))
        batch_op.drop_index(batch_op.f("ix_observations_metric"))
        batch_op.drop_index(batch_op.f("ix_observations_jurisdiction"))
        batch_op.drop_index(batch_op.f("ix_observations_as_of"))

    op.drop_table("observations")
    with op.batch_alter_table("source_results", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_results_source_id"))
        batch_op.drop_index(batch_op.f("ix_source_results_run_id"))

    op.drop_table("source_results")
    with op.batch_alter_table("fetches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fetches_url"))
        batch_op.drop_index(batch_op.f("ix_fetches_source_id"))
        batch_op.drop_index(batch_op.f("ix_fetches_snapshot_sha256"))
        batch_op.drop_index(batch_op.f("ix_fetches_run_id"))
        batch_op.drop_index(batch_op.f("ix_fetches_outcome"))

    op.drop_table("fetches")
    op.drop_table("sources")
    op.drop_table("snapshots")
    with op.batch_alter_table("scrape_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scrape_runs_status"))
        batch_op.drop_index(batch_op.f("ix_scrape_runs_started_at"))

    op.drop_table("scrape_runs")
