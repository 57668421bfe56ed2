"""Read a SOURCE: an http(s) URL, a file path, or ``-`` for stdin.

Files and stdin must be UTF-8 text (a BOM is tolerated); URLs go through
``bot.fetch`` and its network guard.
"""

from __future__ import annotations

import asyncio
import codecs
import re
import sys
import unicodedata
from pathlib import Path
from typing import BinaryIO

import aiohttp

from bot.errors import BinaryInput, EmptyInput, InputTooLarge, InvalidSource
from bot.fetch import fetch
from bot.model import RawDocument
from bot.netguard import shown
from config.settings import Settings

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
STDIN = "-"

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_HTML_MARKERS = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|article|section|span|a|br|h[1-6]|"
    r"meta|title|script|table|li|ul|main)[\s/>]",
    re.IGNORECASE,
)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_BINARY_CONTROL_RATIO = 0.01  # more than 1% control characters is not prose


def looks_like_html(text: str) -> bool:
    """True when ``text`` is markup rather than prose (for ``--input auto``).

    A pasted article can mention "<p>" once; markup has a doctype/<html> near the
    start, or tags in numbers.
    """
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<" in head[1:]:
        return True
    sample = text[:100_000]
    if not _HTML_MARKERS.search(sample):
        return False
    tags = len(_TAG.findall(sample))
    words = max(1, len(sample.split()))
    return tags >= 5 and tags / words > 0.02


def _control_ratio(text: str) -> float:
    sample = text[:100_000]
    if not sample:
        return 0.0
    controls = sum(
        1 for ch in sample if ch not in "\t\n\r\f\v" and unicodedata.category(ch) == "Cc"
    )
    return controls / len(sample)


def decode_text_bytes(data: bytes, what: str) -> str:
    """UTF-8 text from a file or stdin, or BinaryInput saying why not."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Windows "Unicode" text (Notepad, Word's plain-text export): its BOM says so, and
        # its NUL bytes would otherwise read as a binary file.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise BinaryInput(f"{what} starts like UTF-16 text but is not.") from None
    if b"\x00" in data[:1_000_000]:
        raise BinaryInput(f"{what} looks like a binary file, not text (it contains NUL bytes).")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise BinaryInput(
            f"{what} is not UTF-8 text (byte {err.start} cannot be read). "
            "Save it as UTF-8, or paste the article text."
        ) from None
    if _control_ratio(text) > _BINARY_CONTROL_RATIO:
        raise BinaryInput(f"{what} looks like a binary file, not text.")
    return text


def check_text(text: str, what: str, settings: Settings, *, is_html: bool = False) -> str:
    """Refuse empty input, and text over the text cap (HTML is bounded by the byte cap)."""
    if not text.strip():
        raise EmptyInput(f"{what} is empty: there is nothing to digest.")
    if not is_html and len(text) > settings.max_text_chars:
        raise InputTooLarge(
            f"{what} is too long ({len(text):,} characters; the limit is "
            f"{settings.max_text_chars:,}). Use just the article."
        )
    return text


def _read_capped(stream: BinaryIO, limit: int, what: str) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputTooLarge(f"{what} is larger than {limit:,} bytes, too large to digest.")
    return data


def _read_file(path: Path, limit: int) -> bytes:
    try:
        with path.open("rb") as handle:
            return _read_capped(handle, limit, f"The file {path.name}")
    except FileNotFoundError:
        raise InvalidSource(f"No such file: {path}.") from None
    except IsADirectoryError:
        raise InvalidSource(f"{path} is a directory, not a file.") from None
    except PermissionError:
        raise InvalidSource(f"Cannot read {path}: permission denied.") from None
    except OSError as err:  # a name too long, a file used as a folder, a loop of links...
        reason = (err.strerror or type(err).__name__).lower()
        raise InvalidSource(f"Cannot read {shown(str(path))}: {reason}.") from None


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # e.g. a pasted "URL" longer than any file name can be
        return False


def _is_url_like(source: str) -> str | None:
    """The scheme if ``source`` looks like a URL (not a Windows drive path), else None."""
    match = _SCHEME.match(source)
    if not match or (len(match.group(1)) == 1 and source[2:3] in {"\\", "/"}):
        return None
    return match.group(1).lower()


async def read_source(
    source: str, settings: Settings, *, session: aiohttp.ClientSession | None = None
) -> RawDocument:
    """Read a URL, a file (.html/.htm as HTML, anything else as text) or stdin (``-``)."""
    if source == STDIN:
        data = await asyncio.to_thread(
            _read_capped, sys.stdin.buffer, settings.fetch_max_bytes, "The input on stdin"
        )
        text = decode_text_bytes(data, "The input on stdin")
        is_html = looks_like_html(text)
        text = check_text(text, "The input", settings, is_html=is_html)
        return RawDocument(content=text, is_html=is_html, name=STDIN)

    scheme = _is_url_like(source)
    path = Path(source)
    if scheme in {"http", "https"}:
        raw = await fetch(source.strip(), settings, session=session)
        if raw.status != 304:
            check_text(raw.content, f"The page at {shown(source)}", settings, is_html=raw.is_html)
        return RawDocument(
            content=raw.content,
            is_html=raw.is_html,
            url=raw.url,
            name=source,
            etag=raw.etag,
            last_modified=raw.last_modified,
            status=raw.status,
        )
    if scheme is not None and not await asyncio.to_thread(_exists, path):
        raise InvalidSource(
            f"Newsdesk reads http(s) links, files and stdin, not {scheme}: links ({shown(source)})."
        )
    if not source.strip():
        raise InvalidSource("No source given: pass a URL, a file path or - for stdin.")
    data = await asyncio.to_thread(_read_file, path, settings.fetch_max_bytes)
    what = f"The file {path.name}"
    is_html = path.suffix.lower() in HTML_SUFFIXES
    text = check_text(decode_text_bytes(data, what), what, settings, is_html=is_html)
    return RawDocument(content=text, is_html=is_html, name=path.stem)
