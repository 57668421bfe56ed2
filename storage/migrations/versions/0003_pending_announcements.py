"""Announcements that survive a dead worker or a failed post.

``story_versions.announcement`` keeps the thread reply for a material change,
``stories.announce_version_id`` points at the newest one not yet told to every watching
thread, and ``thread_notices.sent`` separates a claim (a worker is posting) from a post
that went out, so a claim left by a dead worker can be taken over.

Revision ID: 0003_pending_announcements
Revises: 0002_story_raw_hash
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003_pending_announcements"
down_revision: str | None = "0002_story_raw_hash"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("stories") as batch:
        batch.add_column(sa.Column("announce_version_id", sa.Integer(), nullable=True))
    with op.batch_alter_table("story_versions") as batch:
        batch.add_column(sa.Column("announcement", sa.JSON(), nullable=True))
    with op.batch_alter_table("thread_notices") as batch:
        # Every notice recorded before this revision was posted.
        batch.add_column(sa.Column("sent", sa.Boolean(), nullable=False, server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table("thread_notices") as batch:
        batch.drop_column("sent")
    with op.batch_alter_table("story_versions") as batch:
        batch.drop_column("announcement")
    with op.batch_alter_table("stories") as batch:
        batch.drop_column("announce_version_id")
