"""What the watching commands and buttons do, and the glue that lets the watcher post to Slack.

``WatchService`` is Slack-free: `/digest schedule`, `/digest watching`, `/digest stop <n>`,
Stop watching and Check now take plain ids and text and return the reply to show.
``SlackPoster`` adapts a Web API client (through the app's per-channel pacer) to the
core's ``Poster``. ``runtime_for(service)`` gives the one ``WatchRuntime`` (service,
watcher, channel digester) per ``DigestService``, shared by handlers and the scheduler.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.channel_digest import ChannelDigester, spec_of
from bot.render_diff import escape, link_target, without_credentials
from bot.schedule import USAGE, Off, ScheduleSpec, Show, parse_schedule
from bot.service import DigestService, slack_error_code
from bot.watcher import CheckResult, Poster, PostFailed, Watcher
from config.settings import Settings
from storage.repo import Store, utcnow

log = logging.getLogger(__name__)

# Slack errors after which posting to that channel will never work: stop quietly.
UNREACHABLE = frozenset(
    {
        "not_in_channel",
        "channel_not_found",
        "is_archived",
        "account_inactive",
        "invalid_auth",
        "token_revoked",
        "no_installation",
    }
)

TzLookup = Callable[[], Awaitable[str | None]]
ClientFor = Callable[[str], Awaitable[AsyncWebClient | None]]


# ------------------------------------------------------------------------ Slack glue


class SlackPoster:
    """The core's ``Poster`` over Slack: paced per channel, Slack errors -> ``PostFailed``."""

    def __init__(self, service: DigestService, client_for: ClientFor) -> None:
        self.service = service
        self.client_for = client_for

    @classmethod
    def with_client(cls, service: DigestService, client: AsyncWebClient) -> SlackPoster:
        async def same(_team: str) -> AsyncWebClient:
            return client

        return cls(service, same)

    async def post(
        self, team_id: str, channel_id: str, thread_ts: str | None, message: dict[str, Any]
    ) -> None:
        client = await self.client_for(team_id)
        if client is None:
            raise PostFailed("no_installation", unreachable=True)
        kwargs = dict(message)
        if thread_ts:
            kwargs["thread_ts"] = thread_ts
        try:
            await self.service.post(client, channel_id, **kwargs)
        except SlackApiError as err:
            code = slack_error_code(err)
            raise PostFailed(code, unreachable=code in UNREACHABLE) from None


async def user_tz(client: AsyncWebClient, user_id: str) -> str | None:
    """The person's Slack time zone (users.info), or None when it cannot be read."""
    try:
        resp = await client.users_info(user=user_id)
        tz = (resp.get("user") or {}).get("tz")
        return str(tz) if tz else None
    except Exception:
        log.warning("users.info failed for %s", user_id, exc_info=True)
        return None


# ------------------------------------------------------------------- command logic


def _when(at: datetime | None, tz: str) -> str:
    if at is None:
        return "never"
    try:
        local = at.astimezone(ZoneInfo(tz))
    except (ValueError, KeyError):
        local, tz = at, "UTC"
    return f"{local:%a} {local.day} {local:%b %H:%M} {tz}"


