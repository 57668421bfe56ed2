"""A channel digest of a busy day stays a message Slack accepts: within Block Kit's section
limit and the message budget, whole lines and links only, and the rest counted."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from bot.channel_digest import ChannelItem, render


def _items(n: int) -> list[ChannelItem]:
    at = datetime(2025, 3, 7, 14, 0, tzinfo=UTC)
    sentence = (
        "The county council said on Monday that the bridge & its approach roads would stay "
        "closed until the end of the month while engineers inspect the deck "
    )
    return [
        ChannelItem(
            story_id=i,
            title=f"Bridge story {i}: council extends closure after inspection",
            url=f"https://news.example/{'section/' * 20}story-{i}",
            changed_at=at - timedelta(minutes=i),
            lines=tuple(f"Correction: {sentence * 3}({i}.{k})" for k in range(6)),
        )
        for i in range(n)
    ]


def test_a_busy_channel_digest_fits_one_slack_message() -> None:
    now = datetime(2025, 3, 8, 14, 0, tzinfo=UTC)
    message = render(_items(25), 25, since=now - timedelta(days=1), now=now, tz="Europe/London")
    assert len(json.dumps(message, ensure_ascii=False)) < 13_000
    sections = [b["text"]["text"] for b in message["blocks"] if b["type"] == "section"]
    assert sections and all(len(s) <= 3000 for s in sections)
    for text in sections:
        assert text.count("<") == text.count(">")  # no link cut in half
        assert not text.endswith("&amp")
    note = message["blocks"][-1]["elements"][0]["text"]
    assert note.startswith(f"{25 - len(sections)} more changed stories not shown")
    assert message["text"] == "Channel digest: 25 stories changed"
