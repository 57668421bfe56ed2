"""Between Slack handlers and the news core: run a digest request end to end.

Handlers ack first and hand a ``DigestRequest`` to ``DigestService.submit``, which runs in
a background task: claim the delivery (Slack retries never digest twice), digest, link to
a fresh existing thread instead of duplicating it, post the parent and the threaded digest
(paced per channel), store the story/version/thread, and tell the person ephemerally and
specifically when anything goes wrong.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import multiprocessing
import os
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.errors import FetchFailed, InvalidSource, NewsdeskError, Paywalled
from bot.model import Digest, InputMode, RawDocument
from bot.netguard import make_session
from bot.pipeline import content_hash, digest_raw, digest_text
from bot.render import render_blocks, render_parent
from bot.render_diff import without_credentials
from bot.schedule import FRESH_EVERY
from bot.slack_text import is_slack_link
from bot.sources import read_source
from config.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")

NOT_IN_CHANNEL = {"not_in_channel", "channel_not_found", "is_archived"}
WORKING = "Working on it..."
SLACK_LINK = (
    "That link points into Slack itself (a message or a file), which I can't open. Use "
    "*Digest story* from the ⋮ menu of the message that holds the story, or paste its text "
    "after `/digest`."
)
# A mention has no ack anyone sees: past this many seconds without a digest, a "Working on
# it..." reply goes in the thread (and becomes the digest). Sooner, and a quick digest or a
# quick refusal would flash a message that vanishes at once.
PROGRESS_AFTER = 1.0


# Slack tokens: bot/user (xoxb-, xoxp-), app-level (xapp-), rotation (xoxe-, xoxe.xoxb-).
_SLACK_TOKEN = re.compile(r"\b(xox[a-z]|xapp|xoxe\.xox[a-z])-[A-Za-z0-9-]+")


class RedactSlackTokens(logging.Filter):
    """Masks Slack tokens in a record's text.

    slack_sdk logs every Web API response body at DEBUG, and oauth.v2.access's body is the
    newly installed workspace's bot token: turning on debug logs must not leak it.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _SLACK_TOKEN.search(message):
            record.msg = _SLACK_TOKEN.sub(lambda m: f"{m.group(1)}-(redacted)", message)
            record.args = None
        return True


# Our Web API clients log here: still under "slack_sdk", so its level settings apply.
SLACK_API_LOG = logging.getLogger("slack_sdk.web.newsdesk")
SLACK_API_LOG.addFilter(RedactSlackTokens())
# aiosqlite logs every statement with its parameters at DEBUG, installations' tokens too.
logging.getLogger("aiosqlite").addFilter(RedactSlackTokens())


def make_client(
    settings: Settings, token: str | None = None, session: aiohttp.ClientSession | None = None
) -> AsyncWebClient:
    """A Web API client at ``settings.slack_api_url`` that waits out 429s (Retry-After).

    Pass a long-lived ``session``: without one slack_sdk opens a connection per call.
    """
    client = AsyncWebClient(
        token=token, base_url=settings.slack_api_url, session=session, logger=SLACK_API_LOG
    )
    client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=3))
    return client


@dataclass(frozen=True, slots=True)
class DigestRequest:
    """One person's request for a digest, whatever Slack surface it came from."""

    team_id: str
    channel_id: str
    user_id: str
    url: str | None = None
    text: str | None = None
    thread_ts: str | None = None  # reply in this thread instead of posting a parent
    force: bool = False  # `/digest again`: skip the "already digested" link
    # Events API deliveries are retried by Slack (same event_id), so they carry a key that is
    # claimed once across retries, restarts and processes. Slash commands, shortcuts and view
    # submissions are never retried: they need no key, and save a database write.
    delivery_key: str | None = None
    response_url: str | None = None  # ephemeral replies for commands and shortcuts
    # Slack shows an ephemeral reply in a thread only if the thread has replies already:
    # False when thread_ts is a message with none (a mention, a shortcut on a lone message),
    # so notes to the person go in the channel, where they will see them.
    thread_started: bool = True
    # Mentions: a slow digest gets a "Working on it..." reply that the digest then replaces.
    show_progress: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    """What ``run`` did, for tests, logs and the benchmark."""

    status: str  # posted | duplicate | linked | failed
    channel_id: str
    thread_ts: str | None = None
    story_id: int | None = None
    message: str | None = None


@dataclass(slots=True)
class _Progress:
    """A slow mention's "Working on it..." reply, until the digest takes its place."""

    ts: str | None = None
    replaced: bool = False


