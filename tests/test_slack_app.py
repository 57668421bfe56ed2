"""The Slack app end to end: signed HTTP requests into the real AsyncApp, a loopback fake
of Slack's Web API, a loopback article server, and a real database (SQLite and PostgreSQL).
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiohttp import ClientSession, web
from aiohttp.test_utils import TestServer

from bot.app import create_app
from bot.server import build_web_app
from bot.service import DigestService
from config.settings import Settings
from storage.repo import Store
from tests.fake_slack import FakeSlack
from tests.slack_helpers import (
    SIGNING_SECRET,
    command_body,
    event_body,
    headers_for,
    interactive_body,
)

STORY_TEXT = """Home | News | Weather | Sign in
Bridge repairs to close Millford crossing for six weeks
By Ana Lima, Transport correspondent
Published 4 May 2026

The Millford road bridge will close to traffic for six weeks from 1 June while engineers \
replace its corroded expansion joints, the county council said on Monday.

About 14,000 vehicles cross the bridge each day, according to council figures. Drivers \
will be diverted through Eastgate, adding up to 20 minutes to journeys.

"We know this is disruptive, but the joints have reached the end of their life," said \
Marcus Webb, the council's head of highways. "If we do nothing, we risk a much longer \
closure later."

Local traders said they feared losing business. Jo Harding, who runs a bakery by the \
bridge, said footfall had already fallen by a third during earlier overnight closures.

The £3.2m project is funded by a government maintenance grant. Pedestrians and cyclists \
will still be able to use a temporary walkway on the eastern side.

Share this article
Related stories
Cookie settings
"""

ARTICLE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Library to open on Sundays after petition | Eastgate Echo</title>
<meta property="og:title" content="Library to open on Sundays after petition">
<meta property="og:site_name" content="Eastgate Echo">
<meta name="author" content="Sam Okoro">
<meta property="article:published_time" content="2026-04-20T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Library to open on Sundays after petition</h1>
<p class="byline">By Sam Okoro</p>
<p>Eastgate central library will open on Sundays from next month after a petition signed \
by 2,300 residents, the town council announced on Thursday.</p>
<p>The library will open from 11am to 4pm, adding five hours to its weekly timetable at \
a cost of about £41,000 a year, council papers show.</p>
<p>"Libraries are where people study, look for work and keep warm," said councillor \
Rita Patel, who chairs the culture committee. "Sunday is when many families are free."</p>
<p>The petition was started by Lewis Grant, a retired teacher. He said the change showed \
the council was listening to residents.</p>
<p>Staff will be paid a weekend rate, and the council said no other branch would lose \
hours to fund the change.</p>
</article>
<footer>Subscribe to our newsletter. Privacy policy. Contact us.</footer>
</body></html>
"""

BOT_USER = "U0NEWSDESK"


@dataclass
class Harness:
    base: str  # the app's URL
    http: ClientSession
    fake: FakeSlack
    service: DigestService
    store: Store
    pages: str  # the article server's base URL

    async def post(
        self, body: str, *, form: bool = True, extra: dict[str, str] | None = None, **sign: Any
    ) -> tuple[int, str]:
        headers = {**headers_for(body, form=form, **sign), **(extra or {})}
        async with self.http.post(f"{self.base}/slack/events", data=body, headers=headers) as r:
            return r.status, await r.text()

    async def command(self, text: str, **kwargs: Any) -> tuple[int, str]:
        """POST a signed /digest; returns the status and the ack's message text."""
        kwargs.setdefault("response_url", self.fake.response_url(kwargs.get("trigger_id", "r")))
        status, body = await self.post(command_body(text, **kwargs))
        # Bolt answers a text-only ack as plain text, which Slack shows ephemerally.
        return status, (json.loads(body)["text"] if body.startswith("{") else body)

    def posts(self) -> list[dict[str, Any]]:
        return [c.params for c in self.fake.of("chat.postMessage")]


