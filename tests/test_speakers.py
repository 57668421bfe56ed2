"""Speaker names and roles as the digest shows them: synthetic sentences, no shared data."""

from __future__ import annotations

import pytest

from bot.attribution import extract_attributions
from bot.model import Attribution
from bot.speakers import is_caption, parse_speaker


def _one(body: list[str], needle: str) -> Attribution:
    # min_score=0.0: the speaker parse is under test here, not the candidate filter.
    hits = [a for a in extract_attributions(body, min_score=0.0) if needle in a.content]
    assert len(hits) == 1, (needle, [(a.speaker_text, a.content) for a in hits])
    return hits[0]


def test_speaker_organisation_across_preposition_is_one_name() -> None:
    att = _one(["The US Embassy in Port Avery said the consulate would reopen on Monday."],
               "consulate would reopen")
    assert att.speaker == "US Embassy in Port Avery"
    assert att.speaker_role is None


def test_speaker_place_after_preposition_is_not_a_name() -> None:
    ph = parse_speaker("a region like Brenfield")
    assert ph.name is None and ph.head == "region"
    body = [
        "Mayor Tom Brenfield said the bans had worked.",
        "A spokesman for the Pentagon said the drills would go ahead.",
    ]
    att = _one(body, "drills would go ahead")
    assert att.speaker == "A spokesman for the Pentagon"  # not "Pentagon"
    assert att.speaker_role is None and att.anonymous


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Estonian Prime Minister Kaja Mertens", "Kaja Mertens", "Estonian Prime Minister"),
        ("the regional governor Ivo Pell", "Ivo Pell", "regional governor"),
        ("US Secretary of State Ann F. Vale", "Ann F. Vale", "US Secretary of State"),
        ("Attorney General Rosa Quint", "Rosa Quint", "Attorney General"),
        ("former President Dan Orr", "Dan Orr", "former President"),
        ("Texas Sen. Bo Reyes", "Bo Reyes", "Texas Sen."),
        ("But Sen. Bo Reyes", "Bo Reyes", "Sen."),
        ("Vatican spokesman the Rev. Paolo Nesti", "Rev. Paolo Nesti", "Vatican spokesman"),
        # Capitalised posts beyond government offices; ranks stay in the name.
        ("Harbour Authority Administrator Ivo Pell", "Ivo Pell", "Harbour Authority Administrator"),
        ("the agency’s Administrator Ivo Pell", "Ivo Pell", "agency’s Administrator"),
        ("Former Senior Adviser Ann Vale", "Ann Vale", "Former Senior Adviser"),
        ("Officer Dan Orr", "Officer Dan Orr", None),
        # Lower-case particles belong to the name; asides and "like" are no role.
        ("de Blasio", "de Blasio", None),
        ("EU President Ursula von der Leyen", "Ursula von der Leyen", "EU President"),
        ("like Ivo Pell", "Ivo Pell", None),
        ("Reyes, meanwhile", "Reyes", None),
        ("Reyes, however,", "Reyes", None),
        # A person "of" a place or an organisation: the name, then where from.
        ("Ivo Pell of the Harbour Policy Institute", "Ivo Pell", "Harbour Policy Institute"),
        ("Sen. Ann Vale of Harbourshire", "Ann Vale", "Sen., Harbourshire"),
        ("County Supervisor of Docks Ann Vale", "Ann Vale", "County Supervisor of Docks"),
        ("Bank of Harbourton", "Bank of Harbourton", None),
        ("Quay Workers of Harbourton", "Quay Workers of Harbourton", None),
        # A number is no name.
        ("The 125,000 suspensions", None, "The 125,000 suspensions"),  # a descriptor, whole
        # A lone surname keeps its title; courtesy titles stay in the name.
        ("Chief Justice Amberly", "Chief Justice Amberly", None),
        ("President Harlan", "President Harlan", None),
        ("Dr Jane Okafor", "Dr Jane Okafor", None),
        # Organisations that start with an office word are not split.
        ("Justice Department", "Justice Department", None),
        ("General Motors", "General Motors", None),
        # A one-word title keeps its capital "The"; longer names and acronyms read alone.
        ("The Harbourer", "The Harbourer", None),
        ("The Quay", "The Quay", None),
        ("The Harbour Gazette", "Harbour Gazette", None),
        ("The HBC", "HBC", None),
    ],
)
def test_speaker_office_title_is_the_role(text: str, name: str, role: str | None) -> None:
    ph = parse_speaker(text)
    assert (ph.name, ph.role) == (name, role)


def test_speaker_title_split_in_an_article() -> None:
    att = _one(["Estonian Prime Minister Kaja Mertens said the border would stay open."],
               "border would stay open")
    assert att.speaker == "Kaja Mertens" and att.speaker_role == "Estonian Prime Minister"


