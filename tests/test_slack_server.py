"""Serving: Socket Mode wiring, OAuth routes, configuration errors, an unreachable database,
the subcommand and button registries, and per-channel pacing."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from collections.abc import AsyncIterator

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from bot.app import create_app, missing_settings
from bot.server import build_web_app, main_serve, socket_mode_handler
from bot.service import ChannelPacer, DigestRequest, DigestService, PriorityGate, make_client
from config.settings import Settings, SettingsError
from handlers import actions, commands
from storage.repo import Store
from tests.fake_slack import FakeSlack
from tests.slack_helpers import SIGNING_SECRET, command_body, headers_for, interactive_body


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    server = await FakeSlack().start()
    yield server
    await server.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_socket_mode_handler_uses_the_app_client_without_connecting(
    fake: FakeSlack, store: Store
) -> None:
    settings = Settings(
        slack_bot_token="xoxb-test", slack_app_token="xapp-test", slack_api_url=fake.api_url
    )
    assert missing_settings(settings) == []  # no signing secret needed in Socket Mode
    service = DigestService(settings, store)
    app = create_app(settings, service)
    handler = socket_mode_handler(app, settings)
    assert handler.app is app
    assert handler.client.app_token == "xapp-test"
    assert handler.client.web_client.base_url == fake.api_url
    assert handler.client.current_session is None  # nothing connected
    await handler.client.close()
    await service.aclose()
    assert fake.calls == []


async def test_oauth_settings_serve_install_and_redirect_routes(
    fake: FakeSlack, store: Store
) -> None:
    settings = Settings(
        slack_client_id="111.222",
        slack_client_secret="shh",
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake.api_url,
    )
    service = DigestService(settings, store)
    app = create_app(settings, service)
    server = TestServer(build_web_app(app, service), host="127.0.0.1")
    await server.start_server()
    try:
        async with ClientSession() as http:
            url = server.make_url("/slack/install")
            async with http.get(url, allow_redirects=False) as resp:
                # Bolt's install page: a link to slack.com/oauth/v2/authorize with our id.
                assert resp.status in (200, 302)
                page = await resp.text() + resp.headers.get("Location", "")
                assert "client_id=111.222" in page
            redirect = server.make_url("/slack/oauth_redirect?error=access_denied")
            async with http.get(redirect) as resp:
                assert resp.status in (200, 400)
    finally:
        await server.close()
        await service.aclose()


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({}, ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"]),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, ["SLACK_SIGNING_SECRET"]),
        ({"SLACK_CLIENT_ID": "1.2", "SLACK_SIGNING_SECRET": "s"}, ["SLACK_CLIENT_SECRET"]),
    ],
)
def test_missing_tokens_name_the_variables(
    env: dict[str, str], names: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings.from_env(env)
    assert main_serve(settings) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    for name in names:
        assert name in err


def test_create_app_refuses_missing_tokens(store: Store) -> None:
    settings = Settings(slack_signing_secret="s")
    with pytest.raises(SettingsError, match="SLACK_BOT_TOKEN"):
        create_app(settings, DigestService(settings, store))


def test_unreachable_database_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    port = _free_port()  # nothing listens here
    settings = Settings(
        slack_bot_token="xoxb-test",
        slack_signing_secret=SIGNING_SECRET,
        database_url=f"postgresql+asyncpg://newsdesk:pw-secret@127.0.0.1:{port}/newsdesk",
    )
    assert main_serve(settings, port=_free_port()) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsdesk serve: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err and "pw-secret" not in err


async def test_registered_subcommand_is_routed_and_listed_in_help(
    fake: FakeSlack, db_url: str, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[commands.CommandContext] = []

    async def watching(ctx: commands.CommandContext) -> None:
        seen.append(ctx)
        await ctx.respond(text=f"watching list for {ctx.channel_id}")

    monkeypatch.setitem(
        commands.SUBCOMMANDS,
        "watching",
        commands.Subcommand("watching", "watching", "list stories watched here", watching),
    )
    pressed: list[actions.ActionContext] = []

    async def stop(ctx: actions.ActionContext) -> None:
        pressed.append(ctx)

    monkeypatch.setitem(actions.ACTION_HOOKS, "stop_watching", stop)
    settings = Settings(
        slack_bot_token="xoxb-test",
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake.api_url,
        database_url=db_url,
    )
    service = DigestService(settings, store)
    server = TestServer(build_web_app(create_app(settings, service), service), host="127.0.0.1")
    await server.start_server()
    try:
        async with ClientSession() as http:

            async def post(body: str) -> int:
                headers = headers_for(body, form=True)
                async with http.post(
                    server.make_url("/slack/events"), data=body, headers=headers
                ) as r:
                    return r.status

            assert (
                await post(
                    command_body("watching", channel="C0W", response_url=fake.response_url("w"))
                )
                == 200
            )
            assert await post(command_body("help", response_url=fake.response_url("h"))) == 200
            button = {
                "type": "block_actions",
                "team": {"id": "T0TEAM"},
                "user": {"id": "U0EDITOR", "team_id": "T0TEAM"},
                "channel": {"id": "C0W"},
                "container": {"type": "message", "message_ts": "1.2", "channel_id": "C0W"},
                "message": {"ts": "1.2", "thread_ts": "1.1", "text": "digest"},
                "trigger_id": "t-button",
                "response_url": fake.response_url("b"),
                "actions": [
                    {
                        "type": "button",
                        "action_id": "stop_watching",
                        "value": "42",
                        "block_id": "digest_actions",
                        "action_ts": "1.3",
                    }
                ],
            }
            assert await post(interactive_body(button)) == 200
            await service.drain()
    finally:
        await service.aclose()
        await server.close()
    assert [c.channel_id for c in seen] == ["C0W"]
    texts = {r["_key"]: r["text"] for r in fake.responses}
    assert texts["w"] == "watching list for C0W"
    assert "`/digest watching`: list stories watched here" in texts["h"]
    assert [(p.value, p.channel_id, p.thread_ts, p.user_id) for p in pressed] == [
        ("42", "C0W", "1.1", "U0EDITOR")
    ]


async def test_pacer_spaces_posts_in_one_channel_but_not_across_channels() -> None:
    pacer = ChannelPacer(interval=0.2, burst=1)
    stamps: dict[str, list[float]] = {"a": [], "b": []}

    async def post(channel: str) -> None:
        async with pacer.slot(channel):
            stamps[channel].append(time.monotonic())

    await asyncio.gather(post("a"), post("a"), post("a"), post("b"))
    a = stamps["a"]
    # Lower bounds only: sleeping guarantees at least the interval between posts.
    assert a[1] - a[0] >= 0.19 and a[2] - a[1] >= 0.19
    assert len(stamps["b"]) == 1


async def test_priority_gate_hands_the_slot_to_the_most_urgent_waiter() -> None:
    gate = PriorityGate(1)
    order: list[str] = []
    release = asyncio.Event()

    async def holder() -> None:
        async with gate.hold(0):
            await release.wait()

    async def waiter(name: str, priority: int) -> None:
        async with gate.hold(priority):
            order.append(name)

    first = asyncio.create_task(holder())
    await asyncio.sleep(0)
    tasks = [
        asyncio.create_task(waiter(name, prio))
        for name, prio in (("archive", 2), ("after", 1), ("cancelled", 0), ("urgent", 0))
    ]
    await asyncio.sleep(0)
    tasks[2].cancel()  # a cancelled waiter must not keep the slot
    release.set()
    await asyncio.gather(first, *tasks, return_exceptions=True)
    assert order == ["urgent", "after", "archive"]
    async with gate.hold(5):  # the slot came back
        pass


async def test_digest_in_a_worker_process(fake: FakeSlack, store: Store) -> None:
    from tests.test_slack_app import STORY_TEXT

    settings = Settings(slack_bot_token="xoxb-test", slack_api_url=fake.api_url)
    service = DigestService(settings, store, cpu_workers=1)
    try:
        await service.warm_up()
        client = make_client(settings, "xoxb-test", service.slack_http())
        req = DigestRequest(team_id="T0", channel_id="C0PROC", user_id="U0", text=STORY_TEXT)
        outcome = await service.run(req, client)
    finally:
        await service.aclose()
    assert outcome.status == "posted"
    posts = fake.of("chat.postMessage")
    assert [p.params["channel"] for p in posts] == ["C0PROC", "C0PROC"]
    assert "Millford" in json.dumps(posts[1].params["blocks"])
