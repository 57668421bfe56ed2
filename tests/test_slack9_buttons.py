"""The Check now button answers at once when the re-check is slow, then with its result
(the real Bolt app over signed HTTP, the fake Web API, a watched story on a slow server)."""

from __future__ import annotations

import pytest

from tests.test_watch_commands import Client, app_client

__all__ = ["app_client"]  # the fixture, shared with tests/test_watch_commands.py


@pytest.mark.parametrize("slow", [True, False])
async def test_check_now_says_it_is_checking_only_when_the_check_is_slow(
    app_client: Client, monkeypatch: pytest.MonkeyPatch, slow: bool
) -> None:
    c = app_client
    monkeypatch.setattr("bot.service.PROGRESS_AFTER", 0.1 if slow else 5.0)
    sid = await c.h.watch(3)
    (thread,) = await c.h.store.threads_for_story(sid)
    c.h.server.delay = 0.4
    await c.press("check_now", sid, thread.thread_ts, "check")
    replies = await c.h.fake.wait_for_responses(2 if slow else 1)
    await c.h.service.drain()
    texts = [r["text"] for r in replies if r["_key"] == "check"]
    assert all(r["response_type"] == "ephemeral" for r in replies)
    if slow:
        assert texts[0] == "Checking the story now..."
        assert "no material change" in texts[1] and len(texts) == 2
    else:
        assert len(texts) == 1 and "no material change" in texts[0]
