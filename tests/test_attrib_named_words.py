"""A subject naming the words it used ('has used the phrase "A"'): the quote is its report
(the filter is off: these check the rules)."""

from __future__ import annotations

from tests.rule_helpers import one_attribution as _one
from tests.rule_helpers import rule_attributions


def test_used_the_phrase_reports_the_quote() -> None:
    body = ['Mayor Ann Poole has often used the phrase "harbour first" in her speeches.']
    att = _one(body, "harbour first")
    assert att.speaker_text == "Mayor Ann Poole"
    assert att.content == '"harbour first"'
    assert att.cue == "has often used the phrase"


def test_coined_the_term_in_a_sentence_with_a_report_verb() -> None:
    body = ['Poole coined the term "rain tax" last year and said the name would stick.']
    att = _one(body, "rain tax")
    assert att.speaker_text == "Poole"
    assert att.content == '"rain tax"'


def test_the_phrase_without_a_subject_reports_nothing() -> None:
    body = ['The phrase "rain tax" appeared on every poster.']
    assert not [a for a in rule_attributions(body) if "rain tax" in a.content]
