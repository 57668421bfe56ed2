"""The watcher against a loopback story server, the fake Slack Web API and a real database.

Every test runs on SQLite and PostgreSQL (``db_url``). Time is an injected clock.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest

from bot.schedule import MAX_FAILURES
from bot.watcher import Watcher
from storage.db import make_engine
from storage.repo import Store
from tests.article_versions import (
    CORRECTION_LINE,
    NEW_TITLE,
    TITLE,
    Harness,
    harness,
    message_text,
)
from tests.fake_slack import TEAM_ID


async def _check(h: Harness, watcher=None) -> dict[str, int]:
    stats = await (watcher or h.watcher()).run_due()
    return dict(stats.outcomes)


async def test_story_life_replies_in_every_thread_once_per_material_change(db_url: str) -> None:
    async with harness(db_url) as h:
        sid = await h.watch(1, threads=3)
        w = h.watcher()
        threads = {(t.channel_id, t.thread_ts) for t in await h.store.threads_for_story(sid)}
        assert len(threads) == 3

        async def step(minutes: int = 15) -> dict[str, int]:
            h.clock.advance(minutes=minutes)
            return await _check(h, w)

        # First look: the same story as digested; the ETag is kept.
        assert await _check(h, w) == {"unchanged": 1}
        assert h.server.hits[1] == 1 and h.server.conditional[1] == 0
        # Second: a conditional GET, answered 304.
        assert await step() == {"not_modified": 1}
        assert h.server.not_modified[1] == 1
        assert h.posts() == []

        expected_posts = 0
        for stage, must_contain in [
            ("headline", [f"~{TITLE}~ → {NEW_TITLE}"]),
            ("figure", ["~12~ → 15", "injuring 15 people"]),
            ("quote", ["Daniel Mercer", "We warned the council about cracks in the deck"]),
            ("correction", [CORRECTION_LINE]),
        ]:
            h.server.set(1, stage)
            assert await step() == {"changed": 1}, stage
            expected_posts += 3
            posts = h.posts()
            assert len(posts) == expected_posts
            new = posts[-3:]
            assert {(c.params["channel"], c.params["thread_ts"]) for c in new} == threads
            for call in new:
                text = message_text(call)
                for needle in must_contain:
                    assert needle in text, (stage, needle, text)
                assert text.startswith(NEW_TITLE)  # fallback text names the story

        # Immaterial: page furniture, a timestamp line, a 304, a flip back to a wording
        # seen before. All fetched once, none posted.
        h.server.set(1, "correction", furniture=True)
        assert await step() == {"unchanged": 1}
        h.server.set(1, "correction", timestamp=True)
        assert await step() == {"unchanged": 1}
        assert await step() == {"not_modified": 1}
        h.server.set(1, "quote")
        assert await step() == {"reverted": 1}
        assert len(h.posts()) == expected_posts

        versions = await h.store.list_versions(sid)
        # base, headline, figure, quote, correction, quote again (every version kept)
        assert len(versions) == 6
        assert versions[-1].content_hash == versions[3].content_hash

        # One fetch per check however many threads: 10 checks so far.
        assert h.server.hits[1] == 10

        # The page goes: after a few 404s each thread is told once and checks stop.
        h.server.set(1, None)
        outcomes = [await step(60) for _ in range(3)]
        assert outcomes[-1] == {"gone": 1}
        gone = [c for c in h.posts()[expected_posts:]]
        assert len(gone) == 3
        assert {(c.params["channel"], c.params["thread_ts"]) for c in gone} == threads
        assert all("has gone (HTTP 404)" in c.params["text"] for c in gone)
        story = await h.store.get_story(sid)
        assert story is not None and story.status == "gone" and story.next_check_at is None
        assert await step(600) == {}
        assert h.server.hits[1] == 13
        assert len(await h.store.list_versions(sid)) == 6  # nothing thrown away


async def test_backoff_follows_the_last_material_change(db_url: str) -> None:
    async with harness(db_url, watch_horizon_days=7.0) as h:
        sid = await h.watch(2)
        w = h.watcher()
        start = h.clock()
        gaps: list[tuple[float, timedelta]] = []  # (age in hours, gap to next check)
        while True:
            await w.run_due()
            story = await h.store.get_story(sid)
            assert story is not None
            if story.next_check_at is None:
                break
            gaps.append(((h.clock() - start) / timedelta(hours=1), story.next_check_at - h.clock()))
            h.clock.set(story.next_check_at)
        assert story.status == "stopped"
        assert (h.clock() - start) == timedelta(days=7)
        assert all(g == timedelta(minutes=15) for age, g in gaps if age < 3)
        assert all(g == timedelta(hours=1) for age, g in gaps if 3 <= age < 24)
        assert all(g == timedelta(hours=3) for age, g in gaps if 24 <= age < 7 * 24 - 3)
        assert len(gaps) == 12 + 21 + 48
        assert h.posts() == []
        # Past the horizon nothing is fetched any more.
        hits = h.server.hits[2]
        h.clock.advance(days=3)
        assert await _check(h, w) == {}
        assert h.server.hits[2] == hits


async def test_material_change_resets_to_the_fresh_rate(db_url: str) -> None:
    async with harness(db_url) as h:
        sid = await h.watch(3)
        w = h.watcher()
        await w.run_due()
        h.clock.advance(hours=30)  # a day and more: checks are 3-hourly now
        await w.run_due()
        story = await h.store.get_story(sid)
        assert story is not None and story.next_check_at == h.clock() + timedelta(hours=3)
        h.server.set(3, "figure")
        h.clock.set(story.next_check_at)
        assert await _check(h, w) == {"changed": 1}
        story = await h.store.get_story(sid)
        assert story is not None
        assert story.next_check_at == h.clock() + timedelta(minutes=15)
        assert story.last_changed_at == h.clock()
        # A furniture-only change later does not reset the clock.
        changed_at = story.last_changed_at
        h.clock.advance(hours=4)
        h.server.set(3, "figure", furniture=True)
        await w.run_due()
        story = await h.store.get_story(sid)
        assert story is not None and story.last_changed_at == changed_at
        assert story.next_check_at == h.clock() + timedelta(hours=1)


async def test_failures_back_off_then_stop_with_one_notice(db_url: str) -> None:
    async with harness(db_url) as h:
        sid = await h.watch(4, threads=2)
        w = h.watcher()
        h.server.status[4] = 503
        delays = []
        for _ in range(MAX_FAILURES - 1):
            assert await _check(h, w) == {"failed": 1}
            story = await h.store.get_story(sid)
            assert story is not None and story.next_check_at is not None
            delays.append(story.next_check_at - h.clock())
            h.clock.set(story.next_check_at)
        assert delays[:4] == [timedelta(minutes=m) for m in (5, 10, 20, 40)]
        assert h.posts() == []
        assert await _check(h, w) == {"gave_up": 1}
        posts = h.posts()
        assert len(posts) == 2 and all("couldn't fetch" in c.params["text"] for c in posts)
        story = await h.store.get_story(sid)
        assert story is not None and story.status == "stopped"
        # Check now starts it again, and a recovered page resets the failure count.
        del h.server.status[4]
        result = await w.check_now(sid)
        assert result is not None and result.outcome == "unchanged"
        story = await h.store.get_story(sid)
        assert story is not None and story.status == "active" and story.consecutive_failures == 0


async def test_removed_from_channel_stops_that_thread_quietly(db_url: str) -> None:
    async with harness(db_url) as h:
        sid = await h.watch(5, threads=3)
        w = h.watcher()
        await w.run_due()
        h.fake.fail("chat.postMessage", "not_in_channel")  # the first thread's post
        h.server.set(5, "headline")
        h.clock.advance(minutes=15)
        result = await w.run_due()
        assert result.outcomes == {"changed": 1} and result.posted == 2
        watching = await h.store.threads_for_story(sid)
        assert len(watching) == 2
        all_threads = await h.store.threads_for_story(sid, watching_only=False)
        assert len(all_threads) == 3  # kept, just not watching
        h.server.set(5, "figure")
        h.clock.advance(minutes=15)
        await w.run_due()
        assert len(h.posts()) == 3 + 2  # 3 attempts (1 failed) + 2


async def test_restart_loses_nothing_and_runs_missed_work_once(db_url: str) -> None:
    async with harness(db_url) as h:
        for n in range(10, 15):
            await h.watch(n)
        first = h.watcher()
        assert (await first.run_due()).checks == 5
        await first.aclose()
        await h.store.close()
        # Down for two hours; a story changed meanwhile.
        h.server.set(12, "headline")
        h.clock.advance(hours=2)
        store2 = Store(make_engine(db_url), clock=h.clock)
        try:
            w2 = h.watcher(store2)
            stats = await w2.run_due()
            assert stats.checks == 5  # each missed check once, not once per missed slot
            assert stats.outcomes == {"not_modified": 4, "changed": 1}
            assert await w2.run_due() == type(stats)()  # nothing left due
            assert all(h.server.hits[n] == 2 for n in range(10, 15))
            assert len(h.posts()) == 1
        finally:
            await store2.close()


async def test_bounded_concurrency_and_per_host_limit(db_url: str) -> None:
    async with harness(db_url, fetch_concurrency=4, fetch_per_host=2) as h:
        for n in range(20, 32):
            await h.watch(n, seed=False)
        h.server.delay = 0.02
        stats = await h.watcher().run_due()
        assert stats.checks == 12 and stats.outcomes == {"first": 12}
        assert h.server.max_inflight == 2  # one host: the per-host limit binds
        assert h.posts() == []  # a first version is the baseline, not news


async def test_killed_worker_lease_expires_and_another_does_the_check_once(db_url: str) -> None:
    async with harness(db_url) as h:
        sid = await h.watch(40)
        h.server.set(40, "headline")
        h.server.gate = asyncio.Event()
        doomed = h.watcher(lease=timedelta(minutes=2))
        task = asyncio.create_task(doomed.run_due())
        await asyncio.wait_for(h.server.arrived.wait(), 10)  # claimed, and mid-fetch
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        h.server.gate.set()  # let the orphaned request finish (nobody reads it)
        h.server.gate = None
        story = await h.store.get_story(sid)
        assert story is not None and story.lease_owner == doomed.owner
        other = h.watcher()
        assert (await other.run_due()).checks == 0  # the lease still holds
        h.clock.advance(minutes=3)
        stats = await other.run_due()
        assert stats.outcomes == {"changed": 1}
        assert (await other.run_due()).checks == 0
        assert len(h.posts()) == 1
        story = await h.store.get_story(sid)
        assert story is not None and story.lease_owner is None


@pytest.mark.postgres
async def test_two_watchers_on_one_postgres_check_each_story_once(pg_url: str) -> None:
    async with harness(pg_url, fetch_concurrency=8) as h:
        ids = [await h.watch(n, threads=1, channel=f"C{n}") for n in range(100, 160)]
        h.server.set(130, "figure")
        h.server.delay = 0.005
        stores = [Store(make_engine(pg_url), clock=h.clock) for _ in range(2)]
        try:
            a, b = (h.watcher(s) for s in stores)
            sa, sb = await asyncio.gather(a.run_due(), b.run_due())
            assert sa.checks + sb.checks == len(ids)
            assert sa.checks > 0 and sb.checks > 0
            assert all(h.server.hits[n] == 1 for n in range(100, 160))
            assert a.fetches + b.fetches == len(ids)
            assert len(h.posts()) == 1 and h.posts()[0].params["channel"] == "C130"
        finally:
            for s in stores:
                await s.close()


async def test_thread_posts_carry_the_team_and_thread(db_url: str) -> None:
    async with harness(db_url) as h:
        await h.watch(50)
        w = h.watcher()
        await w.run_due()
        h.server.set(50, "correction")
        h.clock.advance(minutes=15)
        await w.run_due()
        (call,) = h.posts()
        assert call.token == "xoxb-test"
        assert call.params["channel"] == "C1"
        assert call.params["thread_ts"] == "1600000000.050000"
        assert TEAM_ID  # the poster is asked per team
        blocks = call.params["blocks"]
        assert blocks[0]["type"] == "header" and len(blocks) <= 50


async def test_a_new_watched_digest_is_first_checked_one_interval_later(db_url: str) -> None:
    async with harness(db_url) as h:
        url = h.url(60)
        sid = await h.store.upsert_story(url, url, TITLE)  # as the app records a URL digest
        await h.store.record_thread(
            team_id=TEAM_ID,
            channel_id="C1",
            parent_ts="1.1",
            thread_ts="1.1",
            story_id=sid,
            requested_by="U1",
            watching=True,
        )
        unwatched = await h.store.upsert_story(h.url(61), h.url(61), TITLE)  # pasted text
        w = h.watcher()
        assert (await w.run_due()).checks == 0
        story = await h.store.get_story(sid)
        assert story is not None and story.next_check_at == h.clock() + timedelta(minutes=15)
        other = await h.store.get_story(unwatched)
        assert other is not None and other.next_check_at is None
        h.clock.advance(minutes=15)
        assert (await w.run_due()).outcomes == {"first": 1}
        assert h.server.hits[60] == 1 and h.server.hits[61] == 0


class _HangingPoster:
    """A poster that never returns: the process dies with the post in flight."""

    def __init__(self, posts: int) -> None:
        self.posts = posts  # how many posts must be in flight before ``entered`` is set
        self.entered = asyncio.Event()

    async def post(
        self, team_id: str, channel_id: str, thread_ts: str | None, message: dict[str, Any]
    ) -> None:
        self.posts -= 1
        if self.posts == 0:
            self.entered.set()
        await asyncio.Event().wait()


async def test_change_stored_by_a_dead_worker_is_still_told_once(db_url: str) -> None:
    """A worker stores the new version, then dies before its replies go out."""
    async with harness(db_url) as h:
        sid = await h.watch(41, threads=2)
        await h.watcher().run_due()  # baseline
        h.server.set(41, "headline")
        h.clock.advance(minutes=15)
        hanging = _HangingPoster(posts=2)  # both threads claimed, neither post finished
        doomed = Watcher(h.store, h.settings, hanging, now=h.clock)
        task = asyncio.create_task(doomed.run_due())
        await asyncio.wait_for(hanging.entered.wait(), 10)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await doomed.aclose()
        assert len(await h.store.list_versions(sid)) == 2  # the change is stored...
        assert h.posts() == []  # ...and nobody has been told

        h.clock.advance(minutes=6)  # the lease (and the unsent claims) have gone stale
        other = h.watcher()
        stats = await other.run_due()
        # The page has not changed since the dead worker read it (a 304), but both threads
        # now hear about the headline, once each.
        assert stats.outcomes == {"not_modified": 1}
        posts = h.posts()
        assert len(posts) == 2
        assert all(f"~{TITLE}~ → {NEW_TITLE}" in message_text(c) for c in posts)
        story = await h.store.get_story(sid)
        assert story is not None and story.announce_version_id is None
        h.clock.advance(minutes=15)
        await other.run_due()
        assert len(h.posts()) == 2  # told once, not at every check


async def test_a_failed_reply_is_retried_at_the_next_check_in_that_thread_only(
    db_url: str,
) -> None:
    async with harness(db_url) as h:
        sid = await h.watch(42, threads=3)
        w = h.watcher()
        await w.run_due()
        h.fake.fail("chat.postMessage", "internal_error")  # Slack has a bad minute
        h.server.set(42, "figure")
        h.clock.advance(minutes=15)
        first = await w.run_due()
        assert first.outcomes == {"changed": 1} and first.posted == 2
        story = await h.store.get_story(sid)
        assert story is not None and story.announce_version_id is not None
        threads = {t.thread_ts for t in await h.store.threads_for_story(sid)}
        assert len(threads) == 3  # a passing failure does not stop the thread

        h.clock.advance(minutes=15)
        second = await w.run_due()
        assert second.outcomes == {"not_modified": 1}
        replies = [c for c in h.posts() if "injuring 15 people" in message_text(c)]
        # 3 attempts then 1 retry; every thread has the reply exactly once.
        assert len(replies) == 4
        sent = [c.params["thread_ts"] for c in replies if (c.result or {}).get("ok")]
        assert sorted(sent) == sorted(threads)
        story = await h.store.get_story(sid)
        assert story is not None and story.announce_version_id is None
        h.clock.advance(minutes=15)
        await w.run_due()
        assert len([c for c in h.posts() if "injuring 15 people" in message_text(c)]) == 4


async def test_a_thread_started_after_a_change_is_not_told_about_it(db_url: str) -> None:
    async with harness(db_url) as h:
        sid = await h.watch(43, threads=1)
        w = h.watcher()
        await w.run_due()
        h.fake.fail("chat.postMessage", "internal_error")
        h.server.set(43, "headline")
        h.clock.advance(minutes=15)
        assert (await w.run_due()).posted == 0  # the one thread's reply failed
        h.clock.advance(minutes=1)
        await h.watch(43, threads=1, channel="C2", seed=False)  # someone digests the new version
        h.clock.advance(minutes=15)
        await w.run_due()
        told = [c for c in h.posts() if (c.result or {}).get("ok")]
        assert [c.params["channel"] for c in told] == ["C1"]
        assert (await h.store.get_story(sid)).announce_version_id is None  # type: ignore[union-attr]


async def test_changes_that_pile_up_while_slack_fails_are_all_told_in_order(db_url: str) -> None:
    """Slack refuses the reply about a new headline, and still refuses it at the next check,
    when the figure changes too: once Slack is back, the thread hears about the headline
    first and the figure second, each once."""
    async with harness(db_url) as h:
        sid = await h.watch(44, threads=1)
        w = h.watcher()
        await w.run_due()
        h.fake.fail("chat.postMessage", "internal_error", times=2)
        h.server.set(44, "headline")
        h.clock.advance(minutes=15)
        assert (await w.run_due()).posted == 0
        h.server.set(44, "figure")
        h.clock.advance(minutes=15)
        result = await w.run_due()
        assert result.outcomes == {"changed": 1} and result.posted == 2
        told = [message_text(c) for c in h.posts() if (c.result or {}).get("ok")]
        assert len(told) == 2
        assert "rescuers search river" in told[0] and "injuring 15 people" not in told[0]
        assert "injuring 15 people" in told[1]
        story = await h.store.get_story(sid)
        assert story is not None and story.announce_version_id is None
        h.clock.advance(minutes=15)
        await w.run_due()
        assert len([c for c in h.posts() if (c.result or {}).get("ok")]) == 2
