"""Where reported content starts and ends: rule-level span checks (the filter is off)."""

from __future__ import annotations

from bot.attribution import extract_attributions
from tests.rule_helpers import one_attribution as _one


def test_quote_after_an_adjunct_is_the_content() -> None:
    body = ["The mayor said at a town hall on Monday, “We will not close the library.”"]
    att = _one(body, "close the library")
    assert att.content == "“We will not close the library.”"
    assert att.speaker == "The mayor"


def test_quote_after_a_hearer_is_the_content() -> None:
    body = ["Ms. Reyes told the board on Tuesday, “The budget is broken.”"]
    assert _one(body, "budget is broken").content == "“The budget is broken.”"


def test_quote_closed_by_its_stop_ends_the_content() -> None:
    body = ["Canova wrote to his followers, “It is time to end this,” and shared a link."]
    att = _one(body, "time to end this")
    assert att.content == "“It is time to end this,”"


def test_a_clause_after_the_verb_is_not_cut_back_to_the_quote() -> None:
    # A quote that opens a longer report without closing on its own stop stays in it.
    body = ["The senator said “excessive” fees were hurting small farms."]
    assert _one(body, "small farms").content.endswith("hurting small farms.")


def test_second_report_after_and_is_its_own() -> None:
    body = ["The senators said they found the letter troubling and said it raised more questions."]
    first = _one(body, "found the letter")
    second = _one(body, "raised more questions")
    assert first.content == "they found the letter troubling"
    assert second.content == "it raised more questions."
    assert first.speaker == second.speaker == "The senators"


def test_but_said_keeps_the_subject() -> None:
    body = ["The governor declined to name the delegates but said one was a Trump supporter."]
    assert _one(body, "Trump supporter").speaker == "The governor"


def test_adjunct_after_said_is_no_inverted_speaker() -> None:
    body = ['"It is plagiarism," Ann Poole, the campaign\'s strategist, said just after '
            "midnight on CNN."]
    att = _one(body, "plagiarism")
    assert att.speaker == "Ann Poole" and att.content == '"It is plagiarism,"'


def test_participle_after_a_report_starts_its_own() -> None:
    body = ["Sanders said the plan was dead, arguing that voters would reject it."]
    assert _one(body, "plan was dead").content == "the plan was dead"
    arguing = _one(body, "voters would reject")
    assert arguing.cue == "arguing" and arguing.speaker == "Sanders"


def test_title_case_headline_verb() -> None:
    body = ["Hollande Says Donald Trump Makes Him Want To Retch", "The French president spoke."]
    att = _one(body, "Makes Him Want")
    assert att.speaker == "Hollande" and att.cue == "says"
    assert att.content == "Donald Trump Makes Him Want To Retch"


def test_capitalised_verb_in_running_text_is_no_cue() -> None:
    body = ["Simon Says is a game the children played before the Mayor said it was over."]
    assert [a.cue for a in extract_attributions(body, min_score=0.0)] == ["said"]


def test_short_adjunct_after_a_postposed_cue() -> None:
    body = ["The treaty is a disgrace, Hollande said Tuesday in Paris, noting that the vote "
            "was close."]
    said = _one(body, "disgrace")
    assert said.content == "The treaty is a disgrace" and said.speaker == "Hollande"
    noting = _one(body, "vote was close")
    assert noting.cue == "noting" and noting.speaker == "Hollande"


def test_a_plural_noun_after_a_possessive_is_no_cue() -> None:
    """'kept Spain's hopes alive': "hopes" is a noun there, and nothing is reported; a
    noun that introduces a report ('his rival's claims that ...') still may be one."""
    body = ["Rafael Nadal kept Spain’s hopes alive, then Feliciano Lopez completed the comeback."]
    assert extract_attributions(body) == []
