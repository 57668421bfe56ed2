"""Unquoted (reported) content: where it starts and what it leaves out (bot/attribution.py,
the rules for reported speech)."""

from __future__ import annotations

import pytest

from bot.attribution import _without_relative_aside
from tests.rule_helpers import one_attribution, rule_attributions


@pytest.mark.parametrize("aside", [
    ", who ran the harbour office for a decade,",
    " - who ran the harbour office for a decade -",
    " \u2014 whose office ran the harbour for a decade \u2014",
])
def test_a_relative_aside_between_subject_and_verb_is_left_out(aside: str) -> None:
    body = [f"The mayor said that Ms. Poole{aside} was deeply involved in the depot deal."]
    a = one_attribution(body, "Ms. Poole")
    assert a.content.rstrip(".") == "that Ms. Poole was deeply involved in the depot deal"
    assert a.span is not None and body[0][a.span[0]:a.span[1]].startswith("that Ms. Poole")


def test_an_aside_before_an_adverb_and_verb_is_left_out() -> None:
    body = ["The results suggest that the mayor, who has raised more than any rival, still "
            "faces a hard road to the nomination."]
    a = one_attribution(body, "the mayor")
    assert a.content.rstrip(".") == (
        "that the mayor still faces a hard road to the nomination")


@pytest.mark.parametrize("content", [
    # The relative clause closes on a list item, not on the clause's verb.
    "efforts to close the depot, which serves the harbour and the docks, as well as the pier",
    "the depot, which serves the harbour, especially its ferries, was sold",
    # At the content's start there is no subject for it to describe.
    ", which serves the harbour, was sold",
])
def test_a_relative_clause_stays_where_no_verb_resumes(content: str) -> None:
    assert _without_relative_aside(content, [(0, len(content))]) == [(0, len(content))]


def test_only_unquoted_content_loses_an_aside() -> None:
    body = ['Lee said the depot, which serves the harbour, "is a disgrace to the city."']
    a = one_attribution(body, "disgrace")
    assert "which serves the harbour" in a.content


def test_declined_with_a_figure_is_a_fall_not_a_refusal() -> None:
    assert rule_attributions(
        ["Trade between the two ports declined 40 percent in the first six months."]) == []
    a = one_attribution(["The senator declined to say whether she would run again."],
                        "whether")
    assert a.cue == "declined"
    # The fall itself may still be what someone reported.
    a = one_attribution(["Exports declined 40 percent last year, the ministry said."], "Exports")
    assert a.speaker == "the ministry"


@pytest.mark.parametrize("dateline", [
    "WESTHAVEN (Reuters) - ", "WESTHAVEN, Harbourshire, Dec. 11 (UPI) — ", "(AP) — ",
    "WESTHAVEN ― ",
])
def test_reported_content_leaves_out_the_dateline(dateline: str) -> None:
    body = [f"{dateline}The harbour authority is investigating the ferry operator, according "
            "to two people familiar with the matter."]
    a = one_attribution(body, "The harbour authority is investigating")
    assert a.content.startswith("The harbour authority is investigating the ferry operator")
    assert a.span is not None and a.span[0] == len(dateline)


def test_adding_to_a_count_is_no_report() -> None:
    body = ["The harbour authority is investigating the ferry operator, according to two "
            "people familiar with the matter, adding to a mounting series of problems for it.",
            "The fine added to the council's losses, the mayor said on Monday."]
    found = rule_attributions(body)
    assert not any(a.content.startswith("to ") for a in found), [a.content for a in found]
    assert any(a.content.startswith("The harbour authority") for a in found)


@pytest.mark.parametrize(("sentence", "cue"), [
    ("The company did not disclose the actual number of jobs it would cut.", "did not disclose"),
    ("Mr. Quist never said that the council would close the depot.", "never said"),
    ("The mayor has not publicly said that she will run again.", "has not publicly said"),
    ("Police did not say whether the man was armed.", "did not say"),
    ("The council said that it would not close the depot.", "said"),
    ("The council, which did not meet, said the depot would close.", "said"),
])
def test_the_cue_keeps_its_negation(sentence: str, cue: str) -> None:
    """A digest must not read "did not disclose" as a disclosure."""
    (a,) = rule_attributions([sentence])
    assert a.cue == cue


@pytest.mark.parametrize("hearer", ["reporters on Saturday", "the council", "them in an interview"])
def test_a_participle_reports_from_that_past_its_hearer(hearer: str) -> None:
    body = [f"The mayor spoke in Westhaven, telling {hearer} that the depot would close in March."]
    a = one_attribution(body, "the depot would close")
    assert a.content.startswith("that the depot would close in March")


@pytest.mark.parametrize("subject", ["he’ll", "he'll", "she’s", "they’d", "he will"])
def test_told_a_hearer_then_a_contracted_subject(subject: str) -> None:
    body = [f"Mr. Quist told POLITICO {subject} work to close the depot by March."]
    a = one_attribution(body, "close the depot")
    assert a.content.startswith(f"{subject} work to close the depot")
