"""Two people named as one speaker: "Volker and Morrison said ..."."""

from __future__ import annotations

from bot.attribution import extract_attributions
from bot.speakers import parse_speaker


def _speakers(text: str) -> list[str | None]:
    return [a.speaker for a in extract_attributions([text], min_score=0.0)]


def test_two_surnames_both_speak() -> None:
    assert _speakers("Volker and Morrison said the deal was dead.") == ["Volker and Morrison"]


def test_two_full_names_both_speak() -> None:
    got = _speakers("Kurt Volker and Ann Morrison said the deal was dead.")
    assert got == ["Kurt Volker and Ann Morrison"]


def test_courtesy_titles_are_dropped_from_both() -> None:
    got = _speakers("Mr. Volker and Ms. Morrison said the deal was dead.")
    assert got == ["Volker and Morrison"]


def test_a_group_is_no_antecedent_for_one_of_them() -> None:
    body = ["Kurt Volker and Ann Morrison said the deal was dead.",
            "Morrison said later that it could be revived."]
    atts = extract_attributions(body, min_score=0.0)
    # Morrison is not the group; shown with the full name the group gave her.
    assert [a.speaker for a in atts] == ["Kurt Volker and Ann Morrison", "Ann Morrison"]


def test_an_organisation_with_and_is_not_two_people() -> None:
    ph = parse_speaker("the Department of Health and Human Services")
    assert not ph.group and ph.name == "Department of Health and Human Services"


def test_a_clause_before_and_is_not_a_name() -> None:
    assert _speakers("Clinton won Iowa and Sanders said the deal was dead.") == ["Sanders"]
    assert _speakers("Her advisers and allies said the deal was dead.") == [
        "Her advisers and allies"]


def test_he_opening_a_sentence_is_the_person_who_opened_the_last_one() -> None:
    """Other people named later in the sentence before (objects, not subjects) do not make
    "he" ambiguous."""
    body = [
        "Tim Morrison, a former National Security Council official, said on Tuesday that "
        "he had raised concerns with lawyers.",
        "Morrison was the third witness who listened in on President Donald Trump's call "
        "with Volodymyr Zelensky. He said he was not concerned about the content of the call.",
    ]
    atts = extract_attributions(body)
    told = [a for a in atts if a.content.startswith("he was not concerned")]
    assert [a.speaker for a in told] == ["Tim Morrison"]


def test_he_after_a_sentence_opened_by_someone_else_stays_unclear() -> None:
    body = [
        "Tim Morrison, a former National Security Council official, said on Tuesday that "
        "he had raised concerns with lawyers.",
        "The hearing heard from Donald Trump's envoy Kurt Volker and from Morrison. He said "
        "he was not concerned about the content of the call.",
    ]
    told = [a for a in extract_attributions(body) if a.content.startswith("he was not")]
    assert [a.speaker for a in told] == ["He"]  # unresolved: the article's word is kept


def test_two_people_each_with_a_role_both_speak() -> None:
    got = _speakers("Ann Lee, the harbour master, and Tom Bell, a pilot, testified on Tuesday "
                    "about the events that closed the channel.")
    assert got == ["Ann Lee and Tom Bell"]
    # A role with a comma of its own.
    got = _speakers("Ann Lee, president of the Harbour Trust, a charity, and Tom Bell, a pilot, "
                    "said the channel was safe.")
    assert got == ["Ann Lee and Tom Bell"]


def test_a_list_a_company_or_a_relative_clause_is_no_pair() -> None:
    # Set off after a name: another name (a list), a company's own commas, a relative clause.
    assert not parse_speaker("Lee, Bell, and Cho").group
    ph = parse_speaker("Jim Chilton, senior vice president at Boeing Defense, Space, and Security")
    assert not ph.group and ph.name == "Jim Chilton"
    ph = parse_speaker("Ann Lee, whom the mayor appointed, and who now backs Senator Tom Bell")
    assert not ph.group and ph.name == "Ann Lee"
