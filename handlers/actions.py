"""Buttons under a digest: "Stop watching" and "Check now".

The watching feature fills ``ACTION_HOOKS``; this module only acks and dispatches.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

import bot.service as service_module
from bot.service import DigestService
from bot.watch_service import SlackPoster, runtime_for

log = logging.getLogger(__name__)

ACTION_IDS = ("stop_watching", "check_now")
CHECKING = "Checking the story now..."


@dataclass(frozen=True, slots=True)
class ActionContext:
    service: DigestService
    client: AsyncWebClient
    respond: AsyncRespond
    body: dict[str, Any]
    action: dict[str, Any]
    value: str | None  # the button's value (the renderer puts the story ref there)
    team_id: str
    channel_id: str | None
    user_id: str
    message_ts: str | None
    thread_ts: str | None


ActionHook = Callable[[ActionContext], Coroutine[Any, Any, None]]
ACTION_HOOKS: dict[str, ActionHook] = {}


def action_context(
    body: dict[str, Any],
    action: dict[str, Any],
    service: DigestService,
    client: AsyncWebClient,
    respond: AsyncRespond,
) -> ActionContext:
    message = body.get("message") or {}
    container = body.get("container") or {}
    return ActionContext(
        service=service,
        client=client,
        respond=respond,
        body=body,
        action=action,
        value=action.get("value"),
        team_id=(body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id", ""),
        channel_id=(body.get("channel") or {}).get("id") or container.get("channel_id"),
        user_id=(body.get("user") or {}).get("id", ""),
        message_ts=message.get("ts") or container.get("message_ts"),
        thread_ts=message.get("thread_ts") or container.get("thread_ts"),
    )


async def on_action(
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    client: AsyncWebClient,
    respond: AsyncRespond,
    context: dict[str, Any],
) -> None:
    await ack()
    action_id = action.get("action_id", "")
    hook = ACTION_HOOKS.get(action_id)
    if hook is None:
        log.warning("no hook registered for action %s", action_id)
        return
    service: DigestService = context["service"]
    service.spawn(_run_hook(hook, action_context(body, action, service, client, respond)))


BUTTON_FAILED = (
    "Sorry, that button didn't work just now. Try it again in a minute; "
    "`/digest watching` lists the stories watched here."
)


async def _run_hook(hook: ActionHook, ctx: ActionContext) -> None:
    # A click that fails silently looks like a click that did nothing: say so, privately.
    try:
        await hook(ctx)
    except Exception:
        log.exception("button %s failed", ctx.action.get("action_id", ""))
        await ctx.respond(text=BUTTON_FAILED, response_type="ephemeral", replace_original=False)


def _story_id(ctx: ActionContext) -> int | None:
    try:
        return int(ctx.value or "")
    except ValueError:
        return None


async def _stop_watching(ctx: ActionContext) -> None:
    story_id = _story_id(ctx)
    if story_id is None or not ctx.channel_id:
        return
    reply = await runtime_for(ctx.service).watch.stop_story(ctx.team_id, ctx.channel_id, story_id)
    await ctx.respond(text=reply, response_type="ephemeral", replace_original=False)


async def _check_now(ctx: ActionContext) -> None:
    story_id = _story_id(ctx)
    if story_id is None or not ctx.channel_id:
        return
    rt = runtime_for(ctx.service)
    poster = SlackPoster.with_client(ctx.service, ctx.client)
    check = asyncio.ensure_future(
        rt.watch.check_now(ctx.team_id, ctx.channel_id, story_id, rt.watcher, poster)
    )
    try:
        # A re-fetch can take seconds: a click with no answer gets clicked again.
        done, _ = await asyncio.wait({check}, timeout=service_module.PROGRESS_AFTER)
        if not done:
            await ctx.respond(text=CHECKING, response_type="ephemeral", replace_original=False)
        reply = await check
    finally:
        check.cancel()  # a no-op once done
    await ctx.respond(text=reply, response_type="ephemeral", replace_original=False)


ACTION_HOOKS["stop_watching"] = _stop_watching
ACTION_HOOKS["check_now"] = _check_now


def register(app: AsyncApp) -> None:
    for action_id in ACTION_IDS:
        app.action(action_id)(on_action)
