"""Which address a story goes by.

A page's ``<link rel=canonical>`` / ``og:url`` is its author's claim. Believed across sites,
any page could pass itself off as another outlet's story: shown under that outlet's link
and filed (stories are keyed by canonical URL) as that story, so its later "updates" would
reach the real story's threads. So a claim is believed only on the site the page came from.
"""

from __future__ import annotations

from yarl import URL

# Subdomains that serve the same site's pages (AMP and mobile copies name the main page).
_SAME_SITE_PREFIXES = ("www.", "m.", "amp.", "mobile.")


def site_of(url: str) -> str | None:
    """The host a URL is on, without a www./m./amp./mobile. prefix; None if it has none."""
    try:
        host = (URL(url).host or "").lower().rstrip(".")
    except ValueError:
        return None
    for prefix in _SAME_SITE_PREFIXES:
        if host.startswith(prefix):
            return host[len(prefix) :]
    return host or None


def trusted_url(claimed: str | None, fetched: str) -> str:
    """``claimed`` when it is on the site ``fetched`` is on, else ``fetched``."""
    if claimed and site_of(claimed) is not None and site_of(claimed) == site_of(fetched):
        return claimed
    return fetched