def settings_for(fake: FakeSlack, db_url: str, **extra: Any) -> Settings:
    return Settings(
        slack_bot_token="xoxb-test",
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake.api_url,
        database_url=db_url,
        allow_private_urls=True,
        slack_post_interval=extra.pop("slack_post_interval", 0.0),
        **extra,
    )


async def _page_server() -> web.AppRunner:
    async def article(_r: web.Request) -> web.Response:
        return web.Response(text=ARTICLE_HTML, content_type="text/html")

    app = web.Application()
    app.router.add_get("/news/library-sundays", article)
    app.router.add_get("/news/second-story", article)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    return runner


@pytest.fixture
async def harness(db_url: str, store: Store) -> AsyncIterator[Harness]:
    fake = await FakeSlack().start()
    pages = await _page_server()
    site = web.TCPSite(pages, "127.0.0.1", 0)
    await site.start()
    pages_port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    settings = settings_for(fake, db_url)
    service = DigestService(settings, store)
    app = create_app(settings, service)
    server = TestServer(build_web_app(app, service), host="127.0.0.1")
    await server.start_server()
    async with ClientSession() as http:
        yield Harness(
            base=str(server.make_url("")).rstrip("/"),
            http=http,
            fake=fake,
            service=service,
            store=store,
            pages=f"http://127.0.0.1:{pages_port}",
        )
    await service.aclose()
    await server.close()
    await pages.cleanup()
    await fake.stop()


def assert_within_limits(message: dict[str, Any]) -> None:
    blocks = message["blocks"]
    assert 0 < len(blocks) <= 50
    for block in blocks:
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= 150
        if block["type"] == "section":
            if "text" in block:
                assert len(block["text"]["text"]) <= 3000
            for f in block.get("fields", []):
                assert len(f["text"]) <= 2000
    assert message.get("text")


# --- request verification -----------------------------------------------------------------


async def test_signed_request_is_accepted_and_help_is_answered(harness: Harness) -> None:
    status, _ = await harness.command("help", trigger_id="t-help")
    assert status == 200
    responses = await harness.fake.wait_for_responses(1)
    assert "/digest again <link>" in responses[0]["text"]
    assert responses[0]["response_type"] == "ephemeral"
    assert harness.posts() == []


async def test_bad_signature_is_rejected(harness: Harness) -> None:
    status, _ = await harness.post(command_body("help"), secret="not-the-secret")
    assert status == 401
    assert harness.fake.calls == [] or all(c.method == "auth.test" for c in harness.fake.calls)


async def test_stale_timestamp_is_rejected(harness: Harness) -> None:
    status, _ = await harness.post(command_body("help"), timestamp=int(time.time()) - 6 * 60)
    assert status == 401


async def test_unknown_subcommand_gets_help_in_the_ack(harness: Harness) -> None:
    status, body = await harness.command("frobnicate")
    assert status == 200
    assert "I don't know `/digest frobnicate`" in body
    assert "/digest help" in body


async def test_healthz(harness: Harness) -> None:
    async with harness.http.get(f"{harness.base}/healthz") as resp:
        assert resp.status == 200
        assert (await resp.json())["ok"] is True


# --- /digest ------------------------------------------------------------------------------


async def test_pasted_text_acks_then_posts_parent_and_threaded_digest(harness: Harness) -> None:
    status, ack = await harness.command(STORY_TEXT, channel="C0PASTE", trigger_id="t-paste")
    assert status == 200
    assert ack == "Working on it..."
    posts = await harness.fake.wait_for("chat.postMessage", 2)
    parent, thread = posts[0].params, posts[1].params
    assert parent["channel"] == thread["channel"] == "C0PASTE"
    assert "thread_ts" not in parent
    assert "Bridge repairs to close Millford crossing" in json.dumps(parent["blocks"])
    assert "<@U0REPORTER>" in json.dumps(parent["blocks"])
    parent_ts = await _ts_of_call(harness, 0)
    assert thread["thread_ts"] == parent_ts
    assert_within_limits(thread)
    assert "digest_actions" not in json.dumps(thread["blocks"])  # pasted text: nothing to watch
    await harness.service.drain()
    story = await _only_story(harness)
    assert story.canonical_url.startswith("text:")
    threads = await harness.store.threads_for_story(story.id, watching_only=False)
    assert [(t.channel_id, t.thread_ts, t.watching) for t in threads] == [
        ("C0PASTE", parent_ts, False)
    ]


