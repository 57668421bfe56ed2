"""Direct and mixed quotes come out whole: split quotes join, no quote is dropped (the
filter is off: these check the rules)."""

from __future__ import annotations

import pytest

from bot.attribution import extract_attributions, quote_spans
from bot.model import Kind
from tests.rule_helpers import one_attribution as _one
from tests.rule_helpers import rule_attributions as _all


def test_long_post_cue_speaker_with_a_prepositional_tail_keeps_both_quotes() -> None:
    body = ['"Our plan was never tried," said the former chief of staff to Governor Ann '
            'M. Poole. "If it fails now, nobody will try it again."']
    att = _one(body, "never tried")
    assert att.speaker == "the former chief of staff to Governor Ann M. Poole"
    assert att.content == ('"Our plan was never tried," "If it fails now, nobody will try '
                           'it again."')


def test_unquoted_lead_before_a_comma_is_no_long_inverted_speaker() -> None:
    # The longer speaker is allowed after a quote only: here "said" opens the report.
    body = ["Ann Poole, chair of the budget committee, said the director of the regional "
            "office for the county's roads quit in March."]
    assert all(not a.speaker_text.startswith("the director") for a in _all(body))


def test_quote_resumes_after_an_aside_following_its_cue() -> None:
    body = ["“Every time you say that,” Poole said, pointing at the chart, “you hand the "
            "other side a gift.”"]
    att = _one(body, "Every time")
    assert att.content == "“Every time you say that,” “you hand the other side a gift.”"
    assert att.kind.value == "direct"


def test_aside_with_a_report_of_its_own_does_not_join() -> None:
    body = ["“We are ready,” Poole said, and Jones said, “We are not.”"]
    att = _one(body, "We are ready")
    assert "not" not in att.content


def test_opening_curly_mark_at_the_end_closes_the_quote() -> None:
    text = "“A is wrong,” Ann wrote. “B is right. See this link .“"
    assert quote_spans(text) == [(0, 13), (25, len(text))]
    att = _one([text], "A is wrong")
    assert att.content == "“A is wrong,” “B is right. See this link .“"


def test_quote_claimed_by_an_earlier_cue_is_not_taken_again() -> None:
    body = ["When a man in the crowd shouted, “Liar,” Poole joked, again raising her "
            "voice, “Say that to my face!”"]
    atts = _all(body)
    poole = [a for a in atts if a.speaker == "Poole"]
    assert [a.content for a in poole] == ["“Say that to my face!”"]


def test_quote_after_a_particle_and_comma_is_the_content() -> None:
    body = ["Ann responds with, “Why now?” Ben then writes back, “You look tired.”"]
    assert _one(body, "look tired").content == "“You look tired.”"


def test_quote_goes_on_after_a_relative_clause_report() -> None:
    body = ["“The plan is dead,” said Ann Poole, a former mayor who said she would not run "
            "again. “Nobody wants it.”"]
    att = _one(body, "plan is dead")
    assert att.content == "“The plan is dead,” “Nobody wants it.”"


def test_but_and_a_quote_after_the_cue_go_on_with_the_report() -> None:
    body = ['"You know, I like Ann," he said, but "when it comes to roads, Ann has a habit '
            'of spending too much."']
    att = _one(body, "I like Ann")
    assert att.content.endswith('but "when it comes to roads, Ann has a habit of spending '
                                'too much."')
    assert att.kind.value == "mixed"


def test_but_and_the_writers_clause_after_the_cue_stay_out() -> None:
    body = ['"Are you winning?" Ann said, but Ben was drifting off again, as the speech went '
            'on about "a rigged system."']
    att = _one(body, "winning")
    assert att.content == '"Are you winning?"'


def test_quote_with_a_short_lead_in_goes_on_after_a_post_cue() -> None:
    body = ['"It\'s a stunt," she says. It\'s "the oldest trick in the book."']
    att = _one(body, "stunt")
    assert att.content == '"It\'s a stunt," It\'s "the oldest trick in the book."'


def test_sentence_with_its_own_report_verb_is_not_a_lead_in() -> None:
    body = ['"It\'s a stunt," she says. Ben called it "the oldest trick in the book."']
    att = _one(body, "stunt")
    assert att.content == '"It\'s a stunt,"'


