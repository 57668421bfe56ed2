"""A speaker named by surname alone is shown with the full name the article gives that person
("Volker said" -> Kurt Volker). Made-up paragraphs."""

from __future__ import annotations

from bot.attribution import extract_attributions
from bot.speakers import complete_surnames


def _speakers(body: list[str]) -> list[tuple[str | None, str | None]]:
    return [(a.speaker, a.speaker_text) for a in extract_attributions(body)]


def test_a_surname_takes_the_full_name_met_before() -> None:
    body = [
        "Ann Volker, the former harbour master, and Tim Morrow, a pilot, testified on Tuesday "
        "before the committee.",
        "Volker said she had no knowledge of any plan to sell the ferry company.",
        "Morrow said he was surprised by the call.",
    ]
    assert _speakers(body) == [("Ann Volker", "Volker"), ("Tim Morrow", "Morrow")]


def test_two_people_of_one_surname_leave_it_as_written() -> None:
    body = [
        "Ann Lee and her brother Tom Lee run the yard that builds the new ferries.",
        "Lee said the first hull would be ready by spring.",
    ]
    assert _speakers(body) == [("Lee", "Lee")]


def test_titles_places_and_sentence_openers_are_no_part_of_the_name() -> None:
    text = "Harbour Director Ann Volker spoke. Although James left, envoy to Wales Tom Morrow sat."
    full = ["Harbour Director Ann Volker", "Although James", "Wales Tom Morrow"]
    names = complete_surnames(["Volker", "James", "Morrow", "Republicans", "FBI"], full, text)
    # "Wales Tom Morrow" could be a place and a name: the surname as written is never wrong.
    assert names == ["Ann Volker", "James", "Morrow", "Republicans", "FBI"]


def test_one_persons_forms_agree_and_a_middle_initial_stays() -> None:
    full = ["Harry M. Reid", "Harry Reid", "Donald Trump", "Donald J. Trump", "Ivy Fox"]
    assert complete_surnames(["Reid", "Trump", "Fox", None], full) == [
        "Harry M. Reid", "Donald Trump", "Ivy Fox", None,
    ]  # fmt: skip


def test_a_compound_adjective_is_no_first_name() -> None:
    text = "Harbourton-based McAllister bought the yard. McAllister said it would grow."
    assert complete_surnames(["McAllister"], ["Harbourton-based McAllister"], text) == [
        "McAllister"]
