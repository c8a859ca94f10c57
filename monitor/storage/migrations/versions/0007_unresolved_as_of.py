"""An observation whose period could not be resolved is held without a date

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("observations") as batch:
        batch.alter_column("as_of", existing_type=sa.Date(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("observations") as batch:
        batch.alter_column("as_of", existing_type=sa.Date(), nullable=False)
