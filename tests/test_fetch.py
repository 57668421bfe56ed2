"""Fetching against a real aiohttp server on loopback (private URLs allowed for these tests)."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from aiohttp import web

from bot.errors import FetchFailed, InputTooLarge, UnsupportedContent
from bot.fetch import decode_body, fetch
from tests.pages import ARTICLE_HTML, LOOPBACK_SETTINGS, html_handler, serve

S = LOOPBACK_SETTINGS


async def test_html_page_and_user_agent() -> None:
    seen: dict[str, str] = {}

    async def page(request: web.Request) -> web.Response:
        seen["ua"] = request.headers.get("User-Agent", "")
        return web.Response(text=ARTICLE_HTML, content_type="text/html")

    async with serve({"/story": page}) as base:
        raw = await fetch(f"{base}/story", S)
    assert raw.status == 200
    assert raw.is_html
    assert raw.url == f"{base}/story"
    assert "Dock workers at the port of Westhaven" in raw.content
    assert seen["ua"] == S.user_agent


async def test_plain_text_page() -> None:
    async def page(_request: web.Request) -> web.Response:
        return web.Response(text="Just words.\nMore words.", content_type="text/plain")

    async with serve({"/t": page}) as base:
        raw = await fetch(f"{base}/t", S)
    assert not raw.is_html
    assert raw.content == "Just words.\nMore words."


@pytest.mark.parametrize("status", [404, 410, 500, 503])
async def test_error_statuses(status: int) -> None:
    async with serve({"/x": html_handler("<p>nope</p>", status=status)}) as base:
        with pytest.raises(FetchFailed) as info:
            await fetch(f"{base}/x", S)
    assert info.value.status == status
    assert f"HTTP {status}" in str(info.value)
    assert "Traceback" not in str(info.value)


async def test_slow_page_times_out() -> None:
    release = asyncio.Event()

    async def slow(_request: web.Request) -> web.Response:
        await asyncio.wait_for(release.wait(), timeout=10)
        return web.Response(text="late", content_type="text/html")

    settings = dataclasses.replace(S, fetch_total_timeout=0.3)
    async with serve({"/slow": slow}) as base:
        try:
            with pytest.raises(FetchFailed, match=r"timed out after 0\.3 seconds"):
                await fetch(f"{base}/slow", settings)
        finally:
            release.set()  # let the handler finish so the server shuts down promptly


def _redirect_chain(length: int) -> web.Application:
    """/r/0 -> /r/1 -> ... -> /r/length, which serves the article."""

    async def hop(request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        if n < length:
            raise web.HTTPFound(f"/r/{n + 1}")
        return web.Response(text=ARTICLE_HTML, content_type="text/html")

    app = web.Application()
    app.router.add_get("/r/{n}", hop)
    return app


async def test_five_redirects_are_followed() -> None:
    async with serve(_redirect_chain(5)) as base:
        raw = await fetch(f"{base}/r/0", S)
    assert raw.url == f"{base}/r/5"
    assert raw.status == 200


async def test_six_redirects_are_too_many() -> None:
    async with serve(_redirect_chain(6)) as base:
        with pytest.raises(FetchFailed, match="more than 5 times"):
            await fetch(f"{base}/r/0", S)


async def test_redirect_loop_is_detected() -> None:
    async def a(_request: web.Request) -> web.Response:
        raise web.HTTPMovedPermanently("/b")

    async def b(_request: web.Request) -> web.Response:
        raise web.HTTPTemporaryRedirect("/a")

    async with serve({"/a": a, "/b": b}) as base:
        with pytest.raises(FetchFailed, match="redirect loop"):
            await fetch(f"{base}/a", S)


async def test_body_over_cap_with_content_length() -> None:
    big = "<p>" + "x" * 5000 + "</p>"
    settings = dataclasses.replace(S, fetch_max_bytes=1000)
    async with serve({"/big": html_handler(big)}) as base:
        with pytest.raises(InputTooLarge, match="1,000 bytes"):
            await fetch(f"{base}/big", settings)


async def test_body_over_cap_when_streamed_without_length() -> None:
    sent: list[int] = []

    async def stream(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        try:
            for _ in range(200):  # up to 1.6 MB if nobody stops reading
                await response.write(b"<p>" + b"y" * 8000 + b"</p>")
                sent.append(1)
                await asyncio.sleep(0.001)
        except (ConnectionResetError, ConnectionError):
            pass
        return response

    settings = dataclasses.replace(S, fetch_max_bytes=20_000)
    async with serve({"/stream": stream}) as base:
        with pytest.raises(InputTooLarge):
            await fetch(f"{base}/stream", settings)
    assert len(sent) < 200  # the client hung up early


@pytest.mark.parametrize(
    ("content_type", "body", "named"),
    [
        ("application/pdf", b"%PDF-1.4 fake", "PDF"),
        ("image/png", b"\x89PNG\r\n\x1a\n", "image"),
    ],
)
async def test_unsupported_types_are_named(content_type: str, body: bytes, named: str) -> None:
    async def page(_request: web.Request) -> web.Response:
        return web.Response(body=body, headers={"Content-Type": content_type})

    async with serve({"/f": page}) as base:
        with pytest.raises(UnsupportedContent) as info:
            await fetch(f"{base}/f", S)
    message = str(info.value)
    assert named in message and content_type in message


async def test_latin1_declared_in_header() -> None:
    page = "<html><body><p>Caf\u00e9 cr\u00e8me \u00e0 la fran\u00e7aise.</p></body></html>"

    async def handler(_request: web.Request) -> web.Response:
        return web.Response(
            body=page.encode("latin-1"),
            headers={"Content-Type": "text/html; charset=ISO-8859-1"},
        )

    async with serve({"/l": handler}) as base:
        raw = await fetch(f"{base}/l", S)
    assert "Café crème à la française." in raw.content


async def test_latin1_declared_in_meta() -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"><title>t</title></head>'
        "<body><p>Na\u00efve r\u00e9sum\u00e9 \u2014 no: just r\u00e9sum\u00e9.</p></body></html>"
    ).replace("\u2014", "-")

    async def handler(_request: web.Request) -> web.Response:
        return web.Response(body=page.encode("latin-1"), headers={"Content-Type": "text/html"})

    async with serve({"/m": handler}) as base:
        raw = await fetch(f"{base}/m", S)
    assert "Naïve résumé - no: just résumé." in raw.content


def test_decode_falls_back_gracefully() -> None:
    assert decode_body("é".encode(), None, True) == "é"
    assert decode_body("é".encode("cp1252"), None, True) == "é"  # undeclared, not UTF-8
    assert decode_body(b"abc", "no-such-charset", True) == "abc"
    assert decode_body(b"\xef\xbb\xbfhi", "latin-1", False) == "hi"  # the BOM wins


async def test_conditional_requests_get_304() -> None:
    etag = '"v1"'
    modified = "Tue, 05 Mar 2024 08:30:00 GMT"

    async def page(request: web.Request) -> web.Response:
        if request.headers.get("If-None-Match") == etag or (
            request.headers.get("If-Modified-Since") == modified
        ):
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(
            text=ARTICLE_HTML,
            content_type="text/html",
            headers={"ETag": etag, "Last-Modified": modified},
        )

    async with serve({"/c": page}) as base:
        first = await fetch(f"{base}/c", S)
        assert first.status == 200 and first.etag == etag and first.last_modified == modified
        again = await fetch(f"{base}/c", S, etag=first.etag)
        assert again.status == 304 and again.content == "" and again.etag == etag
        by_date = await fetch(f"{base}/c", S, last_modified=first.last_modified)
        assert by_date.status == 304 and by_date.last_modified == modified
        changed = await fetch(f"{base}/c", S, etag='"v0"')
        assert changed.status == 200 and changed.content


async def test_unreachable_port_is_a_clean_failure() -> None:
    async with serve({"/": html_handler("x")}) as base:
        pass  # server stopped: its port is now closed
    with pytest.raises(FetchFailed, match="Could not connect"):
        await fetch(f"{base}/", S)