# --- messages a person reads -------------------------------------------------------------


def error_message(err: BaseException, channel_id: str = "") -> str:
    """The specific, actionable message for a failed digest (``channel_id``: where it was
    to be posted, which tells a direct message from a private channel)."""
    if isinstance(err, SlackApiError):
        code = slack_error_code(err)
        return post_refused(code, channel_id) or (
            f"Slack would not accept the digest ({code or 'unknown error'}). Please try again."
        )
    if isinstance(err, FetchFailed):
        msg = str(err)
        if err.status and str(err.status) not in msg:
            msg = f"{msg} (HTTP {err.status})"
        return msg + _next_step(err.status)
    if isinstance(err, Paywalled):
        msg = str(err)
        if "paste" not in msg.lower():
            msg += " Paste the article's text instead: `/digest` opens a box for it."
        return msg
    if isinstance(err, NewsdeskError):
        return str(err)
    return "Something went wrong while digesting that story. Please try again in a minute."


_INVITE = "Invite me with `/invite @Newsdesk`, then try again."
_ELSEWHERE = (
    "Use `/digest` in a channel instead (`/invite @Newsdesk` there first if I'm not in it)."
)


def post_refused(code: str, channel_id: str) -> str | None:
    """Why Slack would not let the app post where it was asked, and how to fix it; None
    for errors that are not about the place."""
    if code == "not_in_channel":
        return f"I can't post in this channel because I'm not a member. {_INVITE}"
    if code == "channel_not_found":
        # Slack's answer for a conversation the app cannot see: a DM between people (apps
        # can never join one), a group DM, or a private channel it was not invited to.
        if channel_id.startswith("D"):
            return f"I can't post in a direct message between people. {_ELSEWHERE}"
        if channel_id.startswith("G"):
            return (
                "I can't post here: this is a group DM or a private channel I'm not in. In a "
                f"private channel, invite me with `/invite @Newsdesk`. {_ELSEWHERE}"
            )
        return f"I can't post here: this is a private channel and I'm not in it. {_INVITE}"
    if code == "is_archived":
        return "This channel is archived, so nobody can post in it. Use `/digest` in another one."
    if code == "restricted_action_thread_only_channel":
        return (
            "This channel takes replies in threads only. Use the *Digest story* shortcut on a "
            "message, or mention @Newsdesk in a thread, and the digest goes in that thread."
        )
    if code == "restricted_action_non_threadable_channel":
        return "This channel does not allow threads, and a digest is a thread. " + _ELSEWHERE
    if code.startswith("restricted_action"):
        return (
            "Only some members may post in this channel, and I'm not one of them. "
            "Use `/digest` in another channel, or ask an admin to let Newsdesk post here."
        )
    if code == "ratelimited":
        return (
            "Slack is limiting how fast I can post in this channel just now. "
            "Try again in a minute."
        )
    return None


_PASTE = "paste the story's text (`/digest` on its own opens a box for it)"


def _next_step(status: int | None) -> str:
    """What the reporter can do about a page that would not come: a status alone is a
    dead end."""
    if status in (404, 410):
        return f" Check the link, or {_PASTE}."
    if status in (401, 403):
        return f" Open it in your browser and {_PASTE}."
    if status is not None and status >= 500:
        return f" Try again in a while, or {_PASTE}."
    if status == 429:
        return f" Or {_PASTE}."
    # A timeout, a site that does not answer, a redirect loop (often a consent wall):
    # the reporter still has the page in a browser, so say how to bring it here.
    return f" Check the link and try again, or {_PASTE}."


def _retry_hint(req: DigestRequest) -> str:
    """How to ask again: `again` takes only a link, and pasted text can simply be resent."""
    if req.url:
        return "Try `/digest again <link>` with the same link."
    return "Try again: send the same text with `/digest` (or *Digest story* on its message)."


def slack_error_code(err: SlackApiError) -> str:
    return str(err.response.get("error", "")) if err.response is not None else ""


# --- per-channel pacing ------------------------------------------------------------------


@dataclass
class _Bucket:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    tokens: float = 0.0
    stamp: float = 0.0


