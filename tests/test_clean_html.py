"""HTML cleaning: metadata, body paragraphs, and the boilerplate filter."""

from __future__ import annotations

import html
import importlib.util
import json
from pathlib import Path

import lxml.html
import pytest
from trafilatura.settings import MANUALLY_CLEANED, MANUALLY_STRIPPED
from trafilatura.utils import load_html

from bot.clean_html import (
    _NEVER_BODY,
    _drop_never_body,
    clean_html,
    is_boilerplate_line,
    parse_page,
)
from tests.pages import ARTICLE_HTML, HARBOR_PARAGRAPHS, article_page

SHARED = Path(__file__).resolve().parents[2] / "shared"
CLEANING_DEV = SHARED / "data" / "cleaning-dev"


def test_metadata_and_body() -> None:
    article = clean_html(ARTICLE_HTML, "https://harbor-tribune.example/amp/port-strike")
    meta = article.meta
    assert meta.title == "Dock workers strike at Westhaven port"
    assert meta.byline == ("Jane Rivera",)
    assert meta.published == "2024-03-05"
    assert meta.outlet == "The Harbor Tribune"
    assert meta.url == "https://harbor-tribune.example/news/port-strike"  # canonical wins
    assert list(article.body) == HARBOR_PARAGRAPHS  # no headline, no menu, no footer


def test_several_authors_become_a_byline_tuple() -> None:
    page = article_page("Port strike", HARBOR_PARAGRAPHS, author="Jane Rivera; Tom Okoro")
    assert clean_html(page).meta.byline == ("Jane Rivera", "Tom Okoro")


@pytest.mark.parametrize(
    ("author", "byline"),
    [
        ("Jane Rivera and Tom Okoro HARBOR TRIBUNE", ("Jane Rivera", "Tom Okoro")),
        ("Jane Rivera The Harbor Tribune", ("Jane Rivera",)),
        ("JANE RIVERA; TOM OKORO Associated Press", ("JANE RIVERA", "TOM OKORO")),
        ("Jane Rivera | AP National Political Writer", ("Jane Rivera",)),
        ("Jane Rivera | Harbor Tribune Business", ("Jane Rivera",)),
        ("Jane Rivera; Tom Okoro; Associated Press", ("Jane Rivera", "Tom Okoro")),
        ("Jane Rivera | CNN", ("Jane Rivera",)),
        ("Harbor Tribune Staff", ("Harbor Tribune Staff",)),  # the only credit stays
    ],
)
def test_a_byline_leaves_out_the_outlet_roles_and_agencies(
    author: str, byline: tuple[str, ...]
) -> None:
    page = article_page("Port strike", HARBOR_PARAGRAPHS, author=author,
                        outlet="The Harbor Tribune")
    assert clean_html(page).meta.byline == byline


def test_the_outlet_is_the_site_name_without_its_slogan() -> None:
    page = article_page("Port strike", HARBOR_PARAGRAPHS,
                        outlet="Harbor Tribune | News, Sport and Weather for Westhaven")
    assert clean_html(page).meta.outlet == "Harbor Tribune"


def test_byline_from_the_page_when_meta_has_none() -> None:
    page = article_page(
        "Port strike",
        HARBOR_PARAGRAPHS,
        extra_body='<p class="byline">Jane Rivera <time>March 5, 2024</time></p>',
    )
    assert clean_html(page).meta.byline == ("Jane Rivera",)


def test_boilerplate_lines_are_removed_and_reported() -> None:
    junk = [
        "Read more: Ferry timetable changes this summer",
        "Sign up for our Morning Briefing newsletter and get the news in your inbox.",
        "Like this story? Share it with a friend!",
        "Follow us on Twitter and Facebook.",
        "(Reporting by Jane Rivera; Editing by Tom Okoro)",
    ]
    paragraphs = HARBOR_PARAGRAPHS[:3] + junk[:2] + HARBOR_PARAGRAPHS[3:] + junk[2:]
    related = (
        "<p>Related</p><ul><li><a href='/a'>Council Approves New Bridge Budget</a></li>"
        "<li><a href='/b'>Storm Warning For The North Coast</a></li></ul>"
    )
    page = article_page("Port strike", paragraphs, extra_body=related)
    article = clean_html(page)
    assert list(article.body) == HARBOR_PARAGRAPHS
    for line in junk:
        assert line in article.removed


@pytest.mark.parametrize(
    "line",
    [
        "READ MORE: Hospital opens new children's ward",
        "See also",
        "Related: Museum reopens after renovation",
        "Also on example.com Council approves new bridge budget",
        "12 comments",
        "Comments",
        "Filed under: Local news |",
        "Get the latest headlines in your inbox. Subscribe to our newsletters.",
        "Ferry timetable changes this summer [VIDEO]",
        "Click here to download the full report.",
        "Updated at 1:23 p.m.",
        "_____",
        "[Wired]",
    ],
)
def test_boilerplate_line_patterns(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Officials said more than 3,000 people had signed up to volunteer, and comments "
        "from residents were largely positive.",
        "If you just want the basic plan, you can sign up for a free trial first.",
        "The council will read more than 200 submissions before it decides.",
        "She said the newsletter had 40,000 readers.",
        "Related companies said they would follow the union's lead.",
        "[Ni'matul Ukhuwah hal. 41]",
    ],
)
def test_prose_is_not_boilerplate(line: str) -> None:
    assert not is_boilerplate_line(line)


