"""The SSRF guard: address classification, URL checks, the resolver, redirect hops.

Non-loopback addresses are only classified, never contacted: the guard is
exercised against live servers on 127.0.0.1 / 127.0.0.2 only.
"""

from __future__ import annotations

import ipaddress

import pytest
from aiohttp import web

from bot.errors import BlockedAddress, InvalidSource
from bot.fetch import fetch
from bot.netguard import (
    AddressPolicy,
    GuardedResolver,
    check_url,
    is_public_address,
    make_session,
    session_policy,
)
from config.settings import Settings
from tests.pages import ARTICLE_HTML, serve

DEFAULT = Settings()


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.0.0.2",
        "::1",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",
        "::",
        "224.0.0.1",
        "255.255.255.255",
        "240.0.0.1",
        "198.18.0.1",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:127.0.0.1",  # IPv4-mapped loopback
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "2002:a00:1::",  # 6to4 of 10.0.0.1
    ],
)
def test_private_and_reserved_addresses_are_blocked(address: str) -> None:
    ip = ipaddress.ip_address(address)
    assert not is_public_address(ip)
    with pytest.raises(BlockedAddress, match="private, local or reserved"):
        AddressPolicy().check(ip, address)


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]
)
def test_public_addresses_are_allowed(address: str) -> None:
    assert is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "https://[::ffff:7f00:1]:8443/x",
        "http://127.0.0.1:9/",
        "http://100.64.0.1/",
    ],
)
def test_check_url_refuses_ip_literals_without_connecting(url: str) -> None:
    with pytest.raises(BlockedAddress):
        check_url(url, AddressPolicy())


@pytest.mark.parametrize(
    "url", ["ftp://example.com/a", "file:///etc/passwd", "javascript:alert(1)", "http:///nohost"]
)
def test_check_url_refuses_other_schemes_and_hostless(url: str) -> None:
    with pytest.raises(InvalidSource):
        check_url(url, AddressPolicy())


def test_allow_private_and_exceptions() -> None:
    loop1 = ipaddress.ip_address("127.0.0.1")
    loop2 = ipaddress.ip_address("127.0.0.2")
    assert AddressPolicy(allow_private=True).permits(loop2)
    one = AddressPolicy.allowing("127.0.0.1")
    assert one.permits(loop1)
    assert not one.permits(loop2)
    assert AddressPolicy.from_settings(Settings(allow_private_urls=True)).allow_private
    assert not AddressPolicy.from_settings(DEFAULT).allow_private


async def test_resolver_refuses_a_name_resolving_to_loopback() -> None:
    resolver = GuardedResolver(AddressPolicy())
    try:
        with pytest.raises(BlockedAddress, match="localhost"):
            await resolver.resolve("localhost", 80)
    finally:
        await resolver.close()
    permissive = GuardedResolver(AddressPolicy(allow_private=True))
    try:
        results = await permissive.resolve("localhost", 80)
        assert results and all(ipaddress.ip_address(r["host"]).is_loopback for r in results)
    finally:
        await permissive.close()


def _counting_app(hits: list[str]) -> web.Application:
    async def page(request: web.Request) -> web.Response:
        hits.append(request.path)
        return web.Response(text=ARTICLE_HTML, content_type="text/html")

    app = web.Application()
    app.router.add_get("/{tail:.*}", page)
    return app


async def test_default_settings_refuse_loopback_literal_and_name() -> None:
    hits: list[str] = []
    async with serve(_counting_app(hits)) as base:
        port = base.rsplit(":", 1)[1]
        with pytest.raises(BlockedAddress):
            await fetch(f"{base}/story", DEFAULT)
        with pytest.raises(BlockedAddress, match="localhost"):
            await fetch(f"http://localhost:{port}/story", DEFAULT)
        with pytest.raises(BlockedAddress):
            await fetch(f"http://[::1]:{port}/story", DEFAULT)
        # an unguarded session passed in is not used to reach a private address
        async with make_session(Settings(allow_private_urls=True)) as permissive:
            with pytest.raises(BlockedAddress):
                await fetch(f"http://localhost:{port}/story", DEFAULT, session=permissive)
        # and the same server is reachable when private URLs are allowed
        raw = await fetch(f"http://localhost:{port}/story", Settings(allow_private_urls=True))
        assert raw.status == 200
    assert hits == ["/story"]


async def test_redirect_hop_to_a_blocked_address_is_refused() -> None:
    target_hits: list[str] = []
    async with serve(_counting_app(target_hits), host="127.0.0.2") as blocked_base:

        async def bounce(_request: web.Request) -> web.Response:
            raise web.HTTPFound(f"{blocked_base}/secret")

        async with serve({"/go": bounce}) as base:
            only_first = AddressPolicy.allowing("127.0.0.1")
            with pytest.raises(BlockedAddress, match=r"127\.0\.0\.2"):
                await fetch(f"{base}/go", DEFAULT, policy=only_first)
            assert target_hits == []
            # control: with both addresses allowed, the same redirect is followed
            both = AddressPolicy.allowing("127.0.0.1", "127.0.0.2")
            raw = await fetch(f"{base}/go", DEFAULT, policy=both)
            assert raw.url == f"{blocked_base}/secret"
            assert target_hits == ["/secret"]


async def test_make_session_records_its_policy() -> None:
    policy = AddressPolicy.allowing("127.0.0.1")
    async with make_session(DEFAULT, policy) as session:
        assert session_policy(session) == policy
        hits: list[str] = []
        async with serve(_counting_app(hits)) as base:
            raw = await fetch(f"{base}/a", DEFAULT, session=session, policy=policy)
            assert raw.status == 200 and hits == ["/a"]
