"""The command line, run as a user runs it: a real process, real files, a real loopback server.

Each bad input gets one clear line on stderr, a non-zero exit, and no traceback.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]

ARTICLE_HTML = """<!doctype html><html><head><title>Bridge reopens | Valley Herald</title>
<meta property="og:site_name" content="Valley Herald"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Old river bridge reopens after two-year repair</h1>
<p>The old river bridge in Millbrook reopened to traffic on Monday after a two-year repair that
cost the county £6.2m, officials said.</p>
<p>"It has been a long wait, and we are grateful for the patience of everyone who lives here,"
said county engineer Sarah Poole. "The bridge is now safe for another fifty years."</p>
<p>About 9,000 vehicles a day used the bridge before it closed, according to the county's own
traffic survey, and businesses on both banks said trade fell by a third while it was shut.</p>
<p>The repair replaced 140 steel beams and the whole road deck. Cyclists will get a separate
lane for the first time, Poole said.</p>
</article><footer>Copyright Valley Herald. Sign up for our newsletter.</footer></body></html>"""


async def run_cli(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None):
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args,
        cwd=ROOT,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "NEWSDESK_ALLOW_PRIVATE_URLS": "1", **(env or {})},
    )
    out, err = await asyncio.wait_for(proc.communicate(stdin or b""), timeout=120)
    return proc.returncode, out.decode(), err.decode()


def assert_clean_failure(code: int, err: str, *phrases: str) -> None:
    assert code != 0
    assert "Traceback" not in err
    for phrase in phrases:
        assert phrase.lower() in err.lower(), err


@pytest.fixture
async def site() -> AsyncIterator[str]:
    async def article(_: web.Request) -> web.Response:
        return web.Response(text=ARTICLE_HTML, content_type="text/html")

    async def status(request: web.Request) -> web.Response:
        return web.Response(status=int(request.match_info["code"]), text="nope")

    async def slow(_: web.Request) -> web.Response:
        await asyncio.sleep(10)
        return web.Response(text="late")

    async def loop(_: web.Request) -> web.Response:
        raise web.HTTPFound("/loop")

    async def pdf(_: web.Request) -> web.Response:
        return web.Response(body=b"%PDF-1.7\n...", content_type="application/pdf")

    async def huge(_: web.Request) -> web.Response:
        return web.Response(text="<p>" + "word " * 400_000 + "</p>", content_type="text/html")

    app = web.Application()
    app.router.add_get("/article", article)
    app.router.add_get("/status/{code}", status)
    app.router.add_get("/slow", slow)
    app.router.add_get("/loop", loop)
    app.router.add_get("/report.pdf", pdf)
    app.router.add_get("/huge", huge)
    runner = web.AppRunner(app)
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    port = tcp._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


async def test_demo_runs_on_embedded_defaults() -> None:
    code, out, err = await run_cli("demo")
    assert code == 0, err
    assert "flood wall" in out
    assert "31-12" in out


async def test_digest_url_json(site: str) -> None:
    code, out, err = await run_cli("digest", f"{site}/article", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) >= {"source", "body", "removed", "facts", "attributions", "conflicts"}
    assert data["source"]["title"] == "Old river bridge reopens after two-year repair"
    assert any("Sarah Poole" in (a["speaker"] or "") for a in data["attributions"])
    assert all(f["text"] in data["body"][f["paragraph"]] for f in data["facts"])


async def test_clean_stdin_text_prints_paragraphs() -> None:
    text = "Headline here\n\nFirst paragraph of the story, which is long enough to be prose.\n"
    code, out, err = await run_cli("clean", "-", "--input", "clean", stdin=text.encode())
    assert code == 0, err
    assert out.split("\n\n")[0].strip() == "Headline here"


async def test_jsonl_ids_are_file_stems(tmp_path: Path) -> None:
    sample = (ROOT / "bot" / "samples" / "harbour-council-vote.txt").read_text()
    paths = []
    for name in ("one", "two"):
        path = tmp_path / f"{name}.txt"
        path.write_text(sample)
        paths.append(str(path))
    code, out, err = await run_cli("digest", *paths, "--format", "jsonl")
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == ["one", "two"]


@pytest.mark.parametrize(
    ("content", "phrase"),
    [
        (b"", "empty"),
        (b"   \n\t \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("caf\u00e9 au lait, ".encode("latin-1") * 20, "UTF-8"),
    ],
    ids=["empty", "whitespace", "binary", "not-utf8"],
)
async def test_bad_stdin(content: bytes, phrase: str) -> None:
    code, _, err = await run_cli("digest", "-", stdin=content)
    assert_clean_failure(code, err, phrase)


async def test_text_over_the_size_cap() -> None:
    text = ("A sentence of an article that goes on. " * 200).encode()
    code, _, err = await run_cli("digest", "-", stdin=text, env={"NEWSDESK_MAX_TEXT_CHARS": "1000"})
    assert_clean_failure(code, err, "too")


async def test_missing_file() -> None:
    code, _, err = await run_cli("digest", "/nonexistent/story.txt")
    assert_clean_failure(code, err, "story.txt")


async def test_home_page_is_not_an_article(tmp_path: Path) -> None:
    links = "".join(f"<li><a href='/s{i}'>Headline number {i} about a thing</a></li>"
                    for i in range(60))
    page = tmp_path / "home.html"
    page.write_text(f"<html><head><title>Valley Herald</title></head><body><ul>{links}</ul>"
                    "</body></html>")
    code, _, err = await run_cli("digest", str(page))
    assert_clean_failure(code, err, "article")


async def test_login_page_is_not_an_article(tmp_path: Path) -> None:
    page = tmp_path / "login.txt"
    page.write_text("Sign in\n\nEmail address\n\nPassword\n\nForgot your password?\n\n"
                    "Sign in\n\nDon't have an account? Register\n")
    code, _, err = await run_cli("digest", str(page))
    assert_clean_failure(code, err, "article")


async def test_paywall_stub_says_paste_the_text(tmp_path: Path) -> None:
    page = tmp_path / "stub.html"
    page.write_text(
        "<html><body><article><h1>Mayor resigns over budget row</h1>"
        "<p>The mayor of Millbrook resigned on Friday after a row over the budget.</p>"
        "<div class='paywall'><p>Subscribe to continue reading. This article is for "
        "subscribers only. Already a subscriber? Log in.</p></div></article></body></html>"
    )
    code, _, err = await run_cli("digest", str(page))
    assert_clean_failure(code, err, "paywall", "paste")


@pytest.mark.parametrize(
    ("path", "env", "phrases"),
    [
        ("/status/404", {}, ["404"]),
        ("/status/500", {}, ["500"]),
        ("/slow", {"NEWSDESK_FETCH_TIMEOUT": "1"}, ["timed out"]),
        ("/loop", {}, ["redirect"]),
        ("/huge", {"NEWSDESK_FETCH_MAX_BYTES": "100000"}, ["too"]),
        ("/report.pdf", {}, ["pdf"]),
    ],
    ids=["404", "500", "timeout", "redirect-loop", "size-cap", "pdf"],
)
async def test_bad_urls(site: str, path: str, env: dict[str, str], phrases: list[str]) -> None:
    code, _, err = await run_cli("digest", site + path, env=env)
    assert_clean_failure(code, err, *phrases)


async def test_private_address_refused_without_the_setting(site: str) -> None:
    code, _, err = await run_cli(
        "digest", f"{site}/article", env={"NEWSDESK_ALLOW_PRIVATE_URLS": "0"}
    )
    assert_clean_failure(code, err, "private")


async def test_unknown_format_is_a_usage_error() -> None:
    code, _, err = await run_cli("digest", "-", "--format", "yaml")
    assert code == 2
    assert "invalid choice" in err
