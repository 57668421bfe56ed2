"""The repository: every query Newsdesk makes, behind one ``Store`` class.

Callers get frozen dataclasses back, never ORM objects or sessions, and pass timezone-aware
UTC datetimes in (naive ones are refused). Work that several processes may race for --
deliveries, due checks, due schedules, one-off thread notices -- is claimed atomically:
``INSERT ... ON CONFLICT DO NOTHING`` for "first one wins", and leases taken with
``FOR UPDATE SKIP LOCKED`` (PostgreSQL) or inside ``BEGIN IMMEDIATE`` (SQLite) for due work.
A lease that runs out makes the work claimable again; ``finish_*`` only applies for the
caller that still holds the lease.
"""

from __future__ import annotations

import os
import re
import socket
import uuid
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import (
    Select,
    Table,
    Text,
    and_,
    bindparam,
    case,
    cast,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from storage.db import make_engine, unavailable
from storage.errors import DatabaseUnavailable
from storage.models import (
    CADENCES,
    STORY_STATUSES,
    ChannelSchedule,
    HandledDelivery,
    Story,
    StoryVersion,
    Thread,
    ThreadNotice,
)

stories: Table = Story.__table__  # type: ignore[assignment]
versions: Table = StoryVersion.__table__  # type: ignore[assignment]
threads: Table = Thread.__table__  # type: ignore[assignment]
notices: Table = ThreadNotice.__table__  # type: ignore[assignment]
deliveries: Table = HandledDelivery.__table__  # type: ignore[assignment]
schedules: Table = ChannelSchedule.__table__  # type: ignore[assignment]

_LOCAL_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def utcnow() -> datetime:
    return datetime.now(UTC)


def worker_id() -> str:
    """A lease owner name unique to this process (host, pid and a random part)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass(frozen=True, slots=True)
class StoryRecord:
    id: int
    canonical_url: str
    url: str
    title: str | None
    status: str  # 'active' | 'stopped' | 'gone'
    etag: str | None
    last_modified: str | None
    content_hash: str | None  # of the latest version
    created_at: datetime
    last_checked_at: datetime | None
    last_changed_at: datetime | None
    next_check_at: datetime | None
    consecutive_failures: int
    lease_owner: str | None
    lease_until: datetime | None
    raw_hash: str | None = None  # of the last fetched body (0002)
    announce_version_id: int | None = None  # a material change not yet told everywhere (0003)


@dataclass(frozen=True, slots=True)
class VersionRecord:
    id: int
    story_id: int
    fetched_at: datetime
    content_hash: str
    title: str | None
    cleaned_text: str
    meta: dict[str, Any]
    digest: dict[str, Any]
    announcement: dict[str, Any] | None = None  # the thread reply, for a material change


@dataclass(frozen=True, slots=True)
class PendingAnnouncement:
    """The oldest material version of a story not yet told in every watching thread."""

    version_id: int
    announcement: dict[str, Any] | None  # None: the version is gone or has no reply
    fetched_at: datetime | None


@dataclass(frozen=True, slots=True)
class ThreadRecord:
    id: int
    team_id: str
    channel_id: str
    parent_ts: str | None
    thread_ts: str
    story_id: int
    requested_by: str | None
    created_at: datetime
    watching: bool


@dataclass(frozen=True, slots=True)
class ScheduleRecord:
    id: int
    team_id: str
    channel_id: str
    cadence: str  # 'weekdays' | 'daily'
    local_time: str  # HH:MM in tz_name
    tz_name: str
    created_by: str | None
    created_at: datetime
    next_run_at: datetime
    last_run_at: datetime | None
    lease_owner: str | None
    lease_until: datetime | None


@dataclass(frozen=True, slots=True)
class WatchedStory:
    """A story watched in a channel, with the most recent thread that watches it."""

    story: StoryRecord
    thread: ThreadRecord


def _is_unavailable(exc: BaseException) -> bool:
    """A lost or refused connection (not a constraint violation, which is a bug)."""
    if isinstance(exc, OSError | InterfaceError | OperationalError):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


def _record(cls: type, row: Any) -> Any:
    return cls(**dict(row._mapping))


def _insert(conn: AsyncConnection, table: Table) -> Any:
    """A dialect-specific INSERT, which has ``on_conflict_do_*``."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def _aware(value: datetime, name: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware (UTC), got {value!r}")
    return value.astimezone(UTC)


