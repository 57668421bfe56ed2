"""Bylines and outlets read from the credit line of a pasted page's header."""

from __future__ import annotations

import pytest

from bot.clean_text import clean_pasted_text
from bot.textmeta import credit_outlet, name_then_outlet, wire_dateline

_BODY = [
    "WESTHAVEN – The harbour council voted 9-2 on Tuesday to close the old ferry terminal "
    "in March, ending a century of crossings to the island.",
    "The closure will cost 120 jobs, the council said, and save $4 million a year.",
    "Ferry users said they would appeal the decision to the regional transport board.",
]


def _page(*header: str, foot: str = "© Copyright Quayside Holdings 2019") -> str:
    return "\n\n".join(["Home", "News", "Harbour council votes to close the ferry terminal",
                        *header, *_BODY, foot])


def test_a_name_then_its_outlet_over_the_published_line() -> None:
    """The USA TODAY network credit: "Ann Lee Harbour Today" then "Published ..."."""
    page = _page("Ann Lee Harbour Today", "Published 2:16 AM EST Nov 20, 2019")
    meta = clean_pasted_text(page).meta
    assert meta.byline == ("Ann Lee",)
    assert meta.outlet == "Harbour Today"


def test_an_agency_and_its_dateline_place_over_the_date_lines() -> None:
    dates = ("Nov 20 2019, 11:06am ist", "updated: Nov 20 2019, 15:24pm ist")
    page = _page("Reuters, Westhaven,", *dates)
    assert clean_pasted_text(page).meta.byline == ("Reuters",)


def test_a_writer_special_to_a_paper_names_the_outlet() -> None:
    credit, stamp = "By BO CHAN | Special to the Harbour Press", "PUBLISHED: November 19, 2019"
    owner = "Copyright © 2019 Quayside News Group, Inc."
    meta = clean_pasted_text(_page(credit, stamp, foot=owner)).meta
    assert meta.byline == ("BO CHAN",)
    assert meta.outlet == "Harbour Press"


@pytest.mark.parametrize(
    ("line", "split"),
    [
        ("Ann Lee Harbour Today", ("Ann Lee", "Harbour Today")),
        ("Ann Lee Westhaven Evening Post", ("Ann Lee", "Westhaven Evening Post")),
        ("Ann Lee Staff Writer", None),  # a role, not an outlet
        ("Marcus De GuzmanView More Articles", None),  # a longer name and its page's link
        ("Ann Lee and Jo Roe", None),
        ("Harbour council votes to close", None),
    ],
)
def test_name_then_outlet(line: str, split: tuple[str, str] | None) -> None:
    assert name_then_outlet(line) == split


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("By Bo Chan | Special to The Harbour Press", "Harbour Press"),
        ("Ann Lee Harbour Today", "Harbour Today"),
        ("Ann Lee Political Editor", None),
        ("By Ann Lee, HNN Staff", "HNN"),
        ("By Ann Lee, The Harbour Post staff", "The Harbour Post"),
        ("Harbour News, Sports Staff", None),  # no writer before the staff
    ],
)
def test_credit_outlet_reads_special_to_and_title_case(line: str, outlet: str | None) -> None:
    assert credit_outlet(line) == outlet


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Reuters, Washington,", ("Reuters",)),
        ("PTI, New Delhi", ("PTI",)),
        ("Harbour Press, Westhaven,", ()),  # not an agency
        ("Reuters, the agency said", ()),  # not a place
    ],
)
def test_wire_dateline(line: str, names: tuple[str, ...]) -> None:
    assert wire_dateline(line) == names
