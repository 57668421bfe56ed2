"""Reports an editor missed or saw cut wrongly: a typed dash ending the report, a second
report of the same subject after ", and", and a report made "by saying" something.

Rule-level checks with the filter off (``min_score=0.0``), synthetic sentences only.
"""

from __future__ import annotations

from bot.attribution import extract_attributions
from bot.model import Attribution


def _all(body: list[str]) -> list[Attribution]:
    return extract_attributions(body, min_score=0.0)


def _rows(body: list[str]) -> list[tuple[str, str, str]]:
    return [(a.speaker, a.cue, a.content) for a in _all(body)]


def test_a_typed_dash_ends_the_report_as_a_dash_does() -> None:
    for dash in ("--", "—"):
        body = [f"Ann Lee said the budget was sound {dash} but the council voted it down."]
        assert _rows(body) == [("Ann Lee", "said", "the budget was sound")], dash


def test_a_dash_aside_with_but_does_not_end_the_report() -> None:
    body = ["Ann Lee said the city's new budget -- but not the tax plan -- was sound."]
    assert _rows(body) == [("Ann Lee", "said", body[0][len("Ann Lee said "):])]


def test_a_typed_dash_keeps_the_article_text() -> None:
    # The rules read a same-length copy: the content is still the article's own words.
    body = ["Ann Lee said -- in a long speech -- that the budget was sound."]
    atts = _all(body)
    assert atts and all(a.content in body[0] for a in atts)
    assert atts[0].content == "that the budget was sound."


def test_a_second_report_after_and_is_the_same_subjects() -> None:
    for link in ("and", "and then"):
        body = [f"Ann Lee said the budget was sound, {link} pointed out that taxes would fall."]
        assert _rows(body) == [
            ("Ann Lee", "said", "the budget was sound"),
            ("Ann Lee", "pointed out", "that taxes would fall."),
        ], link


def test_pointed_out_is_the_cue_with_its_particle() -> None:
    assert _rows(["Ann Lee pointed out that taxes would fall."]) == [
        ("Ann Lee", "pointed out", "that taxes would fall.")]


def test_a_report_made_by_saying_something() -> None:
    assert _rows(["Ann Lee responded first by saying the budget was sound."]) == [
        ("Ann Lee", "responded first by saying", "the budget was sound.")]
    assert _rows(["Ann Lee opened her speech by noting that taxes would fall."]) == [
        ("Ann Lee", "opened her speech by noting", "that taxes would fall.")]


def test_by_saying_far_from_its_verb_keeps_a_short_cue() -> None:
    body = ["The central bank ended a policy meeting on Friday by announcing it would cut rates."]
    assert _rows(body) == [("The central bank", "by announcing", "it would cut rates.")]


def test_by_arguing_after_a_comma_or_a_modal_is_no_report() -> None:
    # A possibility the writer raises, not something Lee argued.
    body = ["Ann Lee could fight the charge, perhaps by arguing that she acted alone."]
    assert not any("arguing" in a.cue for a in _all(body))


def test_a_source_and_a_dash_before_a_quote_speaks_as_typed() -> None:
    for dash in ("—", "--"):
        body = [f'Ann Lee {dash} "We will not back down from this fight."']
        assert [(a.speaker, a.cue) for a in _all(body)] == [("Ann Lee", dash)], dash


def test_a_two_word_dateline_before_a_quote_is_no_source() -> None:
    body = ['NEW HAVEN -- "The stories begin. The stories end. The work goes on."']
    assert not [a for a in _all(body) if a.speaker == "NEW HAVEN"]


def test_a_cue_set_into_its_clause_with_a_time_or_dashes() -> None:
    for body in ("The deal, Lee said on Tuesday, will close by May.",
                 "The deal — Lee said on Tuesday — will close by May.",
                 "The deal -- Lee said -- will close by May."):
        atts = _all([body])
        assert [(a.speaker, a.content) for a in atts] == [
            ("Lee", "The deal will close by May.")], body


