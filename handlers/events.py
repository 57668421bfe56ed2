"""``@Newsdesk <link>``: digest in the mention's thread (Slack retries are claimed once).

Nobody sees an event's ack, so a digest that takes more than a second (a page fetch) shows
"Working on it..." in the thread, which the digest then replaces (``show_progress``).
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.service import DigestRequest, DigestService
from bot.slack_text import (
    CommandKind,
    first_link,
    is_pasted_page,
    parse_command,
    strip_mentions,
    too_short_for_a_story,
    unwrap_links,
)
from handlers.commands import help_text

# "@Newsdesk" under a link someone posted earlier is the commonest mention with no story in
# it: the app cannot read that message (no history scope), so name the way that can.
MENTION_HELP = (
    "Mention me with a story's link (`@Newsdesk https://...`), or paste the story after my "
    "name, and I'll digest it in this thread. For a link posted earlier, use *Digest story* "
    "from that message's ⋮ menu. `/digest help` lists everything else."
)


def mention_request(body: dict[str, Any]) -> DigestRequest | None:
    """The request an app_mention asks for, or None when it asks for nothing we do."""
    event = body.get("event") or {}
    rest = strip_mentions(event.get("text") or "")
    parsed = parse_command(rest, {"again", "help"})
    force = parsed.kind is CommandKind.SUB and parsed.name == "again"
    # The message as written, less the mentions: its line breaks are the story's paragraphs.
    as_written = strip_mentions(event.get("text") or "", keep_lines=True)
    # A copied page keeps its menu links: the page is the story, not its first link.
    url = None if is_pasted_page(as_written) else first_link({**event, "text": rest})
    if url is None and parsed.kind is CommandKind.URL:
        url = parsed.args  # a link typed without https:// ("bbc.co.uk/news/x")
    text = None
    if url is None:
        # Fewer words than any story the pipeline accepts is a question or a chat, not a
        # pasted story: help beats "no article text was found".
        # A message holds 40,000 characters: TOO_LONG (a slash command's cut) is a story here.
        story = parsed.kind in {CommandKind.TEXT, CommandKind.TOO_LONG}
        if not story or too_short_for_a_story(as_written):
            return None
        text = unwrap_links(as_written)
    event_id = body.get("event_id")
    return DigestRequest(
        team_id=body.get("team_id") or event.get("team", ""),
        channel_id=event.get("channel", ""),
        user_id=event.get("user", ""),
        url=url,
        text=text,
        thread_ts=event.get("thread_ts") or event.get("ts"),
        force=force,
        delivery_key=f"event:{event_id}" if event_id else None,
        # A top-level mention has no thread yet: notes to its author go in the channel.
        thread_started=bool(event.get("thread_ts")),
        show_progress=True,  # the event's ack shows nothing: a slow digest says it's coming
    )


async def on_mention(
    ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, context: dict[str, Any]
) -> None:
    await ack()
    service: DigestService = context["service"]
    req = mention_request(body)
    if req is not None:
        service.submit(req, client)
        return
    event = body.get("event") or {}
    asked = parse_command(strip_mentions(event.get("text") or ""), {"help"})
    wants_help = asked.kind is CommandKind.SUB and asked.name == "help"
    helper = DigestRequest(
        team_id=body.get("team_id", ""),
        channel_id=event.get("channel", ""),
        user_id=event.get("user", ""),
        thread_ts=event.get("thread_ts"),
        delivery_key=f"event:{body['event_id']}" if body.get("event_id") else None,
    )
    # "@Newsdesk help" asks for the list `/digest help` gives, not the hint pointing there.
    service.spawn(service.tell_once(client, helper, help_text() if wants_help else MENTION_HELP))


def register(app: AsyncApp) -> None:
    app.event("app_mention")(on_mention)
