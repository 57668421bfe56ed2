"""Message shortcut *Digest story*: digest a message's first link (or its text) in its thread."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.service import DigestRequest, DigestService
from bot.slack_text import first_link, is_pasted_page, message_text, too_short_for_a_story

CALLBACK_ID = "digest_story"
NOTHING_TO_DIGEST = "That message has no link or text I can digest."
TOO_SHORT = (
    "That message has no link, and its few words are not a story. Use *Digest story* on a "
    "message that links to a story or holds its full text, or paste the story after `/digest`."
)
OWN_MESSAGE = (
    "That's one of my own messages, with no story link in it. Use *Digest story* on the "
    "message that shared the story, or `/digest again <link>` for a fresh digest."
)
_TEXT_FILETYPES = frozenset({"text", "markdown", "html", "rtf", "post", "docs"})


def _file_label(file: dict[str, Any]) -> str:
    name = str(file.get("title") or file.get("name") or "").strip()
    name = name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f" ({name[:80]}…)" if len(name) > 80 else f" ({name})" if name else ""


def files_refusal(files: list[dict[str, Any]]) -> str:
    """What to say when a message's story is in a file: the app has no files:read scope,
    and a long story pasted into Slack often becomes a text snippet, so say how to get the
    text in rather than "no link or text"."""
    first = files[0]
    kind = str(first.get("filetype") or "")
    if first.get("mode") == "snippet" or kind in _TEXT_FILETYPES:
        return (
            f"That message's text is in a snippet{_file_label(first)}, and I can't open files. "
            "Copy the story's text into `/digest` (on its own, `/digest` opens a box for it), "
            "or use *Digest story* on a message with the story's link."
        )
    return (
        f"That message holds a file{_file_label(first)}, and I can't open files. Use *Digest "
        "story* on a message with the story's link, or paste its text after `/digest`."
    )


def _is_own(message: dict[str, Any], context: dict[str, Any]) -> bool:
    bot_id, bot_user = context.get("bot_id"), context.get("bot_user_id")
    return bool(
        (bot_id and message.get("bot_id") == bot_id)
        or (bot_user and message.get("user") == bot_user)
    )


def shortcut_request(
    body: dict[str, Any], context: dict[str, Any] | None = None
) -> tuple[DigestRequest, str | None]:
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
        thread_started=bool(message.get("thread_ts")),  # a lone message has no thread yet
    )
    if url:
        return req, None
    if context is not None and _is_own(message, context):
        # A digest of our own parent or digest message is a digest of a digest.
        return req, OWN_MESSAGE
    short = not text or too_short_for_a_story(text)
    files = [f for f in message.get("files") or [] if isinstance(f, dict)]
    if files and short:
        return req, files_refusal(files)
    if not text:
        return req, NOTHING_TO_DIGEST
    # Too few words for any story ("lunch at 1?"): say so, rather than
    # "everything here reads as page furniture", which fits a web page, not a chat message.
    return req, TOO_SHORT if short else None


async def on_digest_story(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, context: dict[str, Any]
) -> None:
    await ack()
    service: DigestService = context["service"]
    req, refusal = shortcut_request(body, context)
    if refusal is None:
        # A shortcut's ack shows nothing: say privately that the digest is coming, as the
        # slash command's ack does (a fetch and a digest can take seconds).
        service.submit_saying(req, client)
    else:
        service.spawn(service.tell(client, req, refusal))


def register(app: AsyncApp) -> None:
    app.shortcut(CALLBACK_ID)(on_digest_story)
