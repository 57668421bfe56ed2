"""An unnamed source's terms for speaking are no report of theirs, and the report after them
is found even where the source's description runs long.

Rule-level checks with the filter off (``min_score=0.0``), synthetic sentences only.
"""

from __future__ import annotations

from bot.attribution import extract_attributions


def _rows(body: list[str]) -> list[tuple[str, str, str]]:
    return [(a.speaker, a.cue, a.content) for a in extract_attributions(body, min_score=0.0)]


def test_asking_not_to_be_named_is_not_the_report() -> None:
    body = ["A logistics manager at a Los Angeles importer, who asked not to be named because "
            "she was not authorized to speak to the media, said the company had lost two "
            "major orders."]
    assert _rows(body) == [("A logistics manager at a Los Angeles importer", "said",
                            "the company had lost two major orders.")]
    (att,) = extract_attributions(body, min_score=0.0)
    assert att.anonymous


def test_other_ways_of_asking_for_anonymity() -> None:
    for terms in ("asked to remain anonymous", "asked for anonymity",
                  "asked that her name not be used", "asked not to be identified"):
        body = [f"One resident, who {terms} for fear of reprisals, said the water had been "
                "brown for a week."]
        rows = _rows(body)
        assert [cue for _, cue, _ in rows] == ["said"], (terms, rows)


def test_an_ask_of_others_is_still_a_report() -> None:
    # Only the source's own terms are left out: asking others something is reported speech.
    body = ["The mayor asked residents not to be alarmed by the sirens."]
    assert _rows(body) == [("The mayor", "asked", "residents not to be alarmed by the sirens.")]


def test_a_long_subject_before_an_inserted_clause_must_be_a_plain_noun_phrase() -> None:
    # A clause with its own verb before the inserted one is no speaker of the "said".
    body = ["The board approved the plan in a closed session last week, a spokeswoman, Ann "
            "Lee, said on Saturday."]
    assert all(sp != "The board approved the plan in a closed session last week"
               for sp, _, _ in _rows(body))
