"""Fetch one web page, carefully: every URL is untrusted.

Redirects are followed by hand (each hop re-checked by the network guard), the
body is streamed under a byte cap, only HTML and plain text are accepted, and the
text is decoded from the HTTP charset, then ``<meta charset>``, then UTF-8.
"""

from __future__ import annotations

import asyncio
import codecs
import re
from contextlib import AsyncExitStack

import aiohttp
from multidict import CIMultiDictProxy
from yarl import URL

from bot.errors import (
    BlockedAddress,
    FetchFailed,
    InputTooLarge,
    InvalidSource,
    UnsupportedContent,
)
from bot.model import RawDocument
from bot.netguard import AddressPolicy, check_url, make_session, session_policy, shown
from config.settings import Settings

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
# "Some bytes" or no type at all: the body decides (HTML is read; anything else refused).
SNIFFED_TYPES = frozenset({"", "application/octet-stream"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
_SNIFF_BYTES = 4096  # where <meta charset> must appear, per the HTML spec (1024) with slack

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
# Browsers read these labels as windows-1252, and so do pages that declare them.
_WINDOWS_1252_ALIASES = frozenset(
    {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"}
)

# What a body really is when its Content-Type says text: servers mislabel files.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"PK\x03\x04", "application/zip"),  # also .docx, .xlsx, .epub
    (b"\x1f\x8b", "application/gzip"),
    (b"\xd0\xcf\x11\xe0", "application/msword"),  # OLE: .doc, .xls
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)

_TYPE_NAMES = {
    "application/pdf": "a PDF",
    "application/json": "JSON data",
    "application/zip": "a ZIP archive",
    "application/octet-stream": "a binary file",
    "application/msword": "a Word document",
    "application/gzip": "a compressed file",
}


def describe_type(content_type: str) -> str:
    """A reporter-friendly name for a MIME type ("a PDF", "an image (image/png)")."""
    if content_type in _TYPE_NAMES:
        return f"{_TYPE_NAMES[content_type]} ({content_type})"
    major = content_type.split("/", 1)[0]
    if major in {"image", "video", "audio"}:
        article = "an" if major in {"image", "audio"} else "a"
        return f"{article} {major} ({content_type})"
    return f"a {content_type} file" if content_type else "a file of unknown type"


# The encodings of the web (WHATWG Encoding Standard) that Python has. A page's label picks
# among these only: Python also answers to "zlib", "base64", "unicode_escape", "idna" or
# "undefined", which crash bytes.decode or rewrite the text.
_WEB_CODECS = frozenset(
    codecs.lookup(name).name
    for name in (
        "utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp866", "iso8859-2", "iso8859-3",
        "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8", "iso8859-10",
        "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "koi8-r", "koi8-u", "mac-roman",
        "mac-cyrillic", "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255",
        "cp1256", "cp1257", "cp1258", "gbk", "gb2312", "gb18030", "big5", "big5hkscs", "euc-jp",
        "iso2022-jp", "shift-jis", "cp932", "euc-kr", "cp949", "tis-620",
    )
)


def _codec(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None if unknown or not a web encoding."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252_ALIASES:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return name if name in _WEB_CODECS else None


def binary_type(body: bytes, header_charset: str | None) -> str | None:
    """The MIME type of a body that is not text whatever its label says, else None."""
    for magic, mime in _MAGIC:
        if body.startswith(magic):
            return mime
    head = body[:_SNIFF_BYTES]
    utf16 = head.startswith(_UTF16_BOMS) or (_codec(header_charset) or "").startswith("utf-16")
    # Binary formats are full of NULs; a broken CMS may leave one or two in a real page.
    if not utf16 and head.count(b"\x00") > max(2, len(head) // 100):
        return "application/octet-stream"
    return None


def _mislabelled_utf8(body: bytes) -> bool:
    """Declared UTF-8 but written in a legacy encoding: more broken sequences than good ones.

    A UTF-8 page with one stray byte stays UTF-8 (one "?"); a windows-1252 page labelled
    UTF-8 would otherwise lose every accented letter of every name in it.
    """
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        broken = body.decode("utf-8", "replace").count("\ufffd")
        return broken > len(_UTF8_SEQUENCE.findall(body))
    return False


def meta_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head[:_SNIFF_BYTES])
    return match.group(1).decode("ascii", "replace") if match else None


def decode_body(body: bytes, header_charset: str | None, is_html: bool) -> str:
    """Decode with the BOM, else the HTTP charset, else <meta charset>, else UTF-8; never fail."""
    if body.startswith(codecs.BOM_UTF8):
        return body[len(codecs.BOM_UTF8) :].decode("utf-8", "replace")
    # A byte order mark outranks any label (HTML spec), UTF-16's included.
    if body.startswith(codecs.BOM_UTF16_LE):
        return body[2:].decode("utf-16-le", "replace")
    if body.startswith(codecs.BOM_UTF16_BE):
        return body[2:].decode("utf-16-be", "replace")
    declared = _codec(header_charset) or (_codec(meta_charset(body)) if is_html else None)
    # A UTF-16 declaration inside an ASCII-readable page is a lie (HTML spec): ignore it.
    if declared and declared.startswith("utf-16") and not header_charset:
        declared = None
    if declared == "utf-8" and _mislabelled_utf8(body):
        declared = "cp1252"
    if declared:
        return body.decode(declared, "replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        # Undeclared and not UTF-8: most such pages are windows-1252, which decodes any byte.
        return body.decode("cp1252", "replace")


def _content_type(headers: CIMultiDictProxy[str]) -> tuple[str, str | None]:
    raw = headers.get("Content-Type", "")
    mime, _, params = raw.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return mime.strip().lower(), charset


def _too_large(url: URL, limit: int) -> InputTooLarge:
    return InputTooLarge(
        f"The page at {shown(url.host or url)} is larger than {limit:,} bytes, too large to "
        "digest. Paste the article text instead."
    )


async def _read_capped(response: aiohttp.ClientResponse, limit: int, url: URL) -> bytes:
    length = response.content_length
    if length is not None and length > limit:
        raise _too_large(url, limit)  # the server told us: no need to read a byte
    chunks: list[bytes] = []
    total = 0
    async for chunk in response.content.iter_chunked(_CHUNK):
        total += len(chunk)
        if total > limit:
            raise _too_large(url, limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _status_message(status: int, url: URL) -> str:
    host = url.host or str(url)
    known = {
        401: "needs a login",
        403: "refused access (it may block automated readers)",
        404: "was not found",
        410: "is gone (the page was removed)",
        429: "is rate-limiting us; try again in a few minutes",
    }
    if status in known:
        what = known[status]
    elif status >= 500:
        what = "had a server error on the site's side"
    else:
        what = "could not be fetched"
    return f"The page at {host} {what} (HTTP {status})."


def _redirect_target(response: aiohttp.ClientResponse, current: URL) -> URL:
    location = response.headers.get("Location")
    if not location:
        raise FetchFailed(
            f"{current.host} answered with a redirect (HTTP {response.status}) but no "
            "address to go to.",
            status=response.status,
        )
    try:
        return current.join(URL(location))
    except ValueError:
        raise FetchFailed(f"{current.host} redirected to an invalid address.") from None


async def _fetch_with(
    session: aiohttp.ClientSession,
    url: str,
    settings: Settings,
    policy: AddressPolicy,
    etag: str | None,
    last_modified: str | None,
    hops: list[str],
) -> RawDocument:
    """Fetch, following redirects; ``hops`` records each URL tried, for error messages."""
    headers = {
        "User-Agent": settings.user_agent,
        "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    timeout = aiohttp.ClientTimeout(
        total=None,  # the whole redirect chain shares one deadline, set by the caller
        sock_connect=settings.fetch_connect_timeout,
        connect=settings.fetch_connect_timeout,
    )
    current = check_url(url, policy)
    seen = {str(current)}
    for _hop in range(settings.fetch_max_redirects + 1):
        hops.append(str(current))
        async with session.get(
            current, headers=headers, allow_redirects=False, timeout=timeout
        ) as response:
            status = response.status
            if status in REDIRECT_STATUSES:
                target = _redirect_target(response, current)
                if str(target) in seen:
                    raise FetchFailed(
                        f"{current.host} sends the request round in a redirect loop.",
                        status=status,
                    )
                seen.add(str(target))
                current = check_url(target, policy)
                continue
            resp_etag = response.headers.get("ETag")
            resp_modified = response.headers.get("Last-Modified")
            if status == 304:
                if not (etag or last_modified):  # "not modified" since nothing: no page at all
                    raise FetchFailed(_status_message(status, current), status=status)
                return RawDocument(
                    content="",
                    is_html=False,
                    url=str(current),
                    etag=resp_etag or etag,
                    last_modified=resp_modified or last_modified,
                    status=304,
                )
            if status >= 400 or status < 200:
                raise FetchFailed(_status_message(status, current), status=status)
            mime, charset = _content_type(response.headers)
            sniffed = mime in SNIFFED_TYPES
            if not sniffed and mime not in HTML_TYPES and mime not in TEXT_TYPES:
                raise _unsupported(mime)
            length = response.content_length
            if mime and sniffed and length is not None and length > settings.fetch_max_bytes:
                raise _unsupported(mime)  # a big unlabelled download: not worth reading
            body = await _read_capped(response, settings.fetch_max_bytes, current)
            # Labels lie both ways: a PDF sent as text/html, a page sent as octet-stream.
            real = binary_type(body, charset)
            if real is not None:
                raise _unsupported(real)
            is_html = mime in HTML_TYPES or (sniffed and _sniff_html(body))
            if mime and sniffed and not is_html:
                raise _unsupported(mime)
            return RawDocument(
                content=decode_body(body, charset, is_html),
                is_html=is_html,
                url=str(current),
                etag=resp_etag,
                last_modified=resp_modified,
                status=status,
            )
    raise FetchFailed(
        f"The page redirected more than {settings.fetch_max_redirects} times; giving up."
    )


def _unsupported(mime: str) -> UnsupportedContent:
    return UnsupportedContent(
        f"The link points to {describe_type(mime)}, not a web page. "
        "Newsdesk reads HTML pages and plain text; paste the article text instead."
    )


def _sniff_html(body: bytes) -> bool:
    head = body[:_SNIFF_BYTES].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


async def fetch(
    url: str,
    settings: Settings,
    *,
    session: aiohttp.ClientSession | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    policy: AddressPolicy | None = None,
) -> RawDocument:
    """Fetch ``url`` as decoded text; a 304 (when etag/last_modified were sent) has no content.

    ``session`` should come from ``bot.netguard.make_session`` (connections are then
    pinned to checked addresses). Any other session is not used for untrusted URLs
    unless private addresses are allowed: a guarded session is made for the call.
    ``policy`` overrides the settings' address policy (tests allow one loopback address).
    """
    policy = policy or AddressPolicy.from_settings(settings)
    async with AsyncExitStack() as stack:
        usable = session is not None and (
            policy.allow_private or session_policy(session) == policy
        )
        if not usable:
            session = await stack.enter_async_context(make_session(settings, policy))
        assert session is not None
        hops: list[str] = []
        try:
            async with asyncio.timeout(settings.fetch_total_timeout or None):
                return await _fetch_with(
                    session, url, settings, policy, etag, last_modified, hops
                )
        except aiohttp.ConnectionTimeoutError:
            where = hops[-1] if hops else url  # after a redirect, the site that failed
            raise FetchFailed(
                f"Connecting to {_host(where)} timed out after "
                f"{settings.fetch_connect_timeout:g} seconds."
            ) from None
        except TimeoutError:
            raise FetchFailed(
                f"Fetching {_host(hops[-1] if hops else url)} timed out after "
                f"{settings.fetch_total_timeout:g} seconds."
            ) from None
        except (BlockedAddress, InvalidSource, FetchFailed, UnsupportedContent, InputTooLarge):
            raise
        except aiohttp.ClientConnectorDNSError:
            raise FetchFailed(
                f"Could not find the site {_host(hops[-1] if hops else url)}: "
                "its name does not resolve."
            ) from None
        except aiohttp.ClientConnectorError as err:
            raise FetchFailed(f"Could not connect to {err.host}.") from None
        except aiohttp.TooManyRedirects:
            raise FetchFailed("The page redirected too many times; giving up.") from None
        except aiohttp.InvalidURL:
            raise InvalidSource(
                f"{shown(hops[-1] if hops else url)} is not a valid web address."
            ) from None
        except (aiohttp.ClientPayloadError, aiohttp.ServerDisconnectedError):
            raise FetchFailed(
                f"{_host(hops[-1] if hops else url)} closed the connection before sending "
                "the whole page."
            ) from None
        except aiohttp.ClientError as err:
            raise FetchFailed(
                f"Fetching {_host(hops[-1] if hops else url)} failed ({type(err).__name__})."
            ) from None
    raise AssertionError("unreachable")  # pragma: no cover


def _host(url: str) -> str:
    try:
        return shown(URL(url).host or url)
    except ValueError:
        return shown(url)
