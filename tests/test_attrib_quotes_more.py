"""More quote shapes: mistyped opening marks, and short pronoun tails after a quote (the
filter is off: these check the rules)."""

from __future__ import annotations

from bot.attribution import quote_spans
from tests.rule_helpers import one_attribution as _one


def test_closing_mark_that_opens_a_paragraph_opens_its_quote() -> None:
    # Pasted comments often open with the wrong curly mark (and a bidi mark before it).
    text = "\u202a”Sorry Sam, you should have stayed home!!” posted Jane Roe."
    assert quote_spans(text) == [(1, text.index(" posted"))]


def test_closing_mark_alone_at_a_paragraph_start_opens_nothing() -> None:
    assert quote_spans("” and the rest of the line") == []


def test_quote_with_a_mistyped_opening_mark_is_its_posters() -> None:
    body = ["\u202a”Sorry Sam, you should have stayed home tonight!!” posted Jane Roe."]
    att = _one(body, "Sorry Sam")
    assert att.speaker == "Jane Roe"
    assert att.content == "”Sorry Sam, you should have stayed home tonight!!”"


def test_quote_then_it_and_a_verb_of_its_own() -> None:
    # "read" reports no one in the lexicon; after a whole quote, "it read" does.
    body = ["The council sent a letter to the mayor on Friday.",
            '"The delay reflects an appalling indifference to the families," it read.']
    att = _one(body, "appalling")
    assert att.speaker_text == "it"
    assert att.cue == "read"
    assert att.content == '"The delay reflects an appalling indifference to the families,"'


def test_quote_then_a_pronoun_with_an_adverb_and_its_verb() -> None:
    body = ['"We will open the bridge in the spring," she now insists.']
    att = _one(body, "bridge")
    assert att.speaker_text == "she"
