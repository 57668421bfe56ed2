"""The Store on real SQLite files and a real PostgreSQL (each test runs on both)."""

from __future__ import annotations

import dataclasses
import socket
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text

from storage.db import check_connection, database_url, make_engine, migrate, normalize_url
from storage.errors import DatabaseUnavailable
from storage.repo import (
    ScheduleRecord,
    Store,
    StoryRecord,
    ThreadRecord,
    VersionRecord,
    explain_due_query,
)

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


async def _story(store: Store, n: int = 1) -> int:
    return await store.upsert_story(
        f"https://news.example/story-{n}", f"https://news.example/story-{n}?utm=x", f"Story {n}"
    )


async def _thread(store: Store, story_id: int) -> int:
    """A watching thread for ``story_id`` in channel C1."""
    return await store.record_thread(
        team_id="T1",
        channel_id="C1",
        parent_ts="1.0",
        thread_ts="1.0",
        story_id=story_id,
        requested_by="U1",
        watching=True,
    )


async def _version(
    store: Store, story_id: int, h: str, at: datetime, **kw: object
) -> tuple[int, bool]:
    return await store.add_version(
        story_id,
        content_hash=h,
        title=kw.get("title", f"Title {h}"),  # type: ignore[arg-type]
        cleaned_text=f"text of {h} — “quoted” ünïcode",
        meta={"byline": "A. Reporter", "n": 1},
        digest={"facts": [{"text": f"fact {h}", "start": 0}]},
        etag=kw.get("etag"),  # type: ignore[arg-type]
        last_modified=kw.get("last_modified"),  # type: ignore[arg-type]
        fetched_at=at,
        announcement=kw.get("announcement"),  # type: ignore[arg-type]
    )


async def test_upsert_story_is_keyed_by_canonical_url(store: Store) -> None:
    a = await store.upsert_story("https://news.example/a", "https://news.example/a?ref=1", "A")
    again = await store.upsert_story("https://news.example/a", "https://m.news.example/a", None)
    b = await store.upsert_story("https://news.example/b", "https://news.example/b", "B")
    assert a == again != b
    story = await store.get_story(a)
    assert story is not None
    # The original URL and the title stay; a None title does not erase one.
    assert (story.url, story.title, story.status) == ("https://news.example/a?ref=1", "A", "active")
    assert story.created_at.tzinfo is UTC
    await store.upsert_story("https://news.example/a", "x", "A, updated")
    assert (await store.get_story_by_url("https://news.example/a")).title == "A, updated"  # type: ignore[union-attr]
    assert await store.get_story(9999) is None
    assert await store.get_story_by_url("https://news.example/none") is None


async def test_versions_are_all_kept_and_flip_backs_found(store: Store) -> None:
    sid = await _story(store)
    assert await store.latest_version(sid) is None
    v1, new1 = await _version(store, sid, "h-a", T0, etag='"e1"')
    same, new_same = await _version(store, sid, "h-a", T0 + timedelta(hours=1), etag='"e2"')
    v2, new2 = await _version(store, sid, "h-b", T0 + timedelta(hours=2))
    # A flip back to an earlier text: the caller spots it before adding.
    earlier = await store.version_with_hash(sid, "h-a")
    assert earlier is not None and earlier.id == v1
    v3, new3 = await _version(store, sid, "h-a", T0 + timedelta(hours=3))
    assert (new1, new_same, new2, new3) == (True, False, True, True)
    assert same == v1 and len({v1, v2, v3}) == 3

    latest = await store.latest_version(sid)
    assert isinstance(latest, VersionRecord)
    assert (latest.id, latest.content_hash, latest.fetched_at) == (
        v3,
        "h-a",
        T0 + timedelta(hours=3),
    )
    assert latest.meta == {"byline": "A. Reporter", "n": 1}
    assert latest.digest == {"facts": [{"text": "fact h-a", "start": 0}]}
    assert latest.cleaned_text == "text of h-a — “quoted” ünïcode"
    assert [v.content_hash for v in await store.list_versions(sid)] == ["h-a", "h-b", "h-a"]
    assert (await store.version_with_hash(sid, "h-a")).id == v3  # type: ignore[union-attr]
    assert await store.version_with_hash(sid, "h-zzz") is None
    assert (await store.get_version(v2)).content_hash == "h-b"  # type: ignore[union-attr]

    story = await store.get_story(sid)
    assert story is not None
    assert (story.content_hash, story.etag, story.last_changed_at) == (
        "h-a",
        '"e2"',
        T0 + timedelta(hours=3),
    )
    with pytest.raises(LookupError):
        await _version(store, 424242, "h", T0)


