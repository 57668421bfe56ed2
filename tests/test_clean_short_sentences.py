"""A short sentence of the article that holds a word of the furniture vocabulary ("Facebook",
"privacy", "promoted", "registered") is the article's between two of its paragraphs; a call to
action, a page's notice or a link to another story in the same place is not (made-up page)."""

from __future__ import annotations

import pytest

from bot.clean_text import clean_pasted_text

_BODY = [
    "The museum will reopen its east wing in June after two years of repairs to the roof,"
    " which had let rain into three of the galleries during the storms of the last winters.",
    "Curators used the closure to clean the paintings that hung there and to move the"
    " smaller works into a new room designed to keep the light and the air steady all year.",
    "The east wing's first show will bring together the museum's landscapes of the coast,"
    " some of them not seen by visitors for more than thirty years, the director said.",
]


def _body(line: str) -> list[str]:
    head = "Home\nArts\nMuseum's east wing to reopen in June\nBy Ann Lee\nMay 1, 2021"
    parts = [head, _BODY[0], _BODY[1], line, _BODY[2], "© 2021 Example News"]
    return list(clean_pasted_text("\n\n".join(parts)).body)


_NOTICES = [
    "Story continues below advertisement.",
    "Follow us on Twitter for more updates.",
    "Share this article on Facebook.",
    "Copyright 2021 Example Media. All rights reserved.",
]


@pytest.mark.parametrize(
    "line",
    [
        "Facebook declined to comment.",
        "The director was promoted to the post in 2015.",
        "Privacy advocates raised concerns about the cameras.",
        "The tremor registered 3.1 on the Richter scale.",
    ],
)
def test_a_short_reported_sentence_with_a_furniture_word_stays(line: str) -> None:
    assert _body(line) == [_BODY[0], _BODY[1], line, _BODY[2]]
    # A call to action or a notice in the same place still goes.
    for notice in _NOTICES:
        assert _body(notice) == _BODY


@pytest.mark.parametrize(
    "line",
    [
        "MORE: Harbor council backs plan for a new rink",
        "Читайте также: Совет одобрил план",
        "Baca juga: Dewan setujui rencana baru",
    ],
)
def test_a_link_to_another_story_set_into_the_text_goes(line: str) -> None:
    """"MORE: <headline>" (and its kin in other languages) between paragraphs is a link; a
    sentence that starts with "More" is the text's."""
    assert _body(line) == _BODY
    sentence = "More than two hundred people came to the opening on Sunday."
    assert _body(sentence) == [_BODY[0], _BODY[1], sentence, _BODY[2]]


@pytest.mark.parametrize(
    "line",
    [
        "Story continues below",
        "Scroll to continue with content",
        "Skip Ad",
        "Listen to this article",
        "Hide caption",
        "Read the full story",
        "View gallery",
        "Updated at 3:15 p.m. ET",
        "Ann Lee/AP",
        "FILE - In this Oct. 3, 2019, file photo, a man walks past the museum in Harbor.",
    ],
)
def test_a_players_or_a_gallerys_line_between_paragraphs_goes(line: str) -> None:
    """Lines a player, a gallery, an update stamp or an agency's picture credit sets between
    the paragraphs are furniture, whether packed or set apart by blank lines."""
    assert _body(line) == _BODY
    head = "Home\nArts\nMuseum's east wing to reopen in June\nBy Ann Lee\nMay 1, 2021"
    packed = f"{head}\n\n{_BODY[0]}\n\n{_BODY[1]}\n{line}\n{_BODY[2]}\n\n© 2021 Example News"
    assert list(clean_pasted_text(packed).body) == _BODY
