"""Scheduled channel digests: what changed in the channel's watched stories since the last one.

Pure assembly plus a runner: ``collect`` reads the channel's watched stories and compares
each one's version as it stood at the last digest with its latest version; ``render``
turns that into a short Block Kit message, newest change first; ``ChannelDigester`` claims
due schedules from the database (leased, so one process posts each digest once), posts
through a ``Poster`` and sets the next run. A run missed while the app was down is due on
start and runs once: the next run is computed from *now*, not from the missed time.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.diff import StoryDiff, diff_digests
from bot.render_diff import escape, link_target, without_credentials
from bot.schedule import ScheduleSpec
from bot.watcher import Poster, PostFailed, digest_from_version
from config.settings import Settings
from storage.repo import ScheduleRecord, Store, VersionRecord, utcnow, worker_id

log = logging.getLogger(__name__)

MAX_ITEMS = 20  # stories listed; the rest are counted
ITEM_CHARS = 600
SECTION_CHARS = 3000  # Block Kit's limit for one section
TEXT_BUDGET = 10_000  # all sections together, as in bot.render_diff


@dataclass(frozen=True, slots=True)
class ChannelItem:
    story_id: int
    title: str
    url: str
    changed_at: datetime
    lines: tuple[str, ...]  # mrkdwn, each a kind of change


# Why a channel can no longer take its scheduled digest, and what brings it back. Other
# unreachable codes (a revoked token, an uninstalled app) leave no way to tell anyone.
_DROPPED = {
    "not_in_channel": (
        "I'm no longer a member of it",
        "Invite me back with `/invite @Newsdesk`, then set it again there with `/digest schedule`.",
    ),
    "channel_not_found": (
        "I can no longer see it (deleted, or private without me)",
        "If it is private, invite me with `/invite @Newsdesk`, then set it again there with "
        "`/digest schedule`.",
    ),
    "is_archived": (
        "it has been archived",
        "To keep a digest, set one in another channel with `/digest schedule`.",
    ),
}


def schedule_dropped(channel_id: str, code: str) -> str | None:
    """The note to a schedule's creator when its channel stopped taking posts."""
    if code not in _DROPPED:
        return None
    why, fix = _DROPPED[code]
    return f"I've turned off the scheduled digest for <#{channel_id}>: {why}. {fix}"


def spec_of(rec: ScheduleRecord) -> ScheduleSpec:
    hour, minute = rec.local_time.split(":")
    return ScheduleSpec(cadence=rec.cadence, hour=int(hour), minute=int(minute), tz=rec.tz_name)  # type: ignore[arg-type]


def _clip(text: str, limit: int = ITEM_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _struck(text: str) -> str:
    return "~" + escape(text).replace("~", "∼") + "~"


def change_lines(d: StoryDiff) -> tuple[str, ...]:
    """The changes an editor scans for, one mrkdwn line each."""
    lines: list[str] = []
    if d.headline:
        lines.append(
            f"Headline: {_struck(_clip(d.headline[0], 200))} → {escape(_clip(d.headline[1], 200))}"
        )
    for f in d.figures_changed[:3]:
        lines.append(
            f"Figure: {_struck(f.old)} → {escape(f.new)} — {escape(_clip(f.sentence, 300))}"
        )
    for c in d.corrections[:2]:
        lines.append(f"Correction: {escape(_clip(c, 300))}")
    if d.new_sources:
        lines.append("New sources: " + ", ".join(escape(s) for s in d.new_sources))
    if d.dropped_sources:
        lines.append("No longer quoted: " + ", ".join(escape(s) for s in d.dropped_sources))
    added = len(d.added_paragraphs) + len(d.added_sentences)
    removed = len(d.removed_paragraphs) + len(d.removed_sentences)
    reworded = len(d.changed_sentences)
    counts = [
        f"{n} {what}{'s' if n != 1 else ''}"
        for n, what in ((added, "addition"), (removed, "removal"), (reworded, "rewording"))
        if n
    ]
    if counts:
        lines.append("Also: " + ", ".join(counts))
    return tuple(lines)


def _diff_since(versions: Sequence[VersionRecord], since: datetime) -> StoryDiff | None:
    """The story as it stood at ``since`` against its latest version (None: no older one)."""
    before = [v for v in versions if v.fetched_at <= since]
    if not before or versions[-1].fetched_at <= since:
        return None
    old, new = before[-1], versions[-1]
    if old.content_hash == new.content_hash:
        return None
    earlier = [digest_from_version(v) for v in before[:-1][-10:]]
    return diff_digests(digest_from_version(old), digest_from_version(new), earlier=earlier)


async def collect(
    store: Store, team_id: str, channel_id: str, since: datetime
) -> tuple[list[ChannelItem], int]:
    """(material changes since ``since``, newest first; how many stories the channel watches)."""
    watched = await store.watched_stories(team_id, channel_id)
    items: list[ChannelItem] = []
    for w in watched:
        s = w.story
        if s.last_changed_at is None or s.last_changed_at <= since:
            continue  # cheap filter: no material change recorded since the last digest
        versions = await store.list_versions(s.id)
        diff = await asyncio.to_thread(_diff_since, versions, since)
        if diff is None or not diff.material:
            continue
        items.append(
            ChannelItem(
                story_id=s.id,
                title=versions[-1].title or s.title or without_credentials(s.url),
                url=s.url,
                changed_at=s.last_changed_at,
                lines=change_lines(diff),
            )
        )
    items.sort(key=lambda i: i.changed_at, reverse=True)
    return items, len(watched)


def _when(at: datetime, zone: ZoneInfo) -> str:
    local = at.astimezone(zone)
    return f"{local:%a} {local.day} {local:%b %H:%M}"


def render(
    items: Sequence[ChannelItem], watched: int, *, since: datetime, now: datetime, tz: str
) -> dict[str, Any]:
    """The channel digest message (``{"text", "blocks"}``)."""
    zone = ZoneInfo(tz)
    if not items:
        what = (
            f"{watched} watched stor{'y' if watched == 1 else 'ies'}"
            if watched
            else "no watched stories"
        )
        text = f"Channel digest: no material changes since {_when(since, zone)} ({what})."
        return {"text": text, "blocks": [_context(escape(text))]}
    header = f"Channel digest: {len(items)} stor{'y' if len(items) == 1 else 'ies'} changed"
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": header[:150], "emoji": False}},
        _context(f"Since {escape(_when(since, zone))} · newest first · {escape(tz)}"),
    ]
    used = len(header) + len(blocks[1]["elements"][0]["text"])
    shown = 0
    for item in items[:MAX_ITEMS]:
        text = _item_text(item, zone)
        if shown and used + len(text) > TEXT_BUDGET:
            break  # Slack refuses a message much past 13,000 characters: none would be seen
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": text}})
        used += len(text)
        shown += 1
    if len(items) > shown:
        more = len(items) - shown
        blocks.append(
            _context(
                f"{more} more changed stor{'y' if more == 1 else 'ies'} not shown: "
                "each one's thread has the details."
            )
        )
    return {"text": header, "blocks": blocks}


