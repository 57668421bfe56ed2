"""What a reporter sees in Slack while a mention is digested and when Slack will not take a
post: signed HTTP requests into the real AsyncApp, the loopback fake Web API, a real database
and a loopback article server that can be slow."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from tests.pages import serve
from tests.slack_helpers import event_body, interactive_body
from tests.test_slack_app import ARTICLE_HTML, BOT_USER, STORY_TEXT, Harness, harness

__all__ = ["harness"]  # the fixture, shared with tests/test_slack_app.py

MENTION_TS = "1699999999.002000"


@pytest.fixture
async def slow_pages() -> AsyncIterator[str]:
    """An article after a short wait, and a missing page after the same wait."""

    async def slow_article(_r: web.Request) -> web.Response:
        await asyncio.sleep(0.4)
        return web.Response(text=ARTICLE_HTML, content_type="text/html")

    async def slow_missing(_r: web.Request) -> web.Response:
        await asyncio.sleep(0.4)
        return web.Response(status=404, text="gone")

    async with serve({"/slow/story": slow_article, "/slow/missing": slow_missing}) as base:
        yield base


@pytest.fixture
def quick_progress(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.service.PROGRESS_AFTER", 0.1)  # the pages above take 0.4 s


def _mention(text: str, *, thread_ts: str | None = None) -> dict[str, str]:
    event = {
        "type": "app_mention",
        "user": "U0REPORTER",
        "text": f"<@{BOT_USER}> {text}",
        "ts": MENTION_TS,
        "channel": "C0MENTION",
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


# --- a mention says it heard, and leaves nothing behind ---------------------------------------


@pytest.mark.usefixtures("quick_progress")
async def test_a_slow_mention_shows_working_then_the_digest_takes_its_place(
    harness: Harness, slow_pages: str
) -> None:
    event = _mention(f"<{slow_pages}/slow/story>")
    await harness.post(event_body(event, event_id="Ev9SLOW"), form=False)
    (placeholder,) = await harness.fake.wait_for("chat.postMessage", 1)
    assert placeholder.params["text"] == "Working on it..."
    assert placeholder.params["thread_ts"] == MENTION_TS
    (update,) = await harness.fake.wait_for("chat.update", 1)
    await harness.service.drain()
    assert placeholder.result is not None
    assert update.params["ts"] == placeholder.result["ts"]
    assert update.params["channel"] == "C0MENTION"
    assert "Library to open on Sundays" in json.dumps(update.params["blocks"])
    assert len(harness.posts()) == 1  # the digest is the reply, not a second one
    assert harness.fake.of("chat.delete") == [] and harness.fake.of("chat.postEphemeral") == []
    # Watching follows the thread as before.
    story = await harness.store.get_story_by_url(f"{slow_pages}/slow/story")
    assert story is not None
    threads = await harness.store.threads_for_story(story.id)
    assert [t.thread_ts for t in threads] == [MENTION_TS]


@pytest.mark.usefixtures("quick_progress")
async def test_a_slow_mention_that_fails_removes_working_and_says_why_in_the_channel(
    harness: Harness, slow_pages: str
) -> None:
    event = _mention(f"<{slow_pages}/slow/missing>")
    await harness.post(event_body(event, event_id="Ev9MISSING"), form=False)
    (placeholder,) = await harness.fake.wait_for("chat.postMessage", 1)
    (deleted,) = await harness.fake.wait_for("chat.delete", 1)
    await harness.service.drain()
    assert placeholder.result is not None
    assert deleted.params["ts"] == placeholder.result["ts"]
    (note,) = harness.fake.of("chat.postEphemeral")
    assert "404" in note.params["text"] and note.params["user"] == "U0REPORTER"
    # The mention had no thread before ours, and ours is gone: Slack would hide the note there.
    assert "thread_ts" not in note.params


@pytest.mark.usefixtures("quick_progress")
async def test_when_the_working_reply_cannot_be_updated_the_digest_is_posted_anew(
    harness: Harness, slow_pages: str
) -> None:
    harness.fake.fail("chat.update", "message_not_found")  # someone deleted it meanwhile
    await harness.post(
        event_body(_mention(f"<{slow_pages}/slow/story>"), event_id="Ev9GONE"), form=False
    )
    posts = await harness.fake.wait_for("chat.postMessage", 2)
    await harness.service.drain()
    assert posts[1].params["thread_ts"] == MENTION_TS
    assert "Library to open on Sundays" in json.dumps(posts[1].params["blocks"])
    assert posts[0].result is not None
    assert [c.params["ts"] for c in harness.fake.of("chat.delete")] == [posts[0].result["ts"]]


async def test_a_quick_mention_posts_no_working_reply(harness: Harness) -> None:
    await harness.post(event_body(_mention(STORY_TEXT), event_id="Ev9QUICK"), form=False)
    (post,) = await harness.fake.wait_for("chat.postMessage", 1)
    await harness.service.drain()
    assert post.params["blocks"][0]["text"]["text"].startswith("Bridge repairs")
    assert harness.fake.of("chat.update") == [] and harness.fake.of("chat.delete") == []


@pytest.mark.parametrize(("thread_ts", "shown_in"), [(None, None), ("1699999999.001900",) * 2])
async def test_a_failed_mention_is_answered_where_its_author_will_see_it(
    harness: Harness, thread_ts: str | None, shown_in: str | None
) -> None:
    event = _mention(f"<{harness.pages}/news/missing>", thread_ts=thread_ts)
    await harness.post(event_body(event, event_id=f"Ev9FAIL{thread_ts}"), form=False)
    (note,) = await harness.fake.wait_for("chat.postEphemeral", 1)
    await harness.service.drain()
    assert "404" in note.params["text"]
    assert note.params.get("thread_ts") == shown_in
    assert harness.posts() == []


# --- Slack will not take the post: say why, and what to do ------------------------------------


@pytest.mark.parametrize(
    ("channel", "error", "says", "never"),
    [
        ("C0NEWS", "not_in_channel", "/invite @Newsdesk", "archived"),
        ("D0DIRECT", "channel_not_found", "direct message between people", "Invite me"),
        ("C0SECRET", "channel_not_found", "private channel and I'm not in it", "direct"),
        ("G0GROUP", "channel_not_found", "group DM", "Slack would not"),
        ("C0OLD", "is_archived", "archived", "/invite"),
        ("C0NEWS", "restricted_action_read_only_channel", "Only some members", "/invite"),
        ("C0NEWS", "restricted_action_thread_only_channel", "*Digest story* shortcut", "/invite"),
        ("C0NEWS", "ratelimited", "limiting how fast", "/invite"),
    ],
)
async def test_a_refused_post_says_how_to_fix_it(
    harness: Harness, channel: str, error: str, says: str, never: str
) -> None:
    harness.fake.fail("chat.postMessage", error)
    await harness.command(STORY_TEXT, channel=channel, trigger_id=f"t-{error}")
    (reply,) = await harness.fake.wait_for_responses(1)
    await harness.service.drain()
    assert reply["response_type"] == "ephemeral"
    assert says in reply["text"] and never not in reply["text"]
    assert len(harness.posts()) == 1  # the refused parent; nothing else went out


# --- the Digest story shortcut on messages with no story in their text ------------------------


def _shortcut(harness: Harness, message: dict[str, object], key: str) -> dict[str, object]:
    return {
        "type": "message_action",
        "callback_id": "digest_story",
        "trigger_id": f"t-{key}",
        "team": {"id": "T0TEAM", "domain": "fake"},
        "user": {"id": "U0EDITOR", "team_id": "T0TEAM"},
        "channel": {"id": "C0DESK", "name": "desk"},
        "response_url": harness.fake.response_url(key),
        "message": {"type": "message", "ts": "1699999999.003000", **message},
    }


async def _shortcut_reply(harness: Harness, message: dict[str, object], key: str) -> str:
    status, _ = await harness.post(interactive_body(_shortcut(harness, message, key)))
    assert status == 200
    (reply,) = await harness.fake.wait_for_responses(1)
    await harness.service.drain()
    assert reply["response_type"] == "ephemeral"
    assert harness.posts() == []
    return str(reply["text"])


SNIPPET = {
    "id": "F0SNIP",
    "name": "-.txt",
    "title": "Harbour wall story",
    "mode": "snippet",
    "filetype": "text",
    "preview": "The harbour wall at Eastcliff will be rebuilt over two winters...",
}


async def test_a_story_in_a_snippet_says_how_to_get_its_text_in(harness: Harness) -> None:
    text = await _shortcut_reply(
        harness, {"user": "U0REPORTER", "text": "", "files": [SNIPPET]}, "snip"
    )
    assert "snippet (Harbour wall story)" in text and "can't open files" in text
    assert "`/digest`" in text and "no link or text" not in text


async def test_a_file_with_a_short_caption_is_about_the_file(harness: Harness) -> None:
    pdf = {"id": "F0PDF", "name": "council-minutes.pdf", "filetype": "pdf", "mode": "hosted"}
    message = {"user": "U0REPORTER", "text": "minutes from last night", "files": [pdf]}
    text = await _shortcut_reply(harness, message, "pdf")
    assert text.startswith("That message holds a file (council-minutes.pdf)")
    assert "few words are not a story" not in text


async def test_the_shortcut_on_our_own_message_without_a_link_says_so(harness: Harness) -> None:
    parent = {
        "user": BOT_USER,
        "bot_id": "B0NEWSDESK",
        "text": "Bridge repairs to close Millford crossing for six weeks",
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "*Bridge repairs*"}}],
    }
    text = await _shortcut_reply(harness, parent, "own")
    assert "one of my own messages" in text and "/digest again <link>" in text


async def test_the_shortcut_says_working_before_a_quick_refusal(harness: Harness) -> None:
    # A pasted "story" that is all page furniture fails at once, after "Working on it...".
    furniture = "\n".join(["Home | News | Sport | Weather | Sign in | Subscribe"] * 12)
    message = {"user": "U0REPORTER", "text": furniture}
    status, _ = await harness.post(interactive_body(_shortcut(harness, message, "junk")))
    assert status == 200
    replies = await harness.fake.wait_for_responses(2)
    await harness.service.drain()
    assert replies[0]["text"] == "Working on it..."
    assert replies[1]["text"] != "Working on it..."


# --- buttons under a digest -----------------------------------------------------------------


async def test_a_button_that_fails_says_so_privately(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*_args: object) -> str:
        raise RuntimeError("database went away")

    monkeypatch.setattr("bot.watch_service.WatchService.stop_story", broken)
    payload = {
        "type": "block_actions",
        "team": {"id": "T0TEAM", "domain": "fake"},
        "user": {"id": "U0EDITOR", "team_id": "T0TEAM"},
        "channel": {"id": "C0NEWS", "name": "news"},
        "container": {"type": "message", "message_ts": "1699999999.004000", "channel_id": "C0NEWS"},
        "message": {"type": "message", "ts": "1699999999.004000", "text": "digest"},
        "response_url": harness.fake.response_url("button"),
        "trigger_id": "t-button",
        "actions": [
            {
                "action_id": "stop_watching",
                "block_id": "digest_actions",
                "value": "1",
                "type": "button",
            }
        ],
    }
    status, _ = await harness.post(interactive_body(payload))
    assert status == 200
    (reply,) = await harness.fake.wait_for_responses(1)
    await harness.service.drain()
    assert reply["response_type"] == "ephemeral" and reply["replace_original"] is False
    assert "didn't work" in reply["text"] and "/digest watching" in reply["text"]
    assert "database went away" not in reply["text"]


# --- the paste box ----------------------------------------------------------------------------


async def test_a_submitted_paste_box_says_the_digest_is_coming(harness: Harness) -> None:
    view = {
        "type": "modal",
        "callback_id": "digest_modal",
        "id": "V0BOX",
        "private_metadata": json.dumps({"channel": "C0BOX", "thread_ts": None}),
        "state": {
            "values": {
                "story_url": {"url": {"type": "url_text_input", "value": None}},
                "story_text": {"text": {"type": "plain_text_input", "value": STORY_TEXT}},
            }
        },
    }
    payload = {
        "type": "view_submission",
        "team": {"id": "T0TEAM"},
        "user": {"id": "U0REPORTER", "team_id": "T0TEAM"},
        "api_app_id": "A0NEWSDESK",
        "trigger_id": "t-box",
        "view": view,
    }
    status, body = await harness.post(interactive_body(payload))
    assert status == 200 and body == ""  # the box closes
    await harness.fake.wait_for("chat.postMessage", 2)
    await harness.service.drain()
    (note,) = harness.fake.of("chat.postEphemeral")
    assert note.params["text"] == "Working on it..."
    assert (note.params["channel"], note.params["user"]) == ("C0BOX", "U0REPORTER")
    assert note.at <= harness.fake.of("chat.postMessage")[0].at  # before the digest, not after


# --- a mention under a link posted earlier --------------------------------------------------


async def test_a_bare_mention_in_a_thread_points_to_the_shortcut(harness: Harness) -> None:
    event = _mention("can you digest this one?", thread_ts="1699999999.001800")
    await harness.post(event_body(event, event_id="Ev9UNDER"), form=False)
    (call,) = await harness.fake.wait_for("chat.postEphemeral", 1)
    await harness.service.drain()
    assert call.params["thread_ts"] == "1699999999.001800"
    assert "*Digest story*" in call.params["text"] and "posted earlier" in call.params["text"]
    assert harness.posts() == []


# --- a page that never comes ------------------------------------------------------------------


async def test_a_site_that_does_not_answer_says_what_to_do_next(harness: Harness) -> None:
    with socket.socket() as sock:  # a port nothing listens on once this is closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    await harness.command(f"http://127.0.0.1:{port}/news/story", trigger_id="t-refused")
    (reply,) = await harness.fake.wait_for_responses(1)
    await harness.service.drain()
    assert "Could not connect" in reply["text"]
    assert "Check the link and try again, or paste the story's text" in reply["text"]
