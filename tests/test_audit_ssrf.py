"""Adversarial SSRF checks with NEWSDESK_ALLOW_PRIVATE_URLS unset.

Live servers listen on 127.0.0.1 only. "Public" is simulated the way the guard allows:
``AddressPolicy.allowing("127.0.0.1")`` treats that one loopback address as reachable, and
names get fixed DNS answers from ``FixedDNS`` under the real ``GuardedResolver``.
"""

from __future__ import annotations

import socket
from collections.abc import Mapping

import pytest
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.errors import BlockedAddress, FetchFailed, InvalidSource
from bot.fetch import fetch
from bot.netguard import AddressPolicy, GuardedResolver, check_url, make_session
from config.settings import Settings

DEFAULT = Settings()
PUBLIC_LOOPBACK = AddressPolicy.allowing("127.0.0.1")  # stands in for a public address


class FixedDNS(AbstractResolver):
    """A resolver with fixed answers: name -> addresses (what a hostile DNS could say)."""

    def __init__(self, answers: Mapping[str, list[str]]) -> None:
        self.answers = answers

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        if host not in self.answers:
            raise OSError(f"no such name {host}")
        return [
            ResolveResult(
                hostname=host,
                host=ip,
                port=port,
                family=socket.AF_INET6 if ":" in ip else socket.AF_INET,
                proto=0,
                flags=socket.AI_NUMERICHOST,
            )
            for ip in self.answers[host]
        ]

    async def close(self) -> None:
        return None


def _counting(hits: list[str]) -> web.Application:
    async def page(request: web.Request) -> web.Response:
        hits.append(request.path)
        return web.Response(
            text="<html><body><p>Internal admin page.</p></body></html>",
            content_type="text/html",
        )

    app = web.Application()
    app.router.add_get("/{tail:.*}", page)
    return app


async def _serve(app: web.Application, host: str = "127.0.0.1") -> tuple[web.AppRunner, int]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, 0)
    await site.start()
    return runner, site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]


# --- IP spellings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "meant"),
    [
        ("http://2130706433/", "127.0.0.1"),  # decimal
        ("http://127.1/", "127.0.0.1"),  # short form
        ("http://0177.0.0.1/", "127.0.0.1"),  # octal
        ("http://017700000001/", "127.0.0.1"),  # octal, one number
        ("http://0/", "0.0.0.0"),
        ("http://167772161/admin", "10.0.0.1"),
        ("http://2852039166/latest/meta-data/", "169.254.169.254"),  # cloud metadata
    ],
)
def test_numeric_ipv4_spellings_are_read_as_the_os_reads_them(url: str, meant: str) -> None:
    # aiohttp takes any digits-and-dots host as an IP literal and skips our resolver.
    with pytest.raises(BlockedAddress, match=rf"\({meant}\)"):
        check_url(url, AddressPolicy())


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1./", "http://1.2.3.4.5/", "http://[::ffff:127.1]/", "http://[1:2]/"]
)
def test_numeric_hosts_no_parser_agrees_on_are_refused(url: str) -> None:
    with pytest.raises(InvalidSource, match="valid IP address"):
        check_url(url, AddressPolicy())


def test_a_public_numeric_spelling_is_not_blocked() -> None:
    assert check_url("http://134744072/", AddressPolicy()).raw_host == "134744072"  # 8.8.8.8


@pytest.mark.parametrize(
    "url",
    [
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:7f00:1]/",
        "http://[::127.0.0.1]/",  # IPv4-compatible
        "http://[64:ff9b::7f00:1]/",  # NAT64
        "http://[2002:7f00:1::]/",  # 6to4
        "http://[::1]/",
        "http://[::1%25lo]/",
        "http://[fe80::1%25eth0]/",
        "http://[fd00::1]/",  # unique local
        "http://[fec0::1]/",  # site-local (deprecated, still routed inside some networks)
        "http://[3fff::1]/",  # documentation, RFC 9637
        "http://[::]/",
        "http://0.0.0.0/",
        "http://evil@127.0.0.1/",  # userinfo is not the host
        "http://user:pw@10.0.0.1:8080/",
        "http://１２７.0.0.1/",  # fullwidth digits, normalised by yarl
    ],
)
def test_loopback_private_and_wrapped_literals_are_blocked(url: str) -> None:
    with pytest.raises(BlockedAddress):
        check_url(url, AddressPolicy())


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.com/story",
        "gopher://example.com:70/_x",
        "data:text/html,<p>hi</p>",
        "javascript:alert(1)",
        "dict://127.0.0.1:11211/",
    ],
)
def test_other_schemes_are_refused(url: str) -> None:
    with pytest.raises(InvalidSource, match="Only http and https"):
        check_url(url, AddressPolicy())


def test_a_huge_url_gives_a_short_message() -> None:
    url = "ftp://example.com/" + "a" * 100_000
    with pytest.raises(InvalidSource) as info:
        check_url(url, AddressPolicy())
    assert len(str(info.value)) < 400


