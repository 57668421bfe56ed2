"""The "Digest a story" modal: a link field and a paste box, posted where it was opened."""

from __future__ import annotations

import json
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.service import DigestRequest, DigestService
from bot.slack_text import single_url

CALLBACK_ID = "digest_modal"
URL_BLOCK, URL_ACTION = "story_url", "url"
TEXT_BLOCKS = ("story_text", "story_text_2", "story_text_3")  # 3,000 characters each
TEXT_ACTION = "text"
INPUT_MAX = 3_000  # Slack's cap for one plain_text_input


def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def digest_modal(
    channel_id: str, *, thread_ts: str | None = None, note: str | None = None
) -> dict[str, Any]:
    """The modal view; ``private_metadata`` remembers where to post."""
    blocks: list[dict[str, Any]] = []
    if note:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": note[:3000]}})
    blocks.append(
        {
            "type": "input",
            "block_id": URL_BLOCK,
            "optional": True,
            "label": _plain("Story link"),
            "element": {
                "type": "url_text_input",
                "action_id": URL_ACTION,
                "placeholder": _plain("https://..."),
            },
        }
    )
    labels = ("...or paste the story", "...continued", "...continued")
    for i, (block_id, label) in enumerate(zip(TEXT_BLOCKS, labels, strict=True)):
        block: dict[str, Any] = {
            "type": "input",
            "block_id": block_id,
            "optional": True,
            "label": _plain(label),
            "element": {
                "type": "plain_text_input",
                "action_id": TEXT_ACTION,
                "multiline": True,
                "max_length": INPUT_MAX,
            },
        }
        if i == 0:
            # Three boxes hold 9,000 characters; a third of pasted pages are longer, and a
            # message holds 40,000, so the shortcut is the way for those.
            block["hint"] = _plain(
                "Copy the whole page if you like: menus, ads and captions are removed. "
                f"Longer than {INPUT_MAX:,} characters? Continue in the boxes below. Longer "
                f"than {INPUT_MAX * len(TEXT_BLOCKS):,}? Post it as a message and use the "
                "Digest story shortcut on it."
            )
        blocks.append(block)
    return {
        "type": "modal",
        "callback_id": CALLBACK_ID,
        "title": _plain("Digest a story"),
        "submit": _plain("Digest"),
        "close": _plain("Cancel"),
        "private_metadata": json.dumps({"channel": channel_id, "thread_ts": thread_ts}),
        "blocks": blocks,
    }


def _value(values: dict[str, Any], block_id: str, action_id: str) -> str:
    raw = ((values.get(block_id) or {}).get(action_id) or {}).get("value")
    return raw.strip() if isinstance(raw, str) else ""


def read_submission(values: dict[str, Any]) -> tuple[str | None, str | None, dict[str, str]]:
    """``(url, text, errors)`` from a submitted modal; errors map block_id -> message.

    Pasted text wins over a link when both are given: it is what the person sees
    (a paywalled page, say).
    """
    url_raw = _value(values, URL_BLOCK, URL_ACTION)
    text = "\n".join(p for b in TEXT_BLOCKS if (p := _value(values, b, TEXT_ACTION)))
    if text:
        return None, text, {}
    if url_raw:
        url = single_url(url_raw)
        if url is None:
            return None, None, {URL_BLOCK: "Enter a web link starting with https://"}
        return url, None, {}
    message = "Give the story's link, or paste its text below."
    return None, None, {URL_BLOCK: message, TEXT_BLOCKS[0]: "Paste the story here, or give a link."}


async def on_submit(
    ack: AsyncAck,
    body: dict[str, Any],
    view: dict[str, Any],
    client: AsyncWebClient,
    context: dict[str, Any],
) -> None:
    url, text, errors = read_submission((view.get("state") or {}).get("values") or {})
    if errors:
        await ack(response_action="errors", errors=errors)
        return
    await ack()
    service: DigestService = context["service"]
    meta = json.loads(view.get("private_metadata") or "{}")
    user = body.get("user") or {}
    req = DigestRequest(
        team_id=(body.get("team") or {}).get("id") or user.get("team_id", ""),
        channel_id=meta.get("channel") or user.get("id", ""),
        user_id=user.get("id", ""),
        url=url,
        text=text,
        thread_ts=meta.get("thread_ts"),
    )
    # The modal closes on the ack, and the digest may take seconds: say it is coming.
    service.submit_saying(req, client)


def register(app: AsyncApp) -> None:
    app.view(CALLBACK_ID)(on_submit)
