"""Page metadata: the one-pass meta-tag reader and the raw JSON-LD parse agree with trafilatura."""

from __future__ import annotations

import json

import lxml.html
import pytest
from trafilatura.metadata import examine_meta, extract_meta_json

from bot.html_meta import read_json_ld, read_meta_tags, read_metadata
from tests.pages import ARTICLE_HTML, HARBOR_PARAGRAPHS, article_page

_FIELDS = ("title", "author", "url", "sitename", "description")

_NEWS_LD = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Ferry fares rise &amp; timetables <em>change</em>",
    "author": [
        {"@type": "Person", "name": "Jane Rivera"},
        {"@type": "Person", "name": "Tom Okoro"},
    ],
    "publisher": {"@type": "Organization", "name": "The Harbor Tribune"},
    "datePublished": "2024-03-05T08:30:00Z",
    "articleBody": "Ferry fares will rise by\\n five percent from April.",
}


def _page(head: str, body: str = "<p>Story text.</p>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


HEADS = {
    "opengraph first": '<meta name="title" content="Meta title">'
    '<meta property="og:title" content="OG title">'
    '<meta property="og:site_name" content="Harbor Tribune">'
    '<meta property="og:url" content="https://harbor.example/a">'
    '<meta property="og:description" content="What happened at the port.">',
    "authors accumulate": '<meta property="og:author" content="Jane Rivera">'
    '<meta name="author" content="Tom Okoro">'
    '<meta property="article:author" content="https://harbor.example/staff/okoro">'
    '<meta name="byl" content="By Maria Okafor">',
    "fallbacks": '<meta name="twitter:site" content="@harbortrib">'
    '<meta name="twitter:url" content="https://harbor.example/b">'
    '<meta itemprop="headline" content="Itemprop headline">'
    '<meta itemprop="description" content="Itemprop description">'
    '<meta name="description" content="  <b>Bold</b> description ">'
    '<meta name="keywords" content="port, strike">',
    "publisher property": '<meta property="article:publisher" content="Harbor Media">'
    '<meta name="dc.title" content="DC title"><meta charset="utf-8">',
    "json-ld": f'<script type="application/ld+json">{json.dumps(_NEWS_LD)}</script>',
    "json-ld graph": '<script type="application/ld+json">{"@context": "https://schema.org", '
    '"@graph": [{"@type": "WebSite", "name": "Harbor"}, {"@type": "Article", '
    '"headline": "Graph headline", "author": {"name": "Jane Rivera"}}]}</script>'
    '<meta property="og:site_name" content="The Harbor Tribune">',
    "broken json-ld": '<script type="application/ld+json">{"@type": "NewsArticle", '
    '"author": {"@type": "Person", "name": "Jane Rivera"},}</script>',
}


def _ours(page: str) -> tuple[str | None, ...]:
    tree = lxml.html.fromstring(page)
    doc = read_json_ld(tree, read_meta_tags(tree))
    return tuple(getattr(doc, f) for f in _FIELDS)


def _trafilatura(page: str) -> tuple[str | None, ...]:
    tree = lxml.html.fromstring(page)
    doc = extract_meta_json(tree, examine_meta(tree))
    return tuple(getattr(doc, f) for f in _FIELDS)


@pytest.mark.parametrize("head", HEADS.values(), ids=HEADS.keys())
def test_same_fields_as_trafilaturas_readers(head: str) -> None:
    page = _page(head)
    assert _ours(page) == _trafilatura(page)


def test_json_ld_values_lose_markup_and_entities() -> None:
    title, author, _, sitename, _ = _ours(_page(HEADS["json-ld"]))
    assert title == "Ferry fares rise & timetables change"
    assert author == "Jane Rivera; Tom Okoro"
    assert sitename == "The Harbor Tribune"


def test_unparseable_json_ld_still_gives_the_author() -> None:
    assert _ours(_page(HEADS["broken json-ld"]))[1] == "Jane Rivera"


def test_read_metadata_builds_the_source_meta() -> None:
    tree = lxml.html.fromstring(ARTICLE_HTML)
    meta = read_metadata(tree, "https://harbor-tribune.example/amp/port-strike")
    assert meta.title == "Dock workers strike at Westhaven port"
    assert meta.byline == ("Jane Rivera",)
    assert meta.published == "2024-03-05"
    assert meta.outlet == "The Harbor Tribune"
    assert meta.url == "https://harbor-tribune.example/news/port-strike"


def test_a_single_word_author_is_no_byline() -> None:
    page = article_page("Port strike", HARBOR_PARAGRAPHS, author="harbortrib")
    assert read_metadata(lxml.html.fromstring(page), None).byline == ()


@pytest.mark.parametrize(
    "markup",
    [
        '<a rel="author" href="/staff/rivera">Jane Rivera</a>',
        '<span itemprop="author">Jane Rivera</span>',
        '<div id="post-author-box">Jane Rivera</div>',
        '<p class="article-Byline">Jane Rivera <time>5 March 2024</time></p>',
    ],
)
def test_byline_elements_of_every_kind(markup: str) -> None:
    page = _page("<title>Port strike</title>", f"{markup}<p>Story text.</p>")
    assert read_metadata(lxml.html.fromstring(page), None).byline == ("Jane Rivera",)


def test_the_first_byline_in_the_page_wins_and_comments_do_not_count() -> None:
    body = (
        '<div class="comments"><span class="author">Some Reader</span></div>'
        '<p class="byline">Jane Rivera</p><span class="author">Tom Okoro</span>'
    )
    page = _page("<title>Port strike</title>", body)
    assert read_metadata(lxml.html.fromstring(page), None).byline == ("Jane Rivera",)


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        (
            "Dock workers strike at Westhaven port | The Harbor Tribune",
            "Dock workers strike at Westhaven port",
        ),
        (
            "Dock workers strike at Westhaven port – the harbor tribune",
            "Dock workers strike at Westhaven port",
        ),
        (
            "The Harbor Tribune: Dock workers strike at Westhaven port",
            "Dock workers strike at Westhaven port",
        ),
        # A section, or a name that is not the site's, stays as the page printed it.
        (
            "Opinion | Dock workers are right to strike",
            "Opinion | Dock workers are right to strike",
        ),
        (
            "Kim Jong-un visits Westhaven - Harbor News",
            "Kim Jong-un visits Westhaven - Harbor News",
        ),
    ],
)
def test_the_sites_name_leaves_the_headline(title: str, headline: str) -> None:
    page = article_page(title, HARBOR_PARAGRAPHS, outlet="The Harbor Tribune")
    assert read_metadata(lxml.html.fromstring(page), None).title == headline


