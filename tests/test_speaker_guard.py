"""Words the cue rules take for a speaker that no reader would call one."""

from __future__ import annotations

import pytest

from bot.attribution import extract_attributions
from bot.speaker_guard import is_dateline, is_not_a_speaker, tidy_speaker


@pytest.mark.parametrize(
    ("words", "tidy"),
    [
        ("The company flat-out", "The company"),
        ("The harbour master always", "The harbour master"),
        ("Others, though", "Others"),
        ("The council's lawyers, however", "The council's lawyers"),
        ("The family", "The family"),  # not an adverb: nothing to cut
        ("Harbourmaster Duncan Reid", "Harbourmaster Duncan Reid"),
        ("always", "always"),  # one word is left alone
        ("a company spokesperson in an email", "a company spokesperson"),
        ("Ann Poole, in a statement", "Ann Poole"),
        ("Ann Poole, on a conference call with reporters", "Ann Poole"),
        ("the harbour master on Twitter", "the harbour master"),
        ("some on Twitter", "some on Twitter"),  # "some" alone says nothing of who
        ("Ann Poole, the chair, during a hearing last week", "Ann Poole, the chair"),
        ("an email obtained by The Harbour Post", "an email obtained by The Harbour Post"),
        ("the man in the statement photo", "the man in the statement photo"),
        # a word or two between the article and the channel
        ("RNC spokesman Dora Quist in a Friday tweet", "RNC spokesman Dora Quist"),
        ("Dora Quist in a Medium post", "Dora Quist"),
        ("a source on the harbour call", "a source on the harbour call"),
        ("a member in the House", "a member in the House"),
        # a subject pronoun right before the cue is the speaker, whatever comes before it
        ("The only regret he", "he"),
        ("Recently she", "she"),
        ("a decision they", "they"),
        ("held a news conference nearby in which he", "he"),
        ("Ann Poole and he", "Ann Poole and he"),  # both of them
        # when it was said, or an aside, after the speaker
        ("The Harbour campaign on Monday", "The Harbour campaign"),
        ("the mayor last week", "the mayor"),
        ("Dock owners, for instance", "Dock owners"),
        ("A report released Monday", "A report released Monday"),
        ("A Quayside poll out Monday", "A Quayside poll out Monday"),
        # a closing mark typed twice before the name is no part of it
        ("’’ Dora Quist, head of Quay Facts", "Dora Quist, head of Quay Facts"),
    ],
)
def test_how_it_was_said_and_a_trailing_adverb_are_cut_from_the_speaker(
    words: str, tidy: str
) -> None:
    assert tidy_speaker(words) == tidy


def test_a_dateline_is_no_speaker_but_a_transcript_label_is() -> None:
    story = ["WESTHAVEN, Maine (AP) — Dock workers walked off the job on Tuesday."]
    assert is_dateline("WESTHAVEN", story, 0)
    assert is_not_a_speaker("WESTHAVEN", story, 0)
    assert is_dateline("NEW DELHI", ["NEW DELHI: Nearly 150 people returned home."], 0)
    transcript = ["REID: We will open the gates at six.", "MARSH: And if the tide is high?"]
    assert not is_dateline("REID", transcript, 0)
    assert not is_dateline("NASA", ["NASA said the launch would slip."], 0)


@pytest.mark.parametrize("opening", ["Shortly", "Critically", "Perhaps", "Do"])
def test_an_opening_adverb_or_auxiliary_is_no_speaker(opening: str) -> None:
    assert is_not_a_speaker(opening, ["..."], 0)
    assert not is_not_a_speaker("Critics", ["..."], 0)


def test_digest_speakers_are_not_adverbs_or_datelines() -> None:
    """In a story, the guards give the speaker the reader would name, or no attribution
    rather than a wrong one."""
    body = [
        "WESTHAVEN, Maine (AP) — The harbour master closed the port on Tuesday, saying the "
        "storm would peak overnight.",
        "The company flat-out denied the report in a statement on Wednesday.",
        "Instead, the council is sticking to its plan, saying the wall would be finished "
        "by the spring.",
    ]
    speakers = [a.speaker_text for a in extract_attributions(body, min_score=0.0)]
    assert "WESTHAVEN" not in speakers and "Instead" not in speakers
    assert "The company" in speakers and "The company flat-out" not in speakers
    assert "the council" in speakers and "The harbour master" in speakers


def test_a_number_with_a_thousands_comma_stays_in_the_speaker() -> None:
    body = ["In fact, one study in over 40,000 adults showed that meal planning improved diets."]
    (found,) = extract_attributions(body, min_score=0.0)
    assert found.speaker_text == "one study in over 40,000 adults"


