"""A news story's lede is its first key fact, however many figures a later sentence holds; a
headline left as the first paragraph is no lede. Made-up stories only."""

from __future__ import annotations

from bot.facts import extract_facts


def _texts(body: tuple[str, ...]) -> list[str]:
    return [f.text for f in extract_facts(body, [])]


SCORES = (
    "Prosecutors in Norland have dropped their investigation into the harbour fire that "
    "destroyed the old customs house, saying the evidence had weakened over the years.",
    "The city council voted 9-2 on Monday to spend $4.5 million, or 12% of its budget, on "
    "rebuilding the customs house, which was destroyed in the fire.",
    "Investigators had interviewed 140 witnesses since 2017.",
)


def test_a_long_lede_goes_first() -> None:
    texts = _texts(SCORES)
    assert texts[0] == SCORES[0]
    assert texts[1] == SCORES[1]
    # A headline in title case, then the lede that says the same and more: the headline does
    # not go first (it repeats the lede's words).
    body = (
        "Council Votes To Rebuild The Old Customs House Destroyed In The Harbour Fire Of 2017.",
        "The city council voted 9-2 on Monday to spend $4.5 million, or 12% of its budget, on "
        "rebuilding the old customs house destroyed in the harbour fire of 2017.",
    )
    assert _texts(body)[0] == body[1]


def test_a_datelined_lede_goes_first() -> None:
    body = (
        "BERGEN (Wire) — Norland won the final.",
        "Hansen beat Olsen 6-4, 7-6 (5) and Berg won 6-3, 6-2 to seal a 3-0 win on Sunday in "
        "front of 12,000 fans.",
    )
    assert _texts(body)[0] == "Norland won the final."


def test_a_lede_after_a_paragraph_with_no_sentence_goes_first() -> None:
    # A language menu, then the lede in the second paragraph.
    body = (
        "阅读简体中文版閱讀繁體中文版",
        "When the mayor's advisers suggested that the city buy back the old customs house for "
        "its museum, the mayor wanted more.",
        "In a meeting on Monday, he asked the council for up to $50 million, or 12% of the "
        "budget, and a 9-2 vote on it by March.",
    )
    assert _texts(body)[0] == body[1]
    # A lede that is mostly a quote is no lede to put first.
    body = (
        "“We will rebuild the customs house, and we will make it better than it ever was,” the "
        "mayor said on Monday at the harbour.",
        body[2],
    )
    assert _texts(body)[0] == body[1]


def test_a_lede_after_a_headline_in_sentence_case_goes_first() -> None:
    body = (
        "Harlow council votes to close Eastgate bridge after fire.",
        "The Harlow county council voted on Tuesday to close the Eastgate bridge, which a fire "
        "damaged last month, for repairs expected to last until next spring.",
        "Engineers found cracked beams in an inspection, the council said.",
    )
    assert _texts(body)[0] == body[1]
    # A short lede that the next paragraph goes on from, in other words, stays first.
    body = (
        "The Harlow bridge fire was worse than anyone had thought.",
        "Engineers who inspected the span on Monday found that 40 beams had cracked and that "
        "the steel cables holding its deck had lost much of their strength.",
    )
    assert _texts(body)[0] == body[0]