async def test_naive_datetimes_are_refused(store: Store) -> None:
    sid = await _story(store)
    with pytest.raises(ValueError, match="timezone"):
        await _version(store, sid, "h", datetime(2025, 1, 1, 12, 0))


async def test_datetimes_come_back_in_utc(store: Store) -> None:
    sid = await _story(store)
    paris = timezone(timedelta(hours=2))
    await _version(store, sid, "h", datetime(2025, 6, 1, 14, 30, tzinfo=paris))
    v = await store.latest_version(sid)
    assert v is not None
    assert v.fetched_at == datetime(2025, 6, 1, 12, 30, tzinfo=UTC)
    assert v.fetched_at.utcoffset() == timedelta(0)


async def test_threads_watching_and_freshness(store: Store) -> None:
    s1, s2 = await _story(store, 1), await _story(store, 2)
    t1 = await store.record_thread(
        team_id="T1",
        channel_id="C1",
        parent_ts="100.1",
        thread_ts="100.1",
        story_id=s1,
        requested_by="U1",
        watching=True,
    )
    t2 = await store.record_thread(
        team_id="T1",
        channel_id="C2",
        parent_ts="200.1",
        thread_ts="200.1",
        story_id=s1,
        requested_by="U2",
        watching=True,
    )
    t3 = await store.record_thread(
        team_id="T1",
        channel_id="C1",
        parent_ts="300.1",
        thread_ts="300.1",
        story_id=s2,
        requested_by="U1",
        watching=False,
    )
    assert len({t1, t2, t3}) == 3
    # Recording the same thread again (a retry) updates it instead of duplicating it.
    again = await store.record_thread(
        team_id="T1",
        channel_id="C1",
        parent_ts=None,
        thread_ts="300.1",
        story_id=s2,
        requested_by="U1",
        watching=True,
    )
    assert again == t3

    watching = await store.threads_for_story(s1)
    assert [t.id for t in watching] == [t1, t2]
    assert all(isinstance(t, ThreadRecord) and t.watching for t in watching)
    thread = await store.get_thread(t3)
    assert thread is not None and thread.watching and thread.parent_ts == "300.1"

    now = datetime.now(UTC)
    fresh = await store.find_fresh_thread("T1", "C1", s1, now - timedelta(minutes=30))
    assert fresh is not None and fresh.id == t1 and fresh.requested_by == "U1"
    assert await store.find_fresh_thread("T1", "C1", s1, now + timedelta(minutes=1)) is None
    assert await store.find_fresh_thread("T1", "C9", s1, now - timedelta(hours=1)) is None
    assert (await store.find_thread("T1", "C2", "200.1")).id == t2  # type: ignore[union-attr]
    assert await store.find_thread("T1", "C2", "999.9") is None

    changed = await store.set_watching(t1, False)
    assert changed is not None and changed.watching is False
    assert [t.id for t in await store.threads_for_story(s1)] == [t2]
    assert {t.id for t in await store.threads_for_story(s1, watching_only=False)} == {t1, t2}
    assert await store.set_watching(123456, True) is None

    assert await store.set_story_watching("T1", "C2", s1, False) == 1
    assert await store.set_story_watching("T1", "C2", s1, False) == 0
    assert await store.threads_for_story(s1) == []

    in_c1 = await store.channel_threads("T1", "C1", now - timedelta(hours=1))
    assert [t.id for t in in_c1] == [t1, t3]


