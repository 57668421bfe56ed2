"""Key facts and conflicting figures, on small synthetic stories and the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.attribution import extract_attributions
from bot.facts import extract_facts, find_conflicts, named_source
from bot.model import Attribution, Kind

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "data" / "seed" / "independent-2024-10-24-duma-treaty.txt"

QUAKE = (
    "A magnitude 7.1 earthquake struck northern Laskaria on Monday, flattening villages across "
    "the Orun valley and killing at least 120 people, according to the National Disaster Agency.",
    "The Red Crescent said 180 people had died, and warned the toll would rise as rescuers "
    "reached remote areas.",
    "“We are digging with our hands,” said Mara Velic, a volunteer in the town of Sorn.",
    "More than 900 people were injured, the agency said, and some 15,000 were left homeless.",
    "The government declared three days of national mourning.",
    "Aftershocks continued through the night.",
)

BUDGET = (
    "The city council approved a $1.2bn budget on Tuesday by a vote of 9-4, raising property "
    "taxes by 3.5% to close a deficit.",
    "Mayor Dana Ortiz called the vote “a hard but honest choice”.",
    "Spending on libraries will fall by 12 per cent, while the police budget grows to $310m.",
    "Critics said the tax rise would hit renters hardest.",
    "The new budget takes effect on 1 July.",
)

NO_FIGURES = (
    "The festival's organisers announced on Friday that the event would move to the riverside "
    "park after complaints from residents.",
    "Residents had said the noise kept them awake.",
    "“We listened,” the festival director said. “The park gives everyone more room.”",
    "The council welcomed the decision.",
)


def _attr(speaker: str, body: tuple[str, ...], paragraph: int, content: str) -> Attribution:
    """An indirect attribution built by hand: these tests must not lean on the extractor."""
    start = body[paragraph].index(content)
    return Attribution(
        speaker=speaker,
        speaker_text=speaker,
        speaker_role=None,
        cue="said",
        content=content,
        kind=Kind.INDIRECT,
        anonymous=False,
        paragraph=paragraph,
        span=(start, start + len(content)),
    )


@pytest.mark.parametrize("body", [QUAKE, BUDGET, NO_FIGURES])
def test_facts_are_verbatim_sentence_spans(body: tuple[str, ...]) -> None:
    facts = extract_facts(body, [])
    assert facts
    for fact in facts:
        assert fact.text in body[fact.paragraph]
        for fig in fact.figures:
            assert fig in fact.text


def test_lede_ranks_first_and_facts_are_ranked() -> None:
    facts = extract_facts(QUAKE, [])
    assert facts[0].paragraph == 0
    assert [f.score for f in facts] == sorted((f.score for f in facts), reverse=True)


def test_budget_vote_facts_carry_money_and_percentages() -> None:
    facts = extract_facts(BUDGET, [])
    lede = facts[0]
    assert lede.paragraph == 0
    assert {"$1.2bn", "9-4", "3.5%"} <= set(lede.figures)
    figures = {fig for f in facts for fig in f.figures}
    assert "12 per cent" in figures and "$310m" in figures


def test_story_without_figures_still_gets_its_lede() -> None:
    facts = extract_facts(NO_FIGURES, [])
    assert facts[0].text.startswith("The festival's organisers announced")
    assert all(f.figures == () for f in facts)


def test_limit_and_empty_body() -> None:
    assert len(extract_facts(QUAKE, [], limit=2)) == 2
    assert extract_facts((), []) == []
    assert extract_facts(QUAKE, [], limit=0) == []


def test_fact_speaker_comes_from_covering_attribution() -> None:
    attrs = [_attr("Red Crescent", QUAKE, 1, "180 people had died")]
    facts = extract_facts(QUAKE, attrs)
    fact = next(f for f in facts if f.paragraph == 1)
    assert fact.speaker == "Red Crescent"


def test_facts_prefer_diverse_sentences() -> None:
    body = (
        "The central bank raised interest rates to 5.25% on Thursday, its highest level in 15 "
        "years.",
        "The central bank raised interest rates to 5.25% on Thursday, citing stubborn inflation.",
        "The bank raised interest rates to 5.25% on Thursday, the highest in 15 years, it said.",
        "Mortgage lenders said monthly repayments would rise by about £60 for typical borrowers.",
        "Shares in housebuilders fell 4% after the announcement.",
    )
    facts = extract_facts(body, [], limit=3)
    paragraphs = [f.paragraph for f in facts]
    assert paragraphs[0] == 0
    assert {3, 4} <= set(paragraphs)


def test_quake_conflict_between_two_agencies() -> None:
    (conflict,) = find_conflicts(QUAKE, [])
    assert conflict.subject == "death toll"
    by_figure = {c.figure: c.speaker for c in conflict.claims}
    assert by_figure == {"120": "National Disaster Agency", "180": "Red Crescent"}
    assert [c.paragraph for c in conflict.claims] == [0, 1]


def test_attribution_speaker_beats_named_source() -> None:
    attrs = [_attr("Hana Ruml", QUAKE, 1, "180 people had died")]
    (conflict,) = find_conflicts(QUAKE, attrs)
    assert {c.speaker for c in conflict.claims} == {"National Disaster Agency", "Hana Ruml"}


def test_single_source_revising_its_figure_is_no_conflict() -> None:
    body = (
        "At least 40 people were killed in the flooding, the fire service said on Sunday.",
        "By Monday the fire service said 52 people had died.",
    )
    assert find_conflicts(body, []) == []


def test_unattributed_figures_are_no_conflict() -> None:
    body = (
        "Some 2,000 soldiers crossed the river at dawn.",
        "By evening 500 soldiers had reached the town.",
    )
    assert find_conflicts(body, []) == []


def test_same_figure_from_two_sources_is_no_conflict() -> None:
    body = (
        "About 3,000 troops have arrived, the defence ministry said.",
        "Officials in Seoul also said 3,000 soldiers had arrived.",
    )
    assert find_conflicts(body, []) == []


def test_different_things_counted_are_not_compared() -> None:
    body = (
        "At least 30 people were killed, the health ministry said.",
        "The army said 2,000 soldiers had been sent to help, and the UN said 400 homes "
        "were destroyed.",
    )
    assert find_conflicts(body, []) == []


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("North Korea is aiding Russia, according to South Korea, Ukraine and the US.",
         "South Korea"),
        ("It was South Korea that first claimed that 1,500 troops were sent.", "South Korea"),
        ("Pyongyang has sent 3,000 soldiers, the US defence secretary said.",
         "US defence secretary"),
        ("Then, Ukrainian president Volodymyr Zelensky said 10,000 soldiers were ready.",
         "Volodymyr Zelensky"),
        ("The treaty will now be sent to the upper house.", None),
        ("They are fair game, he said.", None),
        # a score sheet's "added": no source speaking
        ("Brad Marchand added three assists to lead Boston.", None),
        ("Jo Roe added his seventh goal of the season.", None),
        ("Mayor Jo Roe added that 300 jobs would go.", "Mayor Jo Roe"),
    ],
)  # fmt: skip
def test_named_source(sentence: str, source: str | None) -> None:
    assert named_source(sentence) == source


def _seed_body() -> tuple[str, ...]:
    text = SEED.read_text(encoding="utf-8")
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    first = next(i for i, p in enumerate(paras) if p.startswith("Russian lawmakers ratified"))
    kirby = next(i for i, p in enumerate(paras) if p.startswith("White House national"))
    return tuple(paras[first : kirby + 2])  # the Kirby quote runs over two paragraphs


@pytest.mark.shared
@pytest.mark.skipif(not SEED.exists(), reason="../shared development data is absent")
def test_seed_facts_and_troop_conflict() -> None:
    body = _seed_body()
    austin = next(i for i, p in enumerate(body) if p.startswith("Pyongyang has sent about"))
    zelensky = next(i for i, p in enumerate(body) if p.startswith("Then, Ukrainian"))
    attrs = [
        _attr("Lloyd Austin", body, austin, "Pyongyang has sent about 3,000 soldiers"),
        _attr("Volodymyr Zelensky", body, zelensky, "North Korea was preparing 10,000 soldiers"),
    ]
    facts = extract_facts(body, attrs)
    assert any("397-0" in f.text for f in facts)
    assert facts[0].paragraph == 0
    assert any("397-0" in f.figures for f in facts[:2])
    for fact in facts:
        assert fact.text in body[fact.paragraph]

    conflicts = find_conflicts(body, attrs)
    assert len(conflicts) == 1
    (conflict,) = conflicts
    assert {c.figure for c in conflict.claims} == {"3,000", "1,500", "10,000"}
    assert any(w in conflict.subject for w in ("soldiers", "troops"))
    speakers = {c.figure: c.speaker for c in conflict.claims if c.figure != "3,000"}
    assert speakers == {"1,500": "South Korea", "10,000": "Volodymyr Zelensky"}
    assert "Lloyd Austin" in {c.speaker for c in conflict.claims if c.figure == "3,000"}


def test_units_and_bare_people_are_not_compared() -> None:
    body = (
        "Clinton leads by about 7 points in Ohio, according to a Quinnipiac poll.",
        "A Marist poll put her lead at around 3 points in Florida.",
        "Some 270 people have been resettled, officials said.",
        "The ministry said it had approved about 2,880 people for resettlement.",
    )
    assert find_conflicts(body, []) == []


def test_differently_qualified_groups_are_kept_apart() -> None:
    body = (
        "Ukraine said about 600 Russian soldiers were killed or wounded on Tuesday.",
        "Seoul estimated that some 1,500 North Korean troops had been sent to the front.",
    )
    assert find_conflicts(body, []) == []


def test_everyday_nouns_conflict_when_sources_estimate() -> None:
    body = (
        "The finance office estimated that about 400 jobs would go.",
        "The union said as many as 650 jobs were at risk.",
    )
    (conflict,) = find_conflicts(body, [])
    assert conflict.subject == "jobs"
    assert [(c.figure, c.speaker) for c in conflict.claims] == [
        ("400", "finance office"),
        ("650", "union"),
    ]


def _score_of(sentence: str) -> float:
    (fact,) = extract_facts([sentence], [])
    return fact.score


def test_date_words_count_as_written() -> None:
    # "Thursday" anchors a fact in time; "thursday" in lower case is not read as the day.
    dated = _score_of("The council met on Thursday to settle the harbour budget at last.")
    undated = _score_of("The council met on thursday to settle the harbour budget at last.")
    assert dated == pytest.approx(undated + 0.4)


def test_only_ascii_letters_make_words() -> None:
    # The Kelvin sign lowercases to "k" but is no letter: "\u212ailled" is not "killed".
    event = _score_of("Officials said the blast killed workers at the harbour station.")
    no_event = _score_of("Officials said the blast \u212ailled workers at the harbour station.")
    assert event == pytest.approx(no_event + 1.2)


def test_headline_shaped_lines_rank_below_sentences() -> None:
    """A numbered teaser or video title left in the body ("7 key moments from ...") is
    no sentence: it reads badly as a fact, however many figures it holds."""
    body = (
        "The city council approved a $1.2bn budget on Tuesday by a vote of 9-4, raising "
        "property taxes by 3.5% to close a deficit.",
        "7 key moments from Tuesday's 3-hour budget hearing",
        "Spending on parks will fall by 8 per cent, while the police budget grows to $310m.",
    )
    texts = [f.text for f in extract_facts(body, [], limit=8)]
    parks = texts.index(body[2])
    assert all(i > parks for i, t in enumerate(texts) if t == body[1])


def test_the_tail_of_a_quote_opened_earlier_ranks_lower() -> None:
    lead = "The city council approved a budget on Tuesday, raising property taxes to close a gap."
    tail = "Police get 4 per cent more, and 30 new officers will be hired by 2026."

    def score(sentence: str) -> float:
        facts = extract_facts((lead, sentence), [], limit=8)
        return next(f.score for f in facts if f.text == sentence)

    assert score(tail + '"') < score(tail) - 1.0
    assert score(tail + "”") < score(tail) - 1.0


_HOMES = (
    "The mayor said the new wall would protect 3,400 homes along the river.",
    "The residents' association said 5,200 homes lay in the flood plain.",
)


def test_everyday_counts_from_two_sources_are_no_conflict_on_their_own() -> None:
    # Homes protected and homes in the flood plain need not be the same homes.
    assert find_conflicts(_HOMES, []) == []


@pytest.mark.parametrize(
    "dispute",
    [
        "Campaigners said the figure was far too low.",
        "The association disputed the council's figures.",
    ],
)
def test_counts_the_article_calls_disputed_are_a_conflict(dispute: str) -> None:
    (conflict,) = find_conflicts((*_HOMES, dispute), [])
    assert conflict.subject == "homes"
    assert {(c.figure, c.speaker) for c in conflict.claims} == {
        ("3,400", "mayor"),
        ("5,200", "residents' association"),
    }


def test_a_dispute_far_from_the_figures_does_not_count() -> None:
    filler = tuple(f"Paragraph {n} is about the weather." for n in range(4))
    body = (*_HOMES, *filler, "Critics said the turnout figure was too low.")
    assert find_conflicts(body, []) == []


def test_a_quote_without_a_count_is_no_fact() -> None:
    """Quotes belong under "who said what": a sentence that is mostly a quote (or the tail of
    one opened in the sentence before) is a fact only when it carries a count."""
    lead = "The city council approved a budget on Tuesday, raising property taxes to close a gap."
    opened = "“It is a sad day for the town, because the library was the heart of it."
    tail = "Nobody here wanted to see it close after all these years,” the librarian said."
    counted = "“We will hire 30 new officers by 2026,” the police chief said on Tuesday."
    facts = [f.text for f in extract_facts((lead, f"{opened} {tail}", counted), [], limit=8)]
    assert lead in facts and counted in facts
    assert opened not in facts and tail not in facts


def test_a_stamp_or_a_quote_tail_after_the_lede_is_no_fact() -> None:
    lede = (
        "A video of the rescue of a kidnapped girl was released by the police on Monday. "
        "(Published Monday, Nov. 18, 2019)"
    )
    tail = 'Let me see your hands!" an officer ordered.'
    body = (lede, '"Police! Open the door!', tail, "Officers arrested the man in the hallway.")
    facts = [f.text for f in extract_facts(body, [], limit=8)]
    assert lede.split(" (")[0] in facts
    assert "(Published Monday, Nov. 18, 2019)" not in facts
    assert tail not in facts


def test_a_post_set_into_the_article_gives_no_fact() -> None:
    """A social post quoted in the article (its lines above a "— Name (@handle) date"
    signature) is someone's words, not the article's facts; the paragraph before it is."""
    before = "The council spent $450,000 on the campaign this year, the report says."
    post = [
        "The state spent $450,000 of your money on this campaign and approved 3 more ads on "
        "Tuesday. pic.twitter.com/Ab12Cd",
        "— Rep. Jo Roe (@JoRoe) November 19, 2019",
    ]
    lede = "The city council approved a budget on Tuesday, raising property taxes to close a gap."
    facts = [f.text for f in extract_facts((lede, before, *post), [], limit=8)]
    assert lede in facts and before in facts
    assert not any(p in facts for p in post)


def test_an_inch_mark_is_no_quote_but_a_quote_fragment_is() -> None:
    lede = "The city council approved a budget on Tuesday, raising property taxes to close a gap."
    inches = 'The library bought new 34" screens for its reading room on Tuesday.'
    fragment = (
        "Nobody wanted that,” the librarian said, adding that the branch would stay open on "
        "Sundays from next month."
    )
    facts = [f.text for f in extract_facts((lede, inches, fragment), [], limit=8)]
    assert inches in facts
    assert fragment not in facts


def test_a_post_of_several_paragraphs_in_its_own_voice_gives_no_fact() -> None:
    """A post copied as several short paragraphs: those above the one next to its signature
    belong to it while the post still fits and they speak in the poster's own voice; the
    article's third-person paragraph above them, and a quoted one, are the article's."""
    before = "The council spent $450,000 on the campaign this year, the report says."
    quoted = '"We spent $450,000 on the campaign," the mayor said on Tuesday.'
    to_reader = "If you missed it, 1,200 people on Twitter pointed out the typo on Monday."
    post = [
        "Sharing my letter on the 2020 budget, which cut 300 jobs on Tuesday.",
        "We must spend 3 times less on ads.",
        "Who are we to waste $450,000 of your money? pic.twitter.com/Ab12Cd",
        "— Rep. Jo Roe (@JoRoe) November 19, 2019",
    ]
    lede = "The city council approved a budget on Tuesday, raising property taxes to close a gap."
    facts = [f.text for f in extract_facts((lede, before, quoted, *post), [], limit=8)]
    assert lede in facts and before in facts
    assert not any(p in facts for p in post)
    # speaking to the reader is the article's voice, not a poster's
    facts = [f.text for f in extract_facts((lede, to_reader, *post[1:]), [], limit=8)]
    assert to_reader in facts


def test_a_reference_line_gives_no_fact() -> None:
    lede = "The city council approved a budget on Tuesday, raising property taxes to close a gap."
    refs = [
        "More information: A. Lee et al. Harbour silt in 2019, Journal of Coasts (2020). "
        "DOI: 10.1000/jc.2020.12",
        "Provided by the Harbour Institute",
        "The survey of 1,200 households, published in 2020, found rents up 14 percent. "
        "DOI: 10.1000/jc.2020.13",
    ]
    facts = [f.text for f in extract_facts((lede, *refs), [], limit=8)]
    assert lede in facts
    assert not any(r.split(".")[0] in " ".join(facts) for r in refs)


def test_an_unresolved_pronoun_is_no_fact_source() -> None:
    """A pronoun no named source precedes ("he" at the story's start) tells an editor nothing
    beside a fact; a named source does."""
    body = (
        "The port will close for 14 days from Monday, he said.",
        "Harbour master Ines Moro said 40 ships would be turned away.",
    )
    facts = extract_facts(body, extract_attributions(list(body)))
    speakers = {f.text[:8]: f.speaker for f in facts}
    assert speakers == {"The port": None, "Harbour ": "Ines Moro"}


def test_a_fact_leaves_out_the_stories_dateline() -> None:
    body = (
        "WESTHAVEN, Harbourshire (AP) — The harbour council voted 9-2 on Thursday to close "
        "the old ferry terminal in March.",
        "The closure will cost 120 jobs, the council said.",
    )
    facts = extract_facts(body, extract_attributions(body))
    lede = next(f for f in facts if f.paragraph == 0)
    assert lede.text.startswith("The harbour council voted 9-2 on Thursday")
    assert lede.text in body[0]
    assert "9-2" in lede.figures


def test_a_sentence_that_introduces_what_follows_is_no_fact() -> None:
    body = (
        "Police charged the two men on Thursday with 14 offences worth $2 million, among them:",
        "The council voted 9-2 on Thursday to close the old ferry terminal in March.",
        "The closure will cost 120 jobs and save $4 million a year, the council said.",
    )
    facts = extract_facts(body, extract_attributions(body))
    assert facts and all(f.paragraph != 0 for f in facts)


def test_a_quote_that_runs_over_sentences_is_one_fact() -> None:
    body = (
        "“The council has earned 9,000 votes in this election. It has 1,000 more votes than "
        "any rival and 2,500 more than the mayor,” Dora Quist said on Monday.",
        "The harbour council voted 9-2 on Thursday to close the old ferry terminal in March.",
    )
    facts = extract_facts(body, extract_attributions(body))
    quoted = [f for f in facts if f.paragraph == 0]
    assert [f.text for f in quoted] == [body[0]]


def test_a_quote_left_open_keeps_its_sentences_apart() -> None:
    """A mark of the wrong kind closes nothing: no run of sentences is joined for it."""
    body = ("The mayor answered with a “question’’ that amounted to a lecture. The council voted "
            "9-2 on Thursday to close the terminal. It will cost $4 million.",)
    facts = extract_facts(body, [])
    assert "The council voted 9-2 on Thursday to close the terminal." in [f.text for f in facts]
    assert all(f.text.count(".") == 1 for f in facts)


def test_an_article_in_a_script_without_spaces_gets_sentence_facts() -> None:
    # Made up: a Japanese story whose last paragraph repeats a sentence as a summary.
    body = (
        "市議会は木曜日、新しい橋の建設計画を賛成多数で可決した。総工費は約三十億円となる見込みだ。",
        "市長は記者会見で、工事は来年春に始まると説明した。住民の間では渋滞の緩和に期待する声が多い。",
        "一方で、環境への影響を心配する団体は計画の見直しを求めている。",
        "工事は来年春に始まる見込みだ。",
    )
    facts = extract_facts(body, [])
    texts = [f.text for f in facts]
    # Sentences, not whole paragraphs (the splitter ends them at 。), each a span of its paragraph.
    assert texts[0] == "市議会は木曜日、新しい橋の建設計画を賛成多数で可決した。"
    assert all(f.text in body[f.paragraph] and f.text.count("。") == 1 for f in facts)
    assert len(texts) >= 4
    # Character pairs stand in for content words: the summary line repeats the second paragraph.
    assert "工事は来年春に始まる見込みだ。" not in texts


def test_a_box_of_fields_is_no_fact() -> None:
    # Made up: a review's product box above its first sentence carries a price.
    body = (
        "Tested by: Ann Lee Price: £23.99 More info: www.example.com",
        "The harbour guide has very clear diagrams and a chapter on every berth in the bay.",
        "It costs less than a night's mooring and will save most owners a small fortune.",
    )
    texts = [f.text for f in extract_facts(body, [])]
    assert body[0] not in texts
    assert texts[0] == body[1]


def test_one_owners_group_is_no_figure_for_the_whole() -> None:
    # "the county's 650 jobs" totals one county's jobs; "about 400 jobs" is the cut.
    body = (
        "The finance office estimated that about 400 jobs would go.",
        "The union said as many as nine of the county’s 650 jobs were at risk.",
    )
    assert find_conflicts(body, []) == []
    # The same owner on both sides still makes a conflict.
    body = (
        "The finance office estimated that the county’s 400 jobs would go.",
        "The union said as many as the county’s 650 jobs were at risk.",
    )
    (conflict,) = find_conflicts(body, [])
    assert [c.figure for c in conflict.claims] == ["400", "650"]
