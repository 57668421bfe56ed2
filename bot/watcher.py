"""The check runner: look at watched stories again and tell their threads what changed.

One check of one story is one conditional GET, however many threads watch it:

1. fetch with If-None-Match / If-Modified-Since from the stored validators (a 304 ends
   the check, and so does a body byte-identical to the last one fetched);
2. digest the page through the same pipeline as a fresh request;
3. same content hash as the latest version -> unchanged; the hash of an earlier version
   -> a flip-back, stored but not material; otherwise ``diff_digests`` against the latest
   (with the earlier versions, so a return to an older wording is not news either);
4. store every new version, and when the diff is material post it in every watching
   thread (each thread hears about a version once: a notice is claimed per version);
5. reschedule from the last material change (``next_check_delay``), back off after
   failures (``failure_delay``), and stop when the horizon passes or the page is gone.

Work is claimed from the database with a lease, so several processes share it and a
check lost with a dead worker runs again once the lease expires. Nothing here knows
Slack: posting goes through a ``Poster``.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol, TypeVar

import aiohttp
from yarl import URL

from bot.diff import StoryDiff, diff_digests
from bot.errors import FetchFailed, NewsdeskError
from bot.fetch import fetch
from bot.model import Digest, InputMode, RawDocument, article_from_json
from bot.netguard import AddressPolicy, make_session
from bot.pipeline import build_digest, content_hash, digest_raw
from bot.render_diff import render_diff_blocks
from bot.schedule import FRESH_EVERY, failure_delay, next_check_delay, should_give_up
from config.settings import Settings
from storage.repo import Store, StoryRecord, ThreadRecord, VersionRecord, utcnow, worker_id

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
T = TypeVar("T")
DEFAULT_LEASE = timedelta(minutes=5)
EARLIER_VERSIONS = 10  # flip-back detection looks this far back
_MAX_PENDING = 50  # material versions told in one check, at most (a bound, not a limit met)


class PostFailed(Exception):
    """A post did not go out; ``unreachable`` when it never will (removed, archived)."""

    def __init__(self, code: str, *, unreachable: bool = False) -> None:
        super().__init__(code)
        self.code = code
        self.unreachable = unreachable


class Poster(Protocol):
    """Posts a message (``{"text", "blocks"}``) in a channel, in a thread when given."""

    async def post(
        self, team_id: str, channel_id: str, thread_ts: str | None, message: dict[str, Any]
    ) -> None: ...


@dataclass(frozen=True, slots=True)
class CheckResult:
    story_id: int
    outcome: str  # not_modified | same_bytes | unchanged | first | immaterial | reverted
    #               | changed | failed | gone | gave_up | expired | lost_lease
    posted: int = 0  # thread replies that went out
    next_check_at: datetime | None = None
    diff: StoryDiff | None = None


@dataclass(slots=True)
class RunStats:
    checks: int = 0
    outcomes: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    posted: int = 0

    def add(self, result: CheckResult) -> None:
        self.checks += 1
        self.outcomes[result.outcome] += 1
        self.posted += result.posted


# ----------------------------------------------------------------------- messages


def gone_message(url: str, status: int | None) -> dict[str, Any]:
    what = f"HTTP {status}" if status else "it could not be found"
    text = (
        f"The story at {url} has gone ({what}), so I've stopped watching it. "
        "Every version I saw is kept."
    )
    return {"text": text}


def gave_up_message(url: str, failures: int, reason: str) -> dict[str, Any]:
    text = (
        f"I couldn't fetch {url} {failures} times in a row ({reason}), so I've stopped "
        "watching it. Press *Check now* under the digest to try again."
    )
    return {"text": text}


# --------------------------------------------------------------------------- core


def raw_hash(raw: RawDocument) -> str:
    return hashlib.sha256(raw.content.encode("utf-8", "surrogatepass")).hexdigest()


def digest_from_version(version: VersionRecord) -> Digest:
    """A stored version back as a Digest (attributions re-extracted from its body)."""
    return build_digest(article_from_json(version.digest))


def _diff(latest: VersionRecord, earlier: Sequence[VersionRecord], new: Digest) -> StoryDiff:
    """CPU work for a worker thread: rebuild the stored versions and compare."""
    return diff_digests(
        digest_from_version(latest), new, earlier=[digest_from_version(v) for v in earlier]
    )


def _host(url: str) -> str:
    try:
        return URL(url).host or url
    except ValueError:
        return url


class _FinishBatcher:
    """Collects cheap check results (304, unchanged) and writes them in one transaction.

    A commit per 304 would make the database, not the network, the limit; each caller
    still learns whether its lease held.
    """

    def __init__(self, store: Store, owner: str, *, size: int = 64, linger: float = 0.005):
        self.store = store
        self.owner = owner
        self.size = size
        self.linger = linger
        self._items: list[tuple[int, dict[str, Any], asyncio.Future[bool]]] = []
        self._timer: asyncio.TimerHandle | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def finish(self, story_id: int, owner: str, **kwargs: Any) -> bool:
        """``Store.finish_check``'s signature, batched."""
        assert owner == self.owner
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[bool] = loop.create_future()
        self._items.append((story_id, kwargs, fut))
        if len(self._items) >= self.size:
            self._flush()
        elif self._timer is None:
            self._timer = loop.call_later(self.linger, self._flush)
        return await asyncio.shield(fut)  # a cancelled check still gets its row written

    def _flush(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        items, self._items = self._items, []
        if items:
            task = asyncio.get_running_loop().create_task(self._write(items))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _write(self, items: list[tuple[int, dict[str, Any], asyncio.Future[bool]]]) -> None:
        try:
            kept = await self.store.finish_checks(self.owner, [(i, kw) for i, kw, _ in items])
        except Exception as err:
            for _, _, fut in items:
                if not fut.done():
                    fut.set_exception(err)
            return
        for (_, _, fut), ok in zip(items, kept, strict=True):
            if not fut.done():
                fut.set_result(ok)


class Watcher:
    """Runs due checks for one process; share one per app (it holds an HTTP session)."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        poster: Poster,
        *,
        now: Clock = utcnow,
        owner: str | None = None,
        lease: timedelta = DEFAULT_LEASE,
        policy: AddressPolicy | None = None,
        session: aiohttp.ClientSession | None = None,
        executor: Executor | None = None,
    ) -> None:
        self.store = store
        # Cleaning and diffing are CPU work: a process pool keeps them off the loop's GIL.
        self.executor = executor
        self.settings = settings
        self.poster = poster
        self.now = now
        self.owner = owner or worker_id()
        self.lease = lease
        self.policy = policy
        self.horizon = timedelta(days=settings.watch_horizon_days)
        self._session = session
        self._own_session = session is None
        self._slots = asyncio.Semaphore(max(1, settings.fetch_concurrency))
        self._per_host: dict[str, asyncio.Semaphore] = {}
        self.fetches = 0  # conditional GETs sent (tests and the benchmark count them)
        self._batcher = _FinishBatcher(store, self.owner)

    async def _cpu(self, fn: Callable[..., T], *args: Any) -> T:
        if self.executor is None:
            return await asyncio.to_thread(fn, *args)
        return await asyncio.get_running_loop().run_in_executor(self.executor, fn, *args)

    # -- resources -----------------------------------------------------------------------

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = make_session(self.settings, self.policy)
            self._own_session = True
        return self._session

    async def aclose(self) -> None:
        if self._own_session and self._session is not None:
            await self._session.close()
        self._session = None

    def _host_slot(self, url: str) -> asyncio.Semaphore:
        host = _host(url)
        sem = self._per_host.get(host)
        if sem is None:
            sem = self._per_host[host] = asyncio.Semaphore(max(1, self.settings.fetch_per_host))
        return sem

    # -- running due work ---------------------------------------------------------------

    async def run_due(self, max_checks: int | None = None) -> RunStats:
        """Claim and check due stories until none is due (or ``max_checks`` were started).

        Claims come in batches while earlier checks are still running, so the fetch slots
        stay busy; at most twice ``fetch_concurrency`` checks are in flight.
        """
        # Digests posted since the last run are watched from one fresh interval later.
        await self.store.schedule_new_watches(self.now() + FRESH_EVERY)
        stats = RunStats()
        window = max(1, self.settings.fetch_concurrency) * 2
        started = 0
        exhausted = False
        pending: set[asyncio.Task[CheckResult | None]] = set()
        try:
            while True:
                room = window - len(pending)
                if max_checks is not None:
                    room = min(room, max_checks - started)
                if not exhausted and room > 0 and (room >= window // 2 or not pending):
                    batch = await self.store.claim_due_checks(
                        self.now(), self.owner, self.lease, room
                    )
                    started += len(batch)
                    exhausted = len(batch) < room or started == max_checks
                    for story in batch:
                        pending.add(asyncio.create_task(self._guarded(story)))
                if not pending:
                    break
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    result = task.result()
                    if result is not None:
                        stats.add(result)
        finally:
            for task in pending:  # cancelled mid-run: the leases expire and others retry
                task.cancel()
        return stats

    async def check_now(self, story_id: int, poster: Poster | None = None) -> CheckResult | None:
        """Check one story at once (the Check now button); None while another worker has it.

        A story that had stopped (horizon, failures) is watched again from now.
        """
        story = await self.store.claim_story(story_id, self.now(), self.owner, self.lease)
        if story is None:
            return None
        if story.status != "active":
            await self.store.set_story_status(story_id, "active")
            story = await self.store.get_story(story_id) or story
        return await self.check(story, poster=poster, restart=True)

    async def _guarded(self, story: StoryRecord) -> CheckResult | None:
        try:
            return await self.check(story)
        except asyncio.CancelledError:
            raise
        except Exception:
            # A database or programming error: leave the lease to expire, so another
            # attempt comes later instead of a tight retry loop.
            log.exception("check of story %s failed", story.id)
            return None

    # -- one check ----------------------------------------------------------------------

    async def check(
        self, story: StoryRecord, *, poster: Poster | None = None, restart: bool = False
    ) -> CheckResult:
        """Check a story this worker has leased, and release it."""
        poster = poster or self.poster
        waiting = False  # an earlier change still to be told somewhere
        if story.announce_version_id is not None:
            _, waiting = await self._deliver_pending(story, poster)
        try:
            async with self._slots, self._host_slot(story.url):
                self.fetches += 1
                raw = await fetch(
                    story.url,
                    self.settings,
                    session=self._http(),
                    etag=story.etag,
                    last_modified=story.last_modified,
                    policy=self.policy,
                )
        except FetchFailed as err:
            return await self._failed(story, poster, str(err), err.status)
        except NewsdeskError as err:
            return await self._failed(story, poster, str(err), None)

        checked_at = self.now()
        anchor = checked_at if restart else story.last_changed_at
        if raw.status == 304:
            return await self._unchanged(story, raw, checked_at, anchor, "not_modified", None)
        body_hash = raw_hash(raw)
        if body_hash == story.raw_hash:
            return await self._unchanged(story, raw, checked_at, anchor, "same_bytes", body_hash)
        try:
            digest = await self._cpu(digest_raw, raw, InputMode.AUTO, self.settings)
        except NewsdeskError as err:  # a login wall or an error page where the story was
            return await self._failed(story, poster, str(err), None)
        return await self._compare(
            story, poster, raw, digest, body_hash, checked_at, anchor, waiting
        )

    async def _compare(
        self,
        story: StoryRecord,
        poster: Poster,
        raw: RawDocument,
        digest: Digest,
        body_hash: str,
        checked_at: datetime,
        anchor: datetime | None,
        waiting: bool,
    ) -> CheckResult:
        chash = content_hash(digest.article)
        if story.content_hash == chash:  # the story row carries its latest version's hash
            return await self._unchanged(story, raw, checked_at, anchor, "unchanged", body_hash)
        versions = await self.store.list_versions(story.id)
        latest = versions[-1] if versions else None
        diff: StoryDiff | None = None
        outcome = "first"
        if latest is not None:
            if any(v.content_hash == chash for v in versions):
                outcome = "reverted"  # back to a wording seen before: stored, not news
            else:
                earlier = [v for v in versions if v.id != latest.id][-EARLIER_VERSIONS:]
                diff = await self._cpu(_diff, latest, earlier, digest)
                outcome = "changed" if diff.material else "immaterial"
        material = outcome == "changed"
        message: dict[str, Any] | None = None
        if material and diff is not None:
            message = render_diff_blocks(
                diff, title=digest.article.meta.title or story.title, url=story.url
            )
        version_id, _ = await self.store.add_version(
            story.id,
            content_hash=chash,
            title=digest.article.meta.title,
            cleaned_text="\n\n".join(digest.article.body),
            meta=digest.to_json()["source"],
            digest=digest.to_json(),
            etag=raw.etag,
            last_modified=raw.last_modified,
            fetched_at=checked_at,
            mark_changed=material or latest is None,
            announcement=message,
        )
        posted = 0
        if message is not None:
            if waiting:  # a change not yet told everywhere goes out first
                posted, _ = await self._deliver_pending(story, poster)
            else:  # first in line: told from memory, without reading it back
                posted, _ = await self._announce(story, poster, version_id, message, checked_at)
            anchor = checked_at
        return await self._reschedule(
            story,
            checked_at,
            anchor,
            outcome,
            raw,
            body_hash,
            changed=material,
            posted=posted,
            diff=diff,
        )

    async def _unchanged(
        self,
        story: StoryRecord,
        raw: RawDocument,
        checked_at: datetime,
        anchor: datetime | None,
        outcome: str,
        body_hash: str | None,
    ) -> CheckResult:
        return await self._reschedule(story, checked_at, anchor, outcome, raw, body_hash)

    async def _reschedule(
        self,
        story: StoryRecord,
        checked_at: datetime,
        anchor: datetime | None,
        outcome: str,
        raw: RawDocument,
        body_hash: str | None,
        *,
        changed: bool = False,
        posted: int = 0,
        diff: StoryDiff | None = None,
    ) -> CheckResult:
        delay = next_check_delay(checked_at, anchor, story.created_at, self.horizon)
        next_at = checked_at + delay if delay is not None else None
        # Unchanged checks are batched; a new version is written on its own.
        finish = self.store.finish_check if changed else self._batcher.finish
        kept = await finish(
            story.id,
            self.owner,
            next_check_at=next_at,
            changed=changed,
            failed=False,
            checked_at=checked_at,
            status=None if next_at else "stopped",
            etag=raw.etag,
            last_modified=raw.last_modified,
            raw_hash=body_hash,
        )
        if not kept:
            return CheckResult(story.id, "lost_lease", posted, None, diff)
        if next_at is None and outcome in ("not_modified", "same_bytes", "unchanged"):
            outcome = "expired"  # past the horizon: watching stops, the data stays
        return CheckResult(story.id, outcome, posted, next_at, diff)

    async def _failed(
        self, story: StoryRecord, poster: Poster, reason: str, status: int | None
    ) -> CheckResult:
        checked_at = self.now()
        failures = story.consecutive_failures + 1
        if should_give_up(failures, status):
            gone = status in (404, 410)
            if gone:
                message, kind = gone_message(story.url, status), "gone"
            else:
                message, kind = gave_up_message(story.url, failures, reason), "gave_up"
            kept = await self.store.finish_check(
                story.id,
                self.owner,
                next_check_at=None,
                changed=False,
                failed=True,
                checked_at=checked_at,
                status="gone" if gone else "stopped",
            )
            if not kept:
                return CheckResult(story.id, "lost_lease")
            posted = await self._tell_threads(story, poster, kind, message)
            return CheckResult(story.id, kind, posted)
        next_at = checked_at + failure_delay(failures)
        kept = await self.store.finish_check(
            story.id,
            self.owner,
            next_check_at=next_at,
            changed=False,
            failed=True,
            checked_at=checked_at,
        )
        log.info("check of story %s failed (%s); retry at %s", story.id, reason, next_at)
        return CheckResult(story.id, "failed" if kept else "lost_lease", 0, next_at)

    # -- telling threads ----------------------------------------------------------------

    async def _announce(
        self,
        story: StoryRecord,
        poster: Poster,
        version_id: int,
        message: dict[str, Any],
        version_at: datetime,
    ) -> tuple[int, bool]:
        """Tell the watching threads about a material version: (posts sent, whether every
        thread has it now).

        Only threads that existed when the version was fetched hear about it (a later
        thread's digest already showed it). Once none is left to tell, the story stops
        pointing at the version; until then every check re-delivers it first.
        """
        threads = [
            t for t in await self.store.threads_for_story(story.id) if t.created_at <= version_at
        ]
        outcomes = await self._tell_each(threads, poster, f"version:{version_id}", message)
        finished = "retry" not in outcomes
        if finished:
            await self.store.finish_announcement(story.id, version_id)
        return outcomes.count("sent"), finished

    async def _deliver_pending(self, story: StoryRecord, poster: Poster) -> tuple[int, bool]:
        """Tell the threads every material version not yet told everywhere, oldest first
        (a dead worker's, a failed post's, the one just stored); stop at the first that
        must wait for a retry, so none overtakes another. Returns (posts sent, whether one
        is still waiting)."""
        sent = 0
        for _ in range(_MAX_PENDING):
            pending = await self.store.pending_announcement(story.id)
            if pending is None:
                return sent, False
            if pending.announcement is None or pending.fetched_at is None:
                await self.store.finish_announcement(story.id, pending.version_id)
                continue
            told, finished = await self._announce(
                story, poster, pending.version_id, pending.announcement, pending.fetched_at
            )
            sent += told
            if not finished:
                break  # a thread must hear this one again later: the rest wait behind it
        return sent, True

    async def _tell_threads(
        self, story: StoryRecord, poster: Poster, kind: str, message: dict[str, Any]
    ) -> int:
        """Post ``message`` once in every watching thread; returns how many went out."""
        threads = await self.store.threads_for_story(story.id)
        return (await self._tell_each(threads, poster, kind, message)).count("sent")

    async def _tell_each(
        self,
        threads: Sequence[ThreadRecord],
        poster: Poster,
        kind: str,
        message: dict[str, Any],
    ) -> list[str]:
        return list(
            await asyncio.gather(*(self._tell_one(t, poster, kind, message) for t in threads))
        )

    async def _tell_one(
        self, thread: ThreadRecord, poster: Poster, kind: str, message: dict[str, Any]
    ) -> str:
        """``sent``, ``told`` (someone else has it), ``unreachable`` or ``retry``."""
        # The claim makes each thread hear about a version (or a notice) once, even when
        # a lease ran out and a second worker repeats the check.
        if not await self.store.claim_notice(thread.id, kind, stale_after=self.lease):
            return "told"
        try:
            await poster.post(thread.team_id, thread.channel_id, thread.thread_ts, message)
        except PostFailed as err:
            if err.unreachable:
                # Removed from the channel or archived: stop this thread quietly (nowhere
                # to say it), keep everything stored.
                await self.store.set_watching(thread.id, False)
                await self.store.mark_notice_sent(thread.id, kind)  # never to be retried
                log.info("thread %s unreachable (%s): stopped watching", thread.id, err.code)
                return "unreachable"
            await self.store.release_notice(thread.id, kind)
            log.warning("could not post in thread %s (%s): will try again", thread.id, err.code)
            return "retry"
        await self.store.mark_notice_sent(thread.id, kind)
        return "sent"