def test_clause_that_runs_into_a_quote_before_its_cue_is_the_content() -> None:
    body = ['The board\'s plan "is the worst idea in a decade," Ann Poole, the mayor, said.']
    att = _one(body, "worst idea")
    assert att.content == 'The board\'s plan "is the worst idea in a decade,"'
    assert att.kind.value == "mixed"


def test_lead_set_off_by_a_colon_stays_out_of_the_quote() -> None:
    body = ['Ann Poole listed the rules: "Be kind and be brief," she said.']
    att = _one(body, "Be kind")
    assert att.content == '"Be kind and be brief,"'


def test_state_abbreviation_inside_a_post_cue_subject_ends_no_sentence() -> None:
    body = ["''The roads are a disgrace,'' Ann Poole, 67, a retired school bus driver in "
            "Allentown, Pa., said in a follow-up interview."]
    att = _one(body, "disgrace")
    assert att.speaker == "Ann Poole"
    assert att.content == "''The roads are a disgrace,''"


def test_inverted_speaker_familiar_with_something_is_one_speaker() -> None:
    body = ['"The numbers will not hold," said one senior Democrat familiar with the county '
            "party's finances, who asked not to be named."]
    att = _one(body, "numbers will not hold")
    assert att.speaker_text.startswith("one senior Democrat familiar with")


def test_an_inch_mark_neither_closes_nor_opens_a_quote() -> None:
    text = "“Why is he only 5’2”. You can’t trust him.” He owns a 34\" screen."
    assert [text[s:e] for s, e in quote_spans(text)] == [
        "“Why is he only 5’2”. You can’t trust him.”"]


def test_a_hearer_before_a_quote_is_no_inverted_speaker() -> None:
    body = ['Poole, holding back tears, asked the county board "If you cannot tell us the '
            'truth, why should we trust you?"']
    atts = _all(body)
    assert all(a.speaker != "the county board" for a in atts)
    assert any(a.speaker == "Poole" and "why should we trust you?" in a.content for a in atts)


def test_a_bare_verb_after_and_stays_in_the_reported_clause() -> None:
    body = ['Poole says she would call the chief in and tell him “no more excuses” on Monday.']
    atts = _all(body)
    assert len(atts) == 1
    assert atts[0].content.startswith("she would call the chief in and tell him “no more")


def test_a_quote_that_opens_a_that_clause_runs_to_its_end() -> None:
    body = ['The Poole campaign projects that "a fee of a few cents" on each ticket would '
            'raise $5 million a year.']
    att = _one(body, "a fee of")
    assert att.content == ('that "a fee of a few cents" on each ticket would raise $5 million '
                           'a year.')
    assert att.kind.value == "mixed"


def test_a_quote_that_opens_its_own_sentence_after_the_cue_is_the_report() -> None:
    body = ["Although the county has never tracked the numbers, Poole said about the plan, "
            "“I support parents making the choice.”"]
    att = _one(body, "I support")
    assert att.content == "“I support parents making the choice.”"


def test_a_lower_case_quote_after_the_cue_goes_on_from_the_lead() -> None:
    body = ["The plan is dead, Poole said, “and nobody in this county will revive it.”"]
    att = _one(body, "nobody in this county")
    assert att.content.startswith("The plan is dead")


def test_a_colon_before_a_quote_hands_it_to_the_post_cue() -> None:
    body = ["Sen. Ann Poole scolded him: “The science is against the products you called "
            "‘miracles,’” she said."]
    att = _one(body, "science is against")
    assert att.content == "“The science is against the products you called ‘miracles,’”"


def test_markup_attribute_values_are_not_quotes() -> None:
    text = ('<post author="@harbourcouncil" date="May 2, 2025">The vote is on Tuesday.</post> '
            'The mayor said "we are ready."')
    assert [text[s:e] for s, e in quote_spans(text)] == ['"we are ready."']
    atts = _all([text])
    assert not any("@harbourcouncil" in a.content or "author=" in a.content for a in atts)


