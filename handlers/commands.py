"""``/digest``: a URL or pasted text digests; no text opens the modal; words are subcommands.

Subcommands live in ``SUBCOMMANDS`` (name -> ``Subcommand``); other features add theirs
with ``add_subcommand`` and ``/digest help`` lists exactly what is registered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.service import WORKING, DigestRequest, DigestService
from bot.slack_text import CommandKind, parse_command, too_short_for_a_story
from bot.watch_service import runtime_for, user_tz
from handlers.views import digest_modal

log = logging.getLogger(__name__)

COMMAND = "/digest"


@dataclass(frozen=True, slots=True)
class CommandContext:
    """What a subcommand needs: who, where, its argument text, and ways to answer."""

    service: DigestService
    client: AsyncWebClient
    respond: AsyncRespond
    body: dict[str, Any]
    args: str
    team_id: str
    channel_id: str
    user_id: str
    trigger_id: str | None
    response_url: str | None
    thread_ts: str | None


SubcommandHandler = Callable[[CommandContext], Coroutine[Any, Any, None]]


@dataclass(frozen=True, slots=True)
class Subcommand:
    name: str
    usage: str  # e.g. "again <url>"
    summary: str
    handler: SubcommandHandler


SUBCOMMANDS: dict[str, Subcommand] = {}


def add_subcommand(name: str, usage: str, summary: str, handler: SubcommandHandler) -> None:
    """Register ``/digest <name> ...``; later registrations replace earlier ones."""
    SUBCOMMANDS[name.lower()] = Subcommand(name.lower(), usage, summary, handler)


def subcommand(name: str, usage: str, summary: str) -> Callable[[SubcommandHandler], Any]:
    """Decorator form of ``add_subcommand``."""

    def wrap(handler: SubcommandHandler) -> SubcommandHandler:
        add_subcommand(name, usage, summary, handler)
        return handler

    return wrap


def help_text() -> str:
    lines = [
        "*Newsdesk* turns a story into a threaded digest: headline, key facts, who said what.",
        f"• `{COMMAND} <link>`: digest a story from its URL (and watch it for changes)",
        f"• `{COMMAND} <pasted text>`: digest text copied from a page, junk and all",
        f"• `{COMMAND}`: open a box to paste a link or a long story",
    ]
    lines += [f"• `{COMMAND} {s.usage}`: {s.summary}" for s in SUBCOMMANDS.values()]
    lines.append(
        "Or use the *Digest story* message shortcut on a message with a link or a pasted "
        "story, or mention @Newsdesk with either."
    )
    return "\n".join(lines)


def command_context(
    body: dict[str, Any],
    args: str,
    service: DigestService,
    client: AsyncWebClient,
    respond: AsyncRespond,
) -> CommandContext:
    return CommandContext(
        service=service,
        client=client,
        respond=respond,
        body=body,
        args=args,
        team_id=body.get("team_id") or "",
        channel_id=body.get("channel_id") or "",
        user_id=body.get("user_id") or "",
        trigger_id=body.get("trigger_id"),
        response_url=body.get("response_url"),
        thread_ts=body.get("thread_ts"),  # present when Slack runs the command in a thread
    )


def digest_request(
    ctx: CommandContext, *, url: str | None = None, text: str | None = None, force: bool = False
) -> DigestRequest:
    return DigestRequest(
        team_id=ctx.team_id,
        channel_id=ctx.channel_id,
        user_id=ctx.user_id,
        url=url,
        text=text,
        thread_ts=ctx.thread_ts,
        force=force,
        response_url=ctx.response_url,
    )


async def _help(ctx: CommandContext) -> None:
    await ctx.respond(text=help_text(), response_type="ephemeral")


async def _again(ctx: CommandContext) -> None:
    # The same reading as `/digest <link>`: a note around the link, or no https://, is fine.
    parsed = parse_command(ctx.args, ())
    url = parsed.args if parsed.kind is CommandKind.URL else None
    if url is None:
        await ctx.respond(
            text=f"Usage: `{COMMAND} again <link>` digests a story anew, even if it was "
            "digested here recently.",
            response_type="ephemeral",
        )
        return
    await ctx.respond(text=WORKING, response_type="ephemeral")
    await ctx.service.run(digest_request(ctx, url=url, force=True), ctx.client)


# Watching and channel digests (logic in bot.watch_service).


async def _schedule(ctx: CommandContext) -> None:
    async def tz() -> str | None:
        return await user_tz(ctx.client, ctx.user_id)

    watch = runtime_for(ctx.service).watch
    reply = await watch.schedule(ctx.team_id, ctx.channel_id, ctx.user_id, ctx.args, tz)
    await ctx.respond(text=reply, response_type="ephemeral")


async def _watching(ctx: CommandContext) -> None:
    tz = await user_tz(ctx.client, ctx.user_id) or "UTC"
    reply = await runtime_for(ctx.service).watch.watching(ctx.team_id, ctx.channel_id, tz)
    await ctx.respond(text=reply, response_type="ephemeral")


async def _stop(ctx: CommandContext) -> None:
    reply = await runtime_for(ctx.service).watch.stop(ctx.team_id, ctx.channel_id, ctx.args)
    await ctx.respond(text=reply, response_type="ephemeral")


add_subcommand("help", "help", "show this help", _help)
add_subcommand("again", "again <link>", "digest a story anew, even if it was just digested", _again)
add_subcommand(
    "schedule",
    "schedule [weekdays|daily HH:MM [TZ]|off]",
    "post a daily digest of what changed in this channel's watched stories",
    _schedule,
)
add_subcommand("watching", "watching", "list the stories watched in this channel", _watching)
add_subcommand("stop", "stop <n>", "stop watching story n from the watching list", _stop)


# Answers in the ack itself: there is nothing to fetch, so no "Working on it..." first.
NO_STORY = (
    "There's no story there, only a mention or a channel name. Give me the story's link "
    f"(`{COMMAND} https://...`) or paste its text after `{COMMAND}`."
)


TOO_SHORT = (
    "That's too few words to be a story. Give the story's link (`/digest https://...`), "
    f"paste its full text, or see `{COMMAND} help`."
)


def other_link_message(scheme: str) -> str:
    return (
        f"Newsdesk reads web pages from http:// and https:// links, not {scheme}: links. "
        f"Paste the story's text instead (`{COMMAND}` on its own opens a box for it)."
    )


async def open_digest_modal(ctx: CommandContext, note: str | None = None) -> None:
    try:
        await ctx.client.views_open(
            trigger_id=ctx.trigger_id,
            view=digest_modal(ctx.channel_id, thread_ts=ctx.thread_ts, note=note),
        )
    except Exception:
        log.warning("views.open failed", exc_info=True)
        await ctx.respond(
            text=f"I couldn't open the digest box. Try `{COMMAND} <link>` instead.",
            response_type="ephemeral",
        )


async def on_digest(
    ack: AsyncAck,
    body: dict[str, Any],
    client: AsyncWebClient,
    respond: AsyncRespond,
    context: dict[str, Any],
) -> None:
    service: DigestService = context["service"]
    parsed = parse_command(body.get("text"), SUBCOMMANDS.keys())
    ctx = command_context(body, parsed.args, service, client, respond)
    if parsed.kind is CommandKind.TEXT and too_short_for_a_story(parsed.args):
        # A question or a note ("what does this do"): no digest could come of it, and
        # "everything here reads as page furniture" would puzzle whoever typed it.
        await ack(text=TOO_SHORT)
    elif parsed.kind in {CommandKind.URL, CommandKind.TEXT}:
        await ack(text=WORKING)  # ack first: Slack gives us three seconds
        if parsed.kind is CommandKind.URL:
            service.submit(digest_request(ctx, url=parsed.args), client)
        else:
            service.submit(digest_request(ctx, text=parsed.args), client)
    elif parsed.kind is CommandKind.EMPTY:
        await ack()
        service.spawn(open_digest_modal(ctx))
    elif parsed.kind is CommandKind.TOO_LONG:
        await ack()
        service.spawn(
            open_digest_modal(
                ctx,
                note="That was too long for a slash command, so Slack may have cut it. "
                "Paste the story here (in parts if needed) or give its link. A very long "
                "story can go in a message instead: use the *Digest story* shortcut on it.",
            )
        )
    elif parsed.kind is CommandKind.OTHER_LINK:
        await ack(text=other_link_message(parsed.args))
    elif parsed.kind is CommandKind.NO_STORY:
        await ack(text=NO_STORY)
    elif parsed.kind is CommandKind.SUB and parsed.name in SUBCOMMANDS:
        await ack()
        service.spawn(SUBCOMMANDS[parsed.name].handler(ctx))
    else:
        await ack(text=f"I don't know `{COMMAND} {parsed.name}`.\n{help_text()}")


def register(app: AsyncApp) -> None:
    app.command(COMMAND)(on_digest)
