"""Organisations as sources: the body behind a document ("according to an analysis by X"),
names with "and" or commas in them, and "it" left unresolved when a company may be meant.

Synthetic sentences only; the shipped filter decides, as in a digest.
"""

from __future__ import annotations

from bot.attribution import extract_attributions
from bot.speakers import parse_speaker


def _speakers(body: list[str]) -> list[tuple[str | None, str]]:
    return [(a.speaker, a.speaker_text) for a in extract_attributions(body, min_score=0.0)]


def test_the_body_behind_a_document_is_the_speaker() -> None:
    body = ["Councils face a gap of £4bn next year, according to new analysis by the Local "
            "Government Association.",
            "The association, which represents 317 councils, said most would raise taxes."]
    atts = extract_attributions(body, min_score=0.0)
    assert [a.speaker for a in atts] == ["Local Government Association"] * 2
    assert atts[0].speaker_text == "new analysis by the Local Government Association"
    assert atts[0].speaker_role == "new analysis"


def test_document_phrases_name_their_issuer() -> None:
    for phrase, name in (("a summary released by the Harbour Workers Union",
                          "Harbour Workers Union"),
                         ("data from the Office for National Statistics",
                          "Office for National Statistics")):
        assert parse_speaker(phrase).name == name, phrase


def test_a_poll_from_a_place_is_not_the_place_speaking() -> None:
    assert parse_speaker("A poll from Utah").name is None


def test_a_ministry_named_with_commas_is_one_speaker() -> None:
    body = ["A spokesperson for the Ministry of Housing, Communities and Local Government "
            "said funding had risen by 6.8%."]
    assert [s for s, _ in _speakers(body)] == [
        "Ministry of Housing, Communities and Local Government"]
    ph = parse_speaker("The Department for Environment, Food and Rural Affairs")
    assert ph.name == "Department for Environment, Food and Rural Affairs"


def test_a_department_named_with_and_is_one_speaker() -> None:
    body = ["The Department of Health and Human Services said the rule takes effect in May."]
    assert [s for s, _ in _speakers(body)] == ["Department of Health and Human Services"]


def test_it_is_not_an_organisation_named_before_a_company() -> None:
    # "It" may be Harbourline, a company the text never calls one: no guess.
    body = ["Delays rose by a third, according to a report from the Ports Research Institute.",
            "Harbourline said it would add ferries. It added that fares would not rise."]
    speakers = [a.speaker for a in extract_attributions(body, min_score=0.0)]
    assert "Ports Research Institute" in speakers
    assert speakers[-1] != "Ports Research Institute"


def test_the_mayor_is_the_mayor_a_spokeswoman_spoke_for() -> None:
    # Not Ann Poole, the defendant named before and after, who has no role given.
    body = ["Ann Poole, 58, pleaded guilty in October to wire fraud.",
            "The city has recovered about $600,000 so far, a spokeswoman for Mayor Tom Reyes "
            "said. The mayor said in a statement that new controls require two signatures.",
            "Poole, who did not speak at the hearing, must report to prison by May 1."]
    mayor = [a for a in extract_attributions(body) if a.speaker_text == "The mayor"]
    assert [a.speaker for a in mayor] == ["Tom Reyes"]


def test_a_role_then_its_name_before_a_participle_report() -> None:
    body = ["Prosecutors had asked for eight years. Poole's lawyer, Kevin Draper, argued for "
            "three, saying his client had cooperated with investigators."]
    saying = [a for a in extract_attributions(body, min_score=0.0) if a.cue == "saying"]
    assert [(a.speaker, a.speaker_role) for a in saying] == [("Kevin Draper", "Poole's lawyer")]


def test_a_name_chain_keeps_its_modifier_and_stops_at_a_second_name() -> None:
    body = ["The Chinese Center for Disease Control and Prevention said it had traced 40 "
            "contacts.",
            "A study by Ann Poole of the University of Chicago and Professor Tom Bell "
            "concluded that fares would have to double."]
    speakers = [a.speaker for a in extract_attributions(body, min_score=0.0)]
    assert speakers[0] == "Chinese Center for Disease Control and Prevention"
    assert "University of Chicago and Professor Tom Bell" not in speakers


def test_a_councillor_is_named_without_the_title() -> None:
    for title in ("Cllr", "Councillor", "Alderman"):
        ph = parse_speaker(f"{title} Sarah Penhaligon")
        assert (ph.name, ph.role) == ("Sarah Penhaligon", title)


def test_a_name_keeps_the_marks_its_words_leave_out() -> None:
    assert parse_speaker("a new report by Harbour! News").name == "Harbour! News"
    assert parse_speaker("Yahoo! Finance").name == "Yahoo! Finance"
    # A no-break space between a name's words is shown as a space.
    assert parse_speaker("Ann\xa0Poole").name == "Ann Poole"
