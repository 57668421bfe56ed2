"""Links into Slack itself (message permalinks, files) are never fetched: a shared message's
story link is digested instead, and a lone Slack link gets a reply saying what to do. The
real Bolt app over signed HTTP, the fake Web API; ``read_source`` refuses Slack hosts here,
so a regression fails the test rather than reaching the internet."""

from __future__ import annotations

import json
from typing import Any

import pytest

import bot.service
from bot.slack_text import first_link, is_slack_link
from tests.slack_helpers import interactive_body
from tests.test_slack_app import Harness, harness

__all__ = ["harness"]  # the fixture, shared with tests/test_slack_app.py

PERMALINK = "https://newsroom.slack.com/archives/C0DESK/p1699999999000100"


@pytest.fixture(autouse=True)
def offline_slack(monkeypatch: pytest.MonkeyPatch) -> None:
    real = bot.service.read_source

    async def guarded(url: str, *args: Any, **kwargs: Any) -> Any:
        assert not is_slack_link(url), f"tried to fetch {url}"
        return await real(url, *args, **kwargs)

    monkeypatch.setattr(bot.service, "read_source", guarded)


async def test_a_lone_slack_link_is_answered_without_fetching(harness: Harness) -> None:
    status, ack = await harness.command(PERMALINK, trigger_id="t-slack")
    assert status == 200 and ack == "Working on it..."
    (reply,) = await harness.fake.wait_for_responses(1)
    await harness.service.drain()
    assert reply["response_type"] == "ephemeral"
    assert "points into Slack itself" in reply["text"] and "*Digest story*" in reply["text"]
    assert harness.posts() == []


async def test_the_shortcut_on_a_shared_message_digests_the_story_inside(
    harness: Harness,
) -> None:
    story = f"{harness.pages}/news/library-sundays"
    payload = {
        "type": "message_action",
        "callback_id": "digest_story",
        "trigger_id": "t-shared",
        "team": {"id": "T0TEAM", "domain": "fake"},
        "user": {"id": "U0EDITOR", "team_id": "T0TEAM"},
        "channel": {"id": "C0DESK", "name": "desk"},
        "response_url": harness.fake.response_url("shared"),
        "message": {
            "type": "message",
            "user": "U0REPORTER",
            "ts": "1699999999.005000",
            "text": "",
            "attachments": [
                {
                    "is_share": True,
                    "from_url": PERMALINK,
                    "author_name": "Sam",
                    "text": f"Sunday opening confirmed <{story}|library story>",
                }
            ],
        },
    }
    status, _ = await harness.post(interactive_body(payload))
    assert status == 200
    (post,) = await harness.fake.wait_for("chat.postMessage", 1)
    await harness.service.drain()
    assert post.params["thread_ts"] == "1699999999.005000"
    assert "Library to open on Sundays" in json.dumps(post.params["blocks"])


@pytest.mark.parametrize(
    ("url", "slack"),
    [
        (PERMALINK, True),
        ("https://files.slack.com/files-pri/T0-F0/story.txt", True),
        ("https://slack.com/intl/en-gb/", True),
        ("https://slack-files.com/T0-F0-abc", True),
        ("https://notslack.com/news/a", False),
        ("https://slack.com.evil.example/a", False),
        ("https://news.example/slack.com", False),
    ],
)
def test_is_slack_link(url: str, slack: bool) -> None:
    assert is_slack_link(url) is slack


def test_a_slack_link_alone_is_still_the_first_link() -> None:
    assert first_link({"text": f"see <{PERMALINK}>"}) == PERMALINK