async def test_numeric_loopback_spelling_never_reaches_the_server() -> None:
    hits: list[str] = []
    runner, port = await _serve(_counting(hits))
    try:
        for host in ("2130706433", "127.1", "0177.0.0.1"):
            with pytest.raises(BlockedAddress, match=r"127\.0\.0\.1"):
                await fetch(f"http://{host}:{port}/admin", DEFAULT)
    finally:
        await runner.cleanup()
    assert hits == []


# --- names and DNS --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["localhost", "localhost.", "LOCALHOST"])
async def test_localhost_names_are_blocked_at_resolution(name: str) -> None:
    resolver = GuardedResolver(AddressPolicy())
    try:
        with pytest.raises((BlockedAddress, OSError)):
            await resolver.resolve(name, 80)
    finally:
        await resolver.close()


async def test_a_name_with_one_private_answer_is_refused_whole() -> None:
    dns = FixedDNS({"mixed.test": ["127.0.0.1", "127.0.0.2"], "ok.test": ["127.0.0.1"]})
    resolver = GuardedResolver(PUBLIC_LOOPBACK, dns)
    with pytest.raises(BlockedAddress, match=r"mixed\.test"):
        await resolver.resolve("mixed.test", 80)
    assert [r["host"] for r in await resolver.resolve("ok.test", 80)] == ["127.0.0.1"]


async def test_the_refusal_does_not_reveal_what_an_internal_name_resolves_to() -> None:
    resolver = GuardedResolver(AddressPolicy(), FixedDNS({"intranet.test": ["10.20.30.40"]}))
    with pytest.raises(BlockedAddress) as info:
        await resolver.resolve("intranet.test", 80)
    message = str(info.value)
    assert "intranet.test" in message and "private" in message
    assert "10.20.30.40" not in message  # asking must not map the private network


async def test_redirect_from_a_public_name_to_a_private_name_is_refused() -> None:
    hits: list[str] = []
    runner, port = await _serve(_counting(hits))

    async def bounce(request: web.Request) -> web.Response:
        hits.append(request.path)
        raise web.HTTPFound(f"http://internal.test:{port}/secret")

    app = web.Application()
    app.router.add_get("/go", bounce)
    bounce_runner, bounce_port = await _serve(app)
    dns = FixedDNS({"news.test": ["127.0.0.1"], "internal.test": ["127.0.0.2"]})
    try:
        async with make_session(DEFAULT, PUBLIC_LOOPBACK, dns=dns) as session:
            with pytest.raises(BlockedAddress, match=r"internal\.test"):
                await fetch(
                    f"http://news.test:{bounce_port}/go",
                    DEFAULT,
                    session=session,
                    policy=PUBLIC_LOOPBACK,
                )
    finally:
        await bounce_runner.cleanup()
        await runner.cleanup()
    assert hits == ["/go"]  # the public hop was fetched, the private one never


async def test_redirect_to_a_numeric_spelling_of_loopback_is_refused() -> None:
    hits: list[str] = []
    runner, port = await _serve(_counting(hits), host="127.0.0.2")

    async def bounce(_request: web.Request) -> web.Response:
        raise web.HTTPFound(f"http://2130706434:{port}/secret")  # 127.0.0.2

    app = web.Application()
    app.router.add_get("/go", bounce)
    bounce_runner, bounce_port = await _serve(app)
    try:
        with pytest.raises(BlockedAddress, match=r"2130706434 \(127\.0\.0\.2\)"):
            await fetch(f"http://127.0.0.1:{bounce_port}/go", DEFAULT, policy=PUBLIC_LOOPBACK)
    finally:
        await bounce_runner.cleanup()
        await runner.cleanup()
    assert hits == []


async def test_redirect_to_another_scheme_is_refused() -> None:
    async def bounce(_request: web.Request) -> web.Response:
        raise web.HTTPFound("file:///etc/passwd")

    app = web.Application()
    app.router.add_get("/go", bounce)
    runner, port = await _serve(app)
    try:
        with pytest.raises(InvalidSource, match="Only http and https"):
            await fetch(f"http://127.0.0.1:{port}/go", DEFAULT, policy=PUBLIC_LOOPBACK)
    finally:
        await runner.cleanup()


async def test_an_odd_port_on_a_public_address_is_fetched() -> None:
    # Ports are not restricted (see bot.netguard): the ephemeral port here is "odd".
    hits: list[str] = []
    runner, port = await _serve(_counting(hits))
    try:
        raw = await fetch(f"http://127.0.0.1:{port}/story", DEFAULT, policy=PUBLIC_LOOPBACK)
    finally:
        await runner.cleanup()
    assert raw.status == 200 and hits == ["/story"]


async def test_unresolvable_name_is_a_clean_failure() -> None:
    async with make_session(DEFAULT, PUBLIC_LOOPBACK, dns=FixedDNS({})) as session:
        with pytest.raises(FetchFailed):
            await fetch("http://nowhere.test/", DEFAULT, session=session, policy=PUBLIC_LOOPBACK)
