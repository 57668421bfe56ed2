"""Watching at scale: checks per second and memory for 10,000 watched stories.

    .venv/bin/python bench/watch.py [--stories 10000] [--pg postgresql+asyncpg://...]

A loopback aiohttp article server runs in a child process (so its CPU is not counted as
ours) and serves a mix: ~60% of stories answer the conditional GET with 304, ~20% send
the same bytes again with 200 (no ETag), ~10% change only their page furniture on every
fetch (a most-read list and an ad slot: cleaned and digested, then found unchanged), ~10%
change on every fetch (a revised figure), so they are cleaned, digested, diffed, stored
and posted to the thread (posts go to a recording poster, not Slack: this measures the
watcher). All stories are due at once;
the watcher claims them from the database in batches with bounded concurrency
(``--concurrency``) and a per-host limit (``--per-host``). Prints checks/s overall and
per quarter, RSS after each quarter (to show it stays flat) and peak RSS, and on
PostgreSQL the plan of the due-work query. Targets: >= 500 checks/s; < 300 MB, flat.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import multiprocessing
import os
import socket
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aiohttp import web  # noqa: E402

from bot.model import InputMode, RawDocument  # noqa: E402
from bot.pipeline import content_hash, digest_raw  # noqa: E402
from bot.watcher import Watcher  # noqa: E402
from config.settings import Settings  # noqa: E402
from storage.db import make_engine, migrate  # noqa: E402
from storage.repo import Store, explain_due_query  # noqa: E402
from tests.pages import article_page  # noqa: E402

PARAS = [
    "A footbridge over the river Wend in Norfield collapsed on Thursday afternoon, "
    "injuring {n} people who were crossing it, the county fire service said.",
    "The bridge, built in 1968, had been closed for inspection twice in the last five "
    "years. Engineers from the council were examining the wreckage on Thursday evening.",
    '"The structure failed without warning," said Helen Parry, the county\'s chief fire '
    'officer. "Our crews reached the river within eight minutes."',
    "The council said the bridge had passed its most recent safety check in March and "
    "that it would publish the inspection reports in full.",
]


def furniture(k: int) -> str:
    """Page furniture that differs on every fetch: what no reader would count as news."""
    most_read = "".join(f'<li><a href="/s/{k + j}">Story number {k + j}</a></li>' for j in range(5))
    return (
        f'<aside class="most-read"><h2>Most read</h2><ol>{most_read}</ol></aside>'
        f'<div class="ad-slot" data-impression="{k * 7919}">Advertisement</div>'
    )


def body(n: int, furniture_seq: int = 0) -> bytes:
    paras = [p.format(n=n) for p in PARAS]
    return article_page(
        f"Bridge collapse in Norfield injures {n}",
        paras,
        outlet="The Norfield Courier",
        extra_body=furniture(furniture_seq),
    ).encode()


def kind(i: int) -> str:
    r = i % 10
    return "304" if r < 6 else "same" if r < 8 else "furniture" if r < 9 else "change"


ETAG = '"v1"'


def run_server(port: int) -> None:
    """The article server (child process)."""
    same = body(12)
    counters: dict[int, int] = {}

    async def handle(request: web.Request) -> web.Response:
        i = int(request.match_info["i"])
        k = kind(i)
        if k == "304":
            if request.headers.get("If-None-Match") == ETAG:
                return web.Response(status=304, headers={"ETag": ETAG})
            return web.Response(body=same, content_type="text/html", headers={"ETag": ETAG})
        if k == "same":
            return web.Response(body=same, content_type="text/html")
        if k == "furniture":
            counters[i] = counters.get(i, 0) + 1
            return web.Response(body=body(12, counters[i]), content_type="text/html")
        counters[i] = counters.get(i, 12) + 1  # a revised figure on every fetch
        return web.Response(body=body(counters[i]), content_type="text/html")

    app = web.Application()
    app.router.add_get("/s/{i}", handle)
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int | str = "self") -> tuple[float, float]:
    """(current RSS, peak RSS) of a process in MB, from /proc."""
    fields: dict[str, float] = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]


class CountingPoster:
    def __init__(self) -> None:
        self.posts = 0

    async def post(
        self, team_id: str, channel_id: str, thread_ts: str | None, message: dict[str, Any]
    ) -> None:
        self.posts += 1


async def seed(store: Store, base: str, n: int, now: datetime, settings: Settings) -> None:
    """n watched stories, due now, each with its first version stored (bulk: a fixture)."""
    digest = digest_raw(
        RawDocument(content=body(12).decode(), is_html=True), InputMode.AUTO, settings
    )
    chash = content_hash(digest.article)
    raw = hashlib.sha256(body(12)).hexdigest()
    rows = [
        {
            "canonical_url": f"{base}/s/{i}",
            "url": f"{base}/s/{i}",
            "title": digest.article.meta.title,
            "status": "active",
            "etag": ETAG if kind(i) == "304" else None,
            "content_hash": chash,
            "raw_hash": raw,
            "created_at": now - timedelta(hours=1),
            "next_check_at": now - timedelta(seconds=i % 600),
            "consecutive_failures": 0,
        }
        for i in range(n)
    ]
    thread_rows = [
        {
            "canonical_url": f"{base}/s/{i}",
            "team_id": "T1",
            "channel_id": f"C{i % 50}",
            "thread_ts": f"1700000000.{i:06d}",
            "parent_ts": f"1700000000.{i:06d}",
            "requested_by": "U1",
            "created_at": now - timedelta(hours=1),
            "watching": True,
        }
        for i in range(n)
    ]
    ids = await store.import_watched_stories(rows, thread_rows)
    # The changing stories need a stored version to compare with (through the Store API).
    doc = digest.to_json()
    for i in range(n):
        if kind(i) == "change":
            await store.add_version(
                ids[f"{base}/s/{i}"],
                content_hash=chash,
                title=digest.article.meta.title,
                cleaned_text="\n\n".join(digest.article.body),
                meta=doc["source"],
                digest=doc,
                etag=None,
                last_modified=None,
                fetched_at=now - timedelta(hours=1),
            )


async def main_async(args: argparse.Namespace) -> None:
    port = free_port()
    proc = multiprocessing.get_context("spawn").Process(target=run_server, args=(port,))
    proc.start()
    base = f"http://127.0.0.1:{port}"
    tmp = tempfile.TemporaryDirectory()
    url = args.pg or f"sqlite+aiosqlite:///{Path(tmp.name) / 'watch.db'}"
    settings = Settings(
        allow_private_urls=True,
        fetch_concurrency=args.concurrency,
        fetch_per_host=args.per_host,
    )
    try:
        for _ in range(100):  # wait for the server
            try:
                socket.create_connection(("127.0.0.1", port), 0.1).close()
                break
            except OSError:
                await asyncio.sleep(0.05)
        await migrate(url)
        store = Store(make_engine(url))
        now = datetime.now(UTC)
        t0 = time.perf_counter()
        await seed(store, base, args.stories, now, settings)
        print(
            f"backend: {store.engine.dialect.name}; seeded {args.stories:,} stories in "
            f"{time.perf_counter() - t0:.1f} s"
        )
        print(f"concurrency {args.concurrency}, per host {args.per_host} (one host)")
        poster = CountingPoster()
        executor = (
            ProcessPoolExecutor(args.workers, mp_context=multiprocessing.get_context("spawn"))
            if args.workers
            else None
        )
        watcher = Watcher(store, settings, poster, executor=executor)
        quarter = args.stories // 4
        outcomes: dict[str, int] = {}
        start = time.perf_counter()
        done = 0
        for q in range(4):
            t = time.perf_counter()
            stats = await watcher.run_due(max_checks=quarter if q < 3 else None)
            done += stats.checks
            for k, v in stats.outcomes.items():
                outcomes[k] = outcomes.get(k, 0) + v
            rss, _ = rss_mb()
            dt = time.perf_counter() - t
            print(
                f"  after {done:>6,} checks: {stats.checks / dt:7.0f} checks/s, RSS {rss:6.1f} MB"
            )
        elapsed = time.perf_counter() - start
        rss, peak = rss_mb()
        print(
            f"checks: {done:,} in {elapsed:.1f} s = {done / elapsed:.0f} checks/s (target >= 500)"
        )
        print(
            f"outcomes: {dict(sorted(outcomes.items()))}; thread posts: {poster.posts:,}; "
            f"GETs: {watcher.fetches:,}"
        )
        workers = list(getattr(executor, "_processes", {}) or {})
        worker_peak = sum(rss_mb(pid)[1] for pid in workers)
        print(
            f"peak RSS {peak:.1f} MB watcher process (target < 300 MB); digest workers "
            f"{worker_peak:.1f} MB ({len(workers)} process(es))"
        )
        plan = await explain_due_query(store.engine)
        print(f"due-work query plan ({store.engine.dialect.name}):")
        for line in plan.splitlines():
            print("  " + line)
        await watcher.aclose()
        await store.close()
        if executor is not None:
            executor.shutdown()
    finally:
        proc.terminate()
        proc.join()
        tmp.cleanup()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--stories", type=int, default=10_000)
    p.add_argument("--concurrency", type=int, default=64)
    p.add_argument("--per-host", type=int, default=32)
    p.add_argument("--workers", type=int, default=1, help="digest processes (0: a thread)")
    p.add_argument("--pg", help="a PostgreSQL URL (postgresql+asyncpg://...) instead of SQLite")
    args = p.parse_args()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
