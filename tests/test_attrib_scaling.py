"""The bisections that keep attribution linear in a paragraph's quotes, checked against the
plain scans they replace (a paragraph of thousands of quotes once took seconds per digest:
bench/adversarial.py measures the growth)."""

from __future__ import annotations

import random

from bot import attrib_bounds, attribution


def _spans(rng: random.Random, n: int) -> list[tuple[int, int]]:
    """Sorted, disjoint [start, end) spans, as quote_spans gives them."""
    spans, at = [], 0
    for _ in range(n):
        s = at + rng.randrange(0, 4)
        e = s + rng.randrange(1, 6)
        spans.append((s, e))
        at = e
    return spans


def test_inside_agrees_with_a_scan_of_every_span() -> None:
    rng = random.Random(7)
    for _ in range(300):
        spans = _spans(rng, rng.randrange(0, 8))
        for pos in range(-1, (spans[-1][1] if spans else 0) + 3):
            scan = any(pos < e - 1 or s == pos for s, e in spans if s <= pos)
            assert attribution._inside(pos, spans) is scan, (pos, spans)


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


def test_a_paragraph_of_many_quotes_is_still_read() -> None:
    text = " ".join(f'"Point {n} stands," he said.' for n in range(400))
    got = attribution.extract_attributions(["Mr. Smith spoke at length.", text])
    assert len(got) >= 300
    assert all(a.content.startswith("“Point") or a.content.startswith('"Point') for a in got)