async def test_watched_stories_lists_each_story_once(store: Store) -> None:
    s1, s2, s3 = [await _story(store, n) for n in (1, 2, 3)]
    for ts, sid, watching in [
        ("1.0", s1, True),
        ("2.0", s1, True),
        ("3.0", s2, True),
        ("4.0", s3, False),
    ]:
        await store.record_thread(
            team_id="T1",
            channel_id="C1",
            parent_ts=ts,
            thread_ts=ts,
            story_id=sid,
            requested_by="U1",
            watching=watching,
        )
    await store.record_thread(
        team_id="T1",
        channel_id="C2",
        parent_ts="5.0",
        thread_ts="5.0",
        story_id=s3,
        requested_by="U1",
        watching=True,
    )
    listed = await store.watched_stories("T1", "C1")
    assert [w.story.id for w in listed] == [s2, s1]  # newest thread first
    assert isinstance(listed[0].story, StoryRecord)
    assert listed[1].thread.thread_ts == "2.0"  # the most recent thread for that story
    assert await store.watched_stories("T2", "C1") == []


async def test_notices_are_said_once(store: Store) -> None:
    sid = await _story(store)
    tid = await _thread(store, sid)
    assert await store.claim_notice(tid, "gone") is True
    assert await store.claim_notice(tid, "gone") is False
    assert await store.claim_notice(tid, "paywalled") is True


async def test_notice_claims_are_two_phase(db_url: str) -> None:
    """Claim, then sent or released; an unsent claim older than ``stale_after`` is taken over."""
    now = [T0]
    store = Store(make_engine(db_url), clock=lambda: now[0])
    try:
        sid = await _story(store)
        tid = await _thread(store, sid)
        lease = timedelta(minutes=5)
        assert await store.claim_notice(tid, "version:1", stale_after=lease) is True
        # Someone is posting it: nobody else may, until the claim is stale.
        assert await store.claim_notice(tid, "version:1", stale_after=lease) is False
        now[0] = T0 + timedelta(minutes=6)
        assert await store.claim_notice(tid, "version:1", stale_after=lease) is True
        assert await store.claim_notice(tid, "version:1", stale_after=lease) is False
        # Sent is final, however old.
        await store.mark_notice_sent(tid, "version:1")
        now[0] = T0 + timedelta(days=2)
        assert await store.claim_notice(tid, "version:1", stale_after=lease) is False
        await store.release_notice(tid, "version:1")  # only unsent claims are released
        assert await store.claim_notice(tid, "version:1", stale_after=lease) is False
        # A failed post is released and can be claimed again at once.
        assert await store.claim_notice(tid, "version:2") is True
        await store.release_notice(tid, "version:2")
        assert await store.claim_notice(tid, "version:2") is True
    finally:
        await store.close()


async def test_a_material_version_is_pending_until_finished(store: Store) -> None:
    sid = await _story(store)
    await _version(store, sid, "a", T0)
    assert (await store.get_story(sid)).announce_version_id is None  # type: ignore[union-attr]
    reply = {"text": "What changed", "blocks": []}
    vid, _ = await _version(store, sid, "b", T0, announcement=reply)
    assert (await store.get_story(sid)).announce_version_id == vid  # type: ignore[union-attr]
    assert (await store.get_version(vid)).announcement == reply  # type: ignore[union-attr]
    await store.finish_announcement(sid, vid - 1)  # an older version: no effect
    assert (await store.get_story(sid)).announce_version_id == vid  # type: ignore[union-attr]
    await store.finish_announcement(sid, vid)
    assert (await store.get_story(sid)).announce_version_id is None  # type: ignore[union-attr]


async def test_material_versions_waiting_to_be_told_queue_oldest_first(store: Store) -> None:
    sid = await _story(store)
    await _version(store, sid, "a", T0)
    first, _ = await _version(store, sid, "b", T0, announcement={"text": "b"})
    await _version(store, sid, "c", T0)  # immaterial: nothing to tell
    second, _ = await _version(store, sid, "d", T0, announcement={"text": "d"})
    story = await store.get_story(sid)
    assert story is not None and story.announce_version_id == first  # not overtaken
    await store.finish_announcement(sid, second)  # not first in line: no effect
    assert (await store.get_story(sid)).announce_version_id == first  # type: ignore[union-attr]
    await store.finish_announcement(sid, first)
    assert (await store.get_story(sid)).announce_version_id == second  # type: ignore[union-attr]
    await store.finish_announcement(sid, second)
    assert (await store.get_story(sid)).announce_version_id is None  # type: ignore[union-attr]


