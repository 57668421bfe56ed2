"""A results roundup: short score lines and one-line summaries set apart by blank lines are
the article's own, not a menu or a list of teasers (made-up page)."""

from __future__ import annotations

from bot.clean_text import clean_pasted_text

_HEADER = [
    "Sections",
    "Sports",
    "Weather",
    "Roundup: Harbor stays unbeaten with win over Lakeside",
    "By Dana Reyes",
    "Published 9:10 PM Mar 3, 2021",
]
_BODY = [
    "Harbor (2-0): Quinn 21 points and 9 rebounds. Ortiz 14 points. Lam 8 points. Shaw 6 points.",
    "Lakeside (1-1): Patel 12 points. Brooks 9 points. Nunez 7 points. Fry 4 points. Gale 2.",
    "Northfield d. Eastbrook 48-30",
    "Northfield (1-0): Carla Vine 16 points and 4 steals. Mia Stone 9 rebounds.",
    "Eastbrook (0-1): Tess Moor 11 points.",
    "West Shore d. Pine Ridge 55-41",
    "BOYS HOCKEY",
    "Harbor d. Lakeside 4-2",
    "Harbor (3-1): J. Ruiz 2 goals. T. Wong 1 goal. P. Ames 1 goal, 1 assist. L. Cho 24 saves.",
    "Lakeside (2-2): M. Dunn 1 goal. R. Pike 1 goal. S. Hale 31 saves in the loss on Tuesday.",
    "GIRLS HOCKEY",
    "Cedar Hill d. Oakmont 3-0",
    "Cedar Hill (2-0): D. Frye 2 goals, 1 assist. K. Lowe 1 goal. B. Marsh 18 saves.",
    "Oakmont (0-2): E. Grant 27 saves.",
    "Ridgeway d. Southgate",
    "Ridgeway (4-1): A. Cole 1 goal. F. Diaz 1 goal. H. Kim 22 saves and 1 assist.",
]
_FOOTER = ["Terms of Service", "Privacy Notice", "© 2021 Example Media"]


def _page() -> str:
    return "\n".join(_HEADER) + "\n\n" + "\n\n".join(_BODY) + "\n\n" + "\n".join(_FOOTER)


def test_a_roundups_spaced_score_lines_between_paragraphs_stay() -> None:
    """Title-case result lines and a sport's heading, each set apart by blank lines between
    two paragraphs, are kept: a link list's items come packed together."""
    body = list(clean_pasted_text(_page()).body)
    for line in ("West Shore d. Pine Ridge 55-41", "BOYS HOCKEY", "Harbor d. Lakeside 4-2"):
        assert line in body


def test_a_one_line_summary_followed_by_a_short_sentence_is_no_teaser() -> None:
    """A paragraph between a result line and a short sentence ending in a full stop is the
    text's, so the block reaches the last result."""
    body = list(clean_pasted_text(_page()).body)
    assert body[-1] == _BODY[-1]
    assert "Northfield (1-0): Carla Vine 16 points and 4 steals. Mia Stone 9 rebounds." in body


def test_packed_title_case_links_between_paragraphs_still_go() -> None:
    """The same short title-case lines packed together (a link list) are still dropped."""
    links = ["Harbor Council Backs New Rink", "Lakeside Coach Steps Down", "Ridgeway Opens Gym"]
    page = _page().replace("West Shore d. Pine Ridge 55-41", "\n".join(links))
    body = list(clean_pasted_text(page).body)
    assert not any(link in body for link in links)


def test_spaced_score_lines_above_the_first_paragraph_stay() -> None:
    """The first result's lines, set apart by blank lines like the paragraphs under them,
    open the text; the picture credit packed above them does not."""
    scores = ["Harbor d. Lakeside 70-44", "Lakeside 14 11 6 15 — 44", "Harbor 18 22 13 17 — 70"]
    head = "\n".join([*_HEADER, "Players on court", "Lee Chan, ASSOCIATED PRESS"])
    page = head + "\n\n" + "\n\n".join([*scores, *_BODY]) + "\n\n" + "\n".join(_FOOTER)
    body = list(clean_pasted_text(page).body)
    assert body[:3] == scores
    assert "Lee Chan, ASSOCIATED PRESS" not in body


def test_a_spaced_headline_or_credit_right_above_the_text_stays_out() -> None:
    """The headline the header reads, and a picture's credit, stay out of the body even when
    set apart by blank lines."""
    credit = "Players warm up before the game in Harbor, Maine. (AP)"
    for top in ([_HEADER[3], credit], [_HEADER[3]]):
        page = "\n\n".join([*top, *_BODY]) + "\n\n" + "\n".join(_FOOTER)
        article = clean_pasted_text(page)
        assert article.meta.title == _HEADER[3]
        assert article.body[0] == _BODY[0]
