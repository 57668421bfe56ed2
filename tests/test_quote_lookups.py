"""The bisections that find quotes by position give what the linear scans they replaced gave
(the scans as first written are kept here), on made-up paragraphs with quotes at the edges."""

from __future__ import annotations

import pytest

from bot.attribution import _inside, _quotes_opening_at, _within_quote, quote_spans

TEXTS = [
    '"A," said Ann Poole, "B." Then "C" and "D," she added.',
    "“Yes,” he said. “No.” ‘Maybe,’ said nobody.",
    'No quotes at all here, said the mayor.',
    '"""Three marks," and a stray " at the end',
    '”Sorry Sarah, I made a mistake!!” posted Ann Poole. "Later," she wrote.',
    '"A" "B" "C"',
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
