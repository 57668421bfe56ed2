"""Quotes and reports read around an inverted cue: NYT-style triple marks, ... (made-up text)."""

from __future__ import annotations

from bot.attribution import Attribution, candidate_attributions


def _cands(text: str) -> list[Attribution]:
    return [a for a, _ in candidate_attributions([text])]


def test_nyt_single_quote_closing_with_the_outer_one_keeps_the_inversion() -> None:
    # "'''" is ' closing inside '' closing: the speaker is after "said", not the stray mark.
    text = "``Nobody calls it 'old-fashioned,''' said Harriet P. Vance, a retired judge."
    found = _cands(text)
    assert [(a.speaker, a.content) for a in found] == [
        ("Harriet P. Vance", "``Nobody calls it 'old-fashioned,'''")
    ]


def test_nyt_triple_mark_opening_a_quote() -> None:
    found = _cands("'''Trivia Night,''' she replied.")
    assert [(a.speaker, a.content) for a in found] == [("she", "'''Trivia Night,'''")]
