"""Keep untrusted URLs away from private networks (SSRF guard).

Every URL a reporter sends is untrusted. Addresses are checked after DNS
resolution, inside the aiohttp resolver the connection itself uses, so the
address that was checked is the address connected to: a DNS answer that changes
between a check and the connect (rebinding) cannot slip through. IP-literal hosts
never reach a resolver in aiohttp, so ``check_url`` checks those directly; the
fetcher calls it for the first URL and again on every redirect hop.

Any port is allowed: the address check is what keeps requests off internal services,
and every request is a plain GET with our own headers, so an odd port on a public
host (8080, 8443) is a real web server far more often than an attack.
"""

from __future__ import annotations

import ipaddress
import socket
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from yarl import URL

from bot.errors import BlockedAddress, InvalidSource
from config.settings import Settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

ALLOWED_SCHEMES = frozenset({"http", "https"})

# Not covered (or not reliably) by ``is_global`` in every Python version.
_EXTRA_BLOCKED: tuple[IPNetwork, ...] = tuple(
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",  # "this network"
        "100.64.0.0/10",  # carrier-grade NAT
        "192.0.0.0/24",  # IETF protocol assignments
        "198.18.0.0/15",  # benchmarking
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, and broadcast
        "64:ff9b:1::/48",  # local-use NAT64
        "3fff::/20",  # documentation (RFC 9637), newer than ipaddress's tables
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
        "fec0::/10",  # site-local: deprecated, yet some hosts still route it inside
        "ff00::/8",  # multicast
    )
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, NAT64, Teredo), if any."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    # IPv4-compatible (deprecated ::a.b.c.d), but not :: or ::1 themselves
    if int(ip) >> 32 == 0 and int(ip) > 1:
        return ipaddress.IPv4Address(int(ip))
    return None


def is_public_address(ip: IPAddress) -> bool:
    """True only for a globally routable unicast address (and what it embeds, if IPv6)."""
    inner = embedded_ipv4(ip)
    if inner is not None:  # the IPv6 wrapper is only a transport: judge the IPv4 it carries
        return is_public_address(inner)
    if (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    ):
        return False
    return not any(ip.version == net.version and ip in net for net in _EXTRA_BLOCKED)


def parse_ip(host: str) -> IPAddress | None:
    """The address if ``host`` is an IP literal (brackets and zone ids allowed), else None."""
    candidate = host.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(candidate)
    except ValueError:
        return None


def _looks_numeric(host: str) -> bool:
    # aiohttp's own test for "an IP address, do not resolve": such hosts skip our resolver.
    return ":" in host or host.replace(".", "").isdigit()


def legacy_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The address the OS connects to for a non-canonical IPv4 spelling, else None.

    ``2130706433``, ``127.1`` and ``0177.0.0.1`` all mean 127.0.0.1 to inet_aton (and so to
    getaddrinfo), though ``ipaddress`` rejects them.
    """
    if not host.replace(".", "").isdigit():
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Which addresses a fetch may connect to.

    ``allow`` names exceptions to the public-only rule (tests allow one loopback
    address, 127.0.0.1, and rely on the rest of 127/8 staying blocked).
    """

    allow_private: bool = False
    allow: tuple[IPNetwork, ...] = field(default=())

    @classmethod
    def from_settings(cls, settings: Settings) -> AddressPolicy:
        return cls(allow_private=settings.allow_private_urls)

    @classmethod
    def allowing(cls, *networks: str) -> AddressPolicy:
        return cls(allow=tuple(ipaddress.ip_network(n, strict=False) for n in networks))

    def permits(self, ip: IPAddress) -> bool:
        if self.allow_private or is_public_address(ip):
            return True
        return any(ip.version == net.version and ip in net for net in self.allow)

    def check(self, ip: IPAddress, host: str, *, resolved: bool = False) -> None:
        if not self.permits(ip):
            raise BlockedAddress(blocked_message(host, None if resolved else ip))

    def check_all(self, addresses: Iterable[IPAddress], host: str) -> None:
        """Check a name's DNS answers; the message does not say which address it had."""
        for ip in addresses:
            self.check(ip, host, resolved=True)


