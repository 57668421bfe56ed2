"""The headline of a pasted page: not a short menu item the page prints again and again (a
sister paper's name), and still the headline where it ends with a full stop right above its
publication stamp. Made-up pages."""

from __future__ import annotations

from bot.clean_text import clean_pasted_text

_BODY = [
    "Remember the harbour board's long quest to find a slogan for the ferry service?",
    "The board of the Westhaven ferry service voted on Monday to close its old terminal "
    "in March, after a survey found the pier unsafe for the larger boats now in service.",
    "Passengers will board at the new quay on the east side of the harbour from April, "
    "the board said, and fares will not change this year.",
    "The old terminal opened in 1962 and has been repaired four times since the storm "
    "of 1987, according to the board's annual report.",
]
_MENU = ["Back To Main Menu", "The Harbour Ledger", "The Quayside Journal", "Westhaven Times"]


def _page(header: list[str]) -> str:
    return "\n".join([*_MENU, "News", *_MENU, "Sign In", *header, "", *_BODY])


def test_a_headline_with_a_full_stop_over_its_stamp() -> None:
    header = [
        "Ferry slogan quest ends at the harbour: ‘Sail on.’ They just might.",
        "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM",
        "",
        "By Ann Lee | Harbour Media",
    ]
    meta = clean_pasted_text(_page(header)).meta
    assert meta.title == header[0]
    assert meta.byline == ("Ann Lee",)


def test_a_menu_item_printed_again_and_again_is_no_headline() -> None:
    # "Westhaven Ferry Extra" in every menu echoes more of the story's words than the headline
    menu = ["Timetables", "Westhaven Ferry Extra", "Subscribe"]
    header = [
        *menu,
        "Home",
        "News",
        "Five outings for spring ferry fans",
        "Author:",
        "Ann Lee",
        "Publish date:",
        "Oct 4, 2018",
    ]
    text = "\n".join([*menu, "Home", *menu, *header, "", *_BODY])
    assert clean_pasted_text(text).meta.title == "Five outings for spring ferry fans"


def test_a_breadcrumb_trail_picked_gives_its_last_crumb() -> None:
    header = ["Ferry news » Harbour » Terminal to close in March", "", "By Ann Lee"]
    assert clean_pasted_text(_page(header)).meta.title == "Terminal to close in March"



def test_a_pictures_caption_under_the_headline_is_no_standfirst() -> None:
    header = [
        "Entertainment",
        "Ferry board closes the old terminal",
        "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM",
        "",
        "Tom Bell | Getty Images",
        "",
        "Ivo Pell, chair of the ferry board, pictured at the harbour open day in 2018, when he "
        "was still a pilot. His new timetable is raising eyebrows.",
        "",
        "By Ann Lee | Harbour Advance Media for Harbour.com",
        "",
    ]
    body = [*_BODY, *(p.replace("harbour", "port") for p in _BODY),
            *(p.replace("board", "council") for p in _BODY)]
    page = "\n".join([*_MENU, "News", *_MENU, "Sign In", *header, "\n\n".join(body), "",
                      "Sign up for our newsletter", "Privacy Policy"])
    meta = clean_pasted_text(page).meta
    assert (meta.title, meta.byline) == ("Ferry board closes the old terminal", ("Ann Lee",))
    assert meta.standfirst is None
