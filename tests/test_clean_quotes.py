"""Reviews quoted one after another, each signed on its own line, and closing lines that end
in a smiley (made-up page)."""

from __future__ import annotations

from bot.clean_lines import describe
from bot.clean_text import clean_pasted_text

_REVIEWS = [
    "Our audience has been busy writing to us about the new season, and we have gathered a "
    "few of the notes that made the whole company smile this week.",
    "“The dancers were wonderful and the music stayed with us for days. We will come back "
    "with the whole family next spring for the matinee.”",
    "– Ro**",
    "“A lovely evening from start to finish, and the staff at the door were kind and quick "
    "with our tickets even though we arrived late.”",
    "– Kay***",
    "“The second act made my daughter laugh so hard that the people in the next row turned "
    "round to join in. Thank you for a happy night!”",
    "– Lu**",
    "Thank you all for taking the time to write to us about the show this season.",
    "We hope to see you at the theatre again very soon! 🙂",
]


def _page() -> str:
    head = "Home\nShows\nTickets\nAudience notes on the new season\nOctober 3, 2021\n\n"
    return head + "\n\n".join(_REVIEWS) + "\n\nContact\nPrivacy\nInstagram"


def test_a_quotes_one_word_signature_stays_with_it() -> None:
    body = list(clean_pasted_text(_page()).body)
    assert body == _REVIEWS


def test_a_dash_line_under_a_paragraph_that_is_no_quote_is_still_dropped() -> None:
    """The signature test wants a quotation just above: "– Menu" under plain text goes."""
    late = "tickets even though we arrived late.”\n\n– Kay***"
    page = _page().replace(late, "tickets.\n\n– Menu")
    body = list(clean_pasted_text(page).body)
    assert "– Menu" not in body
    assert "– Ro**" in body


def test_a_smiley_after_the_stop_still_ends_a_sentence() -> None:
    assert describe(0, "We hope to see you soon! 🙂").sentence
    assert describe(0, "See you soon! 🙂👍").sentence
    assert not describe(0, "Check them out below ⬇️").sentence
