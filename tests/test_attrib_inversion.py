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


def test_during_ends_an_inverted_speaker() -> None:
    # "during the forum in Reno" says when it was said: it is no part of the speaker.
    found = _cands("“We have to do better,” said Ann Poole during the forum in Reno, "
                   "suggesting that the party was split.")
    assert [(a.speaker, a.content) for a in found] == [
        ("Ann Poole", "“We have to do better,”"),
        ("Ann Poole", "that the party was split."),
    ]


def test_participial_aside_yields_to_the_subjects_own_verb() -> None:
    # "noting A" is an aside between the subject and its verb: "said" reports the quote.
    found = _cands('Sen. Ann Poole, noting the long delay in the Senate, said: "We cannot '
                   'wait any longer."')
    assert [(a.cue, a.content) for a in found] == [
        ("noting", "the long delay in the Senate"),
        ("said", '"We cannot wait any longer."'),
    ]


def test_participial_aside_ends_before_a_reported_clause() -> None:
    found = _cands("Mayor Tom Reed, recalling the flood of 1998, said the levee would hold.")
    assert [(a.speaker, a.cue, a.content) for a in found] == [
        ("Tom Reed", "recalling", "the flood of 1998"),
        ("Tom Reed", "said", "the levee would hold."),
    ]


def test_lead_before_who_is_the_antecedent_not_a_report() -> None:
    # The words before ", who joked" name the speaker; they are no report set before it.
    found = _cands("The event drew stars like Ann Poole, Tom Reed and Sam Ives, who joked of "
                   "the hall, ``I have not found my seat yet.''")
    assert [(a.speaker, a.content) for a in found] == [
        ("Sam Ives", "``I have not found my seat yet.''")
    ]
