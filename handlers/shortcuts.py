"""Message shortcut *Digest story*: digest a message's first link (or its text) in its thread."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.service import WORKING, DigestRequest, DigestService
from bot.slack_text import first_link, is_pasted_page, message_text, too_short_for_a_story

CALLBACK_ID = "digest_story"
NOTHING_TO_DIGEST = "That message has no link or text I can digest."
TOO_SHORT = (
    "That message has no link, and its few words are not a story. Use *Digest story* on a "
    "message that links to a story or holds its full text, or paste the story after `/digest`."
)


def shortcut_request(body: dict[str, Any]) -> tuple[DigestRequest, str | None]:
    """The request for a message shortcut, and why not when the message has no story."""
    message = body.get("message") or {}
    pasted = message_text(message)
    # A copied page keeps its menu links: the page is the story, not its first link.
    url = None if is_pasted_page(pasted) else first_link(message)
    text = None if url else pasted
    user = body.get("user") or {}
    req = DigestRequest(
        team_id=(body.get("team") or {}).get("id") or user.get("team_id", ""),
        channel_id=(body.get("channel") or {}).get("id", ""),
        user_id=user.get("id", ""),
        url=url,
        text=text,
        thread_ts=message.get("thread_ts") or message.get("ts"),
        response_url=body.get("response_url"),
    )
    if url:
        return req, None
    if not text:
        return req, NOTHING_TO_DIGEST
    # Too few words for any story ("lunch at 1?"): say so, rather than
    # "everything here reads as page furniture", which fits a web page, not a chat message.
    return req, TOO_SHORT if too_short_for_a_story(text) else None


async def on_digest_story(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, context: dict[str, Any]
) -> None:
    await ack()
    service: DigestService = context["service"]
    req, refusal = shortcut_request(body)
    if refusal is None:
        # A shortcut's ack shows nothing: say privately that the digest is coming, as the
        # slash command's ack does (a fetch and a digest can take seconds).
        service.spawn(service.tell(client, req, WORKING))
        service.submit(req, client)
    else:
        service.spawn(service.tell(client, req, refusal))


def register(app: AsyncApp) -> None:
    app.shortcut(CALLBACK_ID)(on_digest_story)
