"""The candidate floor in ``_score`` is a shortcut only: a sentence it cuts short would not
have risen above the floor anyway, and one above it gets its full score. Generated bodies
from pieces that hit every term (figures, dates, events, quotes, brackets, headlines)."""

from __future__ import annotations

import random

from bot.facts import _score, _sentences

PIECES = [
    "The council voted 7-2 on Tuesday.",
    "Officials said 3,000 troops were sent.",
    "“It was a mistake,” he said.",
    "(We never did settle on one.)",
    "Harlow Council Votes To Close The Bridge.",
    "Because the beams cracked.",
    "Read the rest of the story at the Post.",
    "Engineers found cracked beams in an inspection.",
    "Why?",
    "She had been ready for …",
    "I think it was wrong.",
    "Prices rose 4% in March, costing $3.4 million.",
]


def test_the_floor_keeps_every_candidate_and_its_score() -> None:
    rng = random.Random(7)
    for _ in range(200):
        body = tuple(
            " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(1, 14))
        )
        for sent in _sentences(body):
            full = _score(sent)
            floored = _score(sent, 0.5)
            assert (full > 0.5) == (floored > 0.5)
            if full > 0.5:
                assert floored == full
