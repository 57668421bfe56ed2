"""Adversarial fetch limits: endless and dripping bodies, compression bombs, lying
Content-Types, wrong or missing charsets. Real aiohttp servers on loopback."""

from __future__ import annotations

import asyncio
import codecs
import dataclasses
import gzip
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest
from aiohttp import web

from bot.errors import (
    BinaryInput,
    EmptyInput,
    FetchFailed,
    InputTooLarge,
    InvalidSource,
    UnsupportedContent,
)
from bot.fetch import decode_body, fetch
from bot.netguard import make_session
from bot.sources import read_source
from tests.pages import LOOPBACK_SETTINGS, serve
from tests.test_audit_ssrf import FixedDNS

S = LOOPBACK_SETTINGS
PAGE = (
    "<!doctype html><html><head><title>Ferry fares</title></head><body><article>"
    "<p>Ferry fares will rise by 4% in May, the operator said on Tuesday.</p>"
    "</article></body></html>"
)


def _raw(body: bytes, **headers: str) -> web.Response:
    response = web.Response(body=body, headers=headers)
    if "Content-Type" not in headers:
        # aiohttp would label an unlabelled body application/octet-stream; send no type at all.
        response.headers.pop("Content-Type", None)
        response._content_type = None  # type: ignore[attr-defined]
    return response


async def _get(handler: web.StreamResponse | object, settings=S):  # type: ignore[no-untyped-def]
    async def route(_request: web.Request) -> web.StreamResponse:
        return handler  # type: ignore[return-value]

    async with serve({"/p": route}) as base:
        return await fetch(f"{base}/p", settings)


# --- size and time --------------------------------------------------------------------------


async def test_endless_body_is_cut_at_the_cap() -> None:
    sent = 0

    async def endless(request: web.Request) -> web.StreamResponse:
        nonlocal sent
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)
        try:
            while True:
                await response.write(b"<p>" + b"z" * 16_000 + b"</p>")
                sent += 1
                await asyncio.sleep(0)
        except (ConnectionError, RuntimeError):
            pass
        return response

    settings = dataclasses.replace(S, fetch_max_bytes=100_000)
    async with serve({"/e": endless}) as base:
        with pytest.raises(InputTooLarge, match="100,000 bytes"):
            await fetch(f"{base}/e", settings)
    assert sent < 200  # we hung up near the cap, not after megabytes


async def test_slow_drip_hits_the_total_timeout() -> None:
    async def drip(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)
        try:
            for _ in range(200):  # a byte every 50 ms: each read is quick, the whole is not
                await response.write(b"x")
                await asyncio.sleep(0.05)
        except (ConnectionError, RuntimeError):
            pass
        return response

    settings = dataclasses.replace(S, fetch_total_timeout=0.5)
    started = time.monotonic()
    async with serve({"/d": drip}) as base:
        with pytest.raises(FetchFailed, match=r"timed out after 0\.5 seconds"):
            await fetch(f"{base}/d", settings)
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
async def test_compression_bomb_is_capped_on_decoded_bytes(encoding: str) -> None:
    inflated = b"<html><body><p>" + b"a" * 50_000_000 + b"</p></body></html>"
    packed = gzip.compress(inflated, 9) if encoding == "gzip" else zlib.compress(inflated, 9)
    assert len(packed) < 100_000  # small on the wire, 50 MB once decoded
    settings = dataclasses.replace(S, fetch_max_bytes=1_000_000)
    tracemalloc.start()
    try:
        with pytest.raises(InputTooLarge):
            await _get(
                _raw(packed, **{"Content-Type": "text/html", "Content-Encoding": encoding}),
                settings,
            )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000  # never held the 50 MB


# --- content types that lie -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "label", "named"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\n", "text/html", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "text/html", "image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64), "text/plain", "image"),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(64), "text/html; charset=utf-8", "ZIP"),
        (b"\x00\x01\x02\x03binary\x00\x00junk" * 20, "text/plain", "binary"),
    ],
    ids=["pdf-as-html", "png-as-html", "jpeg-as-text", "zip-as-html", "nul-bytes-as-text"],
)
async def test_binary_body_labelled_as_text_is_refused_by_name(
    body: bytes, label: str, named: str
) -> None:
    with pytest.raises(UnsupportedContent, match=named) as info:
        await _get(_raw(body, **{"Content-Type": label}))
    assert "paste the article text" in str(info.value)


async def test_html_labelled_octet_stream_is_read_as_html() -> None:
    raw = await _get(_raw(PAGE.encode(), **{"Content-Type": "application/octet-stream"}))
    assert raw.is_html and "Ferry fares will rise by 4%" in raw.content


async def test_binary_labelled_octet_stream_is_still_refused() -> None:
    body = b"\x7fELF\x02\x01\x01\x00" + bytes(200)
    with pytest.raises(UnsupportedContent, match="binary file"):
        await _get(_raw(body, **{"Content-Type": "application/octet-stream"}))


async def test_unlabelled_pdf_is_refused_by_name() -> None:
    with pytest.raises(UnsupportedContent, match="PDF"):
        await _get(_raw(b"%PDF-1.4\n" + bytes(100)))


