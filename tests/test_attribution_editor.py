"""Attribution rules for errors an editor sees in digests: nouns read as cues, objects and
hearers read as content, transfers read as reports, asides read as clause ends.

Rule-level checks with the filter off (``min_score=0.0``), synthetic sentences only.
"""

from __future__ import annotations

from bot.attribution import _opens_aside, candidate_attributions, extract_attributions
from bot.model import Attribution


def _all(body: list[str]) -> list[Attribution]:
    return extract_attributions(body, min_score=0.0)


def test_plural_noun_before_from_or_a_list_is_no_cue() -> None:
    body = ["The app carries films and radio shows from Acme Studios, “Blue Hills,” and more.",
            "The archive keeps court reports such as “The Miller Case” and others."]
    assert [a.cue for a in _all(body)] == []


def test_report_verb_still_cues_after_its_subject() -> None:
    att = _all(["She says from long experience that the budget is short."])
    assert [a.cue for a in att] == ["says"]


def test_relative_that_after_an_object_does_not_open_the_content() -> None:
    atts = _all(["Several riders reported bus delays that lasted three hours."])
    assert len(atts) == 1
    assert atts[0].content.startswith("bus delays that lasted")


def test_complementiser_that_after_a_time_adjunct_still_opens_it() -> None:
    atts = _all(["The clerk said Tuesday that counted ballots were missing."])
    assert atts[0].content.startswith("that counted ballots")


def test_naming_verb_ends_at_a_quoted_name_closed_by_its_comma() -> None:
    atts = _all(['Local critics called it the "worst deal in decades," as the mill closed.'])
    assert len(atts) == 1
    assert atts[0].content == 'it the "worst deal in decades,"'  # annotators keep the object
    assert atts[0].speaker_text == "Local critics"


def test_responding_to_something_is_no_report() -> None:
    body = ["What kind of town are we if we respond to insults with insults of our own?"]
    assert _all(body) == []


def test_responding_with_that_is_a_report() -> None:
    atts = _all(["The agency responded to the letter that the figures were wrong."])
    assert atts[0].content.startswith("that the figures")


def test_responding_then_a_participle_keeps_the_speaker() -> None:
    atts = _all(["The mayor responded to the council on Monday, saying the plan was dead."])
    said = [a for a in atts if a.cue == "saying"]
    assert said and said[0].speaker_text == "The mayor"


def test_referring_something_on_is_no_report() -> None:
    assert _all(["The clinic referred the patient to a county hospital."]) == []


def test_referring_to_something_as_is_a_report() -> None:
    atts = _all(["The senator referred to the bill as a gift to lobbyists."])
    assert [a.cue for a in atts] == ["referred to"]


def test_hearer_after_told_is_not_content() -> None:
    atts = _all(["Later, the driver told officers he had not seen the sign."])
    assert len(atts) == 1
    assert atts[0].content.startswith("he had not seen")


def test_naming_verb_runs_on_past_a_name_with_no_comma() -> None:
    # The rules' own cut (bounds=False): the learned end model is not under test here.
    found = candidate_attributions(['She called it a "bad joke" in an interview.'], bounds=False)
    assert found[0][0].content == 'it a "bad joke" in an interview.'


def test_a_dash_aside_does_not_end_the_reported_clause() -> None:
    body = ["The chief, meanwhile, told reporters at a briefing that the city — the oldest "
            "port on the coast — will rebuild its harbor within a decade, officials hope."]
    atts = _all(body)
    assert any("will rebuild" in a.content for a in atts), [a.content for a in atts]


def test_a_dash_aside_resumes_only_with_a_verb() -> None:
    text = "that the port — the oldest one — will grow, and — a new clause — they say so"
    cut = text.index(" — the")
    assert _opens_aside(text, cut, len(text))
    cut = text.index(" — a new")
    assert not _opens_aside(text, cut, len(text))


def test_a_score_sheets_added_is_no_report() -> None:
    body = ["Ann Lee added her seventh goal of the season for the Rovers.",
            "Jo Park added three assists as the Rovers won 5-1."]
    assert _all(body) == []


def test_added_before_a_clause_still_reports() -> None:
    atts = _all(["The mayor added 300 jobs would go by the spring."])
    assert [(a.cue, a.content) for a in atts] == [("added", "300 jobs would go by the spring.")]
    assert [a.cue for a in _all(["The mayor added that 300 jobs would go."])] == ["added"]


def test_a_response_verb_ending_the_paragraph_is_no_crash() -> None:
    # The rule for "respond to" read the word after the cue without checking there was one
    # (a pasted fragment ending "..., Sembler responded" raised IndexError in the CLI).
    assert _all(["When asked why, the mayor responded"]) == []