async def test_the_pending_reply_is_read_without_the_version_text(store: Store) -> None:
    sid = await _story(store)
    assert await store.pending_announcement(sid) is None
    vid, _ = await _version(store, sid, "b", T0, announcement={"text": "b"})
    pending = await store.pending_announcement(sid)
    assert pending is not None
    assert (pending.version_id, pending.announcement, pending.fetched_at) == (
        vid,
        {"text": "b"},
        T0,
    )
    await store.finish_announcement(sid, vid)
    assert await store.pending_announcement(sid) is None


async def test_a_version_stored_with_a_json_null_reply_is_not_queued(store: Store) -> None:
    """Rows written before the column stored SQL NULL hold JSON null: still no reply."""
    sid = await _story(store)
    first, _ = await _version(store, sid, "a", T0, announcement={"text": "a"})
    old, _ = await _version(store, sid, "b", T0)
    async with store._write() as conn:  # as a 0003-era row was written
        await conn.execute(
            text("UPDATE story_versions SET announcement = 'null' WHERE id = :id"), {"id": old}
        )
    await store.finish_announcement(sid, first)
    assert (await store.get_story(sid)).announce_version_id is None  # type: ignore[union-attr]


async def test_schedule_check_and_status(store: Store) -> None:
    sid = await _story(store)
    assert await store.schedule_check(sid, T0 + timedelta(hours=2))
    assert await store.schedule_check(sid, T0 + timedelta(hours=5))  # later: keeps earlier
    assert (await store.get_story(sid)).next_check_at == T0 + timedelta(hours=2)  # type: ignore[union-attr]
    assert await store.schedule_check(sid, T0 + timedelta(hours=1))
    assert (await store.get_story(sid)).next_check_at == T0 + timedelta(hours=1)  # type: ignore[union-attr]
    assert await store.set_story_status(sid, "stopped")
    stopped = await store.get_story(sid)
    assert stopped is not None and stopped.status == "stopped" and stopped.next_check_at is None
    assert await store.schedule_check(sid, T0 + timedelta(hours=9))  # watching again
    again = await store.get_story(sid)
    assert again is not None and (again.status, again.next_check_at) == (
        "active",
        T0 + timedelta(hours=9),
    )
    assert not await store.schedule_check(4242, T0)
    with pytest.raises(ValueError):
        await store.set_story_status(sid, "deleted")


async def test_restart_watch_revives_a_gone_story_with_a_fresh_clock(store: Store) -> None:
    sid = await _story(store)
    assert await store.set_story_status(sid, "gone")
    later = T0 + timedelta(days=9)
    assert await store.restart_watch(sid, later, later + timedelta(minutes=15))
    story = await store.get_story(sid)
    assert story is not None
    assert (story.status, story.last_changed_at, story.next_check_at) == (
        "active",
        later,
        later + timedelta(minutes=15),
    )
    assert story.consecutive_failures == 0
    assert not await store.restart_watch(4242, later, later)


