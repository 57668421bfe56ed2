"""Candidate rules for reported content: where a report starts, which words are no report.

Rule-level checks with the filter off (``min_score=0.0``), synthetic sentences only.
"""

from __future__ import annotations

from tests.rule_helpers import one_attribution as _one
from tests.rule_helpers import rule_attributions as _all


def test_question_about_skips_the_person_asked() -> None:
    body = ["Ms. Reyes questioned Morrison about his testimony on the July call."]
    att = _one(body, "testimony")
    assert att.content.startswith("his testimony")
    assert att.speaker_text == "Ms. Reyes"


def test_question_opens_at_its_wh_word_not_a_later_that() -> None:
    body = ["A reporter asked Mr. Bell whether the cuts meant that he had broken his pledge."]
    assert _one(body, "cuts").content.startswith("whether the cuts meant")
    body = ["When I asked Ann Poole if she would endorse the mayor, she laughed."]
    assert _one(body, "endorse").content.startswith("if she would endorse")


def test_asked_to_is_not_a_question() -> None:
    body = ["The senator asked the clerk to read the amendment aloud."]
    assert not any(a.content.startswith(("whether", "if")) for a in _all(body))


def test_report_after_a_long_adjunct_starts_at_that() -> None:
    body = ["Judge Ruth Poole said in an interview with The Associated Press last week that "
            "she would not retire."]
    assert _one(body, "retire").content.startswith("that she would not retire")
    body = ["Ms. Reyes says at a campaign stop in Toledo, Ohio, that the plant will reopen."]
    assert _one(body, "reopen").content.startswith("that the plant will reopen")


def test_relative_that_after_an_adjunct_opens_no_report() -> None:
    body = ["Mr. Bell wrote in the long memo he sent to his staff that was leaked on Friday "
            "about the budget."]
    assert not any(a.content.startswith("that was") for a in _all(body))


def test_relative_that_far_after_the_verb_is_no_report() -> None:
    body = ["Officials reported at least 20 victims at a community center that works with "
            "veterans."]
    assert not any(a.content.startswith("that works") for a in _all(body))


def test_weak_verb_with_its_particle_is_a_report_verb() -> None:
    from bot.attribution import candidate_attributions

    body = ["Ms. Reyes called for a special prosecutor to examine the contracts."]
    (got,) = [(a, f) for a, f in candidate_attributions(body) if "prosecutor" in a.content]
    assert got[0].cue == "called for"
    assert "how=pre" in got[1]
    body = ["Ms. Reyes called the contracts a disgrace to the city."]
    assert all("how=weak_pre" in f for _, f in candidate_attributions(body))


def test_passive_agent_is_no_report() -> None:
    assert _all(["The meeting was first reported by the Tribune."]) == []


def test_where_from_or_to_whom_is_no_report() -> None:
    assert _all(["Ann Poole reported from Oakland, Calif."]) == []
    assert _all(["Vindman reported to him."]) == []
    body = ["Vindman reported to him that the call was improper."]
    assert _one(body, "improper").content == "that the call was improper."


def test_testifying_somewhere_reports_nothing() -> None:
    body = ["Vindman and Morrison testified side-by-side before the House Intelligence "
            "Committee on Tuesday."]
    assert _all(body) == []
    body = ["Comey will testify before the House Oversight Committee about the decision."]
    assert _one(body, "decision").content == "about the decision."
    assert _one(["Morrison testified that he saw nothing improper."], "improper").content == (
        "that he saw nothing improper.")


def test_evidence_verb_after_its_content() -> None:
    body = ["The host committee raised $57 million in all, election records show."]
    att = _one(body, "raised")
    assert att.content.startswith("The host committee raised")
    assert att.speaker_text == "election records"
