"""Who is named as the speaker: made-up sentences, the candidate filter off (the rules are
under test, not the trained model)."""

from __future__ import annotations

import pytest

from bot.speakers import named_before
from tests.rule_helpers import one_attribution


@pytest.mark.parametrize(
    ("sentence", "needle", "speaker"),
    [
        # Two commas inside the appositive: the rules stopped at the last one.
        ("Gustav Rilke, research director for Helio Partners, a consulting firm, said the "
         "merger was built to avoid taxes.", "merger was built", "Gustav Rilke"),
        ("Dana Fenwick, 61, a retiree in Marlow, Ill., said she would vote for the mayor.",
         "she would vote", "Dana Fenwick"),
        ("Just last week, P.J. Ormond, editor at large of The Ledger, a weekly paper, wrote "
         "that the council had failed.", "council had failed", "P.J. Ormond"),
        # A town and its state: the state is no speaker.
        ("Stacy Brill of Dunmore, South Carolina says she thinks the senator can win.",
         "senator can win", "Stacy Brill of Dunmore"),
    ],
)
def test_name_before_an_appositive_is_the_speaker(sentence: str, needle: str,
                                                  speaker: str) -> None:
    att = one_attribution([sentence], needle)
    assert att.speaker == speaker


def test_inserted_report_is_no_appositive() -> None:
    # "Mr. Oban, officials said, has ...": the officials speak about Mr. Oban.
    att = one_attribution(["Mr. Oban, officials said, has grown wary of the plan."], "wary")
    assert att.speaker == "officials"


@pytest.mark.parametrize(
    "before",
    ["In Dallas, ", "WASHINGTON, ", "Early Tuesday, ", "Meanwhile, ", "It rained. Later, "],
)
def test_a_lead_in_is_no_name(before: str) -> None:
    assert named_before(before, "a spokesman for the city") is None
