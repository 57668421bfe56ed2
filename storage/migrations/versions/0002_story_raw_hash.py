"""stories.raw_hash: the hash of the last fetched body, so a byte-identical page skips cleaning.

Revision ID: 0002_story_raw_hash
Revises: 0001_initial
Create Date: 2025-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002_story_raw_hash"
down_revision: str | None = "0001_initial"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.add_column(sa.Column("raw_hash", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.drop_column("raw_hash")
