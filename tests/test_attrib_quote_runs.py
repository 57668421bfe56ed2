"""Which report a later quote goes on with, after a quote and its cue (the filter is off:
these check the rules)."""

from __future__ import annotations

from tests.rule_helpers import one_attribution as _one


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
