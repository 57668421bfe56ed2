"""Candidate rules for reported content: where a report starts, which words are no report.

Rule-level checks with the filter off (``min_score=0.0``), synthetic sentences only.
"""

from __future__ import annotations

from bot.attribution import extract_attributions
from bot.model import Attribution


def _all(body: list[str]) -> list[Attribution]:
    return extract_attributions(body, min_score=0.0)


def _one(body: list[str], needle: str) -> Attribution:
    hits = [a for a in _all(body) if needle in a.content]
    assert len(hits) == 1, (needle, [a.content for a in _all(body)])
    return hits[0]


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