class ChannelPacer:
    """About one post per ``interval`` seconds per channel, with a small burst.

    A token bucket per channel (capacity ``burst``, one token per interval): a parent and
    its threaded digest go out together, a stream of requests in one channel is spread out
    so chat.postMessage stays within Slack's per-channel limit.
    """

    def __init__(self, interval: float, burst: int = 2) -> None:
        self.interval = interval
        self.burst = burst
        self._buckets: dict[str, _Bucket] = {}

    @asynccontextmanager
    async def slot(self, channel: str) -> AsyncIterator[None]:
        bucket = self._buckets.get(channel)
        if bucket is None:
            bucket = self._buckets[channel] = _Bucket(tokens=self.burst, stamp=time.monotonic())
        async with bucket.lock:
            if self.interval > 0:
                now = time.monotonic()
                bucket.tokens = min(
                    self.burst, bucket.tokens + (now - bucket.stamp) / self.interval
                )
                bucket.stamp = now
                if bucket.tokens < 1:
                    await asyncio.sleep((1 - bucket.tokens) * self.interval)
                    bucket.tokens = 1
                    bucket.stamp = time.monotonic()
                bucket.tokens -= 1
            yield


class PriorityGate:
    """A semaphore that hands a freed slot to the most urgent waiter (lowest priority number).

    Writes that stand between a person and their digest go before bookkeeping writes
    made after it is posted.
    """

    def __init__(self, slots: int) -> None:
        self._free = slots
        self._waiters: list[tuple[int, int, asyncio.Future[None]]] = []
        self._seq = itertools.count()

    @asynccontextmanager
    async def hold(self, priority: int) -> AsyncIterator[None]:
        if self._free > 0 and not self._waiters:
            self._free -= 1
        else:
            fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            heapq.heappush(self._waiters, (priority, next(self._seq), fut))
            try:
                await fut
            except asyncio.CancelledError:
                if fut.done() and not fut.cancelled():
                    self._release()  # the slot was handed to us as we were cancelled
                raise
        try:
            yield
        finally:
            self._release()

    def _release(self) -> None:
        while self._waiters:
            _, _, fut = heapq.heappop(self._waiters)
            if not fut.done():
                fut.set_result(None)
                return
        self._free += 1


# Write priorities: finish requests already under way before admitting new ones, and keep
# bookkeeping that follows a post behind both.
FINISHING, ADMITTING, AFTER_POST, ARCHIVE = 0, 1, 2, 3


# --- the service -------------------------------------------------------------------------


def default_cpu_workers() -> int:
    """Worker processes for the CPU-bound pipeline: all cores but the one serving Slack."""
    return max(1, min(4, (os.cpu_count() or 2) - 1))


def _warm() -> bool:
    import bot.pipeline  # noqa: F401 - load the pipeline before the first request needs it

    return True


def make_executor(cpu_workers: int) -> Executor:
    """Processes keep digesting off the event loop's GIL, so acks are never queued behind
    it; ``cpu_workers=0`` uses one thread instead (tests, tiny deployments)."""
    if cpu_workers <= 0:
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="digest")
    # spawn, not fork: the server process has threads (aiosqlite, resolvers) by now.
    return ProcessPoolExecutor(cpu_workers, mp_context=multiprocessing.get_context("spawn"))


