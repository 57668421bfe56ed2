"""A headline or subheading left in the body (title case) is no sentence of the story: the
lede after it goes first. Names in a sentence do not make it a headline. Made-up stories."""

from __future__ import annotations

from bot.facts import extract_facts

BODY = (
    "Harlow Council Votes To Close Eastgate Bridge For Repairs After Fire.",
    "The Harlow county council voted 7-2 on Tuesday to close the Eastgate bridge for repairs "
    "costing $3.4 million after a fire damaged its deck.",
    "Only The Harlow Post and Radio Westgate sent reporters to the vote.",
    "Engineers found cracked beams in an inspection last month, the council said.",
)


def test_a_headline_in_title_case_is_no_fact_and_the_lede_goes_first() -> None:
    texts = [f.text for f in extract_facts(BODY, [])]
    assert texts[0] == BODY[1]
    assert BODY[0] not in texts
    # A sentence full of names has its verb in lower case.
    assert BODY[2] in texts
    # A headline that lowers its short words is one too.
    body = ("Harlow Bridge to Close for Repairs After Fire on Its Deck.", *BODY[1:])
    assert body[0] not in [f.text for f in extract_facts(body, [])]
    # A script without case has no title case.
    body = (
        "다만 MBC 드라마는 방영을 시작한 지 얼마 되지 않았지만 벌써 지쳐가는 인상이다.",
        "시청률은 지난주보다 크게 떨어졌다.",
    )
    assert body[0] in [f.text for f in extract_facts(body, [])]