async def test_url_digest_has_buttons_and_is_watched(harness: Harness) -> None:
    url = f"{harness.pages}/news/library-sundays"
    _, ack = await harness.command(f"<{url}>", trigger_id="t-url")
    assert ack == "Working on it..."
    posts = await harness.fake.wait_for("chat.postMessage", 2)
    thread = posts[1].params
    assert_within_limits(thread)
    actions = [b for b in thread["blocks"] if b["type"] == "actions"]
    assert [e["action_id"] for e in actions[0]["elements"]] == ["stop_watching", "check_now"]
    assert "Library to open on Sundays" in json.dumps(posts[0].params["blocks"])
    await harness.service.drain()
    story = await harness.store.get_story_by_url(url)
    assert story is not None
    versions = await harness.store.list_versions(story.id)
    assert len(versions) == 1 and "2,300 residents" in versions[0].cleaned_text
    threads = await harness.store.threads_for_story(story.id)
    assert [t.watching for t in threads] == [True]
    # The first re-check is due at the fresh rate, counted from now.
    watched = await harness.store.get_story(story.id)
    assert watched is not None and watched.status == "active"
    assert watched.next_check_at is not None and watched.last_changed_at is not None
    gap = watched.next_check_at - watched.last_changed_at
    assert abs(gap - timedelta(minutes=15)) < timedelta(seconds=5)  # the version lands just after


async def test_repeat_request_gets_a_link_to_the_fresh_thread(harness: Harness) -> None:
    url = f"{harness.pages}/news/library-sundays"
    await harness.command(url, trigger_id="t-first")
    await harness.fake.wait_for("chat.postMessage", 2)
    await harness.service.drain()
    parent_ts = await _ts_of_call(harness, 0)

    _, ack = await harness.command(url, trigger_id="t-second")
    await harness.service.drain()
    assert ack == "Working on it..."
    assert len(harness.posts()) == 2  # no duplicate digest
    permalink = harness.fake.of("chat.getPermalink")
    assert [(c.params["channel"], c.params["message_ts"]) for c in permalink] == [
        ("C0NEWS", parent_ts)
    ]
    linked = [r for r in harness.fake.responses if r["_key"] == "t-second"]
    assert "digested here recently" in linked[-1]["text"]
    assert f"/archives/C0NEWS/p{parent_ts.replace('.', '')}" in linked[-1]["text"]

    # A different channel is not a repeat, and `again` forces a new digest.
    await harness.command(url, trigger_id="t-other", channel="C0OTHER")
    await harness.command(f"again {url}", trigger_id="t-again")
    await harness.fake.wait_for("chat.postMessage", 6)
    await harness.service.drain()
    assert sorted(p["channel"] for p in harness.posts()) == ["C0NEWS"] * 4 + ["C0OTHER"] * 2


async def test_not_in_channel_tells_the_person_to_invite_the_app(harness: Harness) -> None:
    harness.fake.fail("chat.postMessage", "not_in_channel")
    await harness.command(STORY_TEXT, trigger_id="t-nic")
    responses = await harness.fake.wait_for_responses(1)
    await harness.service.drain()
    assert "/invite @Newsdesk" in responses[0]["text"]
    assert responses[0]["response_type"] == "ephemeral"
    assert len(harness.fake.of("chat.postMessage")) == 1  # the failed parent; nothing else


