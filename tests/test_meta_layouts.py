"""Header metadata where a page lays its header out its own way: a dropdown between the
headline and the body, a picture credit on the date's line, a date split over lines, a
brand named by its initials, a copyright holder's company word. Made-up pages."""

from __future__ import annotations

import lxml.html
import pytest

from bot.clean_text import clean_pasted_text
from bot.html_meta import read_metadata
from bot.textmeta import parse_credit, parse_date

_STORY = (
    "The harbour board voted on Monday to close the old ferry terminal in March, "
    "after a survey found its pier unsafe for the larger boats now in service."
)
_BODY = ["", _STORY, "", _STORY.replace("Monday", "Tuesday"), ""]
# A car-finder dropdown: fifty one- and two-word items.
_MAKES = [f"Make {chr(65 + i % 26)}{i}" if i % 3 else f"Brand{i}" for i in range(50)]


def test_a_dropdown_between_header_and_body_hides_neither_headline_nor_byline() -> None:
    text = "\n".join(
        [
            "Auto News",
            "Harbour board votes to close the old ferry terminal in March",
            "Ann LeeView More Articles",
            "A survey found the pier unsafe for the larger boats",
            # the picture's credit on the date's line: not the writer
            "Bo Chan November 20, 2019 12:32",
            "FIND YOUR NEXT CAR",
            *_MAKES,
            *_BODY,
        ]
    )
    meta = clean_pasted_text(text).meta
    assert meta.title == "Harbour board votes to close the old ferry terminal in March"
    assert meta.byline == ("Ann Lee",)
    assert meta.standfirst == "A survey found the pier unsafe for the larger boats"
    assert meta.published == "2019-11-20T12:32:00"


def test_a_copyright_holder_keeps_its_company_word_where_alone_it_names_nothing() -> None:
    page = ["Harbour board votes to close the terminal", "By Ann Lee", *_BODY]
    holder = clean_pasted_text("\n".join([*page, "© 2019 Breaking Media Inc."])).meta
    assert holder.outlet == "Breaking Media"  # not "Breaking", a word of page furniture
    # a name of its own loses the company word
    named = [*page, "© 2019 Harbourline Media Inc."]
    assert clean_pasted_text("\n".join(named)).meta.outlet == "Harbourline"


def test_a_brand_named_by_its_initials_is_the_word_its_logo_spells() -> None:
    page = [
        "Harbourcast",
        "HC Radio",
        "HC Newsletters",
        "Ferry terminal to close in March",
        "By Ann Lee",
        *_BODY,
        "More from Harbourcast",
    ]
    assert clean_pasted_text("\n".join(page)).meta.outlet == "Harbourcast"
    # no logo line spelling it out: the initials
    assert clean_pasted_text("\n".join(page[1:-1])).meta.outlet == "HC"


def test_a_date_set_over_three_lines_is_read_whole() -> None:
    text = "\n".join(
        ["Ferry terminal to close in March", "November 20", "15:23", "2019", "Print", *_BODY]
    )
    assert clean_pasted_text(text).meta.published == "2019-11-20T15:23:00"


def test_a_date_without_its_year_by_the_byline_takes_the_copyright_year() -> None:
    page = ["Ferry terminal to close in March", "By Ann Lee", "Nov 18", "195 Shares", *_BODY]
    dated = clean_pasted_text("\n".join([*page, "Harbour Post © 2019 Harbour Media, LLC."]))
    assert dated.meta.published == "2019-11-18"
    # no year to give it, or a copyright line older than a story the page dates: no date
    assert clean_pasted_text("\n".join(page)).meta.published is None
    stale = [*page, "Ferry fares rise - November 2, 2020", "© 2019 Harbour Media, LLC."]
    assert clean_pasted_text("\n".join(stale)).meta.published is None