class DigestService:
    """Runs digest requests in the background; one per app process."""

    def __init__(self, settings: Settings, store: Any, *, cpu_workers: int = 0) -> None:
        self.settings = settings
        self.store = store
        self.pacer = ChannelPacer(settings.slack_post_interval)
        self.cpu_workers = cpu_workers
        self._executor: Executor | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._story_locks: dict[tuple[str, str, int], asyncio.Lock] = {}
        self._session: aiohttp.ClientSession | None = None  # fetching pages (untrusted)
        self._slack_session: aiohttp.ClientSession | None = None  # Web API, response_url
        # SQLite has one writer at a time and its busy handler backs off in sleeps of up to
        # 100 ms, so queueing our own writes here is far faster than letting them collide.
        is_sqlite = getattr(getattr(store, "engine", None), "dialect", None)
        sqlite_writes = is_sqlite is not None and is_sqlite.name == "sqlite"
        self._write_gate = PriorityGate(1 if sqlite_writes else 16)

    # background work ---------------------------------------------------------------------
    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run ``coro`` after the ack; keep a reference so it is not garbage-collected."""
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background task failed", exc_info=task.exception())

    def submit(self, req: DigestRequest, client: AsyncWebClient) -> asyncio.Task[Outcome]:
        return self.spawn(self.run(req, client))

    def submit_saying(
        self, req: DigestRequest, client: AsyncWebClient, note: str = WORKING
    ) -> asyncio.Task[Outcome]:
        """``submit``, after telling the person ``note`` privately (for surfaces whose ack
        shows nothing: shortcuts, the modal)."""

        async def note_then_run() -> Outcome:
            # In this order: a quick refusal (a private address) must not arrive before
            # "Working on it...", which would then read as if the digest were still coming.
            await self.tell(client, req, note)
            return await self.run(req, client)

        return self.spawn(note_then_run())

    async def drain(self) -> None:
        """Wait for all background work (tests, benchmark, shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def aclose(self) -> None:
        await self.drain()
        for session in (self._session, self._slack_session):
            if session is not None:
                await session.close()
        self._session = self._slack_session = None
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    async def tell_once(self, client: AsyncWebClient, req: DigestRequest, message: str) -> None:
        """Tell the person ``message`` unless this delivery was already handled (a retry)."""
        if req.delivery_key and not await self.write(
            self.store.claim_delivery, req.delivery_key, priority=ADMITTING
        ):
            return
        await self.tell(client, req, message)

    async def write(
        self,
        method: Callable[..., Awaitable[T]],
        *args: Any,
        priority: int = FINISHING,
        **kwargs: Any,
    ) -> T:
        """Call a Store writing method through the write gate."""
        async with self._write_gate.hold(priority):
            return await method(*args, **kwargs)

    def _http(self) -> aiohttp.ClientSession:
        # Guarded (every address checked after DNS) and kept, so requests share connections.
        if self._session is None or self._session.closed:
            self._session = make_session(self.settings)
        return self._session

    def slack_http(self) -> aiohttp.ClientSession:
        """One pooled session for Slack's Web API and response URLs (no cookies kept)."""
        if self._slack_session is None or self._slack_session.closed:
            self._slack_session = aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar())
        return self._slack_session

    def executor(self) -> Executor:
        if self._executor is None:
            self._executor = make_executor(self.cpu_workers)
        return self._executor

    async def warm_up(self) -> None:
        """Start the digest workers now rather than on the first request."""
        loop = asyncio.get_running_loop()
        workers = max(1, self.cpu_workers)
        await asyncio.gather(
            *(loop.run_in_executor(self.executor(), _warm) for _ in range(workers))
        )

    async def _cpu(self, fn: Callable[..., Digest], *args: Any) -> Digest:
        return await asyncio.get_running_loop().run_in_executor(self.executor(), fn, *args)

    # talking to the person ---------------------------------------------------------------
    async def tell(
        self, client: AsyncWebClient, req: DigestRequest, text: str, *, in_thread: bool = True
    ) -> None:
        """Tell the requester ``text`` privately; never raises."""
        try:
            if req.response_url:
                # Works even where the bot is not a member (slash commands, shortcuts).
                sent = await AsyncWebhookClient(req.response_url, session=self.slack_http()).send(
                    text=text, response_type="ephemeral", replace_original=False
                )
                if sent.status_code == 200:
                    return
                # An expired or used-up response_url answers 404 and raises nothing: the
                # message would be lost, so it goes the Web API way instead.
                log.warning("response_url refused a reply (HTTP %s)", sent.status_code)
            await client.chat_postEphemeral(
                channel=req.channel_id,
                user=req.user_id,
                text=text,
                thread_ts=req.thread_ts if in_thread and req.thread_started else None,
            )
        except SlackApiError as err:
            if slack_error_code(err) not in NOT_IN_CHANNEL:
                log.warning("could not tell %s: %s", req.user_id, slack_error_code(err))
                return
            try:  # not a member: the app's DM with the person still works
                await client.chat_postMessage(channel=req.user_id, text=text)
            except Exception:
                log.warning("could not DM %s", req.user_id, exc_info=True)
        except Exception:
            log.warning("could not tell %s", req.user_id, exc_info=True)

    async def post(self, client: AsyncWebClient, channel: str, **kwargs: Any) -> dict[str, Any]:
        async with self.pacer.slot(channel):
            resp = await client.chat_postMessage(
                channel=channel, unfurl_links=False, unfurl_media=False, **kwargs
            )
        return resp.data if isinstance(resp.data, dict) else {}

    # the pipeline ------------------------------------------------------------------------
    async def digest(self, req: DigestRequest) -> tuple[Digest, RawDocument | None]:
        """The digest, and for URLs the fetched document (for its ETag/Last-Modified)."""
        if req.url:
            if not req.url.lower().startswith(("http://", "https://")):
                raise InvalidSource("Newsdesk digests http(s) links only.")
            if is_slack_link(req.url):
                raise InvalidSource(SLACK_LINK)
            raw = await read_source(req.url, self.settings, session=self._http())
            # The pipeline believes a page's canonical link only on its own site (bot/urls.py).
            digest = await self._cpu(digest_raw, raw, InputMode.AUTO, self.settings)
            return digest, raw
        return await self._cpu(digest_text, req.text or "", self.settings), None

    def _story_lock(self, req: DigestRequest, story_id: int) -> asyncio.Lock:
        key = (req.team_id, req.channel_id, story_id)
        lock = self._story_locks.get(key)
        if lock is None:
            lock = self._story_locks[key] = asyncio.Lock()
        return lock

    async def run(self, req: DigestRequest, client: AsyncWebClient) -> Outcome:
        """Digest ``req`` and post it; every failure reaches the requester."""
        if req.delivery_key and not await self.write(
            self.store.claim_delivery, req.delivery_key, priority=ADMITTING
        ):
            return Outcome("duplicate", req.channel_id)
        progress = _Progress()
        try:
            return await self._run(req, client, progress)
        finally:
            if progress.ts is not None and not progress.replaced:
                # No digest took its place (a failure, a link to an earlier thread): a
                # "Working on it..." left behind would promise a digest that never comes.
                await self._delete_quietly(client, req.channel_id, progress.ts)

    async def _run(
        self, req: DigestRequest, client: AsyncWebClient, progress: _Progress
    ) -> Outcome:
        try:
            digest, raw = await self._digest_showing_progress(req, client, progress)
        except Exception as err:
            if not isinstance(err, NewsdeskError):
                shown = without_credentials(req.url) if req.url else "pasted text"
                log.exception("digest failed for %s", shown)
            message = error_message(err)
            await self.tell(client, req, message)
            return Outcome("failed", req.channel_id, message=message)

        meta = digest.article.meta
        chash = content_hash(digest.article)
        canonical = meta.url or req.url or f"text:{chash}"
        try:
            story_id = await self.write(
                self.store.upsert_story, canonical, req.url or canonical, meta.title
            )
        except Exception:
            log.exception("storing story failed")
            message = "I digested the story but could not save it. Please try again shortly."
            await self.tell(client, req, message)
            return Outcome("failed", req.channel_id, message=message)

        async with self._story_lock(req, story_id):
            outcome = await self._post_once(req, client, digest, story_id, progress)
        if outcome.status == "posted":
            # After posting: the reader is not kept waiting for a write nobody sees.
            await self._store_version(story_id, digest, chash, raw)
        return outcome

    async def _digest_showing_progress(
        self, req: DigestRequest, client: AsyncWebClient, progress: _Progress
    ) -> tuple[Digest, RawDocument | None]:
        """``digest(req)``; for a mention still running after PROGRESS_AFTER seconds, a
        "Working on it..." reply in its thread meanwhile (its ts in ``progress``)."""
        if not req.show_progress or req.thread_ts is None:
            return await self.digest(req)
        work = asyncio.ensure_future(self.digest(req))
        try:
            done, _ = await asyncio.wait({work}, timeout=PROGRESS_AFTER)
            if not done:
                progress.ts = await self._post_progress(client, req)
            return await work
        finally:
            work.cancel()  # a no-op once it is done; if we were cancelled, so is the work

    async def _post_progress(self, client: AsyncWebClient, req: DigestRequest) -> str | None:
        try:
            posted = await self.post(client, req.channel_id, thread_ts=req.thread_ts, text=WORKING)
        except Exception as err:
            # Only a courtesy: the digest (or the reason it failed) still follows.
            code = slack_error_code(err) if isinstance(err, SlackApiError) else type(err).__name__
            log.warning("could not post the progress reply: %s", code)
            return None
        ts = posted.get("ts")
        return ts if isinstance(ts, str) else None

    async def _replace_progress(
        self, client: AsyncWebClient, channel: str, progress: _Progress, message: dict[str, Any]
    ) -> bool:
        """Turn the "Working on it..." reply into ``message``; False: post it anew instead."""
        if progress.ts is None:
            return False
        try:
            await client.chat_update(channel=channel, ts=progress.ts, **message)
        except SlackApiError as err:  # deleted meanwhile, say: a new reply will do
            log.warning("could not update the progress reply: %s", slack_error_code(err))
            return False
        progress.replaced = True
        return True

    async def _delete_quietly(self, client: AsyncWebClient, channel: str, ts: str) -> None:
        try:
            await client.chat_delete(channel=channel, ts=ts)
        except Exception as err:
            code = slack_error_code(err) if isinstance(err, SlackApiError) else type(err).__name__
            log.warning("could not delete the progress reply: %s", code)

    async def _store_version(
        self, story_id: int, digest: Digest, chash: str, raw: RawDocument | None
    ) -> None:
        try:
            data = digest.to_json()
            await self.write(
                self.store.add_version,
                story_id,
                priority=ARCHIVE,
                content_hash=chash,
                title=digest.article.meta.title,
                cleaned_text="\n\n".join(digest.article.body),
                meta=data["source"],
                digest=data,
                etag=raw.etag if raw else None,
                last_modified=raw.last_modified if raw else None,
                fetched_at=datetime.now(UTC),
            )
        except Exception:
            log.exception("storing the story version failed")

    async def _post_once(
        self,
        req: DigestRequest,
        client: AsyncWebClient,
        digest: Digest,
        story_id: int,
        progress: _Progress | None = None,
    ) -> Outcome:
        if not req.force:
            linked = await self._link_fresh(req, client, story_id)
            if linked is not None:
                return linked

        parent_ts: str | None = None
        try:
            if req.thread_ts is None:
                parent = render_parent(digest, requested_by=req.user_id)
                parent_ts = (await self.post(client, req.channel_id, **parent))["ts"]
        except Exception as err:
            if not isinstance(err, SlackApiError):
                log.exception("posting the parent failed")
            message = error_message(err, req.channel_id)
            await self.tell(client, req, message)
            return Outcome("failed", req.channel_id, story_id=story_id, message=message)

        thread_ts = req.thread_ts or parent_ts
        assert thread_ts is not None
        is_url = bool(req.url)
        try:
            full = render_blocks(
                digest, requested_by=req.user_id, actions=is_url, story_ref=str(story_id)
            )
            if progress is None or not await self._replace_progress(
                client, req.channel_id, progress, full
            ):
                await self.post(client, req.channel_id, thread_ts=thread_ts, **full)
        except Exception as err:
            # Nothing half-posted: the thread says what happened under the parent.
            code = slack_error_code(err) if isinstance(err, SlackApiError) else type(err).__name__
            log.error("posting the digest failed: %s", code, exc_info=err)
            if parent_ts is not None or code not in NOT_IN_CHANNEL:
                try:
                    await self.post(
                        client,
                        req.channel_id,
                        thread_ts=thread_ts,
                        text=(
                            "Sorry, I couldn't post the full digest of this story "
                            f"({code}). {_retry_hint(req)}"
                        ),
                    )
                except Exception:
                    log.warning("could not report the failure in the thread", exc_info=True)
            message = error_message(err, req.channel_id)
            if parent_ts is None:
                await self.tell(client, req, message)
            return Outcome("failed", req.channel_id, thread_ts, story_id, message)

        now = datetime.now(UTC)
        try:
            await self.write(
                self.store.record_thread,
                priority=AFTER_POST,
                team_id=req.team_id,
                channel_id=req.channel_id,
                parent_ts=parent_ts or thread_ts,
                thread_ts=thread_ts,
                story_id=story_id,
                requested_by=req.user_id,
                watching=is_url,
                # A fresh digest of a URL watches it afresh, even after an earlier watch stopped.
                restart_watch=(now, now + FRESH_EVERY) if is_url else None,
            )
        except Exception:
            log.exception("recording the thread failed")  # the digest is out; say nothing
        return Outcome("posted", req.channel_id, thread_ts, story_id)

    async def _link_fresh(
        self, req: DigestRequest, client: AsyncWebClient, story_id: int
    ) -> Outcome | None:
        since = datetime.now(UTC) - timedelta(minutes=self.settings.digest_fresh_minutes)
        existing = await self.store.find_fresh_thread(req.team_id, req.channel_id, story_id, since)
        if existing is None:
            return None
        ts = existing.parent_ts or existing.thread_ts
        try:
            resp = await client.chat_getPermalink(channel=req.channel_id, message_ts=ts)
            where = f"<{resp['permalink']}|this thread>"
        except SlackApiError:
            where = "the thread above"
        # `again` takes a link; the same text again would digest to the same thing.
        again = " Use `/digest again <link>` for a fresh digest." if req.url else ""
        message = f"This story was digested here recently: see {where}.{again}"
        await self.tell(client, req, message)
        return Outcome("linked", req.channel_id, existing.thread_ts, story_id, message)