async def test_check_cycle(store: Store) -> None:
    sid = await _story(store)
    await store.schedule_check(sid, T0)
    [claimed] = await store.claim_due_checks(T0, "w1", timedelta(minutes=5), 10)
    assert (claimed.id, claimed.lease_owner, claimed.lease_until) == (
        sid,
        "w1",
        T0 + timedelta(minutes=5),
    )
    assert await store.finish_check(
        sid,
        "w1",
        next_check_at=T0 + timedelta(hours=1),
        changed=False,
        failed=True,
        checked_at=T0,
        etag='"x"',
    )
    after = await store.get_story(sid)
    assert after is not None
    assert (after.consecutive_failures, after.lease_owner, after.lease_until, after.etag) == (
        1,
        None,
        None,
        '"x"',
    )
    assert after.last_checked_at == T0 and after.last_changed_at is None
    # Not due until the next check time.
    assert (
        await store.claim_due_checks(T0 + timedelta(minutes=59), "w1", timedelta(minutes=5), 10)
        == []
    )
    t1 = T0 + timedelta(hours=1)
    [_] = await store.claim_due_checks(t1, "w2", timedelta(minutes=5), 10)
    assert await store.finish_check(
        sid, "w2", next_check_at=None, changed=True, failed=False, checked_at=t1, status="gone"
    )
    gone = await store.get_story(sid)
    assert gone is not None
    assert (gone.status, gone.consecutive_failures, gone.last_changed_at, gone.next_check_at) == (
        "gone",
        0,
        t1,
        None,
    )
    assert (
        await store.claim_due_checks(t1 + timedelta(days=1), "w3", timedelta(minutes=5), 10) == []
    )
    # Finishing without holding the lease does nothing.
    assert not await store.finish_check(
        sid, "w3", next_check_at=t1, changed=False, failed=False, checked_at=t1
    )


async def test_claim_due_checks_respects_limit_order_and_status(store: Store) -> None:
    ids = [await _story(store, n) for n in range(6)]
    for i, sid in enumerate(ids):
        await store.schedule_check(sid, T0 - timedelta(minutes=i))  # later ids are more overdue
    await store.set_story_status(ids[0], "stopped")
    first = await store.claim_due_checks(T0, "w", timedelta(minutes=5), 3)
    assert [s.id for s in first] == [ids[5], ids[4], ids[3]]
    rest = await store.claim_due_checks(T0, "w", timedelta(minutes=5), 10)
    assert [s.id for s in rest] == [ids[2], ids[1]]
    assert await store.claim_due_checks(T0, "w", timedelta(minutes=5), 0) == []


async def test_schedules(store: Store) -> None:
    rec = await store.upsert_schedule(
        "T1",
        "C1",
        cadence="weekdays",
        local_time="08:30",
        tz_name="Europe/London",
        next_run_at=T0,
        created_by="U1",
    )
    assert isinstance(rec, ScheduleRecord)
    assert (rec.cadence, rec.local_time, rec.tz_name, rec.next_run_at, rec.created_by) == (
        "weekdays",
        "08:30",
        "Europe/London",
        T0,
        "U1",
    )
    replaced = await store.upsert_schedule(
        "T1",
        "C1",
        cadence="daily",
        local_time="17:00",
        tz_name="America/New_York",
        next_run_at=T0 + timedelta(hours=3),
    )
    assert replaced.id == rec.id and replaced.created_by == "U1"  # one per channel
    assert await store.get_schedule("T1", "C1") == replaced
    await store.upsert_schedule(
        "T1", "C2", cadence="daily", local_time="07:00", tz_name="UTC", next_run_at=T0
    )
    assert [s.channel_id for s in await store.list_schedules("T1")] == ["C1", "C2"]

    [due] = await store.claim_due_schedules(T0, "w1", timedelta(minutes=5), 10)
    assert due.channel_id == "C2" and due.lease_owner == "w1"
    assert await store.claim_due_schedules(T0, "w2", timedelta(minutes=5), 10) == []
    assert await store.finish_schedule(due.id, "w1", next_run_at=T0 + timedelta(days=1), ran_at=T0)
    done = await store.get_schedule("T1", "C2")
    assert done is not None and (done.last_run_at, done.next_run_at, done.lease_owner) == (
        T0,
        T0 + timedelta(days=1),
        None,
    )

    assert await store.delete_schedule("T1", "C2")
    assert not await store.delete_schedule("T1", "C2")
    assert await store.get_schedule("T1", "C2") is None
    for bad in [
        dict(cadence="hourly"),
        dict(local_time="8:30"),
        dict(local_time="24:00"),
        dict(tz_name="Mars/Olympus"),
    ]:
        args = dict(cadence="daily", local_time="08:00", tz_name="UTC") | bad
        with pytest.raises(ValueError):
            await store.upsert_schedule("T1", "C3", next_run_at=T0, **args)  # type: ignore[arg-type]


