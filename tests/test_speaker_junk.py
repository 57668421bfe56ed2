"""Speakers an editor would call junk: a clause, a relative pronoun, a leading adjunct."""

from __future__ import annotations

import pytest

from bot.attribution import candidate_attributions, extract_attributions
from bot.speaker_guard import shown_speaker


def _speakers(*paragraphs: str) -> list[tuple[str | None, str | None, str]]:
    return [(a.speaker, a.speaker_text, a.content) for a in extract_attributions(list(paragraphs))]


@pytest.mark.parametrize(
    ("paragraph", "speaker_text"),
    [
        # A relative pronoun ending the speaker: the speaker is its antecedent.
        ("The harbour master, who said that the quay would reopen by spring, left early.",
         "The harbour master"),
        ("The landlord believed the tenant, who said that the boiler had never worked.",
         "the tenant"),
        # A time adjunct before the subject is no part of the speaker's role.
        ("Last week harbour official Dora Quist said the ferry would run twice a day.",
         "harbour official Dora Quist"),
    ],
)
def test_the_speaker_is_a_noun_phrase(paragraph: str, speaker_text: str) -> None:
    assert [s for _, s, _ in _speakers(paragraph)] == [speaker_text]


def test_a_cut_time_adjunct_leaves_the_role_too() -> None:
    (a,) = extract_attributions(["Last week harbour official Dora Quist said the ferry "
                                 "would run twice a day."])
    assert (a.speaker, a.speaker_role) == ("Dora Quist", "harbour official")


@pytest.mark.parametrize(
    ("words", "cue", "shown"),
    [
        ("Mr. Quist canceled an increase in fares", "planned", None),  # "fares planned"
        ("The landlord raised the rent", "signals", None),
        ("Having", "announced", None),
        ("Still", "the fact that", None),
        ("Dora Quist started a petition this week", "calling on", "Dora Quist"),
        ("This prompted the council to print a leaflet", "showing", "the council"),
        ("Among those who", "believe", "those"),
        ("Dora Quist first learned who", "written", "Dora Quist first learned who"),
        ("Later, Dora Quist", "said", "Dora Quist"),
        # noun phrases stay as they are
        ("Mr. Quist issued a statement", "saying", "Mr. Quist issued a statement"),
        ("A report released Friday", "says", "A report released Friday"),
        ("the embattled mayor", "said", "the embattled mayor"),
        ("people who saw the fire", "said", "people who saw the fire"),
        # a clause set off by a comma describes the speaker: it is not shown as the speaker
        ("Mr. Quist, who raised the rent", "said", "Mr. Quist"),
        ("The company, which is expected to cut 400 jobs this week", "confirmed", "The company"),
        ("The station, citing an unnamed official", "reported", "The station"),
        ("An official, speaking on the condition of anonymity", "said", "An official"),
    ],
)
def test_shown_speaker(words: str, cue: str, shown: str | None) -> None:
    assert shown_speaker(words, cue) == shown


def test_a_participle_after_a_clause_with_an_object_belongs_to_its_subject() -> None:
    got = candidate_attributions(["Dora Quist delivered a speech outlining her plans for the "
                                  "ferry and the harbour."])
    assert [a.speaker_text for a, _ in got] == ["Dora Quist"]


def test_a_participles_subject_is_past_a_leading_time_adjunct() -> None:
    got = _speakers("Hours before the vote on Tuesday, harbour master Dora Quist praised "
                    "the plan, saying the ferry would be back in service soon.")
    saying = [(sp, s) for sp, s, c in got if c.startswith("the ferry")]
    assert saying == [("Dora Quist", "harbour master Dora Quist")]


def test_then_before_a_colon_goes_on_with_the_last_speaker() -> None:
    got = candidate_attributions([
        '"We will reopen the quay in March," Dora Quist told the Harbour Post in May.',
        'Then, later that month on the radio: "The quay will not reopen before the autumn."',
    ])
    assert [a.speaker for a, _ in got] == ["Dora Quist", "Dora Quist"]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("The plan was attacked by Dora Quist, who said it would ruin the harbour.",
         "Dora Quist"),
        ("The ferry fares raised alarm for a local shop owner, who said that trade would fall.",
         "a local shop owner"),
    ],
)
def test_who_is_the_noun_phrase_before_it(paragraph: str, speaker: str) -> None:
    assert [s for _, s, _ in _speakers(paragraph)] == [speaker]


def test_a_description_then_an_office_and_a_name_is_that_person() -> None:
    (a,) = extract_attributions(["Another witness at the inquiry, former harbour adviser "
                                 "Dora Quist, said the ferry contract was never signed."])
    assert (a.speaker, a.speaker_role) == ("Dora Quist", "former harbour adviser")


def test_words_that_name_no_one_leave_no_speaker_and_say_so_in_the_digest() -> None:
    """A clause taken for a speaker ("... canceled an increase in fees", before "planned")
    or a lone adverb keeps its attribution, with no speaker: the digest shows the words as
    an unclear source, never as if they were a name."""
    from bot.model import Attribution, Kind
    from bot.render import _speaker_label
    from bot.speaker_guard import honest_speakers

    clause = "Mr. Reed canceled an increase in fees"
    body = [f"{clause} planned for May.", "Still, it may rise."]
    found = [
        Attribution(clause, clause, None, "planned", "for May.", Kind.INDIRECT, False, 0),
        Attribution("Still", "Still", None, "said", "it may rise.", Kind.INDIRECT, False, 1),
    ]
    got = [a for a, _ in honest_speakers([(a, []) for a in found], body)]
    assert [(a.speaker, a.speaker_text) for a in got] == [
        (None, clause), (None, "Still")]
    assert _speaker_label(got[0]) == f"Unclear source (“{clause}”)"