def blocked_message(host: str, ip: IPAddress | None) -> str:
    """Why ``host`` is refused. ``ip`` is shown only for what the person typed: naming the
    address an internal name resolves to would map the private network for anyone asking."""
    if ip is None:
        return (
            f"Newsdesk does not fetch {host}: the name points to a private, local or reserved "
            "network address, not a public web page."
        )
    where = host if host.strip("[]") == str(ip) else f"{host} ({ip})"
    return (
        f"Newsdesk does not fetch {where}: it is a private, local or reserved network address, "
        "not a public web page."
    )


def shown(url: str | URL, limit: int = 200) -> str:
    """``url`` for a message: a pasted 100 kB "link" must not become a 100 kB reply."""
    text = str(url)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_url(url: str | URL, policy: AddressPolicy) -> URL:
    """Validate scheme and host of one URL (one redirect hop); return it parsed.

    Hostnames are checked later, at connect time, by ``GuardedResolver``.
    """
    try:
        parsed = url if isinstance(url, URL) else URL(url)
    except (ValueError, TypeError):
        raise InvalidSource(f"{shown(url)} is not a valid web address.") from None
    scheme = (parsed.scheme or "").lower()
    if scheme not in ALLOWED_SCHEMES:
        what = f"{scheme}:" if scheme else "no scheme"
        raise InvalidSource(
            f"Only http and https links can be fetched, not {what} ({shown(url)})."
        )
    host = parsed.raw_host
    if not host:
        raise InvalidSource(f"{shown(url)} has no host name.")
    ip = parse_ip(host) or legacy_ipv4(host)
    if ip is not None:
        policy.check(ip, host)
    elif _looks_numeric(host):
        # aiohttp would connect to this "literal" without asking our resolver (older aiohttp
        # even to 2130706433 = 127.0.0.1), so what we cannot read as an address is refused.
        raise InvalidSource(f"{shown(url)} does not have a valid IP address as its host.")
    elif not valid_hostname(host):
        # getaddrinfo raises UnicodeError (not OSError) on these: a traceback, not a message.
        raise InvalidSource(f"{shown(url)} has a host name no web site can have.")
    return parsed


def valid_hostname(host: str) -> bool:
    """DNS limits: 253 characters, labels of 1 to 63 (one trailing dot allowed)."""
    name = host[:-1] if host.endswith(".") else host
    return 0 < len(name) <= 253 and all(0 < len(label) <= 63 for label in name.split("."))


class GuardedResolver(AbstractResolver):
    """Resolves like aiohttp's threaded resolver, then refuses any blocked address.

    If one of a name's addresses is blocked the whole name is refused, so a
    connection attempt can never fall through to it.
    """

    def __init__(self, policy: AddressPolicy, inner: AbstractResolver | None = None) -> None:
        self.policy = policy
        self._inner = inner or aiohttp.ThreadedResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        results = await self._inner.resolve(host, port, family)
        self.policy.check_all((ipaddress.ip_address(r["host"]) for r in results), host)
        return results

    async def close(self) -> None:
        await self._inner.close()


# Sessions built by make_session, with the policy their resolver enforces.
_GUARDED: weakref.WeakKeyDictionary[aiohttp.ClientSession, AddressPolicy] = (
    weakref.WeakKeyDictionary()
)


def make_session(
    settings: Settings,
    policy: AddressPolicy | None = None,
    *,
    dns: AbstractResolver | None = None,
    **kwargs: Any,
) -> aiohttp.ClientSession:
    """A ClientSession whose every connection goes through ``GuardedResolver``.

    Use one per batch of fetches (the CLI, the watcher) to share connections. ``dns``
    replaces the system resolver under the guard (tests give names fixed answers).
    """
    policy = policy or AddressPolicy.from_settings(settings)
    connector = aiohttp.TCPConnector(
        resolver=GuardedResolver(policy, dns),
        limit=settings.fetch_concurrency,
        limit_per_host=settings.fetch_per_host,
    )
    session = aiohttp.ClientSession(connector=connector, trust_env=False, **kwargs)
    _GUARDED[session] = policy
    return session


def session_policy(session: aiohttp.ClientSession) -> AddressPolicy | None:
    """The policy a session from ``make_session`` enforces; None for any other session."""
    return _GUARDED.get(session)