async def test_fetch_404_reports_the_status(harness: Harness) -> None:
    await harness.command(f"{harness.pages}/news/missing", trigger_id="t-404")
    responses = await harness.fake.wait_for_responses(1)
    await harness.service.drain()
    assert "404" in responses[0]["text"]
    assert harness.posts() == []


async def test_failure_after_the_parent_is_reported_in_the_thread(harness: Harness) -> None:
    harness.fake.fail("chat.postMessage", "invalid_blocks", after=1)
    await harness.command(STORY_TEXT, trigger_id="t-half")
    posts = await harness.fake.wait_for("chat.postMessage", 3)
    await harness.service.drain()
    parent_ts = await _ts_of_call(harness, 0)
    notice = posts[2].params
    assert notice["thread_ts"] == parent_ts
    assert "couldn't post the full digest" in notice["text"]


async def test_rate_limited_post_is_retried(harness: Harness) -> None:
    harness.fake.rate_limit("chat.postMessage", retry_after=0)
    await harness.command(STORY_TEXT, trigger_id="t-429")
    await harness.fake.wait_for("chat.postMessage", 3)
    await harness.service.drain()
    # The 429'd parent is sent again, then the thread reply: three calls, two messages.
    assert len(harness.posts()) == 3
    assert harness.posts()[0] == harness.posts()[1]


# --- the modal ------------------------------------------------------------------------------


def _submission(view: dict[str, Any], *, url: str = "", text: str = "") -> dict[str, Any]:
    values: dict[str, Any] = {
        "story_url": {"url": {"type": "url_text_input", "value": url or None}},
        "story_text": {"text": {"type": "plain_text_input", "value": text or None}},
        "story_text_2": {"text": {"type": "plain_text_input", "value": None}},
        "story_text_3": {"text": {"type": "plain_text_input", "value": None}},
    }
    return {
        "type": "view_submission",
        "team": {"id": "T0TEAM", "domain": "fake"},
        "user": {"id": "U0REPORTER", "team_id": "T0TEAM"},
        "api_app_id": "A0NEWSDESK",
        "trigger_id": "t-view",
        "view": {**view, "id": "V0MODAL", "state": {"values": values}},
    }


async def test_empty_command_opens_modal_and_submission_posts_in_channel(
    harness: Harness,
) -> None:
    status, ack = await harness.command("", channel="C0MODAL", trigger_id="t-modal")
    assert status == 200 and ack == ""
    opened = (await harness.fake.wait_for("views.open"))[0].params
    assert opened["trigger_id"] == "t-modal"
    view = opened["view"]
    assert view["callback_id"] == "digest_modal"
    assert json.loads(view["private_metadata"])["channel"] == "C0MODAL"

    status, body = await harness.post(interactive_body(_submission(view)))
    assert status == 200
    errors = json.loads(body)
    assert errors["response_action"] == "errors"
    assert set(errors["errors"]) == {"story_url", "story_text"}

    status, body = await harness.post(interactive_body(_submission(view, url="not a link")))
    assert json.loads(body)["errors"] == {"story_url": "Enter a web link starting with https://"}

    status, body = await harness.post(interactive_body(_submission(view, text=STORY_TEXT)))
    assert status == 200 and body == ""
    posts = await harness.fake.wait_for("chat.postMessage", 2)
    assert [p.params["channel"] for p in posts] == ["C0MODAL", "C0MODAL"]
    assert posts[1].params["thread_ts"] == await _ts_of_call(harness, 0)


async def test_too_long_command_text_opens_the_modal_with_a_note(harness: Harness) -> None:
    await harness.command(STORY_TEXT * 4, trigger_id="t-long")
    view = (await harness.fake.wait_for("views.open"))[0].params["view"]
    assert "too long for a slash command" in json.dumps(view["blocks"])
    assert harness.posts() == []


# --- shortcut and mention -----------------------------------------------------------------


