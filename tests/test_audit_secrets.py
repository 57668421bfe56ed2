"""Secrets never reach logs (at DEBUG, slack_sdk's and aiohttp's loggers included), error
messages, ``repr(settings)`` or CLI stderr."""

from __future__ import annotations

import json
import logging
import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from bot.app import create_app
from bot.server import build_web_app
from bot.service import DigestRequest, DigestService, make_client
from config.settings import Settings
from storage.db import make_engine
from storage.repo import Store
from tests.fake_slack import FakeSlack
from tests.slack_helpers import SIGNING_SECRET
from tests.test_slack_app import STORY_TEXT

ROOT = Path(__file__).resolve().parent.parent
INSTALLED_TOKEN = "xoxb-1111-2222-installedTOKENvalue"
REFRESH_TOKEN = "xoxe-1-refreshTOKENvalue"
CLIENT_SECRET = "client-secret-4f9a0c"


class OAuthSlack(FakeSlack):
    """The fake Web API, plus oauth.v2.access answering like Slack after an install."""

    def _answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "oauth.v2.access":
            return {
                "ok": True,
                "access_token": INSTALLED_TOKEN,
                "refresh_token": REFRESH_TOKEN,
                "expires_in": 43200,
                "token_type": "bot",
                "scope": "commands,chat:write",
                "bot_user_id": "U0NEWSDESK",
                "app_id": "A0NEWSDESK",
                "team": {"id": "T0TEAM", "name": "Fake"},
                "enterprise": None,
                "authed_user": {"id": "U0ADMIN"},
                "is_enterprise_install": False,
            }
        return super()._answer(method, params)


async def test_an_oauth_install_logs_no_token_or_client_secret_at_debug(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fake = await OAuthSlack().start()
    settings = Settings(
        slack_client_id="111.222",
        slack_client_secret=CLIENT_SECRET,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake.api_url,
    )
    service = DigestService(settings, store)
    server = TestServer(build_web_app(create_app(settings, service), service), host="127.0.0.1")
    await server.start_server()
    try:
        async with ClientSession() as http:
            async with http.get(server.make_url("/slack/install"), allow_redirects=False) as r:
                page = await r.text() + r.headers.get("Location", "")
                match = re.search(r"state=([\w-]+)", page)
                assert match is not None
                cookie = r.headers.get("Set-Cookie", "").split(";")[0]
            done = server.make_url(f"/slack/oauth_redirect?code=c0de&state={match.group(1)}")
            async with http.get(done, headers={"Cookie": cookie}) as r:
                assert r.status == 200, await r.text()
    finally:
        await server.close()
        await service.aclose()
        await fake.stop()
    assert fake.calls[0].method == "oauth.v2.access"  # the install went through
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "oauth.v2.access" in logged  # slack_sdk did log the exchange at DEBUG...
    assert "xoxb-(redacted)" in logged  # ...with the token masked
    for secret in (INSTALLED_TOKEN, REFRESH_TOKEN, CLIENT_SECRET, SIGNING_SECRET):
        assert secret not in logged


def test_repr_of_settings_hides_every_secret() -> None:
    settings = Settings.from_env(
        {
            "SLACK_BOT_TOKEN": "xoxb-repr-secret",
            "SLACK_SIGNING_SECRET": "signing-repr-secret",
            "SLACK_CLIENT_ID": "111.222",
            "SLACK_CLIENT_SECRET": "client-repr-secret",
            "SLACK_APP_TOKEN": "xapp-repr-secret",
            "DATABASE_URL": "postgresql://newsdesk:db-repr-secret@db.example/newsdesk",
        }
    )
    shown = repr(settings) + str(settings)
    assert "111.222" in shown  # not a secret, still visible for debugging
    assert "repr-secret" not in shown


def test_cli_bad_database_keeps_the_password_off_stderr(tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "SLACK_BOT_TOKEN": "xoxb-cli-secret",
        "SLACK_SIGNING_SECRET": "signing-cli-secret",
        "DATABASE_URL": "postgresql://newsdesk:pw-cli-secret@127.0.0.1:1/newsdesk",
    }
    result = subprocess.run(
        [sys.executable, "-m", "bot", "serve", "--port", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "Check DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr
    assert "cli-secret" not in result.stderr + result.stdout



async def test_database_down_mid_request_keeps_the_password_out(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once closed
    url = f"postgresql+asyncpg://newsdesk:pw-mid-secret@127.0.0.1:{port}/newsdesk"
    fake = await FakeSlack().start()
    store = Store(make_engine(url))
    settings = Settings(
        slack_bot_token="xoxb-mid-secret",
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake.api_url,
        database_url=url,
        slack_post_interval=0.0,
    )
    service = DigestService(settings, store)
    client = make_client(settings, settings.slack_bot_token, service.slack_http())
    try:
        outcome = await service.run(
            DigestRequest(
                team_id="T0TEAM",
                channel_id="C0NEWS",
                user_id="U0REPORTER",
                text=STORY_TEXT,
                response_url=fake.response_url("db-down"),
            ),
            client,
        )
    finally:
        await service.aclose()
        await store.close()
        await fake.stop()
    assert outcome.status == "failed"
    assert "could not save it" in fake.responses[0]["text"]
    logged = "\n".join(
        r.getMessage() + (logging.Formatter().formatException(r.exc_info) if r.exc_info else "")
        for r in caplog.records
    )
    assert "storing story failed" in logged
    for secret in ("pw-mid-secret", "xoxb-mid-secret"):
        assert secret not in logged
        assert secret not in json.dumps(fake.responses)