async def test_replacing_a_schedule_voids_the_running_lease(store: Store) -> None:
    await store.upsert_schedule(
        "T1", "C1", cadence="daily", local_time="08:00", tz_name="UTC", next_run_at=T0
    )
    [due] = await store.claim_due_schedules(T0, "w1", timedelta(minutes=5), 10)
    await store.upsert_schedule(
        "T1",
        "C1",
        cadence="daily",
        local_time="18:00",
        tz_name="UTC",
        next_run_at=T0 + timedelta(hours=10),
    )
    assert not await store.finish_schedule(
        due.id, "w1", next_run_at=T0 + timedelta(days=1), ran_at=T0
    )
    assert (await store.get_schedule("T1", "C1")).next_run_at == T0 + timedelta(hours=10)  # type: ignore[union-attr]


async def test_records_are_frozen(store: Store) -> None:
    sid = await _story(store)
    story = await store.get_story(sid)
    assert story is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        story.title = "changed"  # type: ignore[misc]


async def test_data_survives_reopening(db_url: str) -> None:
    first = Store(make_engine(db_url))
    sid = await _story(first)
    await _version(first, sid, "h1", T0)
    assert await first.claim_delivery("Ev123")
    await first.close()

    second = Store(make_engine(db_url))
    try:
        assert (await second.get_story(sid)).title == "Title h1"  # type: ignore[union-attr]
        assert (await second.latest_version(sid)).content_hash == "h1"  # type: ignore[union-attr]
        assert not await second.claim_delivery("Ev123")
    finally:
        await second.close()


async def test_sqlite_engine_settings_and_parent_dir(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "newsdesk.db"
    url = f"sqlite+aiosqlite:///{path}"
    await migrate(url)
    assert path.exists()
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            mode = (await conn.execute(text("PRAGMA journal_mode"))).scalar()
            fks = (await conn.execute(text("PRAGMA foreign_keys"))).scalar()
            busy = (await conn.execute(text("PRAGMA busy_timeout"))).scalar()
    finally:
        await engine.dispose()
    assert (mode, fks) == ("wal", 1)
    assert busy and busy >= 1000


async def test_foreign_keys_are_enforced(store: Store) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):
        await store.record_thread(
            team_id="T",
            channel_id="C",
            parent_ts=None,
            thread_ts="1.0",
            story_id=98765,
            requested_by=None,
            watching=True,
        )


@pytest.mark.postgres
async def test_due_query_uses_the_index_on_postgres(pg_store: Store) -> None:
    engine = pg_store.engine
    async with engine.begin() as conn:
        # Many stories, few due: the planner should pick ix_stories_due on its own.
        await conn.execute(
            text(
                "INSERT INTO stories (canonical_url, url, status, created_at, next_check_at) "
                "SELECT 'https://n.example/' || g, 'https://n.example/' || g, "
                "CASE WHEN g % 10 = 0 THEN 'stopped' ELSE 'active' END, now(), "
                "now() + (g || ' minutes')::interval FROM generate_series(1, 20000) g"
            )
        )
        await conn.execute(text("ANALYZE stories"))
    plan = await explain_due_query(engine, now=datetime.now(UTC) + timedelta(minutes=5))
    assert "ix_stories_due" in plan, plan
    assert "Seq Scan" not in plan, plan


async def test_explain_due_query_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"
    await migrate(url)
    engine = make_engine(url)
    try:
        plan = await explain_due_query(engine)
    finally:
        await engine.dispose()
    assert "ix_stories_due" in plan, plan


# -- configuration and connection errors ---------------------------------------------------


def test_database_url_defaults_and_normalises() -> None:
    @dataclasses.dataclass
    class S:
        database_url: str

    assert database_url(S("")) == "sqlite+aiosqlite:///var/newsdesk.db"
    assert database_url(S("postgres://u:p@h/db")) == "postgresql+asyncpg://u:p@h/db"
    assert normalize_url("sqlite:///x.db") == "sqlite+aiosqlite:///x.db"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # nothing listens once the socket closes


