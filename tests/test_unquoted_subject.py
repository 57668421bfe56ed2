"""Unquoted cue words that belong to the sentence's subject report nothing.

A participle in the subject ("The bureau cited in his tweet does not exist") and a cue
word in a compound ("a think tank") are no cue of speech.
Rule-level checks with the filter off, synthetic sentences only.
"""

from __future__ import annotations

from tests.rule_helpers import one_attribution as _one
from tests.rule_helpers import rule_attributions as _all


def _contents(body: list[str]) -> list[str]:
    return [a.content for a in _all(body)]


def test_participle_with_a_short_adjunct_before_the_verb_reports_nothing() -> None:
    body = ["The research institute cited in the governor's letter does not exist."]
    assert not any("does not exist" in c for c in _contents(body))
    body = ["The cuts offered in Geneva would, if carried out, fall short of the goal."]
    assert not any("fall short" in c for c in _contents(body))


def test_adjunct_then_a_subject_of_its_own_still_reports() -> None:
    body = ["Ms. Reyes said in a statement the plant would reopen next spring."]
    assert "the plant would reopen" in _one(body, "reopen").content
    body = ["Mr. Bell questioned in recent days whether the mayor has the votes."]
    assert "whether the mayor has the votes" in _one(body, "votes").content


def test_means_after_the_verb_is_no_report() -> None:
    body = ["The mayor, clearly annoyed, responded by cutting the library's budget in half."]
    assert not any(c.startswith("by cutting") for c in _contents(body))


def test_a_verb_with_a_gap_before_its_verb_still_reports() -> None:
    # The object of "said" is the relative's gap: the report is the rest of the clause.
    body = ["It is a risk that bakery executives said could hurt second-quarter earnings."]
    assert _one(body, "earnings").content.startswith("could hurt")
    body = ["The mayor made a deal, a step her aides believe could help unify the council."]
    assert _one(body, "council").content.startswith("could help")


def test_think_tank_and_press_secretary_are_no_cues() -> None:
    body = ["Ann Poole, an analyst at a conservative think tank, spoke at the dinner."]
    assert not any(c.startswith("tank") for c in _contents(body))
    body = ["Jim Bell, press secretary to the governor, was hurt in the crash on Route 9."]
    assert not any(c.startswith("secretary") for c in _contents(body))
    body = ["The governor's press secretary said the budget would pass on Friday."]
    assert "the budget would pass" in _one(body, "budget").content
