"""What a newsroom user reads in Slack when a request has no story in it, asks for help,
or names a watched story that is not there: signed HTTP requests into the real AsyncApp,
the loopback fake of Slack's Web API and a real database."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.render_diff import without_credentials
from bot.slack_text import SLASH_TEXT_LIMIT, is_pasted_page, too_short_for_a_story
from tests.fake_slack import TEAM_ID
from tests.slack_helpers import event_body, interactive_body
from tests.test_slack_app import BOT_USER, STORY_TEXT, Harness, harness
from tests.test_watch_commands import Client, app_client

__all__ = ["app_client", "harness"]  # the fixtures, shared with their own test modules


def _shortcut(harness: Harness, text: str) -> dict[str, Any]:
    return {
        "type": "message_action",
        "callback_id": "digest_story",
        "trigger_id": "t-shortcut",
        "team": {"id": TEAM_ID, "domain": "fake"},
        "user": {"id": "U0EDITOR", "team_id": TEAM_ID},
        "channel": {"id": "C0DESK", "name": "desk"},
        "response_url": harness.fake.response_url("shortcut"),
        "message": {"type": "message", "user": "U0REPORTER", "ts": "1699999999.1", "text": text},
    }


async def test_shortcut_on_a_chat_message_without_a_link_says_so(harness: Harness) -> None:
    status, _ = await harness.post(interactive_body(_shortcut(harness, "lunch at 1? <@U0X>")))
    assert status == 200
    (reply,) = await harness.fake.wait_for_responses(1)
    await harness.service.drain()
    assert reply["response_type"] == "ephemeral"
    assert "no link" in reply["text"] and "Digest story" in reply["text"]
    assert "page furniture" not in reply["text"]  # a web page's problem, not a message's
    assert harness.posts() == []


async def test_mention_asking_for_help_gets_the_command_list(harness: Harness) -> None:
    event = {
        "type": "app_mention",
        "user": "U0REPORTER",
        "text": f"<@{BOT_USER}> help",
        "ts": "1699999999.000800",
        "channel": "C0MENTION",
    }
    await harness.post(event_body(event, event_id="Ev0HELPME"), form=False)
    (call,) = await harness.fake.wait_for("chat.postEphemeral", 1)
    await harness.service.drain()
    assert call.params["user"] == "U0REPORTER"
    assert "/digest again <link>" in call.params["text"]
    assert "/digest watching" in call.params["text"]
    assert "mention @Newsdesk with either" in call.params["text"]  # pasted stories work too
    assert harness.posts() == []


async def test_mention_with_a_question_and_no_link_gets_help_not_a_digest_error(
    harness: Harness,
) -> None:
    event = {
        "type": "app_mention",
        "user": "U0REPORTER",
        "text": f"<@{BOT_USER}> can you look at the council story from this morning please",
        "ts": "1699999999.000900",
        "thread_ts": "1699999999.000850",
        "channel": "C0MENTION",
    }
    await harness.post(event_body(event, event_id="Ev0QUESTION"), form=False)
    (call,) = await harness.fake.wait_for("chat.postEphemeral", 1)
    await harness.service.drain()
    assert "Mention me with a story's link" in call.params["text"]
    assert "paste the story after my name" in call.params["text"]
    assert call.params["thread_ts"] == "1699999999.000850"
    assert harness.posts() == []


async def test_stop_with_nothing_watched_says_nothing_is_watched(app_client: Client) -> None:
    reply = await app_client.command("stop 1")
    assert reply["text"] == "No stories are watched in this channel, so there is nothing to stop."


async def test_stop_out_of_range_counts_the_stories(app_client: Client) -> None:
    await app_client.h.watch(1)
    reply = await app_client.command("stop 4")
    assert "lists 1 story" in reply["text"]


async def test_watching_clips_a_long_title_with_an_ellipsis(app_client: Client) -> None:
    c = app_client
    sid = await c.h.watch(1)
    long_title = "Council budget " * 30
    await c.h.store.upsert_story(c.h.url(1), c.h.url(1), long_title)
    story = await c.h.store.get_story(sid)
    assert story is not None and story.title == long_title
    line = (await c.command("watching"))["text"].splitlines()[1]
    label = line.split("|", 1)[1].split(">", 1)[0]
    assert label.endswith("budget…") and len(label) <= 200


# --- a link's password is the requester's, not the channel's ------------------------------


def test_without_credentials_drops_only_the_user_info() -> None:
    assert without_credentials("https://ann:pw@example.com/a?b=1") == "https://example.com/a?b=1"
    assert without_credentials("https://ann@example.com:8443/") == "https://example.com:8443/"
    # An "@" after the host is part of the address (a social handle, an email in a query).
    for url in ("https://example.com/@ann/status/1", "https://example.com/?to=a@b.c"):
        assert without_credentials(url) == url


async def test_a_link_with_a_password_is_posted_without_it(harness: Harness) -> None:
    port = harness.pages.rsplit(":", 1)[1]
    url = f"http://ann:hunter2@127.0.0.1:{port}/news/library-sundays"
    await harness.command(url, trigger_id="t-creds")
    posts = await harness.fake.wait_for("chat.postMessage", 2)
    await harness.service.drain()
    public = json.dumps([p.params for p in posts])
    assert "hunter2" not in public and "ann:" not in public
    assert f"<http://127.0.0.1:{port}/news/library-sundays|Read the story>" in public
    listing = await harness.command("watching", trigger_id="t-list")
    await harness.service.drain()
    (reply,) = [r for r in harness.fake.responses if r["_key"] == "t-list"]
    assert listing[0] == 200 and "hunter2" not in reply["text"]
    assert f"<http://127.0.0.1:{port}/news/library-sundays|" in reply["text"]


# --- a story pasted into a mention --------------------------------------------------------


def _long_story() -> str:
    """STORY_TEXT with more paragraphs: past the slash command's cut, as a message may be."""
    extra = "".join(
        f"The council's report lists bridge {i + 1} of the county's older crossings as needing "
        f"similar repairs before {2027 + i}, with work expected to take about {i + 2} weeks.\n\n"
        for i in range(24)
    )
    head, tail = STORY_TEXT.split("Share this article")
    return f"{head}{extra}Share this article{tail}"


