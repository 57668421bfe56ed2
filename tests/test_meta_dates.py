"""The date of a pasted page where it is not on a date line of its own: Indonesian month
names and Korean date marks, a meta row that carries the author, the date and the post's
topics, a credit printed under the article. Made-up pages."""

from __future__ import annotations

import pytest

from bot.clean_text import clean_pasted_text
from bot.textmeta import parse_date

_BODY = [
    "The board of the Westhaven ferry service voted on Monday to close its old terminal "
    "in March, after a survey found the pier unsafe for the larger boats now in service.",
    "Passengers will board at the new quay on the east side of the harbour from April, "
    "the board said, and fares will not change this year.",
    "The old terminal opened in 1962 and has been repaired four times since the storm "
    "of 1987, according to the board's annual report.",
]


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Posted on Maret 30, 2015 by Admin", "2015-03-30"),
        ("17 Agustus 2019", "2019-08-17"),
        ("Diposting 1 Desember 2020", "2020-12-01"),
        # Korean: year, month and day marked
        ("입력 2018년 8월 25일 15:24", "2018-08-25"),
    ],
)
def test_month_names_and_marks_of_other_languages(line: str, iso: str) -> None:
    assert parse_date(line) == iso


def test_a_meta_row_with_the_author_gives_the_date_too() -> None:
    # too long for a date line (over 90 characters)
    row = (
        "Anabela Moreira 23/08/2018 2 comentários Alfabetização, Atividades, Brinquedos e "
        "Brincadeiras"
    )
    text = "\n".join(["Início", "O terminal das barcas fecha em março", row, "", *_BODY])
    meta = clean_pasted_text(text).meta
    assert meta.byline == ("Anabela Moreira",)
    assert meta.published == "2018-08-23"


def test_a_credit_under_the_article_where_the_header_has_none() -> None:
    foot = ["Written by Ann Lee, MS, RD on November 14, 2019", "related stories", "More"]
    text = "\n".join(["Home", "Ferry terminal to close in March", "", *_BODY, "", *foot])
    meta = clean_pasted_text(text).meta
    assert meta.byline == ("Ann Lee",)
    assert meta.published == "2019-11-14"