async def test_unreachable_server_is_database_unavailable() -> None:
    secret = "hunter2-S3cret"
    port = _closed_port()
    engine = make_engine(f"postgresql+asyncpg://newsdesk:{secret}@127.0.0.1:{port}/newsdesk")
    try:
        with pytest.raises(DatabaseUnavailable) as info:
            await check_connection(engine)
    finally:
        await engine.dispose()
    message = str(info.value)
    assert secret not in message
    assert f"127.0.0.1:{port}" in message and "DATABASE_URL" in message
    with pytest.raises(DatabaseUnavailable) as info2:
        await migrate(f"postgresql+asyncpg://newsdesk:{secret}@127.0.0.1:{port}/newsdesk")
    assert secret not in str(info2.value)


async def test_store_calls_raise_database_unavailable_when_server_is_gone() -> None:
    secret = "pw-Zq9"
    store = Store(make_engine(f"postgresql+asyncpg://u:{secret}@127.0.0.1:{_closed_port()}/d"))
    try:
        with pytest.raises(DatabaseUnavailable) as info:
            await store.claim_delivery("Ev1")
    finally:
        await store.close()
    assert secret not in str(info.value)


@pytest.mark.parametrize(
    "url",
    [
        "not a url at all",
        "mysql://root:pw-Zq9@localhost/newsdesk",
        "postgresql+psycopg2x://root:pw-Zq9@localhost/db",
        "http://user:pw-Zq9@example.invalid/",
    ],
)
def test_bad_database_url_is_database_unavailable(url: str) -> None:
    with pytest.raises(DatabaseUnavailable) as info:
        make_engine(url)
    message = str(info.value)
    assert "pw-Zq9" not in message
    assert "DATABASE_URL" in message


@pytest.mark.postgres
async def test_missing_database_on_a_real_server(pg_url: str) -> None:
    from sqlalchemy.engine import make_url

    url = make_url(pg_url).set(database="no_such_db_here", password="pw-Zq9")
    engine = make_engine(url.render_as_string(hide_password=False))
    try:
        with pytest.raises(DatabaseUnavailable) as info:
            await check_connection(engine)
    finally:
        await engine.dispose()
    assert "no_such_db_here" in str(info.value) and "pw-Zq9" not in str(info.value)


async def test_unopenable_sqlite_file_is_database_unavailable(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(DatabaseUnavailable):
        engine = make_engine(f"sqlite+aiosqlite:///{blocker}/sub/newsdesk.db")
        try:
            await check_connection(engine)
        finally:
            await engine.dispose()


async def test_sqlite_reads_do_not_wait_for_a_writer(tmp_path: Path) -> None:
    """Reads begin DEFERRED, so an open write transaction elsewhere does not block them."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'rw.db'}"
    await migrate(url)
    writer, reader = Store(make_engine(url)), Store(make_engine(url))
    try:
        sid = await _story(writer)
        async with writer.engine.begin() as conn:  # BEGIN IMMEDIATE: holds the write lock
            await conn.execute(text("UPDATE stories SET title = 'draft' WHERE id = :i"), {"i": sid})
            story = await reader.get_story(sid)  # would wait out busy_timeout if IMMEDIATE
            assert story is not None and story.title == "Story 1"  # WAL: the committed row
    finally:
        await writer.close()
        await reader.close()


def test_an_unescaped_at_in_the_password_is_refused_without_echoing_it() -> None:
    url = "postgresql+asyncpg://user:se@cret-pw@127.0.0.1:1/db"
    with pytest.raises(DatabaseUnavailable) as info:
        make_engine(url)
    message = str(info.value)
    assert "%40" in message
    assert "cret-pw" not in message and "se@" not in message
    # Percent-encoded, the same password is fine.
    engine = make_engine("postgresql+asyncpg://user:se%40cret-pw@127.0.0.1:1/db")
    assert engine.url.password == "se@cret-pw"
