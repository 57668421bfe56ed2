"""Key facts rank the writer's asides in brackets below the story, and leave out credit lines
and clauses that break off in an ellipsis. Made-up stories only."""

from __future__ import annotations

from bot.facts import extract_facts

BODY = (
    "The Harlow county council voted on Tuesday to close the Eastgate bridge for repairs "
    "expected to last until next spring.",
    "(The bridge was last repaired in the 1980s, when it was closed for a whole summer.)",
    "Engineers found cracked beams in an inspection last month, the council said.",
    "Drivers will use the Westgate crossing, which adds about ten minutes to a trip downtown.",
    "Shops along the river expect their busiest season in years and are getting ready for …",
    "(Additional reporting by Ann Berg in Harlow and Olav Dahl in Westgate; editing by Per "
    "Lund and Kari Holm.)",
)


def _score(body: tuple[str, ...], text: str) -> float:
    return next(f.score for f in extract_facts(body, []) if f.text == text)


def test_an_aside_in_brackets_scores_below_the_same_words_without() -> None:
    aside = BODY[1]
    plain = aside[1:-2] + "."
    assert _score(BODY, aside) < _score((BODY[0], plain, *BODY[2:]), plain) - 1.0


def test_teasers_and_credits_are_no_facts() -> None:
    texts = [f.text for f in extract_facts(BODY, [])]
    assert texts[0] == BODY[0]
    assert BODY[4] not in texts
    assert BODY[5] not in texts
