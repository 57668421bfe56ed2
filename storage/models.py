"""Table definitions (SQLAlchemy 2 declarative). Only ``storage`` imports this module.

The schema itself is created by the hand-written Alembic revisions in
``storage/migrations/versions``; ``tests/test_migrations.py`` checks that they and these
models agree. The Slack OAuth tables belong to slack_sdk's stores and are mirrored only in
the first migration (slack_sdk builds its own ``Table`` objects at run time).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

STORY_STATUSES = ("active", "stopped", "gone")
CADENCES = ("weekdays", "daily")


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend.

    PostgreSQL stores ``timestamptz``; SQLite stores naive UTC text, which still sorts and
    compares correctly because every value is written in UTC in one format. Naive datetimes
    are refused on the way in: they are almost always a local-time bug.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r}: pass a timezone-aware UTC datetime")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
    }


class Story(Base):
    __tablename__ = "stories"
    __table_args__ = (
        UniqueConstraint("canonical_url", name="uq_stories_canonical_url"),
        CheckConstraint("status IN ('active', 'stopped', 'gone')", name="ck_stories_status"),
        # The due-work query filters on status and orders by next_check_at.
        Index("ix_stories_due", "status", "next_check_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    canonical_url: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), server_default=text("'active'"))
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime]
    last_checked_at: Mapped[datetime | None]
    last_changed_at: Mapped[datetime | None]
    next_check_at: Mapped[datetime | None]
    consecutive_failures: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    lease_owner: Mapped[str | None] = mapped_column(String(200))
    lease_until: Mapped[datetime | None]
    # sha256 of the last fetched body: a byte-identical 200 skips cleaning (0002).
    raw_hash: Mapped[str | None] = mapped_column(String(64))
    # The newest material version not yet told to every watching thread (0003): a worker
    # that stored it and died, or a post that failed for a while, is finished next check.
    announce_version_id: Mapped[int | None] = mapped_column(Integer)


class StoryVersion(Base):
    __tablename__ = "story_versions"
    __table_args__ = (
        Index("ix_story_versions_story_hash", "story_id", "content_hash"),
        Index("ix_story_versions_story_fetched", "story_id", "fetched_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    story_id: Mapped[int] = mapped_column(
        ForeignKey("stories.id", ondelete="CASCADE", name="fk_story_versions_story")
    )
    fetched_at: Mapped[datetime]
    content_hash: Mapped[str] = mapped_column(String(128))
    title: Mapped[str | None] = mapped_column(Text)
    cleaned_text: Mapped[str] = mapped_column(Text)
    meta: Mapped[dict[str, Any]]
    digest: Mapped[dict[str, Any]]
    # The thread reply for a material change ({"text", "blocks"}), kept for re-delivery (0003).
    # SQL NULL for "none" (rows written before this setting hold JSON null: queries test both).
    announcement: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))


class Thread(Base):
    """A digest posted in a Slack thread; ``watching`` threads hear about changes."""

    __tablename__ = "threads"
    __table_args__ = (
        UniqueConstraint(
            "team_id", "channel_id", "thread_ts", "story_id", name="uq_threads_thread_story"
        ),
        Index("ix_threads_story_watching", "story_id", "watching"),
        Index("ix_threads_channel_story", "team_id", "channel_id", "story_id", "created_at"),
        Index("ix_threads_channel_created", "team_id", "channel_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    team_id: Mapped[str] = mapped_column(String(32))
    channel_id: Mapped[str] = mapped_column(String(32))
    parent_ts: Mapped[str | None] = mapped_column(String(32))
    thread_ts: Mapped[str] = mapped_column(String(32))
    story_id: Mapped[int] = mapped_column(
        ForeignKey("stories.id", ondelete="CASCADE", name="fk_threads_story")
    )
    requested_by: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]
    watching: Mapped[bool] = mapped_column(Boolean, server_default=false())


class ThreadNotice(Base):
    """A one-off notice already said in a thread (e.g. "this page has gone")."""

    __tablename__ = "thread_notices"
    __table_args__ = (UniqueConstraint("thread_id", "kind", name="uq_thread_notices_kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    thread_id: Mapped[int] = mapped_column(
        ForeignKey("threads.id", ondelete="CASCADE", name="fk_thread_notices_thread")
    )
    kind: Mapped[str] = mapped_column(String(64))
    posted_at: Mapped[datetime]  # when claimed; when posted once ``sent``
    # False while a worker is posting it: a stale unsent claim is a dead worker's (0003).
    sent: Mapped[bool] = mapped_column(Boolean, server_default=true())


class HandledDelivery(Base):
    """A Slack delivery (event_id, trigger id, ...) already taken by some process."""

    __tablename__ = "handled_deliveries"
    __table_args__ = (Index("ix_handled_deliveries_handled_at", "handled_at"),)

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    handled_at: Mapped[datetime]


class ChannelSchedule(Base):
    __tablename__ = "channel_schedules"
    __table_args__ = (
        UniqueConstraint("team_id", "channel_id", name="uq_channel_schedules_channel"),
        CheckConstraint("cadence IN ('weekdays', 'daily')", name="ck_channel_schedules_cadence"),
        Index("ix_channel_schedules_due", "next_run_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    team_id: Mapped[str] = mapped_column(String(32))
    channel_id: Mapped[str] = mapped_column(String(32))
    cadence: Mapped[str] = mapped_column(String(16))
    local_time: Mapped[str] = mapped_column(String(5))  # HH:MM in tz_name
    tz_name: Mapped[str] = mapped_column(String(64))
    created_by: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]
    next_run_at: Mapped[datetime]
    last_run_at: Mapped[datetime | None]
    lease_owner: Mapped[str | None] = mapped_column(String(200))
    lease_until: Mapped[datetime | None]
