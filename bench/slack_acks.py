"""Slash-command acks and digest latency under a burst, over real HTTP on loopback.

    .venv/bin/python bench/slack_acks.py [--requests 200] [--channels 200] [--rate 0]

Starts ``python -m bot serve`` as a separate process (HTTP mode, a fresh SQLite file, Web
API pointed at the loopback fake Slack that runs here), then sends N signed ``/digest``
commands with pasted stories (each a different story, spread over C channels because
posts are paced to ~1/s per channel). ``--rate 0`` fires them all at once; ``--rate R``
sends R per second. Prints ack latency (request sent -> HTTP response) p50/p99/max and
time until the threaded digest reached Slack p50/p95/max, against the issue's targets:
ack p99 < 100 ms, no ack over 3 s, pasted-text digests posted within 1 s at p95.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from aiohttp import ClientSession, ClientTimeout, TCPConnector

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fake_slack import FakeSlack  # noqa: E402
from tests.slack_helpers import SIGNING_SECRET, command_body, headers_for  # noqa: E402

STORY = """Home | News | Weather | Sign in
Bridge repairs to close {town} crossing for {weeks} weeks
By Ana Lima, Transport correspondent
Published 4 May 2026

The {town} road bridge will close to traffic for {weeks} weeks from 1 June while engineers \
replace its corroded expansion joints, the county council said on Monday.

About {vehicles:,} vehicles cross the bridge each day, according to council figures. Drivers \
will be diverted through Eastgate, adding up to {minutes} minutes to journeys.

"We know this is disruptive, but the joints have reached the end of their life," said \
Marcus Webb, the council's head of highways. "If we do nothing, we risk a much longer \
closure later."

Local traders said they feared losing business. Jo Harding, who runs a bakery by the \
bridge, said footfall had already fallen by a third during earlier overnight closures.

The £{cost}m project is funded by a government maintenance grant. Pedestrians and \
cyclists will still be able to use a temporary walkway on the eastern side.

