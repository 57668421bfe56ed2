"""The HTML path's headline: the one the page prints in the <h1> it marks as the article's
title, over a meta title written for search or sharing."""

from __future__ import annotations

import lxml.html
import pytest

from bot.clean_html import clean_html
from bot.html_meta import read_metadata

_OG = "Ten Things to Pack After a Hike in the Hills"


def _meta_title(body: str, og: str = _OG) -> str | None:
    html = (
        "<html><head><title>x</title>"
        f'<meta property="og:title" content="{og}">'
        '<meta property="og:site_name" content="Harbour Trails">'
        f"</head><body>{body}<p>We set off from the car park at nine.</p></body></html>"
    )
    return read_metadata(lxml.html.fromstring(html), "https://trails.example/a").title


_PRINTED = "Walking the Harbour Hills with a Toddler"


@pytest.mark.parametrize(
    "heading",
    [
        f'<h1 class="entry-title post-title">{_PRINTED}</h1>',
        f'<h1 class="article__title">{_PRINTED}</h1>',
        f'<h1 itemprop="headline">{_PRINTED}</h1>',
    ],
)
def test_the_marked_printed_h1_beats_a_search_title(heading: str) -> None:
    assert _meta_title(f'<h1 class="logo">Harbour Trails</h1>{heading}') == _PRINTED


def test_a_shortened_meta_title_gives_way_to_the_full_printed_one() -> None:
    og = "Family rescued from hill path"
    printed = "Family of four rescued from hill path after storm, coastguard says"
    assert _meta_title(f'<h1 class="headline">{printed}</h1>', og) == printed


@pytest.mark.parametrize(
    "body",
    [
        # two unmarked <h1>: a masthead as often as a headline
        f"<h1>{_PRINTED}</h1><h1>Trail News</h1>",
        # a front page: the meta title printed in one marked heading, a teaser in the <h1>
        f'<h2 class="headline">{_OG}</h2><h1 class="headline">Hiking with Kids in Winter</h1>',
        # no word shared but a function word: another story
        '<h1 class="entry-title">Lighthouse keeper retires after forty years</h1>',
        '<h1 class="headline">Where the Ferry Goes in Winter</h1>',
        # two marked <h1>: no telling which is the article's
        f'<h1 class="entry-title">{_PRINTED}</h1><h1 class="entry-title">Hills at Dawn</h1>',
    ],
)
def test_the_meta_title_stays_where_no_one_printed_headline_is_sure(body: str) -> None:
    assert _meta_title(body) == _OG


def test_a_meta_title_holding_the_printed_one_keeps_its_section_label() -> None:
    og = f"Opinion | {_PRINTED}"
    assert _meta_title(f'<h1 class="headline">{_PRINTED}</h1>', og) == og


def test_the_pages_only_h1_is_its_printed_headline() -> None:
    og = "HS Roundup: Harbour beats Quayside"
    printed = "High School Roundup: Harbour beats Quayside"
    assert _meta_title(f'<h1 class="css-1x2y">{printed}</h1>', og) == printed


def test_an_only_h1_that_is_the_sites_name_is_its_masthead() -> None:
    og = "Harbour Trails reopen after the storm"
    assert _meta_title("<h1>Harbour Trails</h1>", og) == og


def test_the_body_no_longer_repeats_a_printed_headline_the_meta_title_shortened() -> None:
    printed = "Family of four rescued from hill path after storm, coastguard says"
    html = (
        '<html><head><meta property="og:title" content="Family rescued from hill path">'
        f"</head><body><article><h1>{printed}</h1>"
        "<p>A family of four was rescued from a hill path on Sunday after a storm cut off "
        "the way down, the coastguard said, and all four were unhurt.</p>"
        "<p>The coastguard said walkers should check the forecast before they set out and "
        "carry a charged phone, a torch and warm clothes whatever the season.</p>"
        "</article></body></html>"
    )
    article = clean_html(html)
    assert article.meta.title == printed
    assert all(printed not in paragraph for paragraph in article.body)


@pytest.mark.parametrize("heading", ["Politics", "Harbour Politics", "Politics and the Hills"])
def test_a_short_h1_is_a_sections_name_not_the_headline(heading: str) -> None:
    og = "Politics live: the harbour council votes on the new ferry timetable tonight"
    assert _meta_title(f'<h1 class="headline">{heading}</h1>', og) == og


def test_a_printed_headline_keeps_the_break_between_its_blocks() -> None:
    heading = (
        '<h1 class="entry-title"><div class="kicker">Trails</div>'
        "<div>Walking the <b>Harbour Hills</b> with a Toddler</div></h1>"
    )
    assert _meta_title(heading) == "Trails Walking the Harbour Hills with a Toddler"