def test_a_breadcrumb_copied_without_separators_gives_the_headline_it_ends_with() -> None:
    text = "\n".join(
        [
            "Home Travel & OutdoorsHarbours Ferry Rides Along the Old Harbour",
            "BoatsHarboursFamily",
            "FERRY RIDES ALONG THE OLD HARBOUR",
            "written by Regan",
            *_BODY,
        ]
    )
    assert clean_pasted_text(text).meta.title == "Ferry Rides Along the Old Harbour"


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("20 listopada 2019", "2019-11-20"),  # Polish
        ("5 května 2019", "2019-05-05"),  # Czech
        ("20 листопада 2019", "2019-11-20"),  # Ukrainian
        ("20 Νοεμβρίου 2019", "2019-11-20"),  # Greek
        ("20 KASIM 2019, 10:31", "2019-11-20T10:31:00"),  # Turkish
        ("20 noiembrie 2019", "2019-11-20"),  # Romanian
        ("20 maj 2019", "2019-05-20"),  # Swedish
        # a time after its word in another language, or after a slash
        ("mercredi 20 novembre 2019 à 10h31", "2019-11-20T10:31:00"),
        ("November 20, 2019 / 1:07 AM / Harbour News", "2019-11-20T01:07:00"),
        # a time before the date
        ("Updated 10:01 pm PST, Tuesday, November 19, 2019", "2019-11-19T22:01:00-08:00"),
        ("Updated 0339 GMT (1139 HKT) November 19, 2019", "2019-11-19T03:39:00+00:00"),
        ("Room 1019 November 19, 2019", "2019-11-19"),  # a number is no time without a zone
        # no reference time in a pasted page: a relative date is no date
        ("3 hours ago", None),
        ("Yesterday at 10:31", None),
    ],
)
def test_dates_in_other_languages_and_shapes(line: str, found: str | None) -> None:
    assert parse_date(line) == found


def test_the_first_publication_under_the_article_wins_over_the_headers_update() -> None:
    head = ["Ferry terminal to close in March", "Updated on: November 19, 2019 / 10:07 AM"]
    foot = ["First published on November 19, 2019 / 8:16 AM", "", "© 2019 Harbour Media"]
    meta = clean_pasted_text("\n".join([*head, *_BODY, *foot])).meta
    assert meta.published == "2019-11-19T08:16:00"


def _html_outlet(site: str, publisher: str) -> str | None:
    page = (
        '<html><head><title>Ferry terminal to close</title>'
        f'<meta property="og:site_name" content="{site}">'
        '<meta property="og:url" content="https://www.harbourpost.com/news/ferry-1.html">'
        '<script type="application/ld+json">{"@context": "http://schema.org", '
        '"@type": "NewsArticle", "headline": "Ferry terminal to close", '
        f'"publisher": {{"@type": "Organization", "name": "{publisher}"}}}}</script>'
        f"</head><body><p>{_STORY}</p></body></html>"
    )
    return read_metadata(lxml.html.fromstring(page), None).outlet


def test_a_json_ld_publisher_that_supplied_the_story_is_not_the_site() -> None:
    # the wire or desk that supplied the story, where og:site_name names the domain's site
    assert _html_outlet("Harbour Post", "Associated Press") == "Harbour Post"
    assert _html_outlet("Harbour Post", "HP News Service") == "Harbour Post"
    # the publisher spelling the domain's name as well: its spelling
    assert _html_outlet("harbourpost", "Harbour Post") == "Harbour Post"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # a credit label over a desk, a section, a date or a picture: no one
        ("By Staff Reports", ()),
        ("By Features Desk", ()),
        ("By Opinion", ()),
        ("By Tuesday, Nov 19", ()),
        ("By AP Photo", ()),
        ("By Metro Section", ()),
        ("Staff Reports", ()),
        # the photographer's credit under a picture
        ("Ann Lee | Getty Images", ()),
        ("Ann Lee, Photographer", ()),
        ("By Ann Lee, Staff Photographer", ()),
        ("By Ann Lee | Photography by Bo Chan", ("Ann Lee",)),  # the writer, then the pictures'
        # the outlet the writer files for, or the place, after the name
        ("By Ann Lee for HarbourOnline", ("Ann Lee",)),
        ("By Ann Lee in Kyiv", ("Ann Lee",)),
        ("Associated Press", ("Associated Press",)),  # an agency is the story's credit
        # the writer of a story credited with its photographer
        ("Story by Ann Lee, photos by Bo Chan", ("Ann Lee",)),
        ("Ann Lee, Associated Press", ("Ann Lee",)),
    ],
)
def test_a_credit_line_names_people_only(line: str, names: tuple[str, ...]) -> None:
    assert parse_credit(line) == names