def _item_text(item: ChannelItem, zone: ZoneInfo) -> str:
    """One story's section: its link, then whole change lines while they fit a section."""
    title = escape(_clip(item.title, 200))
    when = escape(_when(item.changed_at, zone))
    text = f"*<{link_target(_clip(item.url, 1200))}|{title}>* · changed {when}"
    for line in item.lines:
        if len(text) + 3 + len(line) > SECTION_CHARS:
            break  # a cut line could end inside a link or an &amp;
        text += "\n• " + line
    return text[:SECTION_CHARS]


def _context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


class ChannelDigester:
    """Posts due channel digests; safe to run in several processes at once."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        poster: Poster,
        *,
        now: Callable[[], datetime] = utcnow,
        owner: str | None = None,
        lease: timedelta = timedelta(minutes=5),
    ) -> None:
        self.store = store
        self.settings = settings
        self.poster = poster
        self.now = now
        self.owner = owner or worker_id()
        self.lease = lease

    async def run_due(self, limit: int = 50) -> int:
        """Post every due channel digest; returns how many were posted."""
        posted = 0
        while True:
            due = await self.store.claim_due_schedules(self.now(), self.owner, self.lease, limit)
            for rec in due:
                try:
                    posted += await self.run_one(rec)
                except Exception:
                    log.exception("channel digest for %s failed", rec.channel_id)
            if len(due) < limit:
                return posted

    async def _tell_owner(self, rec: ScheduleRecord, code: str) -> None:
        """A schedule that stopped silently looks like a quiet channel for days: tell whoever
        set it, in their DM with the app (which needs no channel membership)."""
        message = schedule_dropped(rec.channel_id, code)
        if rec.created_by is None or message is None:
            return
        try:
            await self.poster.post(rec.team_id, rec.created_by, None, {"text": message})
        except Exception as err:  # PostFailed, or the network: the schedule is gone anyway
            log.warning("could not tell %s the schedule was dropped: %s", rec.created_by, err)

    async def run_one(self, rec: ScheduleRecord) -> bool:
        """Post one leased schedule's digest and set its next run; True if posted."""
        now = self.now()
        since = rec.last_run_at or rec.created_at
        items, watched = await collect(self.store, rec.team_id, rec.channel_id, since)
        next_run = spec_of(rec).next_run(now)
        if not items and self.settings.skip_quiet_channel_digests:
            # Skipped: "since" stays where it was, so the next digest covers this period too.
            await self.store.finish_schedule(rec.id, self.owner, next_run_at=next_run, ran_at=None)
            return False
        message = render(items, watched, since=since, now=now, tz=rec.tz_name)
        try:
            await self.poster.post(rec.team_id, rec.channel_id, None, message)
        except PostFailed as err:
            if err.unreachable:
                log.info("channel %s unreachable (%s): schedule removed", rec.channel_id, err.code)
                await self.store.delete_schedule(rec.team_id, rec.channel_id)
                await self._tell_owner(rec, err.code)
                return False
            # Slack had a bad moment: try again in a few minutes, same period.
            await self.store.finish_schedule(
                rec.id, self.owner, next_run_at=now + timedelta(minutes=5), ran_at=None
            )
            return False
        await self.store.finish_schedule(rec.id, self.owner, next_run_at=next_run, ran_at=now)
        return True