async def test_message_shortcut_digests_first_link_in_the_message_thread(
    harness: Harness,
) -> None:
    url = f"{harness.pages}/news/library-sundays"
    payload = {
        "type": "message_action",
        "callback_id": "digest_story",
        "trigger_id": "t-shortcut",
        "team": {"id": "T0TEAM", "domain": "fake"},
        "user": {"id": "U0EDITOR", "team_id": "T0TEAM"},
        "channel": {"id": "C0DESK", "name": "desk"},
        "response_url": harness.fake.response_url("shortcut"),
        "message": {
            "type": "message",
            "user": "U0REPORTER",
            "ts": "1699999999.000100",
            "text": "worth a look",
            "blocks": [
                {
                    "type": "rich_text",
                    "elements": [
                        {
                            "type": "rich_text_section",
                            "elements": [{"type": "link", "url": url}],
                        }
                    ],
                }
            ],
        },
    }
    status, _ = await harness.post(interactive_body(payload))
    assert status == 200
    posts = await harness.fake.wait_for("chat.postMessage", 1)
    await harness.service.drain()
    assert len(harness.posts()) == 1  # no parent: the digest goes under the message
    assert posts[0].params["channel"] == "C0DESK"
    assert posts[0].params["thread_ts"] == "1699999999.000100"
    assert_within_limits(posts[0].params)
    assert await harness.store.get_story_by_url(url) is not None
    # The shortcut's ack shows nothing: its requester is told privately the digest is coming.
    assert [r.get("text") for r in harness.fake.responses] == ["Working on it..."]
    assert harness.fake.responses[0].get("response_type", "ephemeral") == "ephemeral"


async def test_app_mention_digests_in_thread_and_retries_post_once(harness: Harness) -> None:
    url = f"{harness.pages}/news/second-story"
    event = {
        "type": "app_mention",
        "user": "U0REPORTER",
        "text": f"<@{BOT_USER}> <{url}|second story>",
        "ts": "1699999999.000300",
        "thread_ts": "1699999999.000200",
        "channel": "C0MENTION",
        "event_ts": "1699999999.000300",
    }
    body = event_body(event, event_id="Ev0MENTION")
    status, _ = await harness.post(body, form=False)
    assert status == 200
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    status, _ = await harness.post(body, form=False, extra=retry)
    assert status == 200
    await harness.fake.wait_for("chat.postMessage", 1)
    await harness.service.drain()
    posts = harness.posts()
    assert len(posts) == 1
    assert posts[0]["channel"] == "C0MENTION"
    assert posts[0]["thread_ts"] == "1699999999.000200"


async def test_mention_without_a_story_gets_ephemeral_help(harness: Harness) -> None:
    event = {
        "type": "app_mention",
        "user": "U0REPORTER",
        "text": f"<@{BOT_USER}> hello",
        "ts": "1699999999.000400",
        "channel": "C0MENTION",
    }
    await harness.post(event_body(event, event_id="Ev0HELLO"), form=False)
    calls = await harness.fake.wait_for("chat.postEphemeral", 1)
    assert calls[0].params["user"] == "U0REPORTER"
    assert "Mention me with a story's link" in calls[0].params["text"]
    assert harness.posts() == []


# --- helpers ------------------------------------------------------------------------------


async def _ts_of_call(harness: Harness, index: int) -> str:
    """The ts the fake gave the ``index``-th chat.postMessage."""
    result = harness.fake.of("chat.postMessage")[index].result
    assert result is not None and result["ok"]
    return str(result["ts"])


async def _only_story(harness: Harness) -> Any:
    since = datetime(2000, 1, 1, tzinfo=UTC)
    threads = await harness.store.channel_threads("T0TEAM", "C0PASTE", since)
    assert len({t.story_id for t in threads}) == 1
    story = await harness.store.get_story(threads[0].story_id)
    assert story is not None
    return story
