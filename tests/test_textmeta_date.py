"""A header's publication stamp without its year, dated by the page's copyright year."""

from __future__ import annotations

import pytest

from bot.clean_text import clean_pasted_text
from bot.textmeta import copyright_year, yearless_stamp


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM", "2019-11-18T20:19:00"),
        ("Posted Nov 19, 6:51 AM", "2019-11-19T06:51:00"),
        ("Published: March 3, 12:05 p.m.", "2019-03-03T12:05:00"),
        ("Updated Nov 19, 9:41 AM", None),  # an update is no publication date
        ("Posted in News, Sport", None),
        ("Posted Nov 31, 25:00 PM", None),
    ],
)
def test_yearless_stamp(line: str, stamp: str | None) -> None:
    assert yearless_stamp(line, 2019) == stamp


def test_the_copyright_year_is_the_latest_year_of_the_lowest_copyright_line() -> None:
    assert copyright_year(["© 2001 Jo Roe photo", "x", "© 2005 - 2019 Harbour Media."]) == 2019
    assert copyright_year(["Harbour Post", "All rights reserved."]) is None


def test_a_header_stamp_without_a_year_takes_the_copyright_year() -> None:
    text = "\n\n".join([
        "Home", "News", "Harbour council votes to close the ferry terminal",
        "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM",
        "By Ann Lee | Harbour Media for HarbourPost.com",
        "The harbour council voted 9-2 on Tuesday to close the old ferry terminal in March, "
        "ending a century of crossings to the island.",
        "The closure will cost 120 jobs, the council said, and save $4 million a year.",
        "Ferry users said they would appeal the decision to the regional transport board.",
        "© 2019 HarbourPost.com. All rights reserved (About Us).",
    ])
    meta = clean_pasted_text(text).meta
    assert meta.published == "2019-11-18T20:19:00"
    # without a copyright year there is no year to give it
    assert clean_pasted_text(text.rsplit("\n\n", 1)[0]).meta.published is None
