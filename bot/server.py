"""``python -m bot serve``: the Slack app over HTTP (aiohttp) or Socket Mode.

HTTP mode serves POST /slack/events (Bolt verifies every signature), GET /healthz and,
with OAuth configured, /slack/install and /slack/oauth_redirect.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp

from bot.app import create_app, missing_settings
from bot.service import DigestService, default_cpu_workers
from config.settings import Settings, SettingsError
from storage.db import check_connection, database_url, migrate
from storage.errors import DatabaseUnavailable
from storage.repo import Store

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
EXIT_OK, EXIT_CONFIG = 0, 2

# Other features (the story watcher, channel digests) start their background work here.
StartupHook = Callable[[AsyncApp, DigestService], Awaitable[Any]]
STARTUP_HOOKS: list[StartupHook] = []
# ...and stop it here, before the service and the database close (in reverse order).
ShutdownHook = Callable[[DigestService], Awaitable[Any]]
SHUTDOWN_HOOKS: list[ShutdownHook] = []


def build_web_app(app: AsyncApp, service: DigestService) -> web.Application:
    """The aiohttp application for HTTP mode."""

    async def events(request: web.Request) -> web.Response:
        try:
            bolt_request = await to_bolt_request(request)
        except ValueError:  # UnicodeDecodeError, JSONDecodeError
            # Bolt parses the body before it checks the signature: junk from anyone on the
            # internet was a 500 and a logged traceback. Nothing signed by Slack looks like it.
            return web.json_response({"error": "invalid request"}, status=400)
        bolt_resp = await app.async_dispatch(bolt_request)
        return await to_aiohttp_response(bolt_resp)

    async def health(_request: web.Request) -> web.Response:
        try:
            await check_connection(service.store.engine)
        except DatabaseUnavailable:
            return web.json_response({"ok": False, "database": "unavailable"}, status=503)
        return web.json_response({"ok": True})

    web_app = web.Application()
    web_app.router.add_post(EVENTS_PATH, events)
    web_app.router.add_get(HEALTH_PATH, health)
    flow = app.oauth_flow
    if flow is not None:

        async def install(request: web.Request) -> web.Response:
            return await to_aiohttp_response(
                await flow.handle_installation(await to_bolt_request(request))
            )

        async def redirect(request: web.Request) -> web.Response:
            return await to_aiohttp_response(
                await flow.handle_callback(await to_bolt_request(request))
            )

        web_app.router.add_get(flow.install_path, install)
        web_app.router.add_get(flow.redirect_uri_path, redirect)
    return web_app


def socket_mode_handler(app: AsyncApp, settings: Settings) -> AsyncSocketModeHandler:
    """The Socket Mode handler (not yet connected); its Web API client is the app's."""
    if not settings.slack_app_token:
        raise SettingsError("Socket Mode needs SLACK_APP_TOKEN")
    return AsyncSocketModeHandler(app, settings.slack_app_token)


async def open_store(settings: Settings) -> Store:
    """Migrate, connect and check the database (raises DatabaseUnavailable)."""
    url = database_url(settings)
    await migrate(url)
    store = Store.from_url(url)
    try:
        await check_connection(store.engine)
    except DatabaseUnavailable:
        await store.close()
        raise
    return store


async def serve(
    settings: Settings,
    *,
    host: str = "0.0.0.0",
    port: int | None = None,
    stop: asyncio.Event | None = None,
) -> int:
    """Run until ``stop`` is set (or SIGINT/SIGTERM)."""
    store = await open_store(settings)
    service = DigestService(settings, store, cpu_workers=default_cpu_workers())
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    runner: web.AppRunner | None = None
    handler: AsyncSocketModeHandler | None = None
    try:
        app = create_app(settings, service)
        await service.warm_up()
        for hook in STARTUP_HOOKS:
            await hook(app, service)
        if settings.socket_mode:
            handler = socket_mode_handler(app, settings)
            await handler.connect_async()
            print("Newsdesk connected to Slack in Socket Mode", file=sys.stderr)
        else:
            runner = web.AppRunner(build_web_app(app, service), access_log=None)
            await runner.setup()
            await web.TCPSite(runner, host, port or settings.port).start()
            print(
                f"Newsdesk listening on http://{host}:{port or settings.port}{EVENTS_PATH}",
                file=sys.stderr,
            )
        await stop.wait()
    finally:
        if handler is not None:
            await handler.close_async()
        if runner is not None:
            await runner.cleanup()
        for stop_hook in reversed(SHUTDOWN_HOOKS):
            try:
                await stop_hook(service)
            except Exception:  # shutting down: log, and still close the rest
                logging.getLogger(__name__).exception("a shutdown hook failed")
        await service.aclose()
        await store.close()
    return EXIT_OK


def main_serve(settings: Settings, *, port: int | None = None, host: str = "0.0.0.0") -> int:
    """Entry point for ``python -m bot serve``: one clear line and exit 2 on bad config."""
    problems = missing_settings(settings)
    if problems:
        print("newsdesk serve: Slack is not configured: " + "; ".join(problems), file=sys.stderr)
        return EXIT_CONFIG
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        return asyncio.run(serve(settings, host=host, port=port))
    except (DatabaseUnavailable, SettingsError) as err:
        print(f"newsdesk serve: {err}", file=sys.stderr)
        return EXIT_CONFIG
    except KeyboardInterrupt:
        return EXIT_OK
