"""The APScheduler job runner: real AsyncIOScheduler on the test's loop, real databases."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from bot.channel_digest import ChannelDigester
from bot.scheduler import JobRunner
from storage.db import make_engine
from storage.repo import Store
from tests.article_versions import Harness, harness, message_text


async def until(cond: Callable[[], bool], within: float = 20.0) -> None:
    """Wait (polling) until ``cond()``; fail after ``within`` seconds."""
    for _ in range(int(within / 0.01)):
        if cond():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition not reached")


def _runner(h: Harness, store: Store | None = None, interval: float = 0.05) -> JobRunner:
    store = store or h.store
    watcher = h.watcher(store)
    digester = ChannelDigester(store, h.settings, h.poster, now=h.clock)
    return JobRunner(watcher, digester, interval=interval)


async def test_runner_ticks_and_posts_changes_then_stops(db_url: str) -> None:
    async with harness(db_url) as h:
        await h.watch(1, threads=2)
        h.server.set(1, "headline")
        runner = _runner(h)
        runner.start()
        assert runner.running
        try:
            await h.fake.wait_for("chat.postMessage", 2)
            assert "Story changed" in message_text(h.posts()[0])
            ticks = runner.ticks
            await until(lambda: runner.ticks >= ticks + 2)
            assert h.server.hits[1] == 1  # later ticks found nothing due (clock stands still)
        finally:
            await runner.aclose()
        assert not runner.running
        ticks = runner.ticks
        h.clock.advance(minutes=15)
        await asyncio.sleep(0.2)
        assert runner.ticks == ticks and h.server.hits[1] == 1


async def test_restart_runs_missed_checks_once(db_url: str) -> None:
    async with harness(db_url) as h:
        for n in range(5):
            await h.watch(n)
        first = _runner(h)
        first.start()
        try:
            await until(lambda: h.server.total_hits() == 5)
        finally:
            await first.aclose()
        h.clock.advance(hours=5)  # down for hours: many slots missed
        store2 = Store(make_engine(db_url), clock=h.clock)
        second = _runner(h, store2)
        second.start()
        try:
            await until(lambda: h.server.total_hits() == 10)
            ticks = second.ticks
            await until(lambda: second.ticks >= ticks + 2)
            assert all(h.server.hits[n] == 2 for n in range(5))
        finally:
            await second.aclose()
            await store2.close()


@pytest.mark.postgres
async def test_two_schedulers_on_one_postgres_run_each_check_once(pg_url: str) -> None:
    async with harness(pg_url) as h:
        stories = range(100, 140)
        for n in stories:
            await h.watch(n, channel=f"C{n}")
        h.server.set(120, "figure")
        h.server.delay = 0.002
        stores = [Store(make_engine(pg_url), clock=h.clock) for _ in range(2)]
        runners = [_runner(h, s) for s in stores]
        for r in runners:
            r.start()
        try:
            await until(lambda: h.server.total_hits() >= len(stories))
            marks = [r.ticks for r in runners]
            await until(lambda: all(r.ticks >= m + 2 for r, m in zip(runners, marks, strict=True)))
            assert all(h.server.hits[n] == 1 for n in stories)
            assert sum(w.fetches for w in h.watchers) == len(stories)
            assert [c.params["channel"] for c in h.posts()] == ["C120"]
        finally:
            for r in runners:
                await r.aclose()
            for s in stores:
                await s.close()