Share this article
Related stories
"""
TOWNS = ("Millford", "Eastgate", "Ashby", "Brampton", "Carlow", "Dunmore", "Elstead")


PROFILE = os.environ.get("BENCH_PROFILE", "").split()


def story(i: int) -> str:
    return STORY.format(
        town=TOWNS[i % len(TOWNS)],
        weeks=2 + i % 9,
        vehicles=9_000 + 37 * i,
        minutes=10 + i % 25,
        cost=f"{1 + i / 10:.1f}",
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def wait_healthy(http: ClientSession, base: str, proc: asyncio.subprocess.Process) -> None:
    for _ in range(300):
        if proc.returncode is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            async with http.get(f"{base}/healthz") as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        await asyncio.sleep(0.1)
    raise SystemExit("server did not become healthy")


async def run(args: argparse.Namespace) -> int:
    fake = await FakeSlack().start()
    port = free_port()
    tmp = tempfile.TemporaryDirectory(prefix="newsdesk-bench-")
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.api_url,
        "DATABASE_URL": args.database_url or f"sqlite+aiosqlite:///{tmp.name}/bench.db",
        "PORT": str(port),
    }
    for name in ("SLACK_APP_TOKEN", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET"):
        env.pop(name, None)
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        *PROFILE,
        "-m",
        "bot",
        "serve",
        "--port",
        str(port),
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    sent: dict[str, float] = {}
    acks: list[float] = []
    failures: list[str] = []
    try:
        connector = TCPConnector(limit=0)
        async with ClientSession(connector=connector, timeout=ClientTimeout(total=30)) as http:
            await wait_healthy(http, base, proc)
            # One warm-up command so auth.test and first-import costs are not counted.
            await command(http, base, fake, "warm", story(10_000), "CWARM", {}, [], [])
            await fake.wait_for("chat.postMessage", 2, within=30)
            warm_calls = len(fake.calls)

            bodies = [
                (f"t{i}", story(i), f"C{i % args.channels:04d}") for i in range(args.requests)
            ]
            # Raw sockets, opened and signed beforehand, so the figures are the server's and
            # not the load generator's own request-building time.
            conns = [await asyncio.open_connection("127.0.0.1", port) for _ in bodies]
            wires = [
                wire(
                    port,
                    command_body(
                        text,
                        channel=channel,
                        trigger_id=trigger,
                        response_url=fake.response_url(trigger),
                    ),
                )
                for trigger, text, channel in bodies
            ]
            readers = []
            for i, ((trigger, _, _), (reader, writer), data) in enumerate(
                zip(bodies, conns, wires, strict=True)
            ):
                if args.rate > 0 and i:
                    await asyncio.sleep(1 / args.rate)
                writer.write(data)
                sent[trigger] = time.monotonic()
                readers.append(asyncio.create_task(read_ack(trigger, reader, sent, acks, failures)))
            await asyncio.gather(*readers)
            for _, writer in conns:
                writer.close()
            expected = 2 + 2 * args.requests
            try:
                await fake.wait_for("chat.postMessage", expected, within=120)
            except TimeoutError:
                failures.append(f"only {len(fake.of('chat.postMessage'))}/{expected} posts")
    finally:
        proc.terminate()
        await asyncio.wait_for(proc.wait(), 30)
        await fake.stop()
        tmp.cleanup()

    posted: list[float] = []
    for call in fake.calls[warm_calls:]:
        if call.method == "chat.postMessage" and call.params.get("thread_ts"):
            trigger = channel_trigger(call.params["channel"], bodies, sent, call.at)
            if trigger is not None:
                posted.append(call.at - sent[trigger])
    errors = [r for r in fake.responses if r.get("_key", "").startswith("t")]

    mode = "all at once" if args.rate <= 0 else f"{args.rate:g}/s"
    db = "PostgreSQL" if args.database_url.startswith("postgres") else "SQLite"
    print(
        f"{args.requests} /digest commands with pasted text, {args.channels} channels, {mode}, {db}"
    )
    print(
        f"ack ms:    p50 {1000 * pct(acks, 0.5):7.1f}  p99 {1000 * pct(acks, 0.99):7.1f}  "
        f"max {1000 * max(acks):7.1f}   (target p99 < 100, none over 3000)"
    )
    if posted:
        print(
            f"posted ms: p50 {1000 * pct(posted, 0.5):7.1f}  p95 {1000 * pct(posted, 0.95):7.1f}"
            f"  max {1000 * max(posted):7.1f}   (target p95 < 1000)  "
            f"[{len(posted)} digests, mean {1000 * statistics.fmean(posted):.1f}]"
        )
    if errors or failures:
        print(f"problems: {failures[:5]} ephemeral errors: {[e['text'] for e in errors[:3]]}")
        return 1
    return 0


def channel_trigger(
    channel: str, bodies: list[tuple[str, str, str]], sent: dict[str, float], at: float
) -> str | None:
    """The latest request in ``channel`` sent before ``at`` that has no digest yet."""
    candidates = [t for t, _, c in bodies if c == channel and t in sent and sent[t] <= at]
    for trigger in candidates:
        if trigger not in _matched:
            _matched.add(trigger)
            return trigger
    return None


_matched: set[str] = set()


async def command(
    http: ClientSession,
    base: str,
    fake: FakeSlack,
    trigger: str,
    text: str,
    channel: str,
    sent: dict[str, float],
    acks: list[float],
    failures: list[str],
) -> None:
    body = command_body(
        text, channel=channel, trigger_id=trigger, response_url=fake.response_url(trigger)
    )
    headers = headers_for(body, form=True)
    start = time.monotonic()
    sent[trigger] = start
    async with http.post(f"{base}/slack/events", data=body, headers=headers) as resp:
        reply = await resp.text()
    acks.append(time.monotonic() - start)
    if resp.status != 200 or "Working on it" not in reply:
        failures.append(f"{trigger}: HTTP {resp.status} {reply[:80]!r}")


def wire(port: int, body: str) -> bytes:
    """A complete signed HTTP/1.1 request for ``body``."""
    payload = body.encode()
    head = [
        "POST /slack/events HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        f"Content-Length: {len(payload)}",
        *(f"{k}: {v}" for k, v in headers_for(body, form=True).items()),
    ]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + payload


async def read_ack(
    trigger: str,
    reader: asyncio.StreamReader,
    sent: dict[str, float],
    acks: list[float],
    failures: list[str],
) -> None:
    head = await reader.readuntil(b"\r\n\r\n")
    done = time.monotonic()
    lines = head.decode("latin-1").split("\r\n")
    length = next(
        (int(v) for k, _, v in (h.partition(": ") for h in lines) if k.lower() == "content-length"),
        0,
    )
    reply = (await reader.readexactly(length)).decode()
    acks.append(done - sent[trigger])
    if " 200 " not in lines[0] or "Working on it" not in reply:
        failures.append(f"{trigger}: {lines[0]} {reply[:80]!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--channels", type=int, default=200)
    parser.add_argument("--rate", type=float, default=0.0, help="commands per second; 0 = burst")
    parser.add_argument(
        "--database-url", default="", help="default: a fresh SQLite file; or a PostgreSQL URL"
    )
    return asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
