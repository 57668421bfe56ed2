"""Headers a pasted page prints in its byline and date lines: the outlet after the writer's
name, and a time printed before a date with an abbreviated weekday. Made-up pages."""

from __future__ import annotations

from bot.clean_text import clean_pasted_text
from bot.textmeta import parse_date

_BODY = "\n".join(
    f"Paragraph {n} of the story says the harbour council met again on Tuesday and voted "
    f"to keep the ferry running through the winter, officials said." for n in range(6))


def _page(byline: str, *, also: str = "") -> str:
    return (f"News\nPolitics\nFerry service saved after late council vote\n{byline}\n"
            f"November 14, 2026\n{_BODY}\n{also}\n")


def test_an_outlet_after_the_writers_name() -> None:
    assert clean_pasted_text(_page("By Ann Lee | Harbour Gazette")).meta.outlet == "Harbour Gazette"
    assert clean_pasted_text(_page("By Ann Lee, HNN")).meta.outlet == "HNN"


def test_what_follows_a_comma_must_say_it_is_an_outlet() -> None:
    # A place, a section, a wire service or (maybe) a second writer is no outlet of the page's.
    for byline in ("By Ann Lee, Kyiv", "By Ann Lee | Opinion", "By Ann Lee, Associated Press",
                   "By Ann Lee, Tom Bell", "By Ann Lee, Harbour Gazette"):
        assert clean_pasted_text(_page(byline)).meta.outlet is None, byline


def test_a_time_before_a_date_with_a_short_weekday() -> None:
    assert parse_date("Updated 4:05 PM EST, Sat November 14, 2026") == "2026-11-14T16:05:00-05:00"
    assert parse_date("PUBLISHED: 10:48, Tue, Nov 19, 2019") == "2019-11-19T10:48:00"


def test_a_match_reports_byline_names_the_ground_after_at() -> None:
    page = _page("Ella Brandt at Riverside Park")
    assert clean_pasted_text(page).meta.byline == ("Ella Brandt",)