def test_a_pronoun_is_placed_as_a_whole_word_when_counting_rival_names() -> None:
    # "he" is also the middle of "The": the person named before the quote is a rival to
    # the earlier speaker, so "he" is not resolved to Tom Reed.
    body = ["Tom Reed said the ferry would run all winter.",
            'The plan was drawn up by Sam Ortiz. "We can do it," he said.']
    att = _one(body, "We can do it")
    assert att.speaker != "Tom Reed"


def test_a_name_with_an_apposition_opens_the_sentence_before_he() -> None:
    body = ["Tom Reed said the ferry would run all winter.",
            "Sam Ortiz, the harbour master, agreed with the mayor and with Ann Webb. "
            "He said the crews were ready."]
    att = _one(body, "the crews were ready")
    assert att.speaker == "Sam Ortiz"


def test_an_inverted_speaker_with_a_relative_clause_keeps_the_quote() -> None:
    body = ['"We are ready," said former mayor Tom Reed, who praised the crews for working '
            "late."]
    att = _one(body, "We are ready")
    assert att.speaker == "Tom Reed" and att.cue == "said"


def test_an_inverted_speaker_in_lower_case_with_an_apposition_after_a_quote() -> None:
    body = ["“She is ready,” said former harbour board chair Ann Webb, a council critic, "
            "referring to the budget. “And the crews are ready too.”"]
    att = _one(body, "She is ready")
    assert att.speaker == "Ann Webb"
    assert "the crews are ready too" in att.content


def test_an_inverted_speaker_whose_relative_clause_ends_the_sentence() -> None:
    body = ["Keeping the ferry is the council's best card, said a handful of councillors "
            "who point to its record."]
    atts = [a for a in extract_attributions(body, min_score=0.0) if a.cue == "said"]
    assert [a.content for a in atts] == ["Keeping the ferry is the council's best card"]
    # a relative clause followed by more of the sentence is the report's, not the speaker's
    body = ["Tom Reed, the former mayor, said the official who replaced him, Ann Webb, "
            "should resign."]
    atts = extract_attributions(body, min_score=0.0)
    assert [a.speaker for a in atts] == ["Tom Reed"]


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue"),
    [
        ('At the meeting, a man in the front row of the public gallery asked her: "Who pays '
         'for the new ferry?"', "a man in the front row of the public gallery", "asked her"),
        ('Small groups of residents walked the harbour wall, waving flags while chanting, '
         '"Keep our ferry running."', "Small groups of residents", "chanting"),
        ("On Monday, after staying silent for weeks, Webb met the board and backed the plan, "
         "saying, “The crews have earned it.”", "Webb", "saying"),
        ("The council's letter goes on to say: “No route will close this year.”",
         "The council's letter", "goes on to say"),
        ('The ferry will run. Said Webb, "The crews have earned every penny of it."', "Webb",
         "said"),
        ('At the time, as harbour master Ann Webb put it, "the boats were older than the '
         'crews."', "harbour master Ann Webb", "put it"),
        ('Asked whether the board would resign, Mr. Reed shot back: "That would suit the '
         'critics."', "Mr. Reed", "shot back"),
        ('As Ann Webb, a harbour master for 20 years, recently put it, "the boats are older '
         'than the crews."', "Ann Webb", "recently put it"),
        ('As Ann Webb put it, "the boats are older than the crews."', "Ann Webb", "put it"),
    ],
)
def test_a_quote_after_a_long_clause_with_its_cue_next_to_it(sentence: str, speaker: str,
                                                             cue: str) -> None:
    atts = extract_attributions([sentence], min_score=0.0)
    assert [(a.speaker_text, a.cue, a.kind) for a in atts] == [(speaker, cue, Kind.DIRECT)]


def test_a_columnist_and_paper_before_a_colon_speak() -> None:
    body = ['Ann Webb, The Harbour Gazette: "The council has kept the ferry and lost the '
            'argument."']
    att = _one(body, "kept the ferry")
    assert (att.speaker, att.speaker_role, att.kind) == ("Ann Webb", "The Harbour Gazette",
                                                         Kind.DIRECT)


def test_a_participle_after_a_quote_ending_in_its_own_comma_goes_on() -> None:
    body = ["At the meeting, she stated, “Without the ferry, the island would have been cut "
            "off for the whole winter,” adding, “I think about 1,500 people rely on it.”"]
    atts = extract_attributions(body, min_score=0.0)
    assert [(a.cue, a.speaker_text) for a in atts if "1,500 people" in a.content] == [
        ("adding", "she")]