def test_the_sites_name_is_no_headline() -> None:
    foot = ["© 2019 The Harbour Post"]
    over_byline = ["Menu", "The Harbour Post", "By Ann Lee", "November 19, 2019", *_BODY, *foot]
    assert clean_pasted_text("\n".join(over_byline)).meta.title is None
    # the masthead over the headline: the headline
    masthead = ["The Harbour Post", "Ferry terminal to close", "By Ann Lee", *_BODY, *foot]
    assert clean_pasted_text("\n".join(masthead)).meta.title == "Ferry terminal to close"


def test_the_authors_note_names_the_outlet_where_nothing_else_does() -> None:
    head = ["Ferry terminal to close in March", "By Ann Lee", *_BODY]
    note = ["ABOUT THE AUTHOR", "Ann Lee", "Harbour writer at Portcast and ferry fan elsewhere"]
    assert clean_pasted_text("\n".join([*head, *note])).meta.outlet == "Portcast"
    # a source's title in the story is not the writer's post
    quoted = [*head, "Bo Chan, a senior editor at Tidewire, said the pier was unsafe."]
    assert clean_pasted_text("\n".join(quoted)).meta.outlet is None


def test_the_addresss_date_is_the_storys_over_a_date_in_the_pages_text() -> None:
    page = (
        '<html><head><title>What does the ferry cost?</title>'
        '<meta property="og:url" content="https://www.factdesk.example/statements/2019/nov/18'
        '/ann-lee/what-does-the-ferry-cost/"></head><body>'
        '<p class="statement__meta">— Ann Lee on Sunday, October 13th, 2019 in a newspaper</p>'
        f"<h1>What does the ferry cost?</h1><p>{_STORY}</p></body></html>"
    )
    assert read_metadata(lxml.html.fromstring(page), None).published == "2019-11-18"


def test_a_byline_under_the_headline_without_a_class_of_its_own() -> None:
    page = (
        "<html><head><title>Ferry terminal to close</title></head><body>"
        "<h1>Ferry terminal to close</h1>"
        '<p class="article__meta">By <a href="/staff/ann-lee/">Ann Lee</a>, '
        '<a href="/staff/bo-chan/">Bo Chan</a> <span>on Monday, November 18th, 2019</span></p>'
        f"<p>{_STORY}</p></body></html>"
    )
    assert read_metadata(lxml.html.fromstring(page), None).byline == ("Ann Lee", "Bo Chan")


def test_a_share_panel_between_headline_and_credit_does_not_hide_the_credit() -> None:
    buttons = ["258 Shares", "Buffer", "Share", "Pin", "Tweet", "Share", "Email"]
    text = "\n".join(["Ferry terminal to close in March", *buttons, "Ann Lee", *_BODY])
    assert clean_pasted_text(text).meta.byline == ("Ann Lee",)


@pytest.mark.parametrize(
    ("foot", "outlet"),
    [
        ("© Copyright 2011-2019 ノート100YEN.com.", "ノート100YEN.com"),
        ("© Copyright 2011-2019 Harbour Post", "Harbour Post"),
    ],
)
def test_a_copyright_word_before_the_year_and_a_name_in_two_scripts(foot: str, outlet: str) -> None:
    text = "\n".join(["Ferry terminal to close in March", "By Ann Lee", *_BODY, foot])
    assert clean_pasted_text(text).meta.outlet == outlet


def test_a_slogan_with_nothing_to_stand_in_for_it_is_no_outlet() -> None:
    page = (
        '<html><head><title>Ferry terminal to close</title>'
        '<meta property="og:site_name" content="ferry news for the whole harbour">'
        f"</head><body><p>{_STORY}</p></body></html>"
    )
    assert read_metadata(lxml.html.fromstring(page), None).outlet is None
    # an address to name the site by: its domain
    with_url = read_metadata(lxml.html.fromstring(page), "https://www.harbourpost.com/a/1")
    assert with_url.outlet == "Harbourpost"


def test_the_outlet_a_writer_files_for_is_the_outlet() -> None:
    page = ["Ferry terminal to close in March", "By Ann Lee for HarbourOnline", *_BODY]
    foot = "© 2019 Associated Harbour Newspapers Ltd"
    assert clean_pasted_text("\n".join([*page, foot])).meta.outlet == "HarbourOnline"