@pytest.mark.parametrize("page", ["", "<html></html>", "<html><body><nav>Home</nav></body></html>"])
def test_pages_without_an_article_give_no_prose(page: str) -> None:
    article = clean_html(page, "https://example.com/")
    assert all(len(p.split()) < 3 for p in article.body)
    assert article.meta.url == "https://example.com/"


def _load_scorer():  # the benchmark's own scorer, so the figure matches the scoreboard
    spec = importlib.util.spec_from_file_location(
        "score_cleaning", SHARED / "tools" / "score_cleaning.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
@pytest.mark.skipif(not CLEANING_DEV.exists(), reason="../shared cleaning-dev data not present")
def test_cleaning_dev_f1() -> None:
    scorer = _load_scorer()
    truth, urls = scorer.load_truth(CLEANING_DEV)
    preds = {}
    for ident in truth:
        page = (CLEANING_DEV / "html" / f"{ident}.html").read_text(encoding="utf-8")
        preds[ident] = "\n".join(clean_html(page, urls.get(ident)).body)
    metrics = scorer.score(truth, preds)
    print(json.dumps({k: round(v, 4) for k, v in metrics.items()}))
    assert metrics["f1"] >= 0.97


def _br_page(paragraphs: list[str]) -> str:
    """An old-CMS page: the story is bare text in one <div>, paragraphs split by <br><br>."""
    story = "<br><br>".join(html.escape(p) for p in paragraphs)
    return (
        "<html><head><title>Port strike</title></head><body>"
        f"<div>{story}</div></body></html>"
    )


def test_fallback_extractors_rescue_a_page_without_paragraph_markup() -> None:
    # trafilatura's fast path finds nothing here; its full cascade (justext) does
    article = clean_html(_br_page(HARBOR_PARAGRAPHS))
    assert " ".join(article.body).split() == " ".join(HARBOR_PARAGRAPHS).split()


def test_page_chrome_and_scripts_inside_the_article_are_left_out() -> None:
    chrome = (
        "<script>var tracking = 'should never show';</script>"
        "<style>.x { color: red }</style>"
        "<aside><p>Advertisement: buy a boat today and save.</p></aside>"
        "<nav><a href='/a'>Previous story</a> <a href='/b'>Next story</a></nav>"
        "<noscript>Please enable JavaScript to read the comments.</noscript>"
    )
    rest = "".join(f"<p>{html.escape(p)}</p>" for p in HARBOR_PARAGRAPHS[3:])
    page = article_page("Port strike", HARBOR_PARAGRAPHS[:3], extra_body=chrome + rest)
    assert list(clean_html(page).body) == HARBOR_PARAGRAPHS


def test_dropped_elements_are_ones_trafilatura_discards_anyway() -> None:
    assert set(_NEVER_BODY) <= set(MANUALLY_CLEANED) | set(MANUALLY_STRIPPED)
    tree = lxml.html.fromstring(
        "<html><head><title>t</title></head><body><p>Kept <script>x()</script>tail.</p>"
        '<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
        "<nav>menu</nav><footer>foot</footer></body></html>"
    )
    _drop_never_body(tree)
    assert tree.find("head") is None and tree.find(".//nav") is None
    assert tree.find(".//p").text_content() == "Kept tail."  # the tail text stays
    # JSON-LD stays: it is how trafilatura tells a forum thread from an article
    assert tree.find(".//script").get("type") == "application/ld+json"


_PARSE_CASES = {
    "plain": "<html><body><p>Port strike.</p></body></html>",
    "xhtml doctype": '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
    '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html><body><p>Port strike.</p>'
    "</body></html>",
    "self-closing html": '<html lang="en"/>\n<body><p>Port strike.</p></body>',
    "encoding declared": '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>Port strike.'
    "</p></body></html>",
    "control characters": "<html><body><p>Port\x0b strike\x01.</p></body></html>",
    "not html": "Port strike, day two",
    "fragment": "<p>Port strike.</p>",
    "two blocks": "<div>Port strike.</div><div>Day two.</div>",
}


@pytest.mark.parametrize("page", _PARSE_CASES.values(), ids=_PARSE_CASES.keys())
def test_parse_page_parses_as_trafilatura_does(page: str) -> None:
    ours, theirs = parse_page(page), load_html(page)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert lxml.html.tostring(ours) == lxml.html.tostring(theirs)


def test_a_hover_card_rendered_into_a_paragraph_is_cut() -> None:
    """A hover card the page hides inside a link (a politician's full name and latest
    headlines, closed by "MORE") reaches trafilatura's text glued to the sentence: the
    paragraph keeps its own words only, and the card is reported removed."""
    card = (
        '<a href="/people/maria-lindqvist">Maria Lindqvist</a><span class="rollover-people">'
        '<a class="name" href="/people/maria-lindqvist">Maria Lindqvist</a>'
        '<a href="/policy/1">Harbour strike enters its second week | Ferry fares rise again</a>'
        ' <a class="more" href="/people/maria-lindqvist">MORE</a></span>'
    )
    lede = f"<p>Councillor {card} (Greens) said on Monday that the strike would end soon.</p>"
    article = clean_html(article_page("Harbour strike", HARBOR_PARAGRAPHS, extra_body=lede))
    assert article.body[-1] == (
        "Councillor Maria Lindqvist (Greens) said on Monday that the strike would end soon."
    )
    assert any("Ferry fares rise again" in line for line in article.removed)
