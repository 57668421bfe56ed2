"""The outlet of an HTML page where its site-name field is missing or is no name: the name
its <title> gives after the headline, its meta tags where the parser met them in the body, a
phrase or a host in the field. Made-up pages."""

from __future__ import annotations

import lxml.html
import pytest

from bot.html_meta import read_metadata
from bot.model import SourceMeta

_STORY = (
    "<h1>Ferry terminal to close</h1><p>The harbour board voted on Monday to close the old "
    "ferry terminal in March, after a survey found its pier unsafe.</p>"
)


def _meta(head: str, body: str = _STORY, url: str | None = None) -> SourceMeta:
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    return read_metadata(lxml.html.fromstring(page), url)


@pytest.mark.parametrize(
    ("head", "outlet"),
    [
        # only the app's name and the Twitter account: the <title> names the paper
        (
            '<title>Ferry terminal to close - The Harbour Times</title>'
            '<meta property="og:title" content="Ferry terminal to close">'
            '<meta name="twitter:app:name:googleplay" content="HTimes">',
            "The Harbour Times",
        ),
        (
            '<title>Ferry terminal to close | Harbour Post</title>'
            '<meta name="twitter:site" content="@hpost_">',
            "Harbour Post",
        ),
        # no site name at all: the <title>'s, before or after the headline
        ("<title>The Quay Review: Ferry terminal to close</title>", "The Quay Review"),
        ("<title>Ferry terminal to close – Harbour Media Works</title>", "Harbour Media Works"),
        # a <title> whose other part is a phrase, not a name, gives none
        ("<title>Ferry terminal to close - the best news about boats and the sea</title>", None),
        # the page's own site name beats its <title>'s
        (
            '<title>Ferry terminal to close - HT Online</title>'
            '<meta property="og:site_name" content="The Harbour Times">'
            '<meta property="og:title" content="Ferry terminal to close">',
            "The Harbour Times",
        ),
    ],
)
def test_the_titles_site_name_where_the_page_has_no_better(head: str, outlet: str | None) -> None:
    assert _meta(head).outlet == outlet


def test_meta_tags_the_parser_put_in_the_body_are_read() -> None:
    # a <div> in the <head> ends it: the meta tags after it land in <body>
    head = (
        '<div class="ad-slot"></div>'
        '<meta property="og:site_name" content="Harbour Post">'
        '<meta property="og:url" content="https://harbourpost.example/ferry">'
        '<meta property="og:description" content="Share this on WhatsApp">'
    )
    meta = _meta(head)
    assert meta.outlet == "Harbour Post"
    assert meta.url == "https://harbourpost.example/ferry"
    assert meta.standfirst is None  # a share widget's text, often


def test_a_phrase_or_a_host_in_the_site_name_field() -> None:
    slogan = '<meta property="og:site_name" content="news about boats and the sea">'
    assert _meta(slogan, url="https://www.harbourpost.example/a").outlet == "Harbourpost"
    host = '<meta property="og:site_name" content="www.harbourpost.ru">'
    assert _meta(host).outlet == "harbourpost.ru"


def test_a_title_field_holding_the_sites_name_gives_way_to_the_heading() -> None:
    head = (
        '<title>Ferry terminal to close - Harbour Post</title>'
        '<meta property="og:site_name" content="Harbour Post">'
        '<meta property="og:title" content="Harbour Post">'
    )
    meta = _meta(head)
    assert meta.outlet == "Harbour Post"
    assert meta.title == "Ferry terminal to close"
