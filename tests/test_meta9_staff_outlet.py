"""A credit line that names the outlet's staff in place of a writer names the outlet."""

from __future__ import annotations

import pytest

from bot.clean_text import clean_pasted_text
from bot.textmeta import find_outlet

_STORY = "The county fair opens on Friday with a pony show, the organisers said on Monday."


def _page(credit: str, *extra: str) -> list[str]:
    return ["Home", "Harbour Riding Extra", "Four things to do in May", "Author:", credit,
            "May 4, 2019", _STORY, *extra]  # fmt: skip


@pytest.mark.parametrize(
    "credit",
    ["Harbour Riding Editorial Staff", "By Harbour Riding News Staff"],
)
def test_a_staff_credit_names_the_outlet_the_page_names_again(credit: str) -> None:
    assert find_outlet(_page(credit), None, credit) == "Harbour Riding"


def test_a_bare_staff_credit_names_the_outlet_only_as_the_outlets() -> None:
    credit = "By The Harbour Riding Staff"
    lines = _page(credit, "The Harbour Riding shop is open")
    assert find_outlet(lines, None, credit) == "The Harbour Riding"
    # two words then "Staff": a person's name with a role glued on, as often as an outlet
    credit = "Ann Riding Staff"
    assert find_outlet(_page(credit, "More from Ann Riding"), None, credit) is None


def test_a_staff_credit_beats_an_owner_the_copyright_names() -> None:
    lines = _page("Harbour Riding Editorial Staff", "© 2019 Quayside Publishing, Inc.")
    assert find_outlet(lines, None, lines[4]) == "Harbour Riding"


@pytest.mark.parametrize(
    "credit",
    [
        "Staff Reports",  # no outlet at all
        "Metro Desk Staff",  # a desk, not the outlet
        "Sports Staff",  # one plain word names no outlet
        "Harbour Gazette Staff",  # named nowhere else on the page
    ],
)
def test_other_staff_credits_name_no_outlet(credit: str) -> None:
    assert find_outlet(_page(credit), None, credit) is None


def test_initials_are_a_name_even_alone() -> None:
    assert find_outlet(_page("By HNN Staff", "Watch HNN live"), None, "By HNN Staff") == "HNN"


def test_the_cleaner_reads_the_outlet_from_a_staff_credit_under_an_author_label() -> None:
    body = [
        "The county fair opens on Friday with a pony show, a hay maze and a long parade of "
        "tractors down the high street, the organisers said on Monday morning.",
        "Tickets cost five pounds for adults and children under twelve go free, and the "
        "gates open at nine each morning until the fair closes on Sunday evening.",
        "Riders who want to enter the jumping classes must register by Wednesday, the "
        "organisers said, and every entrant will get a rosette whatever the result.",
    ]
    page = "\n".join(
        [
            "Home",
            "News",
            "Harbour Riding Extra",
            "Contact",
            "Four Things to Do in May",
            "Author:",
            "Harbour Riding Editorial Staff",
            "Publish date:",
            "May 4, 2019",
            "",
            "\n\n".join(body),
            "",
            "© 2019 by Quayside Publishing, Inc.",
        ]
    )
    meta = clean_pasted_text(page).meta
    assert meta.outlet == "Harbour Riding"
    assert meta.title == "Four Things to Do in May"
