"""Bylines a pasted page writes without "By Name Surname": a handle, a blog's one-name
author, a blog's meta row of date, author and categories."""

from __future__ import annotations

import pytest

from bot.clean_text import clean_pasted_text
from bot.textmeta import dated_author_and_topics, parse_byline


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Ann Lee @annlee_writes", ("Ann Lee",)),  # a name signed with its handle
        ("Follow Us @wferries", ()),  # a call to follow, no name
        ("written by Maeve", ("Maeve",)),  # a blog's author by first name
        ("Posted by Quill", ("Quill",)),
        ("Posted by Jo Roe", ("Jo Roe",)),
        ("Posted by admin", ()),
        ("Posted by Admin", ()),  # the blog's login, not a writer
        ("By Tuesday", ()),  # one word needs "written by" or "posted by"
        ("written by Home", ()),
    ],
)
def test_bylines_without_a_full_by_line(line: str, names: tuple[str, ...]) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("21/06/2014 Ann Lee All, Books, Kit Reviews, News", ("Ann Lee",)),
        ("2014-06-21 Ann Lee Reviews, Books, Kit", ("Ann Lee",)),
        ("21/06/2014 Ann Lee All", ()),  # no list of categories after the name
        ("21/06/2014 The ferry closes, the council said, in March", ()),
        ("Ann Lee All, Books, News", ()),  # no date first
    ],
)
def test_a_blogs_meta_row_of_date_author_and_categories(
    line: str, names: tuple[str, ...]
) -> None:
    assert dated_author_and_topics(line) == names


def test_the_meta_row_gives_the_byline_and_the_date() -> None:
    text = "\n\n".join([
        "Home", "Reviews", "Harbour ferry guide book review",
        "21/06/2014 Ann Lee All, Books, Kit Reviews, News",
        "If you want a book that makes you feel at home on the water, this is it, with 180 "
        "pages of charts, timetables and the stories of the people who run the crossings.",
        "The guide costs £20 and comes with a fold-out map of the harbour and its piers.",
        "It is the best guide to the harbour we have read, and the map alone is worth it.",
    ])
    meta = clean_pasted_text(text).meta
    assert meta.byline == ("Ann Lee",)
    assert meta.published == "2014-06-21"
