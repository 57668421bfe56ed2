"""The bisections that keep attribution linear in a paragraph's quotes, checked against the
plain scans they replace (kept here as first written), on made-up paragraphs and on random
sorted, disjoint spans (a paragraph of thousands of quotes once took seconds per digest:
bench/adversarial.py measures the growth)."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest

from bot import attrib_bounds, attribution
from bot.attribution import (
    _OUTCRY_VERBS,
    _WORD_RE,
    _bare_quote,
    _inside,
    _quotes_opening_at,
    _short_outcry,
    _voiced_quote,
    _within_quote,
    quote_spans,
)


def _spans(rng: random.Random, n: int) -> list[tuple[int, int]]:
    """Sorted, disjoint [start, end) spans, as quote_spans gives them."""
    spans, at = [], 0
    for _ in range(n):
        s = at + rng.randrange(0, 4)
        e = s + rng.randrange(1, 6)
        spans.append((s, e))
        at = e
    return spans


TEXTS = [
    '"A," said Ann Poole, "B." Then "C" and "D," she added.',
    "“Yes,” he said. “No.” ‘Maybe,’ said nobody.",
    'No quotes at all here, said the mayor.',
    '"""Three marks," and a stray " at the end',
    '”Sorry Sarah, I made a mistake!!” posted Ann Poole. "Later," she wrote.',
    '"A" "B" "C"',
    'The crowd, chanting "Dump Trump," yelled "No!" and then cried, "Stop."',
]


def _plain_opening_at(pos: int, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(qs, qe) for qs, qe in quotes if qs == pos]


def _plain_inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    for s, e in spans:
        if s > pos:
            return False
        if pos < e - 1 or s == pos:
            return True
    return False


def _plain_within(pos: int, quotes: list[tuple[int, int]]) -> bool:
    return any(qs < pos < qe - 1 for qs, qe in quotes)


@pytest.mark.parametrize("text", TEXTS)
def test_quote_lookups_match_the_linear_scans(text: str) -> None:
    quotes = quote_spans(text)
    for pos in range(len(text) + 2):
        assert _quotes_opening_at(pos, quotes) == _plain_opening_at(pos, quotes)
        assert _inside(pos, quotes) == _plain_inside(pos, quotes)
        assert _within_quote(pos, quotes) == _plain_within(pos, quotes)


def _plain_voiced(text: str, us: int, ue: int, quotes: list[tuple[int, int]],
                  ) -> tuple[int, int] | None:
    for s, e in quotes:
        if not us < s < ue:
            continue
        words = _WORD_RE.findall(text[max(us, s - 20) : s].rstrip(" ,"))
        if words and words[-1] in _OUTCRY_VERBS and text[us:s].rstrip(" ,").endswith(words[-1]):
            return s, e
    return None


@pytest.mark.parametrize("text", TEXTS)
def test_voiced_quote_matches_the_linear_scan(text: str) -> None:
    quotes = quote_spans(text)
    for us in range(0, len(text) + 1, 3):
        for ue in range(us, len(text) + 2, 5):
            assert _voiced_quote(text, us, ue, quotes) == _plain_voiced(text, us, ue, quotes)


@pytest.mark.parametrize("text", TEXTS)
def test_bare_quote_needs_a_quote_opening_in_its_unit(text: str) -> None:
    """_bare_quote returns at once for a unit where no quote opens: each of its rules reads
    such a quote (the first long one, an outcry opening the unit, a voiced one)."""
    quotes = quote_spans(text)
    for us in range(0, len(text) + 1):
        for ue in range(us, len(text) + 2):
            if any(us <= qs < ue for qs, _ in quotes):
                continue
            assert _short_outcry(text, us, ue, quotes) is None, (us, ue)
            assert _voiced_quote(text, us, ue, quotes) is None, (us, ue)
            assert _bare_quote(text, us, ue, quotes, 0) is None, (us, ue)


def test_quote_spans_of_text_without_marks_are_none() -> None:
    for text in ("", "No quotes at all here, said the mayor.", "It’s 6’2 and 'single'."):
        assert quote_spans(text) == []


def test_inside_agrees_with_a_scan_of_every_span() -> None:
    rng = random.Random(7)
    for _ in range(300):
        spans = _spans(rng, rng.randrange(0, 8))
        for pos in range(-1, (spans[-1][1] if spans else 0) + 3):
            assert _inside(pos, spans) is _plain_inside(pos, spans), (pos, spans)


def test_quote_lookups_agree_with_scans_of_every_span() -> None:
    rng = random.Random(11)
    for _ in range(300):
        spans = _spans(rng, rng.randrange(0, 8))
        for pos in range(-1, (spans[-1][1] if spans else 0) + 3):
            assert _within_quote(pos, spans) is _plain_within(pos, spans), (pos, spans)
            assert _quotes_opening_at(pos, spans) == _plain_opening_at(pos, spans), (pos, spans)


def test_quote_spans_are_sorted_and_disjoint() -> None:
    """What the bisections rely on, for text with every kind of quote mark in any order."""
    rng = random.Random(5)
    for _ in range(500):
        text = "".join(rng.choice(['"', "“", "”", "''", " a", " said", ",", ". "])
                       for _ in range(rng.randrange(0, 30)))
        spans = quote_spans(text)
        assert all(s < e for s, e in spans), (text, spans)
        assert all(e1 <= s2 for (_, e1), (s2, _) in pairwise(spans)), (text, spans)


def test_cut_points_skip_words_inside_quotes_only() -> None:
    text = 'He said the plan, "which and so on, but it fails," and then it was over, so.'
    quotes = attribution.quote_spans(text)
    cuts = attrib_bounds.cut_points(text, 0, len(text), "said", "mixed", quotes)
    ends = [end for end, _ in cuts]
    assert ends, "a sentence with commas and 'and' has cut points"
    for end in ends:  # a cut's end is the end of the word before it: never inside a quote
        assert not any(s < end < e - 1 for s, e in quotes), (end, quotes)
    # The cuts outside the quote are all there: after "plan", before "and then", "so".
    for word in ("plan", "fails,\"", "over"):
        assert text.index(word) + len(word) in ends, word


def test_speakers_of_a_long_paragraph_of_quotes_are_placed_and_resolved() -> None:
    text = " ".join(f'"Point {n} stands," he said.' for n in range(60))
    got = attribution.extract_attributions(['"We begin," Mr. Smith said.', text])
    assert len(got) == 61
    assert {a.speaker for a in got} == {"Smith"}


def test_a_paragraph_of_many_quotes_is_still_read() -> None:
    text = " ".join(f'"Point {n} stands," he said.' for n in range(400))
    got = attribution.extract_attributions(["Mr. Smith spoke at length.", text])
    assert len(got) >= 300
    assert all(a.content.startswith("“Point") or a.content.startswith('"Point') for a in got)