def _restart_watch_stmt(story_id: int, now: datetime, first_check: datetime) -> Any:
    now, first_check = _aware(now, "now"), _aware(first_check, "first_check")
    c = stories.c
    return (
        update(stories)
        .where(c.id == story_id)
        .values(
            status="active", last_changed_at=now, consecutive_failures=0, next_check_at=first_check
        )
        .returning(c.id)
    )


def due_stories_query(now: datetime, limit: int) -> Select[Any]:
    """Active stories whose check is due and not leased, oldest first (ix_stories_due)."""
    c = stories.c
    return (
        select(c.id)
        .where(
            c.status == "active",
            c.next_check_at <= now,
            or_(c.lease_until.is_(None), c.lease_until < now),
        )
        .order_by(c.next_check_at)
        .limit(limit)
        # PostgreSQL: rows another process is claiming are skipped, not waited for.
        # SQLite has no row locks; SQLAlchemy omits the clause and BEGIN IMMEDIATE serialises.
        .with_for_update(skip_locked=True)
    )


def _due_schedules_query(now: datetime, limit: int) -> Select[Any]:
    c = schedules.c
    return (
        select(c.id)
        .where(c.next_run_at <= now, or_(c.lease_until.is_(None), c.lease_until < now))
        .order_by(c.next_run_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )


async def explain_due_query(
    engine: AsyncEngine, *, now: datetime | None = None, limit: int = 100
) -> str:
    """The database's plan for the due-checks query (``EXPLAIN`` / ``EXPLAIN QUERY PLAN``)."""
    stmt = due_stories_query(now or utcnow(), limit)
    async with engine.connect() as conn:
        sql = str(stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
        if conn.dialect.name == "sqlite":
            rows = (await conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")).all()
            return "\n".join(str(row[-1]) for row in rows)
        rows = (await conn.exec_driver_sql(f"EXPLAIN {sql}")).all()
        return "\n".join(str(row[0]) for row in rows)


class Store:
    """All persistence for Newsdesk on one ``AsyncEngine`` (SQLite or PostgreSQL)."""

    def __init__(self, engine: AsyncEngine, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.engine = engine
        # Reads skip SQLite's write lock (see storage.db._sqlite_on_begin).
        self._reader = engine.execution_options(sqlite_deferred=True)
        self._clock = clock

    @classmethod
    def from_url(cls, url: str) -> Store:
        return cls(make_engine(url))

    async def close(self) -> None:
        await self.engine.dispose()

    def _now(self) -> datetime:
        return _aware(self._clock(), "clock()")

    def _write(self) -> AbstractAsyncContextManager[AsyncConnection]:
        """A transaction on the writing engine."""
        return self._connection(self.engine.begin)

    def _read(self) -> AbstractAsyncContextManager[AsyncConnection]:
        """A connection for reads (on SQLite it does not wait behind a writer)."""
        return self._connection(self._reader.connect)

    @asynccontextmanager
    async def _connection(
        self, opener: Callable[[], AbstractAsyncContextManager[AsyncConnection]]
    ) -> AsyncIterator[AsyncConnection]:
        """A lost or unreachable database becomes DatabaseUnavailable (password hidden)."""
        try:
            async with opener() as conn:
                yield conn
        except (DBAPIError, OSError) as exc:
            if not _is_unavailable(exc):
                raise
            raise unavailable(self.engine.url, exc) from exc

    # -- deliveries ---------------------------------------------------------------------

    async def claim_delivery(self, key: str) -> bool:
        """True only for the first caller ever to claim ``key`` (any process, any restart)."""
        if not key:
            raise ValueError("a delivery key must not be empty")
        async with self._write() as conn:
            stmt = (
                _insert(conn, deliveries)
                .values(key=key, handled_at=self._now())
                .on_conflict_do_nothing(index_elements=[deliveries.c.key])
                .returning(deliveries.c.key)
            )
            return (await conn.execute(stmt)).first() is not None

    async def prune_deliveries(self, older_than: datetime) -> int:
        """Forget deliveries handled before ``older_than`` (Slack retries within minutes)."""
        async with self._write() as conn:
            stmt = (
                delete(deliveries)
                .where(deliveries.c.handled_at < _aware(older_than, "older_than"))
                .returning(deliveries.c.key)
            )
            return len((await conn.execute(stmt)).all())

    # -- stories and versions -----------------------------------------------------------

    async def upsert_story(self, canonical_url: str, url: str, title: str | None) -> int:
        """The story's id, creating it if new; a non-empty ``title`` replaces the old one."""
        async with self._write() as conn:
            ins = _insert(conn, stories).values(
                canonical_url=canonical_url, url=url, title=title, created_at=self._now()
            )
            stmt = ins.on_conflict_do_update(
                index_elements=[stories.c.canonical_url],
                set_={"title": func.coalesce(ins.excluded.title, stories.c.title)},
            ).returning(stories.c.id)
            return int((await conn.execute(stmt)).scalar_one())

    async def get_story(self, story_id: int) -> StoryRecord | None:
        async with self._read() as conn:
            row = (await conn.execute(select(stories).where(stories.c.id == story_id))).first()
        return _record(StoryRecord, row) if row else None

    async def get_story_by_url(self, canonical_url: str) -> StoryRecord | None:
        async with self._read() as conn:
            stmt = select(stories).where(stories.c.canonical_url == canonical_url)
            row = (await conn.execute(stmt)).first()
        return _record(StoryRecord, row) if row else None

    async def schedule_check(self, story_id: int, at: datetime) -> bool:
        """Make the story active and due no later than ``at``; False if no such story."""
        at = _aware(at, "at")
        c = stories.c
        async with self._write() as conn:
            stmt = (
                update(stories)
                .where(c.id == story_id)
                .values(
                    status="active",
                    next_check_at=case(
                        (c.next_check_at.is_(None), at),
                        (c.status != "active", at),
                        (c.next_check_at > at, at),
                        else_=c.next_check_at,
                    ),
                )
                .returning(c.id)
            )
            return (await conn.execute(stmt)).first() is not None

    async def set_story_status(self, story_id: int, status: str) -> bool:
        """Set 'active', 'stopped' or 'gone'; stopping also unschedules the next check."""
        if status not in STORY_STATUSES:
            raise ValueError(f"status must be one of {STORY_STATUSES}, not {status!r}")
        values: dict[str, Any] = {"status": status}
        if status != "active":
            values["next_check_at"] = None
        async with self._write() as conn:
            stmt = (
                update(stories)
                .where(stories.c.id == story_id)
                .values(**values)
                .returning(stories.c.id)
            )
            return (await conn.execute(stmt)).first() is not None

    async def add_version(
        self,
        story_id: int,
        *,
        content_hash: str,
        title: str | None,
        cleaned_text: str,
        meta: Mapping[str, Any],
        digest: Mapping[str, Any],
        etag: str | None,
        last_modified: str | None,
        fetched_at: datetime,
        mark_changed: bool = True,
        announcement: Mapping[str, Any] | None = None,
    ) -> tuple[int, bool]:
        """Keep a fetched version: ``(version id, is_new_hash)``.

        ``is_new_hash`` is True when ``content_hash`` differs from the story's latest version
        (or there was none): a row is inserted and the story's hash, title and
        last_changed_at move on. When the hash equals the latest, nothing is inserted and the
        latest version's id comes back with False (only etag/last_modified are refreshed).
        To tell a flip-back (A -> B -> A) call ``version_with_hash`` *before* this.
        ``mark_changed=False`` keeps ``last_changed_at`` (the watcher stores immaterial
        versions without restarting the story's backoff clock). ``announcement`` is the
        thread reply for a material change: stored with the version, and the story points at
        it (or at an older one still waiting) until ``finish_announcement`` says every
        watching thread has it.
        """
        fetched_at = _aware(fetched_at, "fetched_at")
        c = stories.c
        async with self._write() as conn:
            # FOR UPDATE (PostgreSQL) serialises two writers of one story.
            current = (
                await conn.execute(select(c.content_hash).where(c.id == story_id).with_for_update())
            ).first()
            if current is None:
                raise LookupError(f"no story with id {story_id}")
            validators: dict[str, Any] = {}
            if etag is not None:
                validators["etag"] = etag
            if last_modified is not None:
                validators["last_modified"] = last_modified
            if current.content_hash == content_hash:
                latest = (
                    await conn.execute(
                        select(versions.c.id)
                        .where(versions.c.story_id == story_id)
                        .order_by(versions.c.id.desc())
                        .limit(1)
                    )
                ).scalar()
                if latest is not None:
                    if validators:
                        await conn.execute(
                            update(stories).where(c.id == story_id).values(**validators)
                        )
                    return int(latest), False
            version_id = (
                await conn.execute(
                    versions.insert()
                    .values(
                        story_id=story_id,
                        fetched_at=fetched_at,
                        content_hash=content_hash,
                        title=title,
                        cleaned_text=cleaned_text,
                        meta=dict(meta),
                        digest=dict(digest),
                        announcement=dict(announcement) if announcement is not None else None,
                    )
                    .returning(versions.c.id)
                )
            ).scalar_one()
            await conn.execute(
                update(stories)
                .where(c.id == story_id)
                .values(
                    content_hash=content_hash,
                    title=func.coalesce(title, c.title),
                    last_changed_at=fetched_at if mark_changed else c.last_changed_at,
                    **validators,
                    # The oldest change not yet told everywhere stays first in line.
                    **(
                        {"announce_version_id": func.coalesce(c.announce_version_id, version_id)}
                        if announcement is not None
                        else {}
                    ),
                )
            )
            return int(version_id), True

    async def latest_version(self, story_id: int) -> VersionRecord | None:
        return await self._one_version(select(versions).where(versions.c.story_id == story_id))

    async def version_with_hash(self, story_id: int, content_hash: str) -> VersionRecord | None:
        """The most recent version of the story with this content hash, if any."""
        return await self._one_version(
            select(versions).where(
                versions.c.story_id == story_id, versions.c.content_hash == content_hash
            )
        )

    async def pending_announcement(self, story_id: int) -> PendingAnnouncement | None:
        """The reply waiting to be told for the story, if one is (its version's reply and
        fetch time only: the version's text and digest are not read)."""
        c, v = stories.c, versions.c
        stmt = (
            select(c.announce_version_id.label("version_id"), v.announcement, v.fetched_at)
            .select_from(stories.outerjoin(versions, v.id == c.announce_version_id))
            .where(c.id == story_id, c.announce_version_id.is_not(None))
        )
        async with self._read() as conn:
            row = (await conn.execute(stmt)).first()
        return _record(PendingAnnouncement, row) if row else None

    async def get_version(self, version_id: int) -> VersionRecord | None:
        return await self._one_version(select(versions).where(versions.c.id == version_id))

    async def list_versions(self, story_id: int) -> list[VersionRecord]:
        """Every kept version, oldest first."""
        async with self._read() as conn:
            rows = (
                await conn.execute(
                    select(versions).where(versions.c.story_id == story_id).order_by(versions.c.id)
                )
            ).all()
        return [_record(VersionRecord, r) for r in rows]

    async def _one_version(self, stmt: Select[Any]) -> VersionRecord | None:
        async with self._read() as conn:
            row = (await conn.execute(stmt.order_by(versions.c.id.desc()).limit(1))).first()
        return _record(VersionRecord, row) if row else None

    # -- threads ------------------------------------------------------------------------

    async def record_thread(
        self,
        *,
        team_id: str,
        channel_id: str,
        parent_ts: str | None,
        thread_ts: str,
        story_id: int,
        requested_by: str | None,
        watching: bool,
        restart_watch: tuple[datetime, datetime] | None = None,
    ) -> int:
        """Remember a digest posted in a thread; recording the same thread again updates it.

        ``restart_watch=(now, first_check)`` also restarts the story's watch in the same
        transaction (see ``restart_watch``): one write per posted digest, not two.
        """
        async with self._write() as conn:
            if restart_watch is not None:
                await conn.execute(_restart_watch_stmt(story_id, *restart_watch))
            ins = _insert(conn, threads).values(
                team_id=team_id,
                channel_id=channel_id,
                parent_ts=parent_ts,
                thread_ts=thread_ts,
                story_id=story_id,
                requested_by=requested_by,
                created_at=self._now(),
                watching=watching,
            )
            stmt = ins.on_conflict_do_update(
                index_elements=[
                    threads.c.team_id,
                    threads.c.channel_id,
                    threads.c.thread_ts,
                    threads.c.story_id,
                ],
                set_={
                    "watching": ins.excluded.watching,
                    "parent_ts": func.coalesce(ins.excluded.parent_ts, threads.c.parent_ts),
                },
            ).returning(threads.c.id)
            return int((await conn.execute(stmt)).scalar_one())

    async def get_thread(self, thread_id: int) -> ThreadRecord | None:
        return await self._one_thread(select(threads).where(threads.c.id == thread_id))

    async def find_thread(
        self, team_id: str, channel_id: str, thread_ts: str, story_id: int | None = None
    ) -> ThreadRecord | None:
        """The (most recent) digest recorded in this Slack thread, optionally for one story."""
        stmt = select(threads).where(
            threads.c.team_id == team_id,
            threads.c.channel_id == channel_id,
            threads.c.thread_ts == thread_ts,
        )
        if story_id is not None:
            stmt = stmt.where(threads.c.story_id == story_id)
        return await self._one_thread(stmt)

    async def find_fresh_thread(
        self, team_id: str, channel_id: str, story_id: int, since: datetime
    ) -> ThreadRecord | None:
        """The newest digest of this story in this channel created at or after ``since``."""
        return await self._one_thread(
            select(threads).where(
                threads.c.team_id == team_id,
                threads.c.channel_id == channel_id,
                threads.c.story_id == story_id,
                threads.c.created_at >= _aware(since, "since"),
            )
        )

    async def threads_for_story(
        self, story_id: int, watching_only: bool = True
    ) -> list[ThreadRecord]:
        """Threads that posted this story (only watching ones by default), oldest first."""
        stmt = select(threads).where(threads.c.story_id == story_id)
        if watching_only:
            stmt = stmt.where(threads.c.watching.is_(True))
        async with self._read() as conn:
            rows = (await conn.execute(stmt.order_by(threads.c.id))).all()
        return [_record(ThreadRecord, r) for r in rows]

    async def channel_threads(
        self, team_id: str, channel_id: str, since: datetime
    ) -> list[ThreadRecord]:
        """Digests posted in a channel at or after ``since``, oldest first."""
        stmt = (
            select(threads)
            .where(
                threads.c.team_id == team_id,
                threads.c.channel_id == channel_id,
                threads.c.created_at >= _aware(since, "since"),
            )
            .order_by(threads.c.created_at, threads.c.id)
        )
        async with self._read() as conn:
            rows = (await conn.execute(stmt)).all()
        return [_record(ThreadRecord, r) for r in rows]

    async def set_watching(self, thread_id: int, watching: bool) -> ThreadRecord | None:
        """Turn watching on or off for one thread; None if there is no such thread."""
        async with self._write() as conn:
            stmt = (
                update(threads)
                .where(threads.c.id == thread_id)
                .values(watching=watching)
                .returning(*threads.c)
            )
            row = (await conn.execute(stmt)).first()
        return _record(ThreadRecord, row) if row else None

    async def set_story_watching(
        self, team_id: str, channel_id: str, story_id: int, watching: bool
    ) -> int:
        """Turn watching on or off for every thread of a story in a channel; rows changed."""
        async with self._write() as conn:
            stmt = (
                update(threads)
                .where(
                    threads.c.team_id == team_id,
                    threads.c.channel_id == channel_id,
                    threads.c.story_id == story_id,
                    threads.c.watching.is_not(watching),
                )
                .values(watching=watching)
                .returning(threads.c.id)
            )
            return len((await conn.execute(stmt)).all())

    async def watched_stories(self, team_id: str, channel_id: str) -> list[WatchedStory]:
        """Stories watched in a channel, newest thread first, one entry per story."""
        t, s = threads.c, stories.c
        stmt = (
            select(threads, stories)
            .join(stories, s.id == t.story_id)
            .where(t.team_id == team_id, t.channel_id == channel_id, t.watching.is_(True))
            .order_by(t.created_at.desc(), t.id.desc())
        )
        async with self._read() as conn:
            rows = (await conn.execute(stmt)).all()
        n_thread = len(threads.c)
        thread_cols = [col.name for col in threads.c]
        story_cols = [col.name for col in stories.c]
        seen: set[int] = set()
        out: list[WatchedStory] = []
        for row in rows:
            thread = ThreadRecord(**dict(zip(thread_cols, row[:n_thread], strict=True)))
            if thread.story_id in seen:
                continue
            seen.add(thread.story_id)
            story = StoryRecord(**dict(zip(story_cols, row[n_thread:], strict=True)))
            out.append(WatchedStory(story=story, thread=thread))
        return out

    async def claim_notice(
        self, thread_id: int, kind: str, *, stale_after: timedelta | None = None
    ) -> bool:
        """True when this caller is to post the notice ``kind`` in this thread.

        A notice is claimed, then ``mark_notice_sent`` once it went out, or
        ``release_notice`` when the post failed and should be tried again later. A claim
        that is still unsent after ``stale_after`` belongs to a dead worker and is taken over
        (at worst a reply goes out twice; without it, it might never go out).
        """
        now = self._now()
        async with self._write() as conn:
            stmt = (
                _insert(conn, notices)
                .values(thread_id=thread_id, kind=kind, posted_at=now, sent=False)
                .on_conflict_do_nothing(index_elements=[notices.c.thread_id, notices.c.kind])
                .returning(notices.c.id)
            )
            if (await conn.execute(stmt)).first() is not None:
                return True
            if stale_after is None:
                return False
            n = notices.c
            taken = await conn.execute(
                update(notices)
                .where(
                    n.thread_id == thread_id,
                    n.kind == kind,
                    n.sent.is_(False),
                    n.posted_at < now - stale_after,
                )
                .values(posted_at=now)
            )
            return bool(taken.rowcount)

    async def mark_notice_sent(self, thread_id: int, kind: str) -> None:
        n = notices.c
        async with self._write() as conn:
            await conn.execute(
                update(notices)
                .where(n.thread_id == thread_id, n.kind == kind)
                .values(sent=True, posted_at=self._now())
            )

    async def release_notice(self, thread_id: int, kind: str) -> None:
        """Forget an unsent claim, so the notice is tried again."""
        n = notices.c
        async with self._write() as conn:
            await conn.execute(
                delete(notices).where(n.thread_id == thread_id, n.kind == kind, n.sent.is_(False))
            )

    async def finish_announcement(self, story_id: int, version_id: int) -> None:
        """Every watching thread has heard about ``version_id``: stop re-delivering it, and
        point at the next material version waiting to be told, if one piled up behind it."""
        c, v = stories.c, versions.c
        following = (
            select(func.min(v.id))
            # No reply: SQL NULL (cast: NULL, and NULL != x is never true) or, in rows from
            # before none_as_null, JSON null (cast: the text "null"). One test excludes both.
            .where(v.story_id == story_id, v.id > version_id, cast(v.announcement, Text) != "null")
            .scalar_subquery()
        )
        async with self._write() as conn:
            await conn.execute(
                update(stories)
                .where(c.id == story_id, c.announce_version_id == version_id)
                .values(announce_version_id=following)
            )

    async def _one_thread(self, stmt: Select[Any]) -> ThreadRecord | None:
        async with self._read() as conn:
            stmt = stmt.order_by(threads.c.created_at.desc(), threads.c.id.desc()).limit(1)
            row = (await conn.execute(stmt)).first()
        return _record(ThreadRecord, row) if row else None

    # -- due checks ---------------------------------------------------------------------

    async def claim_due_checks(
        self, now: datetime, owner: str, lease: timedelta, limit: int
    ) -> list[StoryRecord]:
        """Lease up to ``limit`` due stories to ``owner`` until ``now + lease``; oldest first.

        Atomic across processes: two callers never get the same story while a lease holds.
        """
        now = _aware(now, "now")
        due = due_stories_query(now, limit)
        records = await self._claim(stories, due, StoryRecord, owner, now + lease, limit)
        return sorted(records, key=lambda r: (r.next_check_at, r.id))

    async def _claim(
        self,
        table: Table,
        due: Select[Any],
        record: type,
        owner: str,
        until: datetime,
        limit: int,
    ) -> list[Any]:
        """Lease the rows ``due`` selects to ``owner`` in one statement (see due_stories_query
        for why that is atomic on both backends)."""
        if limit <= 0:
            return []
        stmt = (
            update(table)
            .where(table.c.id.in_(due.scalar_subquery()))
            .values(lease_owner=owner, lease_until=until)
            .returning(*table.c)
        )
        async with self._write() as conn:
            rows = (await conn.execute(stmt)).all()
        return [_record(record, r) for r in rows]

    async def restart_watch(self, story_id: int, now: datetime, first_check: datetime) -> bool:
        """A story someone just asked for again starts a fresh watch: active, no failures, the
        backoff counted from ``now``, first check at ``first_check``. False if no such story."""
        async with self._write() as conn:
            result = await conn.execute(_restart_watch_stmt(story_id, now, first_check))
            return result.first() is not None

    async def import_watched_stories(
        self, story_rows: Sequence[dict[str, Any]], thread_rows: Sequence[dict[str, Any]]
    ) -> dict[str, int]:
        """Bulk-load stories and the threads that watch them in one transaction (imports,
        benchmarks). Thread rows name their story by ``canonical_url`` instead of an id.
        Returns canonical URL -> story id."""
        async with self._write() as conn:
            await conn.execute(stories.insert(), list(story_rows))
            urls = [row["canonical_url"] for row in story_rows]
            ids: dict[str, int] = {}
            for start in range(0, len(urls), 500):  # keep IN lists small for SQLite
                chunk = urls[start : start + 500]
                result = await conn.execute(
                    select(stories.c.canonical_url, stories.c.id).where(
                        stories.c.canonical_url.in_(chunk)
                    )
                )
                ids.update({url: story_id for url, story_id in result.all()})
            if thread_rows:
                rows = [
                    {
                        **{k: v for k, v in row.items() if k != "canonical_url"},
                        "story_id": ids[row["canonical_url"]],
                    }
                    for row in thread_rows
                ]
                await conn.execute(threads.insert(), rows)
        return ids

    async def schedule_new_watches(self, at: datetime) -> int:
        """Give a first check time ``at`` to active stories that a thread watches but that
        have never been scheduled (a digest just posted); returns how many."""
        at = _aware(at, "at")
        c, t = stories.c, threads.c
        watched = select(t.id).where(t.story_id == c.id, t.watching.is_(True)).exists()
        async with self._write() as conn:
            stmt = (
                update(stories)
                .where(c.status == "active", c.next_check_at.is_(None), watched)
                .values(next_check_at=at)
                .returning(c.id)
            )
            return len((await conn.execute(stmt)).all())

    async def claim_story(
        self, story_id: int, now: datetime, owner: str, lease: timedelta
    ) -> StoryRecord | None:
        """Lease one story now (a "Check now" click), whatever its schedule; None if it is
        leased by someone else or does not exist."""
        now = _aware(now, "now")
        c = stories.c
        stmt = (
            update(stories)
            .where(c.id == story_id, or_(c.lease_until.is_(None), c.lease_until < now))
            .values(lease_owner=owner, lease_until=now + lease)
            .returning(*stories.c)
        )
        async with self._write() as conn:
            row = (await conn.execute(stmt)).first()
        return _record(StoryRecord, row) if row else None

    async def finish_check(
        self,
        story_id: int,
        owner: str,
        *,
        next_check_at: datetime | None,
        changed: bool,
        failed: bool,
        checked_at: datetime,
        status: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        raw_hash: str | None = None,
    ) -> bool:
        """Record a check and release the lease; False (and no change) if ``owner`` lost it.

        ``failed`` counts up ``consecutive_failures`` (a success resets it); ``changed`` sets
        ``last_changed_at``; ``next_check_at=None`` stops scheduling the story.
        """
        values = _finish_values(
            next_check_at=next_check_at,
            changed=changed,
            failed=failed,
            checked_at=checked_at,
            status=status,
            etag=etag,
            last_modified=last_modified,
            raw_hash=raw_hash,
        )
        c = stories.c
        async with self._write() as conn:
            stmt = (
                update(stories)
                .where(c.id == story_id, c.lease_owner == owner)
                .values(**values)
                .returning(c.id)
            )
            return (await conn.execute(stmt)).first() is not None

    async def finish_checks(
        self, owner: str, checks: Sequence[tuple[int, Mapping[str, Any]]]
    ) -> list[bool]:
        """Many ``finish_check`` calls (story id, keyword arguments) in one transaction.

        The watcher batches the cheap outcomes (304, unchanged) this way: one commit for
        dozens of checks. Returns, per check, whether ``owner`` still held the lease.
        """
        if not checks:
            return []
        c = stories.c
        async with self._write() as conn:
            ids = [story_id for story_id, _ in checks]
            held = set(
                (
                    await conn.execute(
                        select(c.id).where(c.id.in_(ids), c.lease_owner == owner).with_for_update()
                    )
                ).scalars()
            )
            # Rows with the same columns to set go out as one executemany.
            groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
            for story_id, kwargs in checks:
                if story_id not in held:
                    continue
                values = _finish_values(**kwargs)
                if not isinstance(values["consecutive_failures"], int):
                    await conn.execute(update(stories).where(c.id == story_id).values(**values))
                    continue
                groups.setdefault(tuple(sorted(values)), []).append({"b_id": story_id, **values})
            for keys, rows in groups.items():
                stmt = (
                    update(stories)
                    .where(c.id == bindparam("b_id"))
                    .values({k: bindparam(k) for k in keys})
                )
                await conn.execute(stmt, rows)
        return [story_id in held for story_id, _ in checks]

    # -- channel schedules --------------------------------------------------------------

    async def upsert_schedule(
        self,
        team_id: str,
        channel_id: str,
        *,
        cadence: str,
        local_time: str,
        tz_name: str,
        next_run_at: datetime,
        created_by: str | None = None,
    ) -> ScheduleRecord:
        """Create or replace the channel's schedule (one per channel).

        Replacing drops any lease, so a run in progress cannot overwrite the new time.
        """
        _check_schedule(cadence, local_time, tz_name)
        async with self._write() as conn:
            ins = _insert(conn, schedules).values(
                team_id=team_id,
                channel_id=channel_id,
                cadence=cadence,
                local_time=local_time,
                tz_name=tz_name,
                created_by=created_by,
                created_at=self._now(),
                next_run_at=_aware(next_run_at, "next_run_at"),
            )
            stmt = ins.on_conflict_do_update(
                index_elements=[schedules.c.team_id, schedules.c.channel_id],
                set_={
                    "cadence": ins.excluded.cadence,
                    "local_time": ins.excluded.local_time,
                    "tz_name": ins.excluded.tz_name,
                    "next_run_at": ins.excluded.next_run_at,
                    "created_by": func.coalesce(ins.excluded.created_by, schedules.c.created_by),
                    "lease_owner": None,
                    "lease_until": None,
                },
            ).returning(*schedules.c)
            return _record(ScheduleRecord, (await conn.execute(stmt)).one())

    async def get_schedule(self, team_id: str, channel_id: str) -> ScheduleRecord | None:
        async with self._read() as conn:
            stmt = select(schedules).where(
                schedules.c.team_id == team_id, schedules.c.channel_id == channel_id
            )
            row = (await conn.execute(stmt)).first()
        return _record(ScheduleRecord, row) if row else None

    async def list_schedules(self, team_id: str | None = None) -> list[ScheduleRecord]:
        stmt = select(schedules).order_by(schedules.c.id)
        if team_id is not None:
            stmt = stmt.where(schedules.c.team_id == team_id)
        async with self._read() as conn:
            rows = (await conn.execute(stmt)).all()
        return [_record(ScheduleRecord, r) for r in rows]

    async def delete_schedule(self, team_id: str, channel_id: str) -> bool:
        async with self._write() as conn:
            stmt = (
                delete(schedules)
                .where(schedules.c.team_id == team_id, schedules.c.channel_id == channel_id)
                .returning(schedules.c.id)
            )
            return (await conn.execute(stmt)).first() is not None

    async def claim_due_schedules(
        self, now: datetime, owner: str, lease: timedelta, limit: int
    ) -> list[ScheduleRecord]:
        """Lease up to ``limit`` due channel schedules to ``owner``; like claim_due_checks."""
        now = _aware(now, "now")
        due = _due_schedules_query(now, limit)
        records = await self._claim(schedules, due, ScheduleRecord, owner, now + lease, limit)
        return sorted(records, key=lambda r: (r.next_run_at, r.id))

    async def finish_schedule(
        self, schedule_id: int, owner: str, *, next_run_at: datetime, ran_at: datetime | None
    ) -> bool:
        """Set the next run, note ``ran_at`` (None: skipped), release; False if lease lost."""
        c = schedules.c
        values: dict[str, Any] = {
            "next_run_at": _aware(next_run_at, "next_run_at"),
            "lease_owner": None,
            "lease_until": None,
        }
        if ran_at is not None:
            values["last_run_at"] = _aware(ran_at, "ran_at")
        async with self._write() as conn:
            stmt = (
                update(schedules)
                .where(and_(c.id == schedule_id, c.lease_owner == owner))
                .values(**values)
                .returning(c.id)
            )
            return (await conn.execute(stmt)).first() is not None


def _finish_values(
    *,
    next_check_at: datetime | None,
    changed: bool,
    failed: bool,
    checked_at: datetime,
    status: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    raw_hash: str | None = None,
) -> dict[str, Any]:
    """The column updates for one finished check (see ``Store.finish_check``)."""
    checked_at = _aware(checked_at, "checked_at")
    c = stories.c
    values: dict[str, Any] = {
        "last_checked_at": checked_at,
        "next_check_at": _aware(next_check_at, "next_check_at") if next_check_at else None,
        "consecutive_failures": c.consecutive_failures + 1 if failed else 0,
        "lease_owner": None,
        "lease_until": None,
    }
    if changed:
        values["last_changed_at"] = checked_at
    if status is not None:
        if status not in STORY_STATUSES:
            raise ValueError(f"status must be one of {STORY_STATUSES}, not {status!r}")
        values["status"] = status
    if etag is not None:
        values["etag"] = etag
    if last_modified is not None:
        values["last_modified"] = last_modified
    if raw_hash is not None:
        values["raw_hash"] = raw_hash
    return values


def _check_schedule(cadence: str, local_time: str, tz_name: str) -> None:
    if cadence not in CADENCES:
        raise ValueError(f"cadence must be one of {CADENCES}, not {cadence!r}")
    if not _LOCAL_TIME.match(local_time):
        raise ValueError(f"local time must be HH:MM (24-hour), not {local_time!r}")
    try:
        ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {tz_name!r}") from None


__all__ = [
    "DatabaseUnavailable",
    "ScheduleRecord",
    "Store",
    "StoryRecord",
    "ThreadRecord",
    "VersionRecord",
    "WatchedStory",
    "due_stories_query",
    "explain_due_query",
    "utcnow",
    "worker_id",
]
