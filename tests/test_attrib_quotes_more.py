"""More quote shapes: mistyped opening marks, and short pronoun tails after a quote (the
filter is off: these check the rules)."""

from __future__ import annotations

from bot.attribution import quote_spans
from tests.rule_helpers import one_attribution as _one
from tests.rule_helpers import rule_attributions


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


def test_round_up_line_with_a_lower_case_role_quotes_its_source() -> None:
    body = ['Ann Poole, author: "I am tired of being told whom to vote for. The two parties '
            'have failed us."']
    att = _one(body, "tired of being told")
    assert att.speaker_text == "Ann Poole, author"
    assert att.cue == ":"
    assert att.content.startswith('"I am tired') and att.kind.value == "direct"


def test_round_up_line_with_a_long_role_quotes_its_source() -> None:
    body = ['Rob Lee, editor of The Daily Ledger: "The mayor has convinced more voters that '
            'the plan is dead."']
    att = _one(body, "convinced more voters")
    assert att.speaker_text == "Rob Lee, editor of The Daily Ledger"


def test_page_label_before_a_colon_names_no_source() -> None:
    body = ['The Latest: "The bridge is closed to all traffic until further notice."']
    assert not any(a.speaker_text == "The Latest" for a in rule_attributions(body))


def test_quote_opening_on_a_lower_case_word_takes_its_sentence_start() -> None:
    # The quote ends a sentence the writer began: the lead is the speaker's report too.
    body = ["Workers treated well stay, and although paid leave costs money, \"you can't put "
            'a price tag on a stable workforce," Perez says.']
    att = _one(body, "price tag")
    assert att.content == ("Workers treated well stay, and although paid leave costs money, "
                           "\"you can't put a price tag on a stable workforce,\"")
    assert att.kind.value == "mixed"


def test_quote_opening_a_sentence_of_its_own_stands_alone() -> None:
    body = ['Paid leave costs money, "We cannot put a price tag on a stable workforce," Perez '
            "says."]
    att = _one(body, "price tag")
    assert att.content == '"We cannot put a price tag on a stable workforce,"'


def test_quote_paragraph_after_a_colon_before_any_other_report() -> None:
    # The colon's speaker stands in the paragraph before, and no report came earlier.
    body = ["The Daily Ledger reports:",
            '"In a sign of the council\'s lack of interest, only 24 people came to the '
            'hearing on the bridge."']
    att = _one(body, "lack of interest")
    assert att.speaker_text == "The Daily Ledger"
    assert att.paragraph == 1


def test_short_outcry_opening_its_sentence_has_its_speaker_after_it() -> None:
    body = ['"Get out!" roared the chairman of the board.']
    att = _one(body, "Get out")
    assert att.speaker_text == "the chairman of the board"
    assert att.content == '"Get out!"'


def test_short_title_in_quotes_is_no_outcry() -> None:
    # No comma, "!" or "?" inside the marks: a name, not an utterance.
    body = ['"Hamilton" opened the season at the theater.']
    assert not any("Hamilton" in a.content for a in rule_attributions(body))


def test_short_quote_after_a_verb_of_outcry_is_what_was_voiced() -> None:
    body = ["The mayor walked onto the stage, chanting “O-H-I-O! O-H-I-O!”"]
    att = _one(body, "O-H-I-O")
    assert att.speaker_text == "The mayor"
    assert att.content == "“O-H-I-O! O-H-I-O!”"


def test_short_quote_after_another_verb_is_no_outcry() -> None:
    body = ["The mayor walked onto the stage, carrying “O-H-I-O! O-H-I-O!”"]
    assert not any("O-H-I-O" in a.content for a in rule_attributions(body))


def test_fragment_quote_takes_a_lead_that_quotes_the_same_speaker() -> None:
    body = ['"I don\'t think the old view" -- that the mayor is a spendthrift -- "is going to '
            'last," Poole says.']
    att = _one(body, "going to last")
    assert att.content.startswith('"I don\'t think the old view" -- that the mayor')
    assert att.content.endswith('"is going to last,"')


def test_bare_quote_takes_the_whole_list_of_quotes() -> None:
    body = ['The mayor had two slogans: "Potholes get fixed in a week" and "No bridge stays '
            'closed for a winter."']
    att = _one(body, "Potholes")
    assert att.content == ('"Potholes get fixed in a week" and "No bridge stays closed for a '
                           'winter."')


def test_two_quotes_side_by_side_are_no_list() -> None:
    body = ['The mayor had two slogans: "Potholes get fixed in a week" "No bridge stays closed '
            'for a winter."']
    found = [a.content for a in rule_attributions(body) if "Potholes" in a.content]
    assert found and all("No bridge" not in c for c in found)
