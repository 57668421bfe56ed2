"""Background jobs: the scheduler that runs due story checks and channel digests.

``register(app)`` adds a startup hook (``bot.server.STARTUP_HOOKS``) that starts a
``JobRunner`` on the app's event loop once the server is up, and a shutdown hook
(``bot.server.SHUTDOWN_HOOKS``) that stops it cleanly (a tick in progress finishes or is
cancelled). The background jobs find a Web API client per team: the app's own client with
a bot token, else the OAuth installation's bot token.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.scheduler import TICK_SECONDS, JobRunner
from bot.service import DigestService, make_client
from bot.watch_service import ClientFor, WatchRuntime, runtime_for

log = logging.getLogger(__name__)

RUNNER_KEY = "job_runner"


def client_finder(app: AsyncApp, service: DigestService) -> ClientFor:
    """team id -> a Web API client that can post in that workspace (None: not installed)."""
    settings = service.settings
    if settings.slack_bot_token:

        async def single(_team: str) -> AsyncWebClient:
            return app.client

        return single
    store = app.installation_store
    cache: dict[str, AsyncWebClient] = {}

    async def per_team(team: str) -> AsyncWebClient | None:
        if team in cache:
            return cache[team]
        if store is None:
            return None
        bot: Any = await store.async_find_bot(enterprise_id=None, team_id=team)
        if bot is None or not bot.bot_token:
            return None
        cache[team] = make_client(settings, bot.bot_token)
        return cache[team]

    return per_team


async def start_jobs(
    app: AsyncApp, service: DigestService, *, interval: float = TICK_SECONDS
) -> WatchRuntime:
    """Start the scheduler for this app (idempotent); returns the shared runtime."""
    rt = runtime_for(service, client_for=client_finder(app, service))
    runner = rt.extra.get(RUNNER_KEY)
    if runner is None:
        runner = JobRunner(rt.watcher, rt.digester, interval=interval)
        rt.extra[RUNNER_KEY] = runner
    runner.start()
    rt.started = True
    log.info("background jobs started (every %.0f s)", interval)
    return rt


async def stop_jobs(service: DigestService) -> None:
    rt = runtime_for(service)
    runner: JobRunner | None = rt.extra.pop(RUNNER_KEY, None)
    if runner is not None:
        await runner.aclose()
    await rt.aclose()
    rt.started = False


def register(app: AsyncApp) -> None:
    from bot.server import SHUTDOWN_HOOKS, STARTUP_HOOKS  # the server imports handlers

    if start_jobs not in STARTUP_HOOKS:
        STARTUP_HOOKS.append(start_jobs)
    if stop_jobs not in SHUTDOWN_HOOKS:
        SHUTDOWN_HOOKS.append(stop_jobs)
