"""Calls to the reader next to the text: a short question packed over a newsletter appeal
("Like this article?" / "SIGN UP for our newsletter") is the appeal's heading, not the
article's closing line; a share button glued to a pull quote is no part of it; but a writer's
aside in brackets is (made-up page)."""

from __future__ import annotations

from bot.clean_text import clean_pasted_text

_BODY = [
    "The museum will reopen its east wing in June after two years of repairs to the roof,"
    " which had let rain into three of the galleries during the storms of the last winters.",
    "Curators used the closure to clean the paintings that hung there and to move the"
    " smaller works into a new room designed to keep the light and the air steady all year.",
    "The east wing's first show will bring together the museum's landscapes of the coast,"
    " some of them not seen by visitors for more than thirty years, the director said.",
    "Tickets for the opening weekend go on sale next month.",
]


def _page(closing: str) -> str:
    head = "Home\nArts\nMuseum's east wing to reopen in June\nBy Ann Lee\nMay 1, 2021"
    foot = closing + "\nSIGN UP for our newsletter\n\nPrivacy Policy, Terms of Use"
    return head + "\n\n" + "\n\n".join(_BODY) + "\n\n" + foot


def test_a_question_over_a_newsletter_appeal_goes_with_it() -> None:
    article = clean_pasted_text(_page("Like this article?"))
    assert list(article.body) == _BODY
    assert "Like this article?" in article.removed


def test_a_tweet_button_glued_to_a_pull_quote_is_cut_off() -> None:
    """A blog's pull quote ends with its share button glued on ("...for years.Click To
    Tweet"): the paragraph stays without it, and the removed lines show the button."""
    quote = "Every library is a seed bank for ideas that take years to grow."
    page = _page("").replace(_BODY[1], _BODY[1] + "\n\n" + quote + "Click To Tweet")
    article = clean_pasted_text(page)
    assert quote in article.body
    assert "Click To Tweet" in article.removed


def test_an_aside_in_brackets_stays_but_a_label_goes() -> None:
    """A writer's aside set as its own paragraph in brackets, "(I know, a bold claim, right?)",
    is the text's; a bracketed label ("[Photo]") is not."""
    aside = "(I know, a bold claim, right?)"
    page = _page("").replace(_BODY[1], _BODY[1] + "\n\n" + aside + "\n\n[Photo]")
    article = clean_pasted_text(page)
    assert aside in article.body
    assert "[Photo]" in article.removed


def test_contribute_as_a_sentences_verb_is_no_appeal() -> None:
    """"can contribute to poor sleep" is the text's verb; "Contribute to our work" asks."""
    line = "Long closures can contribute to lower visitor numbers for years."
    page = _page("").replace(_BODY[1], _BODY[1] + "\n\n" + line)
    assert line in clean_pasted_text(page).body
    page = _page("").replace(_BODY[1], _BODY[1] + "\n\nContribute to our work today.")
    assert "Contribute to our work today." in clean_pasted_text(page).removed
