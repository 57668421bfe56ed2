"""A scheduled channel digest that can no longer be posted tells whoever set it, by DM,
rather than stopping without a word (injected clock, the fake Web API, both databases)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.channel_digest import ChannelDigester, schedule_dropped
from bot.watch_service import WatchService
from tests.article_versions import harness
from tests.fake_slack import TEAM_ID


async def _no_tz() -> str | None:
    return None


@pytest.mark.parametrize(
    ("error", "says"),
    [
        ("not_in_channel", "/invite @Newsdesk"),
        ("is_archived", "archived"),
        ("channel_not_found", "private"),
    ],
)
async def test_a_dropped_schedule_is_explained_to_its_creator(
    db_url: str, error: str, says: str
) -> None:
    async with harness(db_url) as h:
        ws = WatchService(h.store, h.settings, h.clock)
        await ws.schedule(TEAM_ID, "C0DESK", "U0EDITOR", "daily 15:00 UTC", _no_tz)
        h.fake.fail("chat.postMessage", error)
        h.clock.set(datetime(2025, 3, 6, 15, 0, tzinfo=UTC))
        digester = ChannelDigester(h.store, h.settings, h.poster, now=h.clock)
        assert await digester.run_due() == 0
        assert await h.store.get_schedule(TEAM_ID, "C0DESK") is None
        refused, note = h.fake.of("chat.postMessage")
        assert refused.params["channel"] == "C0DESK"
        assert note.params["channel"] == "U0EDITOR"  # the app's DM with its creator
        assert "scheduled digest for <#C0DESK>" in note.params["text"]
        assert says in note.params["text"] and "/digest schedule" in note.params["text"]


def test_a_revoked_token_leaves_no_one_to_tell() -> None:
    assert schedule_dropped("C0DESK", "token_revoked") is None
    assert schedule_dropped("C0DESK", "no_installation") is None