def test_speaker_bare_office_is_a_descriptor() -> None:
    ph = parse_speaker("the Prime Minister")
    assert ph.name is None and ph.head == "minister" and not ph.anonymous


def test_speaker_appositive_without_article() -> None:
    body = [
        "Lena Ortiz, founding director of the Institute for Coastal Studies at the University "
        "of Maren, said the reef had lost half its coral.",
    ]
    ortiz = _one(body, "reef had lost")
    assert ortiz.speaker == "Lena Ortiz"
    assert ortiz.speaker_role == (
        "founding director of the Institute for Coastal Studies at the University of Maren"
    )
    # A comma inside an organisation's name does not end the appositive; a second
    # appositive (about the organisation) does.
    mehta = parse_speaker("Raj Mehta, a research analyst at the Council on Energy, Environment "
                          "and Water, a policy group")
    assert mehta.name == "Raj Mehta"
    assert mehta.role == "a research analyst at the Council on Energy, Environment and Water"


def test_speaker_appositive_is_not_a_participle_or_relative_clause() -> None:
    assert parse_speaker("Carla Finn, speaking to farmers in Ames").role is None
    assert parse_speaker("Carla Finn, with two of her aides").role is None
    ph = parse_speaker("Ben Cole, a retired judge who sat on the panel")
    assert ph.role == "a retired judge"


def test_speaker_unnamed_sources_have_no_role() -> None:
    body = [
        "Analysts said the rally would fade by spring.",
        "Politicians have said the plant must close.",
        "The cleanup will cost $3 billion, according to one estimate.",
    ]
    analysts = _one(body, "rally would fade")
    politicians = _one(body, "plant must close")
    estimate = _one(body, "cleanup will cost")
    assert [a.speaker_role for a in (analysts, politicians, estimate)] == [None, None, None]
    assert analysts.speaker == "Analysts" and estimate.speaker == "one estimate"
    # Anonymous: unnamed people, not documents or estimates.
    assert analysts.anonymous and politicians.anonymous
    assert not estimate.anonymous


@pytest.mark.parametrize(
    ("text", "anonymous"),
    [
        ("a person familiar with the matter", True),
        ("two of the officials", True),
        ("a young woman", True),
        ("the president", False),  # identifiable, to be resolved
        ("the report", False),
        ("a new poll", False),
        ("he", False),
    ],
)
def test_speaker_anonymous_means_unnamed_people(text: str, anonymous: bool) -> None:
    assert parse_speaker(text).anonymous is anonymous


def test_speaker_resolved_descriptor_keeps_its_role() -> None:
    body = [
        "The National Weather Service told residents the storm would strike overnight.",
        "Winds could reach 100 miles an hour, the agency said.",
    ]
    later = _one(body, "Winds could reach")
    assert later.speaker == "National Weather Service" and later.speaker_role == "the agency"


def test_speaker_rank_words_must_agree_to_resolve() -> None:
    body = [
        "Vice President Ada Morrow said the talks were over.",
        "The tariffs would stay, the former president said.",
    ]
    later = _one(body, "tariffs would stay")
    assert later.speaker != "Ada Morrow"


def test_speaker_caption_subject_is_no_source() -> None:
    assert is_caption(parse_speaker("This satellite image from the agency"))
    assert not is_caption(parse_speaker("the video"))  # "the video showed ..." is evidence
    body = ["This satellite image from the space agency shows smoke over the valley on Monday."]
    assert not any("smoke" in a.content for a in extract_attributions(body, min_score=0.0))


def test_speaker_dateline_is_not_part_of_the_speaker() -> None:
    ph = parse_speaker("KYIV -- President Olena Marchuk")
    assert ph.name == "Olena Marchuk" and ph.role == "President"


def test_courtesy_titles_leave_resolved_names() -> None:
    body = ["Mr. Hale said the plan was good.",
            "Later, Tom R. Hale said it again, and again.",
            "Mrs. Poole said she disagreed with that."]
    got = [(a.speaker_text, a.speaker) for a in extract_attributions(body, min_score=0.0)]
    assert got == [("Mr. Hale", "Tom R. Hale"), ("Tom R. Hale", "Tom R. Hale"),
                   ("Mrs. Poole", "Poole")]


def test_a_possessive_name_is_the_name_without_its_s() -> None:
    assert parse_speaker("Mrs. Clinton's").name == "Mrs. Clinton"
    assert parse_speaker("Fox News’s").name == "Fox News"


def test_a_first_name_that_reads_as_a_modal_is_a_name() -> None:
    # "Will" is a verb's helper in "Will it sink?", a first name before a capital.
    body = ['"It is a costly model," said Will Orr, a professor of shipping at Quay '
            "University in Harbourton."]
    att = _one(body, "costly model")
    assert (att.speaker, att.speaker_role) == (
        "Will Orr", "a professor of shipping at Quay University in Harbourton")
