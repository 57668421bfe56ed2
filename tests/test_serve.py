"""`serve` as it runs in production: a real port, a migrated SQLite file, the fake Web API;
health, signed requests, and background jobs started at start-up and stopped at shutdown."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientSession

from bot import server
from config.settings import Settings
from handlers import jobs
from tests.fake_slack import FakeSlack
from tests.slack_helpers import SIGNING_SECRET, command_body, headers_for


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    slack = await FakeSlack().start()
    yield slack
    await slack.stop()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def wait_until_up(url: str) -> None:
    async with ClientSession() as http:
        for _ in range(200):
            try:
                async with http.get(url) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                pass
            await asyncio.sleep(0.05)
    raise AssertionError(f"{url} never came up")


async def test_serve_health_requests_and_job_lifecycle(
    fake: FakeSlack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []

    async def started(_app: Any, _service: Any) -> None:
        events.append("started")

    async def stopped(_service: Any) -> None:
        events.append("stopped")

    monkeypatch.setattr(server, "STARTUP_HOOKS", [*server.STARTUP_HOOKS, started])
    monkeypatch.setattr(server, "SHUTDOWN_HOOKS", [*server.SHUTDOWN_HOOKS, stopped])
    settings = Settings(
        slack_bot_token="xoxb-test",
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake.api_url,
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'newsdesk.db'}",
    )
    port = free_port()
    stop = asyncio.Event()
    task = asyncio.create_task(server.serve(settings, host="127.0.0.1", port=port, stop=stop))
    base = f"http://127.0.0.1:{port}"
    try:
        await wait_until_up(base + server.HEALTH_PATH)
        # The job scheduler registered itself alongside our probe hooks.
        assert jobs.start_jobs in server.STARTUP_HOOKS
        assert jobs.stop_jobs in server.SHUTDOWN_HOOKS
        body = command_body("help")
        async with ClientSession() as http:
            async with http.post(
                base + server.EVENTS_PATH, data=body, headers=headers_for(body, form=True)
            ) as resp:
                assert resp.status == 200
            async with http.post(
                base + server.EVENTS_PATH, data=body, headers={**headers_for(body, form=True),
                                                               "X-Slack-Signature": "v0=bad"}
            ) as resp:
                assert resp.status == 401
    finally:
        stop.set()
        assert await asyncio.wait_for(task, 30) == 0
    assert events == ["started", "stopped"]
    assert (tmp_path / "newsdesk.db").exists()
