"""Quotes introduced by a colon after words the cue lexicon does not hold: a statement given
out, and a round-up's source after a dash or "from". Made-up paragraphs."""

from __future__ import annotations

from bot.attribution import extract_attributions
from tests.rule_helpers import rule_attributions


def test_a_statement_given_out_introduces_the_next_paragraphs_quote() -> None:
    body = [
        "When the old bridge closed in 1998, Mayor Ann Lee released the following statement:",
        "“We owe the harbour a crossing. I will not rest until it has one.”",
    ]
    found = extract_attributions(body)
    assert [(a.speaker, a.cue, a.paragraph) for a in found] == [
        ("Ann Lee", "released the following statement", 1)
    ]
    assert found[0].content == body[1]


def test_a_statement_given_out_in_the_same_paragraph() -> None:
    found = rule_attributions(
        ["After the vote, the harbour board issued a short statement: “The works begin in May.”"]
    )
    assert [a.speaker_text for a in found] == ["the harbour board"]


def test_a_round_up_names_its_source_after_a_dash() -> None:
    body = [
        "Ferry fares are rising fast - Harbour Watch: “Fares rose by a third in two years, "
        "faster than wages in every district we studied.”"
    ]
    found = rule_attributions(body)
    assert [(a.speaker_text, a.cue) for a in found] == [("Harbour Watch", ":")]


def test_a_round_up_names_its_source_after_from() -> None:
    body = [
        "Not every survey is equal. From the report: “Samples with longer field periods "
        "produced more accurate estimates of turnout.”"
    ]
    found = rule_attributions(body)
    assert [(a.speaker_text, a.cue) for a in found] == [("the report", ":")]