@dataclass
class WatchService:
    """The logic behind the watching commands and buttons; replies are mrkdwn text."""

    store: Store
    settings: Settings
    now: Callable[[], datetime] = utcnow

    async def schedule(
        self, team_id: str, channel_id: str, user_id: str, args: str, tz: TzLookup
    ) -> str:
        """`/digest schedule [weekdays|daily HH:MM [TZ]|off]`; bare shows the current one."""
        words = args.split()
        needs_tz = len(words) == 2 or (
            len(words) == 3 and words[2].lower().rstrip(".") in ("am", "pm", "a.m", "p.m")
        )
        default_tz = (await tz() if needs_tz else None) or "UTC"
        try:
            parsed = parse_schedule(args, default_tz)
        except ValueError as err:
            return str(err)
        if isinstance(parsed, Show):
            rec = await self.store.get_schedule(team_id, channel_id)
            if rec is None:
                return f"No channel digest is scheduled here. {USAGE}"
            return (
                f"This channel gets a digest of its watched stories {spec_of(rec).describe()}; "
                f"next: {_when(rec.next_run_at, rec.tz_name)}."
            )
        if isinstance(parsed, Off):
            if await self.store.delete_schedule(team_id, channel_id):
                return "Channel digest turned off."
            return "There was no channel digest scheduled here."
        assert isinstance(parsed, ScheduleSpec)
        next_run = parsed.next_run(self.now())
        await self.store.upsert_schedule(
            team_id,
            channel_id,
            cadence=parsed.cadence,
            local_time=f"{parsed.hour:02d}:{parsed.minute:02d}",
            tz_name=parsed.tz,
            next_run_at=next_run,
            created_by=user_id,
        )
        return (
            f"Done: this channel gets a digest of what changed in its watched stories "
            f"{parsed.describe()}. First one: {_when(next_run, parsed.tz)}."
        )

    async def watching(self, team_id: str, channel_id: str, tz: str = "UTC") -> str:
        """`/digest watching`: the channel's watched stories, numbered, with their last change."""
        watched = await self.store.watched_stories(team_id, channel_id)
        if not watched:
            return (
                "No stories are watched in this channel. `/digest <link>` digests and watches one."
            )
        lines = ["*Watched in this channel*"]
        for n, w in enumerate(watched, 1):
            s = w.story
            title = escape(_short_title(s.title or without_credentials(s.url)))
            versions = await self.store.list_versions(s.id)  # a channel watches a handful
            first_seen = versions[0].fetched_at if versions else s.created_at
            if s.last_changed_at and s.last_changed_at > first_seen:
                change = f"last change {_when(s.last_changed_at, tz)}"
            else:
                change = "no change yet"
            state = "" if s.status == "active" else f" · {s.status}"
            lines.append(f"{n}. <{link_target(s.url)}|{title}> · {change}{state}")
        lines.append("`/digest stop <n>` stops one.")
        return "\n".join(lines)

    async def stop(self, team_id: str, channel_id: str, args: str) -> str:
        """`/digest stop <n>`: n as numbered by `/digest watching`."""
        arg = args.strip().lstrip("#")
        if not arg.isdigit():
            return "Usage: `/digest stop <n>`, with n from `/digest watching`."
        watched = await self.store.watched_stories(team_id, channel_id)
        n = int(arg)
        if not watched:
            return "No stories are watched in this channel, so there is nothing to stop."
        if not 1 <= n <= len(watched):
            count = "1 story" if len(watched) == 1 else f"{len(watched)} stories"
            return f"There is no story {n} here: `/digest watching` lists {count}, from 1."
        return await self.stop_story(team_id, channel_id, watched[n - 1].story.id)

    async def stop_story(self, team_id: str, channel_id: str, story_id: int) -> str:
        """Stop watching a story in this channel; nobody left watching stops its checks."""
        story = await self.store.get_story(story_id)
        if story is None:
            return "I can't find that story any more."
        changed = await self.store.set_story_watching(team_id, channel_id, story_id, False)
        if not await self.store.threads_for_story(story_id):
            await self.store.set_story_status(story_id, "stopped")
        title = escape(story.title or without_credentials(story.url))
        if not changed:
            return f"“{title}” was not being watched here."
        return f"Stopped watching “{title}” in this channel. Everything seen so far is kept."

    async def check_now(
        self, team_id: str, channel_id: str, story_id: int, watcher: Watcher, poster: Poster
    ) -> str:
        """Check a story at once; the thread hears about a material change as usual."""
        story = await self.store.get_story(story_id)
        if story is None:
            return "I can't find that story any more."
        # Asking for a check under a digest means wanting to hear: watch it here again.
        await self.store.set_story_watching(team_id, channel_id, story_id, True)
        result = await watcher.check_now(story_id, poster)
        return check_reply(result, story.title or without_credentials(story.url))


def _short_title(title: str, limit: int = 200) -> str:
    """One line of at most ``limit`` characters, cut at a word with an ellipsis: a bare cut
    left "… headline Very long >" with a space before the link's closing bracket."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if (space := cut.rfind(" ")) > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:–—-") + "…"


def check_reply(result: CheckResult | None, title: str) -> str:
    title = escape(title)
    if result is None:
        return f"“{title}” is being checked right now; any change will appear in its thread."
    if result.outcome == "changed":
        return f"“{title}” changed: the details are in its thread."
    if result.outcome in ("failed", "gave_up"):
        return f"I couldn't fetch “{title}” just now; I'll try again later."
    if result.outcome == "gone":
        return f"“{title}” has gone from its site; I've stopped watching it."
    return f"Checked “{title}”: no material change."


# ---------------------------------------------------------------------- the runtime


@dataclass
class WatchRuntime:
    """One per app process: the watching logic, the check runner and channel digests."""

    service: DigestService
    watch: WatchService
    watcher: Watcher
    digester: ChannelDigester
    poster: SlackPoster
    started: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    async def aclose(self) -> None:
        await self.watcher.aclose()


_RUNTIMES: weakref.WeakKeyDictionary[DigestService, WatchRuntime] = weakref.WeakKeyDictionary()


async def _no_client(_team: str) -> AsyncWebClient | None:
    return None


def runtime_for(
    service: DigestService,
    *,
    client_for: ClientFor | None = None,
    now: Callable[[], datetime] = utcnow,
) -> WatchRuntime:
    """The shared runtime for ``service`` (created on first use; ``client_for`` replaces
    how the background jobs find a Web API client for a team)."""
    rt = _RUNTIMES.get(service)
    if rt is None:
        poster = SlackPoster(service, client_for or _no_client)
        rt = WatchRuntime(
            service=service,
            watch=WatchService(service.store, service.settings, now),
            watcher=Watcher(
                service.store,
                service.settings,
                poster,
                now=now,
                # The app's digest processes, when it has them, clean pages for checks too.
                executor=service.executor() if getattr(service, "cpu_workers", 0) else None,
            ),
            digester=ChannelDigester(service.store, service.settings, poster, now=now),
            poster=poster,
        )
        _RUNTIMES[service] = rt
    elif client_for is not None:
        rt.poster.client_for = client_for
    return rt
