"""`/digest schedule|watching|stop` and the Stop watching / Check now buttons, end to end:
signed HTTP requests into the real AsyncApp, the fake Slack Web API, a real database."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from bot.app import create_app
from bot.server import build_web_app
from tests.article_versions import NEW_TITLE, TITLE, Harness, harness
from tests.fake_slack import TEAM_ID
from tests.slack_helpers import SIGNING_SECRET, command_body, headers_for, interactive_body


class Client:
    def __init__(self, h: Harness, base: str, http: ClientSession) -> None:
        self.h, self.base, self.http = h, base, http
        self.n = 0

    async def command(self, text: str, channel: str = "C1") -> dict[str, Any]:
        """Send `/digest text`; return the ephemeral reply sent to the response URL."""
        self.n += 1
        body = command_body(
            text,
            channel=channel,
            user="U1",
            trigger_id=f"trig-{self.n}",
            response_url=self.h.fake.response_url(f"r{self.n}"),
        )
        async with self.http.post(
            self.base + "/slack/events", data=body, headers=headers_for(body, form=True)
        ) as resp:
            assert resp.status == 200
        await self.h.fake.wait_for_responses(self.n)
        (reply,) = [r for r in self.h.fake.responses if r["_key"] == f"r{self.n}"]
        return reply

    async def press(self, action_id: str, story_id: int, thread_ts: str, key: str) -> None:
        """Click a digest button; its replies come to response URL ``key``."""
        payload = {
            "type": "block_actions",
            "token": "legacy-unused",
            "api_app_id": "A0NEWSDESK",
            "team": {"id": TEAM_ID, "domain": "fake"},
            "user": {"id": "U1", "team_id": TEAM_ID},
            "channel": {"id": "C1", "name": "news"},
            "container": {"type": "message", "message_ts": "1700000000.9", "channel_id": "C1"},
            "message": {"ts": "1700000000.9", "thread_ts": thread_ts, "text": "digest"},
            "trigger_id": f"trig-{key}",
            "response_url": self.h.fake.response_url(key),
            "actions": [
                {
                    "type": "button",
                    "action_id": action_id,
                    "block_id": "digest_actions",
                    "value": str(story_id),
                    "action_ts": "1700000001.0",
                }
            ],
        }
        body = interactive_body(payload)
        async with self.http.post(
            self.base + "/slack/events", data=body, headers=headers_for(body, form=True)
        ) as resp:
            assert resp.status == 200

    async def button(self, action_id: str, story_id: int, thread_ts: str) -> dict[str, Any]:
        self.n += 1
        await self.press(action_id, story_id, thread_ts, f"r{self.n}")
        await self.h.fake.wait_for_responses(self.n)
        (reply,) = [r for r in self.h.fake.responses if r["_key"] == f"r{self.n}"]
        return reply


@pytest.fixture
async def app_client(db_url: str) -> AsyncIterator[Client]:
    async with harness(db_url) as h:
        settings = replace(h.settings, slack_signing_secret=SIGNING_SECRET)
        app = create_app(settings, h.service)
        server = TestServer(build_web_app(app, h.service), host="127.0.0.1")
        await server.start_server()
        try:
            async with ClientSession() as http:
                yield Client(h, str(server.make_url("")).rstrip("/"), http)
        finally:
            await h.service.drain()
            await server.close()


async def test_help_lists_the_watching_subcommands(app_client: Client) -> None:
    reply = await app_client.command("help")
    for usage in ("schedule [weekdays|daily HH:MM [TZ]|off]", "watching", "stop <n>"):
        assert usage in reply["text"]


async def test_schedule_uses_the_requesters_time_zone_and_shows_and_turns_off(
    app_client: Client,
) -> None:
    c = app_client
    c.h.fake.user_tz = "Asia/Tokyo"
    reply = await c.command("schedule weekdays 09:00")
    assert reply["response_type"] == "ephemeral"
    assert "weekdays at 09:00 Asia/Tokyo" in reply["text"]
    assert [call.params["user"] for call in c.h.fake.of("users.info")] == ["U1"]
    rec = await c.h.store.get_schedule(TEAM_ID, "C1")
    assert rec is not None and rec.tz_name == "Asia/Tokyo" and rec.local_time == "09:00"
    assert rec.next_run_at > datetime.now(UTC)
    shown = await c.command("schedule")
    assert "weekdays at 09:00 Asia/Tokyo" in shown["text"] and "next:" in shown["text"]
    explicit = await c.command("schedule daily 17:30 Europe/Paris")
    assert "daily at 17:30 Europe/Paris" in explicit["text"]
    assert len(c.h.fake.of("users.info")) == 1  # a zone given: no lookup
    bad = await c.command("schedule daily 25:00")
    assert "not a time of day" in bad["text"]
    off = await c.command("schedule off")
    assert off["text"] == "Channel digest turned off."
    assert await c.h.store.get_schedule(TEAM_ID, "C1") is None


async def test_watching_lists_and_stop_n_stops_one(app_client: Client) -> None:
    c = app_client
    empty = await c.command("watching")
    assert "No stories are watched" in empty["text"]
    first = await c.h.watch(1)
    second = await c.h.watch(2)
    w = c.h.watcher()
    await w.run_due()
    c.h.server.set(2, "headline")
    c.h.clock.advance(minutes=15)
    await w.run_due()
    listing = (await c.command("watching"))["text"]
    lines = listing.splitlines()
    # Newest thread first, numbered; the changed story shows its new title and a change.
    assert lines[1].startswith("1. <" + c.h.url(2)) and NEW_TITLE in lines[1]
    assert "last change" in lines[1]
    assert lines[2].startswith("2. <" + c.h.url(1)) and TITLE in lines[2]
    assert "no change yet" in lines[2]
    assert "nope" not in listing
    assert "There is no story 3" in (await c.command("stop 3"))["text"]
    stopped = await c.command("stop 2")
    assert "Stopped watching" in stopped["text"] and TITLE in stopped["text"]
    assert await c.h.store.threads_for_story(first) == []
    story = await c.h.store.get_story(first)
    assert story is not None and story.status == "stopped"  # nobody watches it any more
    assert len(await c.h.store.threads_for_story(second)) == 1
    assert len(await c.h.store.list_versions(first)) == 1  # kept


async def test_buttons_check_now_and_stop_watching(app_client: Client) -> None:
    c = app_client
    sid = await c.h.watch(7)
    (thread,) = await c.h.store.threads_for_story(sid)
    c.h.server.set(7, "figure")
    reply = await c.button("check_now", sid, thread.thread_ts)
    assert "changed" in reply["text"] and reply["response_type"] == "ephemeral"
    (post,) = c.h.posts()
    assert post.params["channel"] == "C1" and post.params["thread_ts"] == thread.thread_ts
    assert "~12~ → 15" in json.dumps(post.params["blocks"], ensure_ascii=False)
    again = await c.button("check_now", sid, thread.thread_ts)
    assert "no material change" in again["text"]
    assert len(c.h.posts()) == 1
    stop = await c.button("stop_watching", sid, thread.thread_ts)
    assert "Stopped watching" in stop["text"]
    assert await c.h.store.threads_for_story(sid) == []
