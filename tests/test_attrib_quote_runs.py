"""Which report a later quote goes on with, when the cue's sentence hangs a second report
on the same speaker (the filter is off: these check the rules)."""

from __future__ import annotations

from tests.rule_helpers import one_attribution as _one


def test_quote_after_an_adding_clause_goes_on_with_that_clause() -> None:
    # '"A," she said, adding that C. "B."': B goes on from C (one report, as PolNeAR
    # marks it); the opening quote stands alone.
    body = ['"The bridge will open in the spring," Mayor Ann Poole said, adding that the '
            'contractor had finished the deck. "We owe the crews a great deal. They worked '
            'through the winter."']
    first = _one(body, "bridge will open")
    assert first.content == '"The bridge will open in the spring,"'
    second = _one(body, "contractor")
    assert second.content.startswith("that the contractor had finished the deck")
    assert second.content.endswith('They worked through the winter."')


def test_quote_after_a_plain_cue_still_goes_on_with_the_opening_quote() -> None:
    body = ['"The bridge will open in the spring," Mayor Ann Poole said. "We owe the crews '
            'a great deal."']
    att = _one(body, "bridge will open")
    assert "We owe the crews" in att.content


def test_quote_goes_on_past_a_sentence_of_intention() -> None:
    # A stance or plan in the writer's words ("she plans to ...") is no report of speech:
    # the quote after it goes on with the speaker's opening quote.
    body = ['"Nobody should pay for what the council did," said Ann Poole, 44, a nurse from '
            'Dover. She plans to cast her first ballot for the mayor next month. "All of it '
            'was unfair to the families."']
    att = _one(body, "Nobody should pay")
    assert att.content.endswith('"All of it was unfair to the families."')
