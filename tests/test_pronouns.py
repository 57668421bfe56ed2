"""He/she resolution with a person's sex learned from the article's own words: made-up text."""

from __future__ import annotations

from bot.attribution import _gender_hints, _person_mentions, _sex_evidence, extract_attributions
from bot.model import Attribution


def _one(body: list[str], needle: str) -> Attribution:
    # min_score=0.0: resolution is under test here, not the candidate filter.
    hits = [a for a in extract_attributions(body, min_score=0.0) if needle in a.content]
    assert len(hits) == 1, (needle, [(a.speaker_text, a.content) for a in hits])
    return hits[0]


def test_she_passes_a_man_the_text_calls_his() -> None:
    body = [
        "“The fair is back,” Lena Marsh said on Saturday.",
        "Marsh thanked her volunteers. Paul Ostrow, the council chairman, brought his "
        "grandson to the opening.",
        "“We will do it again next year,” she said.",
    ]
    assert _one(body, "again next year").speaker == "Lena Marsh"


def test_she_passes_a_husband_named_in_apposition() -> None:
    body = [
        "“The play is back,” said actress Lena Marsh.",
        "She came with her husband, farmer Paul Ostrow, and their two dogs.",
        "“We will stay all summer,” she said.",
    ]
    assert _one(body, "stay all summer").speaker == "Lena Marsh"


def test_she_stays_unclear_when_her_own_sex_is_unknown() -> None:
    # Ostrow is no "she", but nothing says Robin Vale is one either: the quote may be
    # someone else's, and a wrong name is worse than none.
    body = [
        "“The fair is back,” Robin Vale said on Saturday.",
        "Mr. Ostrow praised the crowd.",
        "“We will do it again next year,” she said.",
    ]
    assert _one(body, "again next year").speaker == "she"


def test_sex_evidence_reads_apposition_possessive_and_reflexive() -> None:
    assert _sex_evidence("The actress Mary Ostrow spoke.") == [("Mary Ostrow", "f")]
    assert _sex_evidence("Ann Lee, his widow, spoke.") == [("Ann Lee", "f")]
    assert _sex_evidence("She came with her son, filmmaker Charlie McDowell.") == [
        ("Charlie McDowell", "m")]
    assert _sex_evidence("Vale hurt himself in the fall.") == [("Vale", "m")]
    assert _sex_evidence("It rained. Ms. Vale lost her way.") == [("Vale", "f")]
    assert _sex_evidence("Vale realized that she had to change her life.") == [("Vale", "f")]


def test_sex_evidence_ignores_objects_other_people_and_prepositions() -> None:
    assert _sex_evidence("Vale called her a liar.") == []  # an object, not a possessive
    assert _sex_evidence("Vale told him that her plan would fail.") == []  # two people
    assert _sex_evidence("She met the wife of Governor Paul Ostrow.") == []
    assert _sex_evidence("Vale said Ostrow lost his seat.") == []  # a name in between
    assert _sex_evidence("Vale said her plan would fail.") == []  # a report: anyone's plan
    assert _sex_evidence("Vale and his wife lost her way.") == [("Vale", "m")]


def test_gender_hints_skip_capitalised_openers_and_conflicts() -> None:
    hints = _gender_hints(["And so she went on with her work. What she said mattered.",
                           "Actress Jane Ostrow spoke with her son, Tom Ostrow."])
    assert "and" not in hints and "what" not in hints
    assert hints["jane"] == "f" and hints["tom"] == "m"
    assert "ostrow" not in hints  # mother and son share it: it tells no one's sex


def test_a_place_named_for_someone_is_no_rival() -> None:
    body = [
        "“We need the money,” Tom Ostrow said.",
        "He spent the weekend at Lena’s Orchard Farm with friends.",
        "“It was worth it,” he said.",
    ]
    assert _one(body, "worth it").speaker == "Tom Ostrow"


def test_a_possessive_ends_a_person_name() -> None:
    got = [n for _, n in _person_mentions("Staff of Paul Vale’s Foundation met at "
                                          "Lena’s Orchard Farm.")]
    assert got == ["Paul Vale"]