async def test_big_octet_stream_download_is_refused_without_reading() -> None:
    settings = dataclasses.replace(S, fetch_max_bytes=1_000)
    body = b"<html>" + b"x" * 5_000
    with pytest.raises(UnsupportedContent, match="binary file"):
        await _get(_raw(body, **{"Content-Type": "application/octet-stream"}), settings)


# --- charsets -------------------------------------------------------------------------------


async def test_utf16_page_with_a_bom_and_no_charset() -> None:
    body = "<html><body><p>Zoë Müller said the café was closed.</p></body></html>"
    raw = await _get(_raw(body.encode("utf-16"), **{"Content-Type": "text/html"}))
    assert "Zoë Müller said the café was closed." in raw.content


async def test_windows_1252_page_mislabelled_utf8_keeps_its_accents() -> None:
    body = "<html><body><p>José Martí and Zoë Brontë spoke at the café.</p></body></html>"
    raw = await _get(
        _raw(body.encode("cp1252"), **{"Content-Type": "text/html; charset=utf-8"})
    )
    assert "José Martí and Zoë Brontë spoke at the café." in raw.content


def test_utf8_page_with_one_stray_byte_stays_utf8() -> None:
    body = "Zoë Müller, José Martí, François, Ångström.".encode() + b" \xff end"
    text = decode_body(body, "utf-8", False)
    assert text.startswith("Zoë Müller, José Martí, François, Ångström.")


async def test_unknown_charset_label_falls_back_without_failing() -> None:
    raw = await _get(
        _raw("<p>Café</p>".encode(), **{"Content-Type": "text/html; charset=x-no-such"})
    )
    assert "Café" in raw.content


async def test_absent_charset_non_utf8_bytes_are_read_as_windows_1252() -> None:
    raw = await _get(_raw("<p>Café “quoted”</p>".encode("cp1252"), **{"Content-Type": "text/html"}))
    assert "Café “quoted”" in raw.content


@pytest.mark.parametrize(
    "label", ["zlib", "bz2", "base64", "hex", "rot13", "idna", "undefined", "unicode_escape"]
)
async def test_python_only_codec_labels_are_ignored(label: str) -> None:
    # Python's codec registry answers to these; decoding with them crashed or rewrote text.
    page = "<html><body><p>Café \\x41 \\N{BULLET} news.</p></body></html>"
    raw = await _get(_raw(page.encode(), **{"Content-Type": f"text/html; charset={label}"}))
    assert "Café \\x41 \\N{BULLET} news." in raw.content


def test_web_encodings_are_still_honoured() -> None:
    assert decode_body("Привет".encode("cp1251"), "windows-1251", False) == "Привет"
    assert decode_body("日本語".encode("shift_jis"), "Shift_JIS", False) == "日本語"
    assert decode_body("中文".encode("gbk"), "gb2312", False) == "中文"


# --- statuses and redirects -----------------------------------------------------------------


async def test_a_failing_redirect_target_is_the_site_named() -> None:
    async def bounce(_request: web.Request) -> web.Response:
        raise web.HTTPFound("http://gone.test/story")

    dns = FixedDNS({"news.test": ["127.0.0.1"]})  # gone.test does not resolve
    async with serve({"/go": bounce}) as base, make_session(S, dns=dns) as session:
        port = base.rsplit(":", 1)[1]
        with pytest.raises(FetchFailed, match=r"Could not find the site gone\.test") as info:
            await fetch(f"http://news.test:{port}/go", S, session=session)
    assert "news.test" not in str(info.value)


async def test_unconditional_304_is_a_failure_not_an_empty_page() -> None:
    with pytest.raises(FetchFailed, match=r"HTTP 304") as info:
        await _get(web.Response(status=304))
    assert info.value.status == 304


async def test_messages_about_a_long_url_stay_short() -> None:
    query = "?q=" + "x" * 5_000
    async with serve({"/blank": html_handler_blank}) as base:
        with pytest.raises(EmptyInput) as info:
            await read_source(f"{base}/blank{query}", S)
    assert len(str(info.value)) < 400
    with pytest.raises(InvalidSource) as bad:
        await read_source("gopher://example.com/" + "y" * 5_000, S)
    assert len(str(bad.value)) < 400


async def html_handler_blank(_request: web.Request) -> web.Response:
    return web.Response(text="   ", content_type="text/html")


async def test_a_utf16_text_file_is_read_not_called_binary(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes("Zoë Müller reported from the café.\n".encode("utf-16"))
    raw = await read_source(str(path), S)
    assert raw.content == "Zoë Müller reported from the café.\n"
    path.write_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate: not text
    with pytest.raises(BinaryInput, match="UTF-16"):
        await read_source(str(path), S)


async def test_a_page_with_a_stray_nul_byte_is_still_read() -> None:
    body = PAGE.replace("<p>", "<p>\x00", 1).encode()
    raw = await _get(_raw(body, **{"Content-Type": "text/html; charset=utf-8"}))
    assert raw.is_html and "Ferry fares will rise by 4%" in raw.content