@pytest.mark.parametrize("length", ["short", "long"])
async def test_mention_with_a_pasted_story_digests_it_in_the_thread(
    harness: Harness, length: str
) -> None:
    story = STORY_TEXT if length == "short" else _long_story()
    assert (len(story) >= SLASH_TEXT_LIMIT) == (length == "long")
    event = {
        "type": "app_mention",
        "user": "U0REPORTER",
        "text": f"<@{BOT_USER}> {story}",
        "ts": "1699999999.001000",
        "channel": "C0MENTION",
    }
    await harness.post(event_body(event, event_id="Ev0PASTED"), form=False)
    (post,) = await harness.fake.wait_for("chat.postMessage", 1)
    await harness.service.drain()
    assert post.params["thread_ts"] == "1699999999.001000"
    header = post.params["blocks"][0]["text"]["text"]
    # The line breaks were kept, so the headline is the story's own first line.
    assert header == "Bridge repairs to close Millford crossing for six weeks"
    assert harness.fake.of("chat.postEphemeral") == []


async def test_the_paste_box_says_where_a_story_too_long_for_it_goes(harness: Harness) -> None:
    await harness.command("", trigger_id="t-box")
    view = (await harness.fake.wait_for("views.open"))[0].params["view"]
    hint = view["blocks"][1]["hint"]["text"]
    assert "9,000" in hint and "Digest story shortcut" in hint
    await harness.command(STORY_TEXT * 4, trigger_id="t-cut")
    note = (await harness.fake.wait_for("views.open", 2))[1].params["view"]["blocks"][0]
    assert "*Digest story* shortcut" in note["text"]["text"]


# --- a page copied into a message keeps its links -------------------------------------------


def _copied_page() -> str:
    """STORY_TEXT as Slack holds it after a paste from a browser: the menu items are links."""
    menu = "<https://news.example/|Home> | <https://news.example/news|News> | Weather | Sign in"
    return STORY_TEXT.replace("Home | News | Weather | Sign in", menu, 1)


