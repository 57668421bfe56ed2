"""The bisections that find quotes by position give what the linear scans they replaced gave
(the scans as first written are kept here), on made-up paragraphs with quotes at the edges."""

from __future__ import annotations

import pytest

from bot.attribution import (
    _OUTCRY_VERBS,
    _WORD_RE,
    _inside,
    _quotes_opening_at,
    _voiced_quote,
    _within_quote,
    quote_spans,
)

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
