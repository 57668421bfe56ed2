"""Scheduled channel digests on both databases, with an injected clock and the fake Slack."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.channel_digest import ChannelDigester
from bot.watch_service import WatchService
from tests.article_versions import NEW_TITLE, Harness, harness, message_text
from tests.fake_slack import TEAM_ID


def _digester(h: Harness) -> ChannelDigester:
    return ChannelDigester(h.store, h.settings, h.poster, now=h.clock)


async def _no_tz() -> str | None:
    return None


async def test_digest_at_the_scheduled_local_time_newest_change_first(db_url: str) -> None:
    async with harness(db_url) as h:
        # Thursday 6 March 2025, 14:00 UTC. London is on GMT (UTC+0), New York on EST (-5).
        ws = WatchService(h.store, h.settings, h.clock)

        async def new_york() -> str:
            return "America/New_York"

        reply = await ws.schedule(TEAM_ID, "C1", "U1", "daily 09:00", new_york)
        assert "daily at 09:00 America/New_York" in reply
        rec = await h.store.get_schedule(TEAM_ID, "C1")
        assert rec is not None
        assert rec.next_run_at == datetime(2025, 3, 7, 14, 0, tzinfo=UTC)  # 09:00 EST

        a = await h.watch(1)
        b = await h.watch(2)
        w = h.watcher()
        await w.run_due()
        h.clock.advance(minutes=15)
        h.server.set(1, "figure")
        await w.run_due()  # story 1 changes at 14:15
        h.clock.advance(minutes=15)
        h.server.set(2, "correction")
        await w.run_due()  # story 2 changes at 14:30
        posted_in_threads = len(h.posts())

        d = _digester(h)
        h.clock.set(datetime(2025, 3, 7, 13, 59, tzinfo=UTC))
        assert await d.run_due() == 0  # 08:59 in New York: not yet
        h.clock.set(datetime(2025, 3, 7, 14, 0, tzinfo=UTC))
        assert await d.run_due() == 1
        assert await d.run_due() == 0  # once
        call = h.posts()[posted_in_threads]
        assert call.params["channel"] == "C1" and "thread_ts" not in call.params
        text = message_text(call)
        assert "2 stories changed" in text
        assert "~12~ → 15" in text
        assert "Correction: An earlier version of this article" in text
        # Newest first: story 2 changed after story 1.
        assert text.index(h.url(2)) < text.index(h.url(1))
        assert NEW_TITLE in text
        rec = await h.store.get_schedule(TEAM_ID, "C1")
        assert rec is not None and rec.next_run_at == datetime(2025, 3, 8, 14, 0, tzinfo=UTC)
        assert {a, b}


async def test_quiet_digest_says_so_or_is_skipped(db_url: str) -> None:
    for skip in (False, True):
        async with harness(db_url, skip_quiet_channel_digests=skip) as h:
            ws = WatchService(h.store, h.settings, h.clock)
            await ws.schedule(TEAM_ID, "C1", "U1", "weekdays 17:30 Europe/London", _no_tz)
            await h.watch(1)
            await h.watcher().run_due()
            h.clock.set(datetime(2025, 3, 6, 17, 30, tzinfo=UTC))
            posted = await _digester(h).run_due()
            if skip:
                assert posted == 0 and h.posts() == []
            else:
                assert posted == 1
                text = message_text(h.posts()[0])
                assert "no material changes since" in text and "1 watched story" in text
            rec = await h.store.get_schedule(TEAM_ID, "C1")
            # Friday 17:30, then (weekdays) Monday 17:30.
            assert rec is not None and rec.next_run_at == datetime(2025, 3, 7, 17, 30, tzinfo=UTC)


async def test_digest_missed_while_down_runs_once(db_url: str) -> None:
    async with harness(db_url) as h:
        ws = WatchService(h.store, h.settings, h.clock)
        await ws.schedule(TEAM_ID, "C1", "U1", "daily 09:00 UTC", _no_tz)
        h.clock.set(datetime(2025, 3, 10, 12, 0, tzinfo=UTC))  # three runs were missed
        assert await _digester(h).run_due() == 1
        assert await _digester(h).run_due() == 0
        rec = await h.store.get_schedule(TEAM_ID, "C1")
        assert rec is not None and rec.next_run_at == datetime(2025, 3, 11, 9, 0, tzinfo=UTC)
        assert rec.last_run_at == h.clock()


async def test_removed_from_channel_drops_the_schedule(db_url: str) -> None:
    async with harness(db_url) as h:
        ws = WatchService(h.store, h.settings, h.clock)
        await ws.schedule(TEAM_ID, "C9", "U1", "daily 15:00 UTC", _no_tz)
        h.fake.fail("chat.postMessage", "is_archived")
        h.clock.set(datetime(2025, 3, 6, 15, 0, tzinfo=UTC))
        assert await _digester(h).run_due() == 0
        assert await h.store.get_schedule(TEAM_ID, "C9") is None