def test_he_after_a_sentence_opened_by_someone_named_but_not_yet_quoted() -> None:
    # Neumann has not spoken before "He declined": the sentence before opens with him, the
    # article gave his full name and says he is a man ("Mr."), so the digest names him.
    body = [
        "Harbour Works is under investigation, two people familiar with the matter said.",
        "The inquiry concerns the firm's former chief executive Adam Neumann.",
        "Mr. Neumann left the firm in September. He declined to comment.",
    ]
    assert _one(body, "to comment").speaker == "Adam Neumann"


def test_he_is_the_opener_of_plain_narration_just_before() -> None:
    # "Neumann left ... He declined", in one paragraph, with no quote and no one else named
    # since: he is Neumann, though the article never says Neumann's sex.
    unsaid = [
        "The inquiry concerns the firm's former chief executive Adam Neumann.",
        "Neumann left the firm in September. He declined to comment.",
    ]
    assert _one(unsaid, "to comment").speaker == "Adam Neumann"


def test_he_stays_unclear_when_the_article_does_not_say_the_openers_sex() -> None:
    # Someone else named in between, or the opener in the paragraph before: the sentence
    # before could be about another person, or a woman's; a wrong name is worse than none.
    between = [
        "The inquiry concerns the firm's former chief executive Adam Neumann.",
        "Neumann left the firm in September after Tom Bell joined. He declined to comment.",
    ]
    assert _one(between, "to comment").speaker in (None, "He")
    across = [
        "The inquiry concerns the firm's former chief executive Adam Neumann.",
        "Neumann left the firm in September.",
        "He declined to comment.",
    ]
    assert _one(across, "to comment").speaker in (None, "He")
    woman = [
        "The inquiry concerns the firm's former chief executive Ann Neumann and her deputy.",
        "Ms. Neumann left the firm in September. He declined to comment.",
    ]
    assert _one(woman, "to comment").speaker in (None, "He")


def test_he_after_the_quote_that_opens_his_sentence() -> None:
    # '"A," he said' reads like 'He said A': the sentence before opens with the person.
    body = [
        "The ferry came back into service on Friday.",
        "Mr. Ivo McAllister also remembers it as a trying time. “It was very hard for all of "
        "us,” he said.",
    ]
    assert _one(body, "very hard for all").speaker == "Ivo McAllister"


def test_a_courtesy_title_does_not_hide_the_first_name_that_tells_the_sex() -> None:
    # "Mr. Ivo Pell": the sex is the article's word for him, learned as "ivo".
    body = [
        "The ferry came back into service on Friday.",
        "Mr. Ivo Pell also remembers it as a trying time. He said it was very hard.",
    ]
    assert _one(body, "very hard").speaker == "Ivo Pell"


def test_a_preposition_opening_the_sentence_before_names_no_subject() -> None:
    # "Of Reyes, Lena Marsh said ...": Reyes is the topic; "she" is not Reyes.
    body = [
        "“The fair is back,” Tom Reyes said on Saturday.",
        "Of Reyes, Lena Marsh said many would find his plan hard to back. “He is doing "
        "well,” she said.",
    ]
    assert _one(body, "doing well").speaker != "Tom Reyes"


def test_names_with_an_inner_capital_are_whole() -> None:
    got = [n for _, n in _person_mentions("Ivo McAllister met Ann O’Rourke and Tom DeVane.")]
    assert got == ["Ivo McAllister", "Ann O’Rourke", "Tom DeVane"]


def test_a_name_after_a_or_an_is_a_kind_not_a_rival() -> None:
    # "in an Ivo Pell kind of way" names no one who could be "she".
    body = [
        "“The tide was strange,” said actress Lena Marsh.",
        "Odd as it sounds in an Ivo Pell kind of way, she was not worried. “I slept well,” she "
        "said.",
    ]
    assert _one(body, "slept well").speaker == "Lena Marsh"
