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


def test_a_us_zone_named_without_standard_or_daylight_takes_the_dates_offset() -> None:
    assert parse_date("Nov. 20, 2026, 11:52 p.m. ET") == "2026-11-20T23:52:00-05:00"
    assert parse_date("July 4, 2026 9:00 a.m. ET") == "2026-07-04T09:00:00-04:00"
    assert parse_date("March 3, 2026 at 5:42 p.m. PT") == "2026-03-03T17:42:00-08:00"
    # The changes: daylight time from 2 a.m. on the second Sunday in March, standard time
    # from 2 a.m. on the first Sunday in November (1 March and 1 November 2026 are Sundays).
    assert parse_date("March 8, 2026 at 3:00 a.m. ET") == "2026-03-08T03:00:00-04:00"
    assert parse_date("March 8, 2026 at 1:00 a.m. ET") == "2026-03-08T01:00:00-05:00"
    assert parse_date("Nov. 1, 2026, 1:30 a.m. CT") == "2026-11-01T01:30:00-05:00"
    assert parse_date("Nov. 1, 2026, 3:30 a.m. CT") == "2026-11-01T03:30:00-06:00"
