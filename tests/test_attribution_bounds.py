"""Where unquoted reported content ends: words after the report that belong to the cue.

Rule-level checks with the cut model and the filter off, made-up sentences only.
"""

from __future__ import annotations

from bot.attribution import candidate_attributions
from bot.model import Attribution


def _contents(body: list[str]) -> list[str]:
    return [a.content for a, _ in candidate_attributions(body, bounds=False)]


def _one(body: list[str], needle: str) -> Attribution:
    hits = [a for a, _ in candidate_attributions(body, bounds=False) if needle in a.content]
    assert len(hits) == 1, (needle, _contents(body))
    return hits[0]


def test_channel_after_an_object_is_the_cues() -> None:
    assert _one(["The mayor claimed an easy victory in a tweet on Sunday."],
                "victory").content == "an easy victory"
    assert _one(["Ms. Poole denied the charges through her lawyer."], "charges").content == (
        "the charges")
    assert _one(["Mr. Bell described the deal in print."], "deal").content == "the deal"


def test_channel_inside_a_clause_stays() -> None:
    # The clause has its own verb: the interview may be what the clause is about.
    att = _one(["Ms. Poole said the remark was wrong in an interview."], "remark")
    assert att.content.endswith("in an interview.")
    # A channel followed by an object is inside the content ("retelling in a speech the
    # story of ...").
    att = _one(["The video shows Mr. Bell retelling in a speech the story of the flood."],
               "story")
    assert att.content.endswith("of the flood.")


def test_condition_of_anonymity_is_no_part_of_the_report() -> None:
    body = ["Two aides discussed the budget on condition of anonymity because they were not "
            "allowed to speak."]
    assert _one(body, "budget").content == "the budget"
    body = ["An official said the plan was dead, speaking only on the condition that he not "
            "be named."]
    assert "condition" not in " ".join(_contents(body))


def test_but_that_goes_on_reporting() -> None:
    # A second complementiser after "but" is a second report under the same verb.
    body = ["Ms. Poole said the city must repair the bridge, but that she would not raise "
            "taxes to pay for it."]
    assert _one(body, "bridge").content.endswith("to pay for it.")
    # "but that is ..." is a demonstrative and its verb: the writer's clause.
    body = ["Mr. Bell said the budget plan had failed, but that is not the whole story."]
    assert _one(body, "budget").content == "the budget plan had failed"


def test_as_aside_with_only_where_or_when_is_no_report() -> None:
    body = ["That the race is close, as Ann Poole said on the radio on Monday, only raises "
            "the stakes."]
    assert not _contents(body)
    body = ["The bridge will need years of repairs, as the Daily Courier noted in May."]
    assert not any(c.startswith("in May") for c in _contents(body))
    # The aside's clause after the comma is a report of its own.
    body = ["But as the Daily Courier noted in an editorial, the mayor has few critics."]
    assert any("few critics" in c for c in _contents(body))
    # An object after the verb is reported: "as she described her plans".
    assert _one(["Crowds cheered as she described her plans for the bridge."],
                "plans").content.startswith("her plans")


def test_and_with_a_new_subject_ends_the_report() -> None:
    body = ["The mayor agreed to lend the club $5 million, and the county also stepped in "
            "with money."]
    assert _one(body, "lend").content == "to lend the club $5 million"
    body = ["Ms. Poole said the budget was balanced, and most residents don't expect a tax "
            "rise."]
    assert _one(body, "budget").content == "the budget was balanced"


def test_and_that_or_a_list_goes_on() -> None:
    body = ["Ms. Poole said the budget was balanced, and that the county would hire nurses."]
    assert _one(body, "budget").content.endswith("hire nurses.")
    # An aside between commas, and a relative clause's verb in a list, open no clause.
    body = ["Mr. Bell said the two councils, and the mayor in particular, must do more."]
    assert _one(body, "councils").content.endswith("must do more.")
    body = ["Ms. Poole said the pact joins Ohio, Iowa, and a new region where farms are "
            "small."]
    assert _one(body, "pact").content.endswith("farms are small.")


def test_time_after_a_short_object_is_the_cues() -> None:
    assert _one(["Ms. Poole announced her candidacy in June 2015."],
                "candidacy").content == "her candidacy"
    assert _one(["The council praised the mayor's plan on Thursday."],
                "plan").content == "the mayor's plan"
    # In a clause the time is the clause's own; before an infinitive it is the object's.
    assert _one(["Mr. Bell said the bridge would close in June."], "bridge").content.endswith(
        "in June.")
    assert _one(["The mayor urged the council Wednesday to block the sale."],
                "sale").content.endswith("the sale.")


def test_report_after_a_long_time_and_place_adjunct_starts_at_that() -> None:
    body = ["Ms. Poole said Thursday during a taping of a radio call-in show in Dayton, Ohio, "
            "that the county would hire nurses."]
    assert _one(body, "nurses").content == "that the county would hire nurses."
    body = ["Mr. Bell said at a long meeting of the county board of supervisors in Dayton, Ohio, "
            "on Monday that the bridge would close."]
    assert _one(body, "bridge").content == "that the bridge would close."
    # The look-ahead stops at the sentence's end.
    body = ["Ms. Poole spoke at a long meeting of the county board of supervisors in Dayton. "
            "She said that the bridge would close."]
    assert all(c.startswith("that") for c in _contents(body) if "bridge" in c)


def test_report_in_a_leading_subordinate_clause_ends_at_the_main_clause() -> None:
    body = ["When Ann Poole wrote the memo, she was the county's chief engineer."]
    assert _one(body, "memo").content == "the memo"
    body = ["After Ms. Poole announced her plan to retire, the board met on Monday."]
    assert _one(body, "retire").content == "her plan to retire"
    # An "as" aside reports the main clause; "that" after the comma goes on reporting.
    body = ["As the Daily Courier noted in an editorial, the mayor has few critics."]
    assert any("few critics" in c for c in _contents(body))
    body = ["Although Mr. Bell said that the plan, that the county drew up, was sound, "
            "the board voted no."]
    assert any("drew up" in c for c in _contents(body))


def test_time_after_the_verb_is_no_part_of_the_report() -> None:
    assert _one(["Ms. Poole said Wednesday she agrees with the ruling."],
                "ruling").content == "she agrees with the ruling."
    assert _one(["Mr. Bell announced on Friday the arrest of a man."],
                "arrest").content == "the arrest of a man."
    assert _one(["The mayor said Thursday night they closed the bridge."],
                "bridge").content == "they closed the bridge."
    # A verb right after the time: the cue is a participle ("a merger announced Monday
    # would ..."), and the words stay as they are.
    assert _one(["The merger announced Monday would create a giant."],
                "giant").content.startswith("Monday")


def test_report_in_a_restrictive_relative_ends_before_the_main_verb() -> None:
    body = ["Residents who said the bridge was unsafe were angry at the council."]
    assert _one(body, "bridge").content == "the bridge was unsafe"
    # A second verb after a conjunction or a relative word is the report's own.
    body = ["Voters who say the tax is high and the roads are bad want a change."]
    assert _one(body, "roads").content.startswith("the tax is high and the roads are bad")
    body = ["Ann Poole, who said the bridge was unsafe, was right."]
    assert _one(body, "bridge").content.startswith("the bridge was unsafe")