async def test_shortcut_on_a_copied_page_digests_the_page_not_its_menu_link(
    harness: Harness,
) -> None:
    await harness.post(interactive_body(_shortcut(harness, _copied_page())))
    (post,) = await harness.fake.wait_for("chat.postMessage", 1)
    await harness.service.drain()
    assert post.params["thread_ts"] == "1699999999.1"
    header = post.params["blocks"][0]["text"]["text"]
    assert header == "Bridge repairs to close Millford crossing for six weeks"
    assert "digest_actions" not in json.dumps(post.params["blocks"])  # text: nothing to watch
    # Nothing went wrong: the requester heard only that the digest was coming.
    assert [r.get("text") for r in harness.fake.responses] == ["Working on it..."]


async def test_mention_with_a_copied_page_digests_the_page(harness: Harness) -> None:
    event = {
        "type": "app_mention",
        "user": "U0REPORTER",
        "text": f"<@{BOT_USER}> {_copied_page()}",
        "ts": "1699999999.001100",
        "channel": "C0MENTION",
    }
    await harness.post(event_body(event, event_id="Ev0COPIED"), form=False)
    (post,) = await harness.fake.wait_for("chat.postMessage", 1)
    await harness.service.drain()
    header = post.params["blocks"][0]["text"]["text"]
    assert header == "Bridge repairs to close Millford crossing for six weeks"


def test_a_link_with_a_note_is_still_the_link() -> None:
    note = "Worth a look before the 4pm meeting, the numbers on page two especially"
    assert not is_pasted_page(f"{note}\n<https://news.example/story>")
    assert is_pasted_page(_copied_page())


# --- asking again ----------------------------------------------------------------------------


async def test_pasted_text_is_never_told_to_use_again_which_takes_only_a_link(
    harness: Harness,
) -> None:
    harness.fake.fail("chat.postMessage", "invalid_blocks", after=1)
    await harness.command(STORY_TEXT, trigger_id="t-fail")
    posts = await harness.fake.wait_for("chat.postMessage", 3)
    await harness.service.drain()
    notice = posts[2].params["text"]
    assert "couldn't post the full digest" in notice
    assert "`/digest again`" not in notice and "send the same text" in notice
    # Posted fine now; the same text at once links to the thread, with no `again` advice.
    await harness.command(STORY_TEXT, trigger_id="t-ok")
    await harness.fake.wait_for("chat.postMessage", 5)
    await harness.command(STORY_TEXT, trigger_id="t-repeat")
    await harness.service.drain()
    (linked,) = [r for r in harness.fake.responses if r["_key"] == "t-repeat"]
    assert "digested here recently" in linked["text"] and "again" not in linked["text"]


async def test_a_link_is_told_to_use_again(harness: Harness) -> None:
    url = f"{harness.pages}/news/library-sundays"
    await harness.command(url, trigger_id="t-first")
    await harness.fake.wait_for("chat.postMessage", 2)
    await harness.service.drain()
    await harness.command(url, trigger_id="t-second")
    await harness.service.drain()
    (linked,) = [r for r in harness.fake.responses if r["_key"] == "t-second"]
    assert "Use `/digest again <link>` for a fresh digest." in linked["text"]


async def test_a_few_words_after_digest_get_a_hint_in_the_ack(harness: Harness) -> None:
    status, ack = await harness.command("what does this bot do exactly", trigger_id="t-few")
    await harness.service.drain()
    assert status == 200 and ack.startswith("That's too few words to be a story.")
    assert "/digest help" in ack
    assert harness.posts() == [] and harness.fake.responses == []


def test_cjk_text_without_spaces_is_not_too_short() -> None:
    sentence = "東京都は月曜日、老朽化した橋の補修工事のため来月から通行止めにすると発表した。"
    paragraph = sentence * 3
    story = "\n".join([paragraph] * 4)
    assert len(story.split()) < 40  # a count by spaces would call it a few words
    assert not too_short_for_a_story(story)
    assert too_short_for_a_story("lunch at 1?")


async def test_a_missing_page_says_what_to_do_next(harness: Harness) -> None:
    await harness.command(f"{harness.pages}/news/missing", trigger_id="t-gone")
    (reply,) = await harness.fake.wait_for_responses(1)
    await harness.service.drain()
    assert "404" in reply["text"]
    assert "Check the link, or paste the story's text" in reply["text"]