def test_a_linking_word_before_a_set_in_cue_is_the_writers() -> None:
    body = ["Lee backed the plan. But, the former mayor added, it will not pass in May."]
    atts = [a for a in _all(body) if a.cue == "added"]
    assert [a.content for a in atts] == ["it will not pass in May."]


def test_a_relative_clause_between_commas_is_no_cue_set_in() -> None:
    body = ["Ann Lee, who denies the accusation, has avoided the court for years."]
    assert not [a for a in _all(body) if a.content.startswith("Ann Lee")]


def test_an_ed_word_after_takes_or_faces_is_an_adjective() -> None:
    body = ["Cutting daily spending takes continued effort, the advisers said.",
            "The mayor faces renewed criticism from the council."]
    atts = _all(body)
    assert [(a.speaker, a.cue) for a in atts] == [("the advisers", "said")]
    # A plural subject before the same form still reports.
    assert [a.cue for a in _all(["The reports continued that the port was closed."])] == [
        "continued"]


def test_adding_a_thing_to_another_is_no_report() -> None:
    body = ["Try joining a local yoga studio to start adding this exercise to your routine.",
            "The chief's account adds a missing voice to the public record."]
    assert _all(body) == []
    assert [a.cue for a in _all(["The mayor added that the plan to cut fares would fail."])] == [
        "added"]


def test_a_predicate_is_no_speaker() -> None:
    body = ["The port remains so charged that Ann Lee (Ohio), a harbour official, made it "
            "the center of his closing remarks during the hearing."]
    assert not [a for a in _all(body) if (a.speaker or "").startswith("made")]


def test_a_hearer_and_where_after_a_post_posed_told() -> None:
    body = ["The port was only doing what 40 ports already do, Lee told the court in his filing."]
    assert _rows(body) == [("Lee", "told", "The port was only doing what 40 ports already do")]


def test_saying_a_lot_reports_nothing() -> None:
    body = ["They speak barely a word of English, but their smiles said a lot.",
            "Neither side would say so.", "The mayor said as much."]
    assert [a.cue for a in _all(body) if a.cue in ("said", "say")] == []


def test_a_label_before_a_list_of_names_is_no_speaker() -> None:
    body = ["Iowa: Tim Albrecht, Brad Anderson, Rob Barron, Jeff Boeyink and Dave Caris."]
    assert _all(body) == []
    assert [a.speaker for a in _all(["Pence: Flowers Will Not Be at the Debate"])] == ["Pence"]


def test_a_bare_quotes_cue_comes_after_the_apposition() -> None:
    body = ["Ann Lee, star of television’s “Harbour,” thanked the mayor for “taking these steps "
            "to make us all safer.”"]
    assert [(a.speaker, a.cue) for a in _all(body)] == [("Ann Lee", "thanked the mayor for")]


def test_a_law_or_a_participle_opening_the_sentence_is_no_source() -> None:
    body = ['Under Ohio law, theft is committed when a person "takes what is not theirs."',
            'Calling the mayor\'s challenger, Ann Lee, "exactly the partner I need," Bo Chan '
            'spoke for an hour.']
    assert not [a for a in _all(body) if a.speaker in ("Under Ohio", "the mayor's challenger")
                or (a.cue or "").startswith(("law", "challenger"))]


def test_a_participle_on_an_object_is_its_subjects_report() -> None:
    body = ["Ann Lee filed legal papers opposing the harbour sale.",
            "Police released dramatic video showing the rescue of a girl from the harbour."]
    assert [(a.speaker, a.cue) for a in _all(body)] == [("Ann Lee", "opposing"),
                                                         ("Police", "showing")]
    # "for" and "by" keep their own rules: CNN reported, not Lee.
    body = ["Ann Lee blamed the Courier for reporting that the harbour had closed."]
    assert not [a for a in _all(body) if a.speaker == "Ann Lee" and a.cue == "reporting"]
