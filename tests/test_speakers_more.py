"""Who is named as the speaker: made-up sentences, the candidate filter off (the rules are
under test, not the trained model)."""

from __future__ import annotations

import pytest

from bot.speakers import named_before, parse_speaker
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
        # A town and its state: the state is no speaker (and the town is where she is from).
        ("Stacy Brill of Dunmore, South Carolina says she thinks the senator can win.",
         "senator can win", "Stacy Brill"),
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


@pytest.mark.parametrize(
    ("body", "needle", "speaker"),
    [
        # An organisation's descriptor with its own name in it is no other organisation.
        (["The Harlan County Board said the vote would be delayed.",
          "The Morrow campaign said it would appeal the ruling."], "appeal", "The Morrow campaign"),
        # The role's own head must be the descriptor's: an adviser to a president is none.
        (["Dan Ellery, a senior adviser to President Obama, said the deal was historic.",
          "The president said the accord would last."], "accord would last", "The president"),
        # A text is not whoever issued it.
        (["The Fenwick Institute said the grant would end.",
          "The statement said the board had voted."], "board had voted", "The statement"),
        # "the senator from Vermont" is not "the Ohio senator".
        (["Dale Pryor, the senator from Vermont, said the bill was fair.",
          "The Ohio senator said the bill would fail."], "bill would fail", "The Ohio senator"),
        # A surname is matched as a word: "Day" is no part of "Holiday Weekly".
        (["Holiday Weekly reported that the platform had changed.",
          "Day said the platform was extreme."], "platform was extreme", "Day"),
        # A descriptor before any name is not whoever speaks next.
        (["“The plan is dead,” the senator said.",
          "Ann Voss said the vote would come in May."], "plan is dead", "the senator"),
    ],
)
def test_descriptor_resolves_only_to_who_fits(body: list[str], needle: str,
                                              speaker: str) -> None:
    assert one_attribution(body, needle).speaker == speaker


def test_descriptor_still_resolves_to_who_fits() -> None:
    body = ["Senator Rubio said the bill was fair.",
            "Marco Rubio, the Florida senator, said the bill was fair.",
            "The State Department said the talks would resume.",
            "The agency said the envoy would travel on Monday."]
    assert one_attribution(body, "envoy would travel").speaker == "State Department"


def test_a_town_is_no_surname() -> None:
    body = ["Jason Gilpin of Cheyenne said the plan was good.",
            "Scott Hawes of Cheyenne said the plan was bad."]
    bad = one_attribution(body, "plan was bad")
    assert (bad.speaker, bad.speaker_role) == ("Scott Hawes", "Cheyenne")
    body = ["David Nevis of Showtime said the series was a gamble.",
            "Nevis said the audience would come back."]
    assert one_attribution(body, "audience would come").speaker == "David Nevis"


def test_a_headline_is_no_name() -> None:
    body = ["Sam Ortega Defends Himself Against Claims He Lied About His Past.",
            "Former surgeon Sam Ortega said on Sunday the stories were true.",
            "Ortega told reporters the campaign would go on."]
    assert one_attribution(body, "campaign would go on").speaker == "Sam Ortega"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Gallup’s Jeffrey M. Jones", "Jeffrey M. Jones", "Gallup’s"),
        ("Retired U.S. Air Force Gen. Norman Hale", "Gen. Norman Hale", "Retired U.S. Air Force"),
        ("Maricopa County Recorder Helen Purvis", "Helen Purvis", "Maricopa County Recorder"),
        ("Assistant U.S. Attorney Maya D. Sung", "Maya D. Sung", "Assistant U.S. Attorney"),
        ("the rival’s campaign chief, Vermont Sen. Ben Sands", "Ben Sands",
         "the rival’s campaign chief"),
        ("the Pentagon’s Defense Policy Board", "Pentagon’s Defense Policy Board", None),
    ],
)
def test_name_starts_after_its_owner_and_office(text: str, name: str, role: str | None) -> None:
    ph = parse_speaker(text)
    assert (ph.name, ph.role) == (name, role)


@pytest.mark.parametrize(
    ("sentence", "needle", "speaker"),
    [
        # A day that goes with the participle in the subject stays with it ...
        ("A court document filed Thursday says the firm lied.", "firm lied",
         "A court document filed Thursday"),
        ("A Marist poll released Friday shows the mayor ahead.", "mayor ahead",
         "A Marist poll released Friday"),
        # ... not the day of the saying.
        ("Clinton Tuesday said the plan would work.", "plan would work", "Clinton"),
    ],
)
def test_a_day_in_the_subject(sentence: str, needle: str, speaker: str) -> None:
    assert one_attribution([sentence], needle).speaker == speaker


def test_the_man_is_no_one_of_unknown_sex() -> None:
    body = ["Ann Pryce said the vote was fair.",
            "“They stole the country,” the man shouted.",
            "Ann Pryce said the count would go on."]
    assert one_attribution(body, "stole the country").speaker == "the man"
