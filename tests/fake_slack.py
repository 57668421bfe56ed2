"""A loopback fake of the parts of Slack's Web API Newsdesk uses.

Runs a real aiohttp server on 127.0.0.1 (ephemeral port); point ``SLACK_API_URL`` at
``fake.api_url``. Every call is recorded as ``Call(method, params, token)``; a method
can be told to fail once with a Slack error (``not_in_channel``) or an HTTP 429.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_USER_ID = "U0NEWSDESK"
TEAM_ID = "T0TEAM"


@dataclass(slots=True)
class Call:
    method: str
    params: dict[str, Any]
    token: str | None = None
    result: dict[str, Any] | None = None  # what the fake answered
    at: float = field(default_factory=time.monotonic)  # when the call arrived


@dataclass(slots=True)
class _Failure:
    error: str | None = None  # Slack "ok": false error code
    status: int = 200
    retry_after: int | None = None
    times: int = 1
    after: int = 0  # let this many calls succeed first


@dataclass
class FakeSlack:
    calls: list[Call] = field(default_factory=list)
    responses: list[dict[str, Any]] = field(default_factory=list)  # posts to response_url
    user_tz: str = "Europe/London"
    _failures: dict[str, list[_Failure]] = field(default_factory=lambda: defaultdict(list))
    _ts: itertools.count = field(default_factory=lambda: itertools.count(1))
    _runner: web.AppRunner | None = None
    _changed: asyncio.Condition | None = None
    port: int = 0

    # --- lifecycle -------------------------------------------------------------------
    async def start(self) -> FakeSlack:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)  # slack_sdk GETs a few (getPermalink)
        app.router.add_post("/response/{key}", self._response_url)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._changed = asyncio.Condition()
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, key: str = "r1") -> str:
        return f"http://127.0.0.1:{self.port}/response/{key}"

    # --- scripting -------------------------------------------------------------------
    def fail(self, method: str, error: str, times: int = 1, after: int = 0) -> None:
        """Make ``times`` calls of ``method`` (after ``after`` good ones) fail with ``error``."""
        self._failures[method].append(_Failure(error=error, times=times, after=after))

    def rate_limit(self, method: str, retry_after: int = 1) -> None:
        """Make the next call of ``method`` return HTTP 429 with ``Retry-After``."""
        self._failures[method].append(_Failure(status=429, retry_after=retry_after))

    # --- inspection ------------------------------------------------------------------
    def of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    async def wait_for(self, method: str, count: int = 1, within: float = 10.0) -> list[Call]:
        """Wait until ``method`` has been called ``count`` times (or more); return those calls."""
        assert self._changed is not None
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: len(self.of(method)) >= count), within
            )
        return self.of(method)

    async def wait_for_responses(self, count: int = 1, within: float = 10.0) -> list[dict]:
        assert self._changed is not None
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: len(self.responses) >= count), within
            )
        return self.responses

    # --- handlers --------------------------------------------------------------------
    async def _notify(self) -> None:
        assert self._changed is not None
        async with self._changed:
            self._changed.notify_all()

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.method == "GET":
            return dict(request.query)
        if request.content_type == "application/json":
            return {**request.query, **(await request.json())}
        form = await request.post()
        params: dict[str, Any] = dict(request.query)  # slack_sdk sends some (chat.delete) here
        for key, value in form.items():
            text = str(value)
            # slack_sdk form-encodes nested values (blocks, view) as JSON strings.
            if key in {"blocks", "view", "attachments"}:
                try:
                    params[key] = json.loads(text)
                    continue
                except ValueError:
                    pass
            params[key] = text
        return params

    def _next_ts(self) -> str:
        return f"1700000000.{next(self._ts):06d}"

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._params(request)
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") or params.get("token")
        call = Call(method, params, token)
        self.calls.append(call)
        failure = self._take_failure(method)
        if failure is not None and failure.status == 429:
            call.result = {"ok": False, "error": "ratelimited"}
            await self._notify()
            return web.json_response(
                call.result, status=429, headers={"Retry-After": str(failure.retry_after or 0)}
            )
        if failure is not None:
            call.result = {"ok": False, "error": failure.error}
        else:
            call.result = self._answer(method, params)
        await self._notify()
        return web.json_response(call.result)

    def _take_failure(self, method: str) -> _Failure | None:
        queue = self._failures.get(method)
        if not queue:
            return None
        failure = queue[0]
        if failure.after > 0:
            failure.after -= 1
            return None
        failure.times -= 1
        if failure.times <= 0:
            queue.pop(0)
        return failure

    def _answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        channel = params.get("channel")
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://fake.slack.example/",
                "team": "Fake Team",
                "user": "newsdesk",
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": "B0NEWSDESK",
            }
        if method == "chat.postMessage":
            if not channel:
                return {"ok": False, "error": "channel_not_found"}
            ts = self._next_ts()
            message = {"text": params.get("text"), "ts": ts, "user": BOT_USER_ID}
            if params.get("thread_ts"):
                message["thread_ts"] = params["thread_ts"]
            return {"ok": True, "channel": channel, "ts": ts, "message": message}
        if method in {"chat.update", "chat.delete"}:
            if not channel or not params.get("ts"):
                return {"ok": False, "error": "message_not_found"}
            return {"ok": True, "channel": channel, "ts": params["ts"]}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self._next_ts()}
        if method == "chat.getPermalink":
            ts = str(params.get("message_ts", "")).replace(".", "")
            return {
                "ok": True,
                "channel": channel,
                "permalink": f"https://fake.slack.example/archives/{channel}/p{ts}",
            }
        if method in {"views.open", "views.push", "views.update"}:
            view = dict(params.get("view") or {})
            view.update({"id": f"V{next(self._ts):06d}", "hash": "h1"})
            return {"ok": True, "view": view}
        if method == "users.info":
            return {
                "ok": True,
                "user": {"id": params.get("user"), "tz": self.user_tz, "tz_offset": 0},
            }
        if method == "conversations.info":
            return {
                "ok": True,
                "channel": {"id": channel, "name": f"chan-{channel}", "is_member": True},
            }
        return {"ok": False, "error": "unknown_method"}

    async def _response_url(self, request: web.Request) -> web.Response:
        body = await request.json()
        body["_key"] = request.match_info["key"]
        self.responses.append(body)
        await self._notify()
        return web.Response(text="ok")
