"""APScheduler drives the timing; the database says what is due.

One interval job on the app's event loop (``AsyncIOScheduler``) ticks every
``interval`` seconds and runs whatever is due: story checks, then channel digests.
``max_instances=1`` and ``coalesce=True`` mean a slow tick is never doubled up and
ticks missed while the loop was busy collapse into one. Because due work is rows with
``next_check_at`` / ``next_run_at`` claimed under a lease, a restart loses nothing,
work missed while the app was down runs once on the first tick, and several processes
on one PostgreSQL each take different rows.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.channel_digest import ChannelDigester
from bot.watcher import RunStats, Watcher

log = logging.getLogger(__name__)

TICK_SECONDS = 30.0
JOB_ID = "newsdesk-due-work"


@dataclass(slots=True)
class TickResult:
    checks: RunStats
    digests: int


class JobRunner:
    """Owns the scheduler; ``start()`` on the running loop, ``await aclose()`` to stop."""

    def __init__(
        self, watcher: Watcher, digester: ChannelDigester, *, interval: float = TICK_SECONDS
    ) -> None:
        self.watcher = watcher
        self.digester = digester
        self.interval = interval
        self.scheduler: AsyncIOScheduler | None = None
        self._current: asyncio.Task[TickResult] | None = None
        self.ticks = 0

    async def tick(self) -> TickResult:
        """Run all due work once (the job body; tests call it directly)."""
        self.ticks += 1
        try:
            checks = await self.watcher.run_due()
        except Exception:
            log.exception("running due checks failed")
            checks = RunStats()
        try:
            digests = await self.digester.run_due()
        except Exception:
            log.exception("running channel digests failed")
            digests = 0
        if checks.checks or digests:
            log.info(
                "tick: %d checks %s, %d channel digests",
                checks.checks,
                dict(checks.outcomes),
                digests,
            )
        return TickResult(checks, digests)

    async def _job(self) -> None:
        # Keep a handle so aclose() can wait for (or cancel) a tick in progress.
        self._current = asyncio.current_task()
        try:
            await self.tick()
        finally:
            self._current = None

    def start(self, *, first_run: datetime | None = None) -> None:
        """Start ticking on the running event loop; the first tick is immediate."""
        if self.scheduler is not None:
            return
        scheduler = AsyncIOScheduler(event_loop=asyncio.get_running_loop(), timezone=UTC)
        scheduler.add_job(
            self._job,
            "interval",
            seconds=self.interval,
            id=JOB_ID,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=None,  # a late tick still runs (once, coalesced)
            next_run_time=first_run or datetime.now(UTC),
            replace_existing=True,
        )
        scheduler.start()
        self.scheduler = scheduler

    @property
    def running(self) -> bool:
        return self.scheduler is not None and self.scheduler.running

    async def aclose(self, *, grace: float = 10.0) -> None:
        """Stop ticking; give a tick in progress ``grace`` seconds, then cancel it
        (its leases expire and another process, or the next start, redoes the work)."""
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
            self.scheduler = None
        task = self._current
        if task is not None and not task.done():
            try:
                await asyncio.wait_for(asyncio.shield(task), grace)
            except (TimeoutError, asyncio.CancelledError):
                task.cancel()
        await self.watcher.aclose()
