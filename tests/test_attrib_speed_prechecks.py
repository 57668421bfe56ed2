"""The attribution stage's cheap pre-tests change no result: each one rules out only inputs
on which the slower test it guards fails too (checked on generated text full of the words,
marks and case-folding oddities the patterns care about)."""

from __future__ import annotations

import random

from bot import attribution

# Pieces the generated strings are made of: the words the guarded patterns need, near
# misses, case-blind look-alikes (dotless i, long s, Kelvin sign, dotted capital I), curly
# and straight marks, CJK, digits, line breaks.
PIECES = [
    " ", " ", " ", ", ", ". ", "; ", "\n", "  ", "the", "The", "THE", "phrase", "term", "terms",
    "word", "words", "slogan", "label", "not", "NOT", "Not", "n't", "n’t", "N’T", "never",
    "Never", "cannot", "CanNot", "did", "does", "is", "was", "would", "isn", "wasn", "t", "’",
    "'", "“", "”", '"', "said", "say", "disclose", "deny", "ı", "İ", "ſ", "K", "é", "中文",
    "1", "2015", "tonight", "knot", "nevertheless", "Anne", "no", "note", "x", "—",
    " the phrase", " The Term", " the word ", "the label", " the  slogan", "did not ",
    "doesn’t ", "never ", "cannot ", "WASN'T ", "has not ", "Did Not ",
]


def _texts(seed: int, n: int, max_pieces: int = 14) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, max_pieces)))
            for _ in range(n)]


def test_names_words_is_the_substring_test() -> None:
    keys = (" the phrase", " the term", " the word", " the slogan", " the label")
    for t in _texts(1, 4000):
        low = t.lower()
        assert attribution._names_words(low) == any(k in low for k in keys), low


def test_negation_pretest_never_rules_out_a_negation() -> None:
    for t in _texts(2, 6000):
        for lo in (0, 3):
            hi = len(t)
            if attribution._NEGATION.search(t, lo, hi):
                assert attribution._may_negate(t[lo:hi].lower()), t
