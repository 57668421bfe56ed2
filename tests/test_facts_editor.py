"""Key facts as a news editor picks them: no fragment that needs the sentence before it, no
question, no writer's first person, and the lede's bonus fading after its first sentence.
Made-up stories only."""

from __future__ import annotations

from bot.facts import extract_facts, find_conflicts

# A feature intro: its later sentences are a rhetorical question, its answer and a clause
# that borrows its verb from the sentence before; the news is in the next paragraph.
PROBE = (
    "Reaching the comet, while not easy, has been done. Landing on it and coming back, "
    "however, haven’t. Why? Because deep space and sustaining a lander there are anything "
    "but simple.",
    "The Orbis agency on Monday signed contracts worth $4.2bn with three companies to build "
    "a lander for its planned 2031 comet mission.",
    "The agency approved a budget of $900m for the first stage of the work.",
    "Engineers began testing the landing legs in a vacuum chamber near the capital.",
)


def _texts(body: tuple[str, ...]) -> list[str]:
    return [f.text for f in extract_facts(body, [])]


def test_fragments_that_need_the_sentence_before_are_no_facts() -> None:
    texts = _texts(PROBE)
    assert "Landing on it and coming back, however, haven’t." not in texts
    assert not any(t.startswith("Because deep space") for t in texts)
    # The same in Indonesian: "Karena ..." (because) alone answers the sentence before.
    body = (
        "Pemerintah kota menaikkan tarif air bersih sebesar 15 persen mulai bulan depan.",
        "Karena biaya pengolahan air naik tajam tahun ini.",
    )
    assert _texts(body) == [body[0]]


def test_later_intro_sentences_rank_below_the_news_after_them() -> None:
    texts = _texts(PROBE)
    assert texts[0].startswith("The Orbis agency on Monday signed contracts worth $4.2bn")
    assert "Reaching the comet, while not easy, has been done." in texts  # the lede stays
    body = (
        "Harbour pilots walked off the job across the northern ports this morning. "
        "Freight queues stretched along the coast road by the afternoon. "
        "Shipping firms warned customers about slower deliveries of fresh produce. "
        "Fishing crews watched the standoff from the breakwater with growing unease.",
        "Talks between the pilots' union and port owners broke down late last night.",
    )
    texts = _texts(body)
    assert texts.index(body[1]) < texts.index(
        "Fishing crews watched the standoff from the breakwater with growing unease."
    )


def test_the_writers_question_is_no_fact() -> None:
    body = (
        "Why does the town of Velm still have no railway station at all?",
        "The regional council voted 31-9 on Tuesday to fund a station in Velm by 2028.",
        "The line will carry about 4,000 passengers a day, the council said.",
    )
    texts = _texts(body)
    assert not any(t.endswith("?") for t in texts)
    assert texts[0].startswith("The regional council voted 31-9")


def test_an_interviewers_question_is_no_fact() -> None:
    body = (
        "Q: You were named chief executive of the Dorna Bank in March, after 12 years there.",
        "A: Yes, and the bank has since cut 400 jobs and closed 15 branches across the region.",
    )
    assert not any(t.startswith("Q:") for t in _texts(body))


def test_the_writers_first_person_is_no_fact() -> None:
    body = (
        "My problem is, my brother is flying business class to Lisbon while I sit in economy.",
        "The airline raised its business fares by 12 percent on Friday, its filing showed.",
    )
    texts = _texts(body)
    assert not any(t.startswith("My problem") for t in texts)
    assert texts[0].startswith("The airline raised its business fares")
    # A title, a numeral, a quote, a headline's named speaker or an aside is no writer's
    # first person.
    body = (
        "Sen. Ada Voss (I-Vt.) signed the World War I memorial bill on Friday, with 60 votes.",
        "Her memoir, Rivers and Roads: My Years in the Valley, sold 20,000 copies in March.",
        "Polls tightened in October, but ― and I cannot stress this enough ― none of the 40 "
        "surveys showed the challenger ahead.",
        "Ada Voss: I will run for governor in 2026.",
        "Asked whether she would sign the water treaty, the mayor answered, “Yes, I will.",
    )
    assert sorted(_texts(body)) == sorted(body)


def test_doubled_apostrophe_quotes_are_speech() -> None:
    body = (
        "The county board approved the new stadium lease on Tuesday by a vote of 5-2.",
        "''We will never see a deal like this one again, and everyone in the county knows "
        "it,'' said Rona Lee.",
        "''It is a bad deal for the county and a good deal for the team owners.''",
    )
    texts = _texts(body)
    assert not any(t.startswith("''") for t in texts)


def test_a_narrower_group_of_troops_is_no_conflict() -> None:
    body = (
        "The president said that about 5,500 troops would remain in Kestria until the treaty.",
        "Roughly half of the 7,500 elite troops overseas are posted outside the region, "
        "according to the Special Operations Command.",
    )
    assert find_conflicts(body, []) == []
    # Counts of one group still conflict.
    body = (
        "The ministry said about 5,500 troops were deployed to the border.",
        "The opposition said some 9,000 troops had been sent, according to Senator Ilse Dorn.",
    )
    (conflict,) = find_conflicts(body, [])
    assert [c.figure for c in conflict.claims] == ["5,500", "9,000"]