def test_the_sites_masthead_heading_is_no_headline() -> None:
    # No meta tag names the headline; the site's name heads every page in two <h1>s.
    masthead = '<h1 id="site-title"><a href="/"><h1>Harbour Daily</h1></a></h1>'
    page = _page(
        "<title>Ferry fares rise as the new timetable starts - Harbour Daily</title>",
        masthead + "<p>Ferry fares will rise by five percent from April.</p>",
    )
    meta = read_metadata(lxml.html.fromstring(page), None)
    assert meta.title == "Ferry fares rise as the new timetable starts"
    # A heading the <title> holds stays the headline.
    page = _page(
        "<title>Ferry fares rise - Harbour Daily</title>",
        "<h1>Ferry fares rise</h1><p>Ferry fares will rise by five percent from April.</p>",
    )
    assert read_metadata(lxml.html.fromstring(page), None).title == "Ferry fares rise"


def test_one_writer_named_twice_is_one_byline() -> None:
    page = _page(
        '<meta name="author" content="Ann Lee"><meta name="author" content="Ann B Lee">'
        '<meta name="author" content="Tom Okoro"><title>Ferry fares rise</title>'
    )
    meta = read_metadata(lxml.html.fromstring(page), None)
    assert meta.byline == ("Ann B Lee", "Tom Okoro")


@pytest.mark.parametrize(
    ("site", "title", "outlet"),
    [
        ("harbourlive", "Ferry fares rise - harbourlive.com", "harbourlive.com"),
        ("@harbourwatch", "Ferry fares rise | HarbourWatch Westhaven", "HarbourWatch"),
        ("harbour", "Ferry fares rise", "harbour"),  # nothing spells it otherwise
        ("Harbour Daily", "Ferry fares rise - harbourdaily.com", "Harbour Daily"),
    ],
)
def test_a_lower_case_site_name_is_spelled_as_the_title_spells_it(
    site: str, title: str, outlet: str
) -> None:
    page = _page(f'<meta property="og:site_name" content="{site}"><title>{title}</title>')
    assert read_metadata(lxml.html.fromstring(page), None).outlet == outlet
