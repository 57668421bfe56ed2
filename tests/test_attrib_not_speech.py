"""Lines a digest's "Who said what" showed that are no one's speech: a cue word used as a
noun after a modifier, a participle's report taken by the verb before it, and a clause taken
for a speaker. Made-up paragraphs; the filter is off (``rule_attributions``) so each test sees
what the rules find."""

from __future__ import annotations

from tests.rule_helpers import rule_attributions


def _pairs(body: list[str]) -> list[tuple[str, str]]:
    return [(a.speaker_text or "", a.cue or "") for a in rule_attributions(body)]


def test_a_cue_word_after_a_participle_is_a_noun() -> None:
    body = [
        "The mayor continues to give mixed signals about the harbour tunnel.",
        "Residents had a nagging feeling that the tunnel would never open.",
        "Just like the above-displayed tweets, the leaflets were unsourced.",
        "The council gave a convoluted answer to a question about the budget.",
    ]
    assert _pairs(body) == []


def test_a_subject_and_its_verb_still_report() -> None:
    body = [
        "Those surveyed said the harbour tunnel should open next year.",
        "The filing cites a law passed in 1998 that protects the harbour.",
    ]
    assert [p[0] for p in _pairs(body)] == ["Those surveyed", "The filing"]


def test_a_participle_after_a_comma_owns_its_that_clause() -> None:
    body = ["Yet ferry delays have continued, showing that the timetable is a fiction."]
    assert ("ferry delays", "continued") not in _pairs(body)


def test_a_clause_set_off_by_commas_is_no_speaker() -> None:
    body = [
        "Another engineer, former harbour surveyor Ann Lee, revised her own account of the "
        "May meeting to say Bell did, in fact, discuss the tunnel with the council.",
        "As a low-cost, ready-made, fully automatic system, the new lock works with any "
        "barge, supports all cargo types and comes with a set of spare gates.",
    ]
    assert all(len(sp.split()) <= 6 for sp, _ in _pairs(body)), _pairs(body)


def test_a_description_set_off_by_commas_stays_with_its_name() -> None:
    body = ["Ann Lee, 29, of Harbour Town, Maine, says the tunnel is overdue.",
            "Ralph Bell, still blamed by the council for the delay, says the plans were sound."]
    assert [sp for sp, _ in _pairs(body)] == [
        "Ann Lee, 29, of Harbour Town, Maine", "Ralph Bell, still blamed by the council for "
        "the delay"]


def test_a_degree_word_makes_the_cue_an_adjective() -> None:
    body = ["If other plans, such as the ferry levy, end up seeming more promising, the "
            "tunnel money may have been wasted."]
    assert [cue for _, cue in _pairs(body)] == []


def test_a_participle_pointing_into_the_text_reports_nothing() -> None:
    body = ["We weighed our forecasts as well as the potential costs outlined above in our "
            "estimate for the tunnel: note that the upside is a rough guess."]
    assert _pairs(body) == []


def test_a_kind_named_by_an_example_is_no_speaker() -> None:
    body = [
        "While ferries already run, a harbour like Boston demands investment on a vast scale.",
        "A city such as Lagos needs ferries on a vast scale, the engineers said.",
    ]
    assert [sp for sp, _ in _pairs(body)] == ["the engineers"]


def test_a_page_label_before_a_colon_is_no_speaker() -> None:
    body = ["Disclaimer: The views expressed by the experts on this site are their own.",
            "Source: Harbour Board annual report, tables 3 and 4"]
    assert _pairs(body) == []


def test_a_possessive_ends_no_inverted_speaker() -> None:
    body = ["Ann Lee, a professor at Harbour College, said the mayor’s “habit of changing his "
            "mind” had delayed the tunnel."]
    assert _pairs(body) == [("Ann Lee, a professor at Harbour College", "said")]


def test_a_clause_after_a_comma_and_a_conjunction_is_not_the_verbs_object() -> None:
    body = ["That is less than the $4 million figure Lee cited, but it is close to the "
            "board's own estimate."]
    assert _pairs(body) == []


def test_who_after_a_verb_asks_a_question() -> None:
    body = ["That is when the crew first learned who had written it, and found the "
            "answer surprising."]
    assert all(not sp.endswith("who") for sp, _ in _pairs(body)), _pairs(body)


def test_showing_no_signs_is_no_report() -> None:
    body = ["The other 12 passengers have showed no signs or symptoms of the fever.",
            "A new poll shows a close race in the harbour district."]
    assert _pairs(body) == [("A new poll", "shows")]


def test_a_subject_after_whether_asks_a_question() -> None:
    body = ["The mayor gives mixed messages about whether he actually wants a tunnel and if "
            "the levy will ever be lifted."]
    assert all(sp != "he" for sp, _ in _pairs(body)), _pairs(body)


def test_a_report_set_off_after_the_speaker_is_not_shown_as_the_speaker() -> None:
    body = ["“It depends on the budget,” responded harbour chief Ann Lee, noting that there "
            "was no money for a second tunnel, even if one were possible."]
    assert {sp for sp, _ in _pairs(body)} == {"harbour chief Ann Lee"}
