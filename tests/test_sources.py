"""Reading SOURCEs: files, stdin and URLs, and the errors for everything else."""

from __future__ import annotations

import dataclasses
import io
import sys
from pathlib import Path

import pytest

from bot.errors import BinaryInput, BlockedAddress, EmptyInput, InputTooLarge, InvalidSource
from bot.sources import looks_like_html, read_source
from config.settings import Settings
from tests.pages import ARTICLE_HTML, HARBOR_PARAGRAPHS, LOOPBACK_SETTINGS, html_handler, serve

S = Settings()
PROSE = "\n\n".join(HARBOR_PARAGRAPHS)


async def test_html_file(tmp_path: Path) -> None:
    path = tmp_path / "port-strike.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    raw = await read_source(str(path), S)
    assert raw.is_html and raw.name == "port-strike"
    assert raw.content == ARTICLE_HTML


async def test_text_file_even_if_it_holds_markup(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(PROSE, encoding="utf-8")
    raw = await read_source(str(path), S)
    assert not raw.is_html and raw.name == "story" and raw.content == PROSE


async def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + PROSE.encode())
    assert (await read_source(str(path), S)).content == PROSE


async def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidSource, match="No such file"):
        await read_source(str(tmp_path / "nope.txt"), S)


async def test_directory_is_not_a_source(tmp_path: Path) -> None:
    with pytest.raises(InvalidSource, match="directory"):
        await read_source(str(tmp_path), S)


@pytest.mark.parametrize(
    "source", ["ftp://example.com/story.txt", "file:///etc/hostname", "javascript:alert(1)"]
)
async def test_unsupported_schemes(source: str) -> None:
    with pytest.raises(InvalidSource, match="http"):
        await read_source(source, S)


@pytest.mark.parametrize("content", [b"", b"   \n\t  \n"])
async def test_empty_input(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyInput):
        await read_source(str(path), S)


async def test_too_many_characters(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 100, encoding="utf-8")
    with pytest.raises(InputTooLarge, match="characters"):
        await read_source(str(path), dataclasses.replace(S, max_text_chars=100))


async def test_too_many_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100, encoding="utf-8")
    with pytest.raises(InputTooLarge, match="bytes"):
        await read_source(str(path), dataclasses.replace(S, fetch_max_bytes=50))


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"PK\x03\x04\x00\x00binary zip", "NUL"),
        ("Caf\u00e9 au lait.".encode("latin-1"), "not UTF-8"),
        (bytes(range(1, 32)) * 20 + b"some text", "binary"),
    ],
)
async def test_binary_or_non_utf8(tmp_path: Path, content: bytes, why: str) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(content)
    with pytest.raises(BinaryInput, match=why):
        await read_source(str(path), S)


class _FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


async def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(PROSE.encode()))
    raw = await read_source("-", S)
    assert raw.name == "-" and not raw.is_html and raw.content == PROSE
    monkeypatch.setattr(sys, "stdin", _FakeStdin(ARTICLE_HTML.encode()))
    assert (await read_source("-", S)).is_html
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b"\n"))
    with pytest.raises(EmptyInput):
        await read_source("-", S)


async def test_url_source_over_loopback() -> None:
    async with serve({"/story": html_handler(ARTICLE_HTML)}) as base:
        raw = await read_source(f"{base}/story", LOOPBACK_SETTINGS)
        assert raw.is_html and raw.name == f"{base}/story" and raw.status == 200
        with pytest.raises(BlockedAddress):
            await read_source(f"{base}/story", S)  # default settings: loopback refused


async def test_empty_page_is_empty_input() -> None:
    async with serve({"/blank": html_handler("  ")}) as base:
        with pytest.raises(EmptyInput):
            await read_source(f"{base}/blank", LOOPBACK_SETTINGS)


def test_looks_like_html() -> None:
    assert looks_like_html(ARTICLE_HTML)
    assert looks_like_html("<div><p>One</p><p>Two</p><p>Three</p><a href='/x'>x</a><br></div>")
    assert not looks_like_html(PROSE)
    assert not looks_like_html(
        "The council voted to use <p> tags in its new site, a spokesman said.\n" + PROSE
    )
    assert not looks_like_html("")
