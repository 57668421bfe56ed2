"""Claiming work across "processes" (separate engines) on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from storage.db import make_engine
from storage.repo import Store

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
LEASE = timedelta(minutes=10)


@pytest.fixture
async def two_stores(db_url: str) -> AsyncIterator[tuple[Store, Store]]:
    """Two Stores with their own engines and pools, as two worker processes would have."""
    a, b = Store(make_engine(db_url)), Store(make_engine(db_url))
    try:
        yield a, b
    finally:
        await a.close()
        await b.close()


async def test_claim_delivery_first_wins_with_20_concurrent_claims(store: Store) -> None:
    results = await asyncio.gather(*(store.claim_delivery("Ev0ABC") for _ in range(20)))
    assert results.count(True) == 1
    assert results.count(False) == 19
    assert await store.claim_delivery("Ev0ABD") is True  # another key is independent


async def test_claim_delivery_across_two_processes(two_stores: tuple[Store, Store]) -> None:
    a, b = two_stores
    keys = [f"trigger-{i}" for i in range(8)]
    calls = [(s, k) for k in keys for s in (a, b, a, b)]
    results = await asyncio.gather(*(s.claim_delivery(k) for s, k in calls))
    winners = Counter(k for (_, k), won in zip(calls, results, strict=True) if won)
    assert winners == Counter(dict.fromkeys(keys, 1))


async def test_notice_claimed_once_under_concurrency(two_stores: tuple[Store, Store]) -> None:
    a, b = two_stores
    sid = await a.upsert_story("https://n.example/x", "https://n.example/x", "X")
    tid = await a.record_thread(
        team_id="T",
        channel_id="C",
        parent_ts="1.0",
        thread_ts="1.0",
        story_id=sid,
        requested_by="U",
        watching=True,
    )
    results = await asyncio.gather(*(s.claim_notice(tid, "gone") for s in [a, b] * 10))
    assert results.count(True) == 1


async def _drain(store: Store, owner: str, now: datetime, batch: int) -> list[int]:
    got: list[int] = []
    while True:
        claimed = await store.claim_due_checks(now, owner, LEASE, batch)
        if not claimed:
            return got
        assert all(s.lease_owner == owner for s in claimed)
        got.extend(s.id for s in claimed)
        await asyncio.sleep(0)  # let the other workers interleave


async def test_two_processes_never_claim_the_same_story(
    two_stores: tuple[Store, Store],
) -> None:
    a, b = two_stores
    ids = []
    for i in range(120):
        sid = await a.upsert_story(f"https://n.example/{i}", f"https://n.example/{i}", None)
        await a.schedule_check(sid, T0 - timedelta(seconds=i))
        ids.append(sid)
    workers = [
        _drain(store, f"{name}-{w}", T0, batch=7)
        for name, store in (("a", a), ("b", b))
        for w in range(3)
    ]
    claimed = [sid for got in await asyncio.gather(*workers) for sid in got]
    duplicates = [sid for sid, n in Counter(claimed).items() if n > 1]
    assert duplicates == []
    assert sorted(claimed) == sorted(ids)


async def test_expired_lease_is_reclaimable_and_late_finish_ignored(
    two_stores: tuple[Store, Store],
) -> None:
    a, b = two_stores
    sid = await a.upsert_story("https://n.example/lease", "https://n.example/lease", None)
    await a.schedule_check(sid, T0)
    [mine] = await a.claim_due_checks(T0, "dead-worker", LEASE, 10)
    assert mine.id == sid
    # While the lease holds, nobody else gets it.
    assert await b.claim_due_checks(T0 + LEASE - timedelta(seconds=1), "w2", LEASE, 10) == []
    # The worker died; its lease runs out and another worker takes the story.
    later = T0 + LEASE + timedelta(seconds=1)
    [theirs] = await b.claim_due_checks(later, "w2", LEASE, 10)
    assert (theirs.id, theirs.lease_owner) == (sid, "w2")
    # The dead worker wakes up and reports: ignored.
    assert not await a.finish_check(
        sid,
        "dead-worker",
        next_check_at=T0 + timedelta(days=9),
        changed=True,
        failed=False,
        checked_at=later,
        status="gone",
    )
    story = await b.get_story(sid)
    assert story is not None
    assert (story.status, story.lease_owner, story.last_changed_at) == ("active", "w2", None)
    assert await b.finish_check(
        sid,
        "w2",
        next_check_at=later + timedelta(hours=1),
        changed=False,
        failed=False,
        checked_at=later,
    )
    story = await b.get_story(sid)
    assert story is not None
    assert (story.lease_owner, story.next_check_at) == (None, later + timedelta(hours=1))


async def test_schedules_are_claimed_once_and_leases_expire(
    two_stores: tuple[Store, Store],
) -> None:
    a, b = two_stores
    for i in range(10):
        await a.upsert_schedule(
            "T1",
            f"C{i}",
            cadence="daily",
            local_time="08:00",
            tz_name="UTC",
            next_run_at=T0 - timedelta(minutes=i),
        )
    got = await asyncio.gather(
        *(
            s.claim_due_schedules(T0, f"{n}{i}", LEASE, 3)
            for i in range(4)
            for n, s in (("a", a), ("b", b))
        )
    )
    claimed = [r.id for batch in got for r in batch]
    assert len(claimed) == len(set(claimed)) == 10

    one = got[0][0] if got[0] else next(batch[0] for batch in got if batch)
    later = T0 + LEASE + timedelta(seconds=1)
    again = await b.claim_due_schedules(later, "b-new", LEASE, 100)
    assert one.id in {r.id for r in again}
    assert not await a.finish_schedule(one.id, one.lease_owner or "", next_run_at=later, ran_at=T0)
    assert await b.finish_schedule(
        one.id, "b-new", next_run_at=later + timedelta(days=1), ran_at=later
    )