def test_the_speaker_after_a_quote_is_cut_at_whole_words() -> None:
    """The "a" that opens "a Harbour spokesperson" is found as a word, not inside "said"."""
    body = [
        '"We are cooperating fully with the inquiry," said a Harbour spokesperson when '
        "contacted by the Gazette."
    ]
    speakers = [a.speaker_text for a in extract_attributions(body, min_score=0.0)]
    assert speakers == ["a Harbour spokesperson"]


def test_a_report_after_a_named_speaker_is_not_read_as_inverted() -> None:
    """"Name, role, said <clause>" is the speaker, then the report; only "<clause>, said
    Name, role" is inverted."""
    body = [
        "Mark Wynn, chairman of the county board, said his district received less money.",
        "The fund ran dry in March, said Ann Poole, chair of the fund.",
    ]
    found = [(a.speaker_text, a.content) for a in extract_attributions(body, min_score=0.0)]
    assert found == [
        ("Mark Wynn, chairman of the county board", "his district received less money."),
        ("Ann Poole, chair of the fund", "The fund ran dry in March"),
    ]


@pytest.mark.parametrize(
    ("tail", "speaker"),
    [
        (" said a spokesperson when contacted by the Gazette.", "a spokesperson"),
        (" said Ann Poole as she left the court.", "Ann Poole"),
        (" said the harbour master known as Bob.", "the harbour master known as Bob"),
        (" said the man who lives next door.", "the man who lives next door"),
    ],
)
def test_a_speaker_after_a_quote_ends_where_a_clause_about_the_saying_begins(
    tail: str, speaker: str
) -> None:
    body = ["\u201cWe are cooperating,\u201d" + tail]
    assert [a.speaker_text for a in extract_attributions(body, min_score=0.0)] == [speaker]


@pytest.mark.parametrize(
    ("words", "speaker"),
    [("And he", "he"), ("Then she", "she"), ("While Mr. Ryan", "Mr. Ryan"),
     ("But other advisers", "other advisers"), ("Andrea Lee", "Andrea Lee")],
)
def test_a_link_to_the_sentence_before_is_not_part_of_the_speaker(words: str,
                                                                   speaker: str) -> None:
    assert tidy_speaker(words) == speaker


def test_a_title_case_headline_topic_is_not_a_name() -> None:
    body = ["Network Chief On Trump: 'We Do Not Pay Candidates'",
            '"He wants to be paid," Trump said of the network on Monday.']
    speakers = [a.speaker for a in extract_attributions(body, min_score=0.0)]
    assert "On Trump" not in speakers and "Trump" in speakers


@pytest.mark.parametrize(
    ("words", "speaker"),
    [("Gowdy released a statement", "Gowdy"), ("His office put out a statement", "His office"),
     ("The harbour trust sent a fundraising email", "The harbour trust"),
     ("The report published", "The report published")],
)
def test_what_the_speaker_put_out_is_not_part_of_the_speaker(words: str, speaker: str) -> None:
    assert tidy_speaker(words) == speaker


def test_a_letters_salutation_is_not_its_writer() -> None:
    body = ["DEAR ABBY: My neighbour parks across my drive every morning. How do I ask him "
            "to stop without starting a feud?", "DEAR BLOCKED IN: Knock on his door and ask."]
    assert not [a for a in extract_attributions(body, min_score=0.0)
                if a.speaker_text.upper().startswith("DEAR")]


def test_a_bare_count_is_no_speaker_but_a_share_polled_is() -> None:
    body = ["Ann Lee scored 34 points during the team's fifth straight win on Tuesday.",
            "In the survey, 47% said the ferry should run all winter."]
    speakers = [a.speaker_text for a in extract_attributions(body, min_score=0.0)]
    assert not any("34" in s for s in speakers) and "47%" in speakers
    # the guard itself: a figure alone is no source, whatever rule found it
    assert is_not_a_speaker("748", body, 0) and is_not_a_speaker("1,200", body, 0)
    assert not is_not_a_speaker("47%", body, 1)


def test_an_age_is_no_part_of_a_name() -> None:
    body = ['"I could not stand for more than a few minutes," wrote 43-year-old Ann Webb.']
    assert [a.speaker for a in extract_attributions(body, min_score=0.0)] == ["Ann Webb"]


def test_a_transcript_set_in_quotes_has_its_speakers() -> None:
    body = ['"HOST: Will the ferry run all winter? Will the crews be paid?',
            '"WEBB: It will run, and every crew will be paid for every crossing.']
    atts = extract_attributions(body, min_score=0.0)
    assert [(a.speaker_text, a.paragraph) for a in atts] == [("HOST", 0), ("WEBB", 1)]
