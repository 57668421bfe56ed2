"""A bare quote after a dateline: the place is not its speaker. Made-up paragraphs; the
filter off (rule level)."""

from __future__ import annotations

from tests.rule_helpers import rule_attributions


def test_dateline_before_a_bare_quote_is_no_speaker() -> None:
    body = ["Studio Chiefs Look Back.",
            "SPRINGFIELD --  ''The films come and go. The work of the fixer never ends.''"]
    assert not [a for a in rule_attributions(body) if a.speaker_text == "SPRINGFIELD"]


def test_a_name_before_a_dash_still_speaks() -> None:
    body = ["Mr. Ortiz -- \"We will not back down from this fight.\""]
    found = rule_attributions(body)
    assert [(a.speaker_text, a.cue) for a in found] == [("Mr. Ortiz", "--")]


def test_dateline_then_quote_then_cue_keeps_the_cue() -> None:
    body = ["WASHINGTON -- \"We will not back down from this fight,\" the senator said."]
    found = rule_attributions(body)
    assert [(a.speaker_text, a.cue) for a in found] == [("the senator", "said")]


def test_colon_line_opened_by_said_names_the_speaker_after_it() -> None:
    found = rule_attributions(["Said Hollis: “I don’t see any interest in the plan.”"])
    assert [a.speaker_text for a in found] == ["Hollis"]
