"""The cleaner's speed shortcuts give what the plain definitions give.

Each shortcut skips work that cannot change a feature: these tests spell out the skipped
work and compare, on the fixture pages and on made-up lines in several scripts.
"""

from __future__ import annotations

from pathlib import Path

from bot.clean_lines import _STAND_INS, Line, describe, plain_text
from bot.clean_text import _describe_lines, _main_block, _scores, _split_lines
from bot.clean_vocab import fold, unspaced_boiler

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pasted"
PAGES = [p.read_text() for p in sorted(FIXTURES.glob("*.txt"))]
ODD_LINES = [
    "分享到微信", "相关新闻", "関連記事", "관련기사", "แชร์", "“分享” — said",
    "“Quoted” — a line… with stand-ins", "Read more » ‘here’", "Привет, мир", "Ünïcödé words",
    "\u00a0spaced\u2009out\u3000line", "广告", "© 2019 The Paper", "!!!", "…", "“”",
]  # fmt: skip


def _score(line: Line) -> float:
    """The per-line definition ``_scores`` computes in one expression."""
    if line.tail:
        return -25.0
    if line.boiler or line.caption:
        return -8.0
    if line.teaser:
        return -1.0
    if line.prose:
        return min(line.units, 60.0)
    if line.table or (line.sentence and line.units >= 5):
        return 1.0
    return -2.0


def test_plain_lines_hold_no_unspaced_script_term() -> None:
    # describe() skips the unspaced-script search where a line has a plain text.
    assert all(not unspaced_boiler(c) for c in _STAND_INS)
    for text in ODD_LINES + [ln for page in PAGES for ln in _split_lines(page) if ln]:
        if plain_text(text) is not None:
            assert not unspaced_boiler(fold(text)), text
        # and describe() still finds an unspaced script's term where it is
        if unspaced_boiler(fold(text)) and describe(0, text).units < 16:
            assert describe(0, text).boiler, text


def test_scores_and_spacing_match_their_definitions() -> None:
    for page in [*PAGES, "\n".join(ODD_LINES), "one\n\ntwo\nthree\n\n", "only"]:
        raw = _split_lines(page)
        lines = _describe_lines(raw)
        assert _scores(lines) == [_score(line) for line in lines]
        nonempty = [i for i, text in enumerate(raw) if text]
        for line, i in zip(lines, nonempty, strict=True):
            above = i == 0 or not raw[i - 1]
            below = i == len(raw) - 1 or not raw[i + 1]
            assert line.spaced == (above and below), (page[:40], i)
        start, end = _main_block(lines)
        assert 0 <= start <= end <= len(lines)