def test_a_document_after_its_quote_with_a_plain_verb_speaks() -> None:
    body = ['"Friends, the ferry needs you. Come to the hearing," the leaflet read.']
    att = _one(body, "the ferry needs you")
    assert (att.speaker_text, att.cue, att.kind) == ("the leaflet", "read", Kind.DIRECT)


def test_a_quote_with_a_weaker_verb_beside_a_stronger_report_is_kept() -> None:
    body = ['“Just one minute, let me finish, all right?” she urged them, as she explained '
            "how the vote works."]
    atts = extract_attributions(body, min_score=0.0)
    assert [(a.cue, a.kind) for a in atts if "one minute" in a.content] == [
        ("urged", Kind.DIRECT)]
    assert any(a.cue == "explained" for a in atts)


def test_told_after_an_apposition_is_no_inverted_speaker() -> None:
    # "told X simply, "Q"": X heard it; the speaker is the subject with its apposition
    body = ["Ann Webb, the board's acting chair, told the Harbour Gazette simply, \"We lost "
            'the vote."']
    att = _one(body, "We lost the vote")
    assert (att.speaker, att.content) == ("Ann Webb", '"We lost the vote."')


def test_a_comma_inside_a_number_does_not_end_the_hearer() -> None:
    body = ["After the meeting on Monday, Reed wrote to his 50,000 followers, “It is time to "
            "save the ferry for good,” and shared a link."]
    att = _one(body, "save the ferry")
    assert att.content == "“It is time to save the ferry for good,”"


def test_telling_a_hearer_when_then_a_quote_reports_the_quote() -> None:
    body = ["Webb praised both plans, telling the Gazette in an interview on Monday, “They "
            "are both good for the crews.”"]
    att = _one(body, "both good for the crews")
    assert att.content.startswith("“They are both good")


def test_a_lower_case_pronoun_after_a_when_clause_speaks_with_its_second_verb() -> None:
    body = ["When Reed was asked whether the ferry would run all winter, he laughed and said, "
            "“We will see about that.”"]
    att = _one(body, "We will see")
    assert (att.speaker_text, att.cue) == ("he", "said")


def test_a_report_before_told_and_its_hearer_is_the_report() -> None:
    body = ["The storm closed the harbour overnight, a council source told the Harbour "
            "Gazette."]
    [att] = extract_attributions(body, min_score=0.0)
    assert (att.speaker_text, att.content) == (
        "a council source", "The storm closed the harbour overnight")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("He went further on Tuesday, saying that the ferry would run all winter.", "He"),
        ("Meanwhile, it attacked the council, saying the crews “deserve better than this.”",
         "it"),
        ("The union had sued after the board scrapped what it called the “winter timetable,” "
         "saying that the cuts hurt island families most.", "The union"),
        ("Attention now turns to the vote, with councillors saying a narrow win would settle "
         "the matter.", "councillors"),
    ],
)
def test_a_participle_reports_for_its_clauses_subject(sentence: str, speaker: str) -> None:
    atts = [a for a in extract_attributions([sentence], min_score=0.0) if a.cue == "saying"]
    assert [a.speaker_text for a in atts] == [speaker]


def test_a_passive_question_names_who_asked() -> None:
    body = ["On Sunday, Webb was asked by host Ann Lee whether the ferry would run all winter."]
    atts = extract_attributions(body, min_score=0.0)
    assert [(a.speaker, a.cue, a.content) for a in atts] == [
        ("Ann Lee", "asked", "whether the ferry would run all winter.")]


def test_what_someone_called_a_thing_reports_the_name_they_gave_it() -> None:
    body = ['The plan would be what Webb called a "ferry for every season" approach.',
            "He backed a bill to curb the boards, which he called “a cartel for harbours.”"]
    atts = [a for a in extract_attributions(body, min_score=0.0) if a.cue == "called"]
    assert [(a.speaker_text, a.content) for a in atts] == [
        ("Webb", '"ferry for every season"'), ("he", "“a cartel for harbours.”")]
