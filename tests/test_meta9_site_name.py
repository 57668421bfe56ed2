"""The HTML path's outlet: the brand the page's og:site_name gives, over the company its
JSON-LD names as publisher."""

from __future__ import annotations

import json

import lxml.html
import pytest

from bot.html_meta import read_metadata


def _outlet(og_site: str, publisher: str, url: str = "https://www.harbourline.com/a/b") -> str:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Ferry fares rise in April",
        "publisher": {"@type": "Organization", "name": publisher},
    }
    html = (
        "<html><head>"
        '<meta property="og:title" content="Ferry fares rise in April">'
        f'<meta property="og:site_name" content="{og_site}">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        "</head><body><p>Fares rise by five percent.</p></body></html>"
    )
    outlet = read_metadata(lxml.html.fromstring(html), url).outlet
    assert outlet is not None
    return outlet


@pytest.mark.parametrize("company", ["Harbourline Media", "Harbourline Media Group, Inc."])
def test_the_brand_named_as_the_domain_beats_its_company(company: str) -> None:
    assert _outlet("Harbourline", company) == "Harbourline"


@pytest.mark.parametrize(
    ("og_site", "publisher", "outlet"),
    [
        # the publisher spells the domain's name as well: its spelling stands
        ("Harbourline", "Harbourline.com", "Harbourline.com"),
        # an og:site_name that is not the domain's name exactly gives no reason to doubt
        ("Harbour", "Harbourline Media", "Harbourline Media"),
    ],
)
def test_the_publisher_stays_otherwise(og_site: str, publisher: str, outlet: str) -> None:
    assert _outlet(og_site, publisher) == outlet
