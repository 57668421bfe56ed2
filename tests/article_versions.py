"""A loopback article server whose story changes between checks, for the watcher tests.

    server = StoryServer()
    async with serve(server.app()) as base:
        url = base + server.path(1)
        server.set(1, "figure")        # the next fetch of story 1 gets that version

Stages, each keeping the edits before it (all text written for these tests): ``base``;
``headline`` (the headline is rewritten); ``figure`` (the injured count goes from 12 to
15); ``quote`` (a new paragraph quoting a new source, Daniel Mercer); ``correction`` (a
correction line appended). On top of any stage, ``furniture=True`` adds a "Most read" list
and an advert, ``timestamp=True`` an "Updated ..." line. ``set(n, None)`` makes the page
404; ``status[n]`` forces any code. Every response carries an ETag (and Last-Modified); a matching
If-None-Match gets 304. ``hits[n]`` counts requests, ``not_modified[n]`` the 304s.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from aiohttp import web

from bot.model import InputMode, RawDocument
from bot.pipeline import content_hash, digest_raw
from bot.service import DigestService, make_client
from bot.watch_service import SlackPoster
from bot.watcher import Watcher
from config.settings import Settings
from storage.db import make_engine
from storage.repo import Store
from tests.fake_slack import TEAM_ID, Call, FakeSlack
from tests.pages import article_page, serve

TITLE = "Bridge collapse in Norfield injures twelve"
NEW_TITLE = "Norfield bridge collapse: rescuers search river for missing workers"

BASE = [
    "A footbridge over the river Wend in Norfield collapsed on Thursday afternoon, "
    "injuring 12 people who were crossing it, the county fire service said.",
    "The bridge, built in 1968, had been closed for inspection twice in the last five "
    "years. Engineers from the council were examining the wreckage on Thursday evening.",
    '"The structure failed without warning," said Helen Parry, the county\'s chief fire '
    'officer. "Our crews reached the river within eight minutes."',
    "The council said the bridge had passed its most recent safety check in March and "
    "that it would publish the inspection reports in full.",
    "Residents said the crossing was busy at that time of day with parents collecting "
    "children from the primary school on the far bank.",
]

FIGURE = [BASE[0].replace("injuring 12 people", "injuring 15 people"), *BASE[1:]]

NEW_QUOTE = (
    '"We warned the council about cracks in the deck last winter," said Daniel Mercer, '
    "who chairs the Norfield residents' association."
)

CORRECTION_LINE = (
    "Correction: An earlier version of this article said the bridge was built in 1986. "
    "It was built in 1968."
)

FURNITURE_HTML = """
<aside class="most-read"><h2>Most read</h2><ol>
<li><a href="/a">Council approves new ferry timetable</a></li>
<li><a href="/b">Weather warning for the coast</a></li>
<li><a href="/c">School meals price rise delayed</a></li></ol></aside>
<div class="ad">Advertisement</div>
"""

TIMESTAMP_LINE = "Updated 10:32 GMT, 6 March 2025"


STAGES = ("base", "headline", "figure", "quote", "correction")


def page(stage: str, *, furniture: bool = False, timestamp: bool = False) -> str:
    """The HTML of a story at ``stage``; each stage keeps the edits of the ones before."""
    if stage not in STAGES:
        raise ValueError(f"no stage {stage!r}")
    level = STAGES.index(stage)
    title = NEW_TITLE if level >= 1 else TITLE
    paragraphs = list(FIGURE if level >= 2 else BASE)
    if level >= 3:
        paragraphs.insert(3, NEW_QUOTE)
    if level >= 4:
        paragraphs.append(CORRECTION_LINE)
    if timestamp:
        paragraphs.insert(0, TIMESTAMP_LINE)
    return article_page(
        title,
        paragraphs,
        author="Sam Okoye",
        published="2025-03-06T14:05:00Z",
        outlet="The Norfield Courier",
        extra_body=FURNITURE_HTML if furniture else "",
    )


class StoryServer:
    """Serves ``/story/<n>``: each story's current version, with ETag/304 support."""

    def __init__(self, *, etags: bool = True) -> None:
        self.etags = etags
        self.current: dict[int, tuple[str, bool, bool] | None] = defaultdict(
            lambda: ("base", False, False)
        )
        self.status: dict[int, int] = {}
        self.hits: dict[int, int] = defaultdict(int)
        self.not_modified: dict[int, int] = defaultdict(int)
        self.conditional: dict[int, int] = defaultdict(int)  # requests carrying validators
        self.inflight = 0
        self.max_inflight = 0
        self.delay = 0.0  # seconds each request takes (concurrency tests)
        self.gate: asyncio.Event | None = None  # requests wait for it (kill-mid-check test)
        self.arrived = asyncio.Event()  # set by every request
        self._cache: dict[tuple[str, bool, bool], tuple[bytes, str]] = {}

    @staticmethod
    def path(n: int) -> str:
        return f"/story/{n}"

    def set(
        self, n: int, stage: str | None, *, furniture: bool = False, timestamp: bool = False
    ) -> None:
        """Serve story ``n`` at ``stage`` from now on (None: 404)."""
        self.current[n] = None if stage is None else (stage, furniture, timestamp)

    def total_hits(self) -> int:
        return sum(self.hits.values())

    def _body(self, version: tuple[str, bool, bool]) -> tuple[bytes, str]:
        if version not in self._cache:
            stage, furniture, timestamp = version
            body = page(stage, furniture=furniture, timestamp=timestamp).encode()
            self._cache[version] = (body, '"' + hashlib.sha1(body).hexdigest()[:16] + '"')
        return self._cache[version]

    async def handle(self, request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        self.hits[n] += 1
        self.arrived.set()
        self.inflight += 1
        self.max_inflight = max(self.max_inflight, self.inflight)
        try:
            if self.gate is not None:
                await self.gate.wait()
            elif self.delay:
                await asyncio.sleep(self.delay)
            return self._answer(n, request)
        finally:
            self.inflight -= 1

    def _answer(self, n: int, request: web.Request) -> web.Response:
        if request.headers.get("If-None-Match") or request.headers.get("If-Modified-Since"):
            self.conditional[n] += 1
        if n in self.status:
            return web.Response(status=self.status[n], text="error")
        version = self.current[n]
        if version is None:
            return web.Response(status=404, text="Not found")
        body, etag = self._body(version)
        headers = {"Last-Modified": "Thu, 06 Mar 2025 14:05:00 GMT"}
        if self.etags:
            headers["ETag"] = etag
            if request.headers.get("If-None-Match") == etag:
                self.not_modified[n] += 1
                return web.Response(status=304, headers=headers)
        return web.Response(body=body, content_type="text/html", charset="utf-8", headers=headers)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/story/{n}", self.handle)
        return app


# ------------------------------------------------------------------ test harness


class Clock:
    """An injectable clock: ``clock()`` is the time; tests move it, nobody sleeps."""

    def __init__(self, start: datetime | None = None) -> None:
        self.at = start or datetime(2025, 3, 6, 14, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **kwargs: float) -> datetime:
        self.at += timedelta(**kwargs)
        return self.at

    def set(self, at: datetime) -> datetime:
        self.at = at
        return self.at


@dataclass
class Harness:
    """A story server, the fake Slack Web API and a Store on one database, wired up."""

    server: StoryServer
    base: str
    fake: FakeSlack
    store: Store
    clock: Clock
    settings: Settings
    service: DigestService
    poster: SlackPoster
    watchers: list[Watcher] = field(default_factory=list)

    def url(self, n: int) -> str:
        return self.base + self.server.path(n)

    def watcher(self, store: Store | None = None, **kwargs: Any) -> Watcher:
        w = Watcher(store or self.store, self.settings, self.poster, now=self.clock, **kwargs)
        self.watchers.append(w)
        return w

    async def watch(
        self, n: int, *, threads: int = 1, channel: str = "C1", seed: bool = True
    ) -> int:
        """A story digested in ``threads`` threads (as the app records it), due now."""
        url = self.url(n)
        story_id = await self.store.upsert_story(url, url, TITLE)
        if seed:  # the digest the app posted: the base version, no validators yet
            raw = RawDocument(content=page("base"), is_html=True, url=url)
            digest = digest_raw(raw, InputMode.AUTO, self.settings)
            await self.store.add_version(
                story_id,
                content_hash=content_hash(digest.article),
                title=digest.article.meta.title,
                cleaned_text="\n\n".join(digest.article.body),
                meta=digest.to_json()["source"],
                digest=digest.to_json(),
                etag=None,
                last_modified=None,
                fetched_at=self.clock(),
            )
        for t in range(threads):
            await self.store.record_thread(
                team_id=TEAM_ID,
                channel_id=channel if threads == 1 else f"{channel}{t}",
                parent_ts=f"1600000000.{n:03d}{t:03d}",
                thread_ts=f"1600000000.{n:03d}{t:03d}",
                story_id=story_id,
                requested_by="U1",
                watching=True,
            )
        await self.store.schedule_check(story_id, self.clock())
        return story_id

    def posts(self) -> list[Call]:
        return self.fake.of("chat.postMessage")


def message_text(call: Call) -> str:
    """Everything a person would read in a posted message: fallback text and blocks."""
    parts = [str(call.params.get("text") or "")]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    parts.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(call.params.get("blocks") or [])
    return "\n".join(parts)


@asynccontextmanager
async def harness(db_url: str, **settings: Any) -> AsyncIterator[Harness]:
    server = StoryServer()
    fake = await FakeSlack().start()
    clock = Clock()
    store = Store(make_engine(db_url), clock=clock)
    s = Settings(
        allow_private_urls=True,
        slack_bot_token="xoxb-test",
        slack_api_url=fake.api_url,
        slack_post_interval=0,
        **settings,
    )
    service = DigestService(s, store)
    poster = SlackPoster.with_client(service, make_client(s, "xoxb-test"))
    h: Harness | None = None
    try:
        async with serve(server.app()) as base:
            h = Harness(server, base, fake, store, clock, s, service, poster)
            yield h
    finally:
        if h is not None:
            for w in h.watchers:
                await w.aclose()
        await service.aclose()
        await store.close()
        await fake.stop()
