"""Shortcuts taken for speed in the pasted-text cleaner's page-level passes give what their
plain forms give: each test writes the plain form out and compares on fixture pages and
generated variants (odd lines: repeats, tabs, line breaks inside a line, CJK, curly quotes)."""

from __future__ import annotations

import random
from pathlib import Path

from bot.clean_text import _cut_hover_cards, _describe_lines, _Line, _mark_repeats, _split_lines
from bot.textmeta import _lines_holding_key, find_outlet

PASTED = Path(__file__).parent / "fixtures" / "pasted"

_ODD = [
    "from",
    "fromfrom from",
    "Stay up to date with notifications from The Harbour Gazette",
    "Get the newsletter from Harbour Today",
    "news from\nHarbour Post",  # a break inside a "line": no count of breaks finds it
    "\n",
    "",
    "“Quoted from him,” she said.",
    "相关阅读 from 新华社",
    "Home",
    "Home",
    "A\tB\tC",
    "x" * 400 + " from",
]


def _fixture_texts() -> list[str]:
    pages = sorted(PASTED.glob("*.txt"))
    assert pages
    return [p.read_text() for p in pages]


def _variants(rng: random.Random, lines: list[str], n: int) -> list[list[str]]:
    out = [lines, []]
    for _ in range(n):
        ls = list(lines)
        for _ in range(rng.randrange(0, 8)):
            ls.insert(rng.randrange(len(ls) + 1), rng.choice(_ODD + lines[:40]))
        if ls and rng.random() < 0.5:
            ls.insert(rng.randrange(len(ls) + 1), ls[rng.randrange(len(ls))])
        out.append(ls)
    return out


def test_lines_holding_a_key_are_the_lines_a_scan_of_every_line_finds() -> None:
    rng = random.Random(5)
    checked = 0
    for text in _fixture_texts():
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        for ls in _variants(rng, lines, 30):
            page = "\n".join(ls)
            for key in ("from", "Home", "\t", "相关"):
                got = _lines_holding_key(ls, page, key)
                want = [line for line in ls if key in line]
                assert got == want
                # the very items, in order: find_outlet tells a line from its repeats by identity
                assert all(a is b for a, b in zip(got, want, strict=True))
                checked += 1
    assert checked > 400


def test_outlet_from_notification_text_is_read_from_the_first_line_saying_from() -> None:
    lines = ["Home", "said from\nthere", "updates from Quay Times", "news from Harbour Today"]
    assert find_outlet(lines, None) == "Quay Times"  # a line holds a break: every line tested
    assert find_outlet(lines[::-1], None) == "Harbour Today"
    assert find_outlet(lines[2:], None) == "Quay Times"  # found in the joined page
    assert find_outlet([], None) is None


def _mark_repeats_plain(lines: list[_Line]) -> None:
    """``_mark_repeats`` as first written: lines of two words or more, not table rows, counted
    in Python."""
    seen: dict[str, int] = {}
    for line in lines:
        if line.units >= 2 and not line.table:
            seen[line.text] = seen.get(line.text, 0) + 1
    for line in lines:
        if seen.get(line.text, 0) > 1:
            line.boiler = True


def test_repeats_counted_at_once_mark_what_the_plain_count_marks() -> None:
    rng = random.Random(7)
    marked = 0
    for text in _fixture_texts():
        page = _split_lines(text)
        for ls in _variants(rng, page, 20):
            plain, fast = _describe_lines(ls), _describe_lines(ls)
            _mark_repeats_plain(plain)
            _mark_repeats(fast, [line.text for line in fast])
            assert [ln.boiler for ln in fast] == [ln.boiler for ln in plain]
            marked += sum(ln.boiler for ln in fast)
    assert marked > 0


def test_a_page_without_more_in_capitals_has_no_hover_card_to_cut() -> None:
    rng = random.Random(3)
    words = ["Rep.", "Ilhan", "OmarIlhan", "Omar", "Hillicon", "Valley:", "|", "More", "MOR"]
    for text in _fixture_texts():
        page = _split_lines(text)
        for _ in range(20):
            ls = list(page)
            ls.insert(rng.randrange(len(ls) + 1), " ".join(rng.choices(words, k=12)))
            joined = "\n".join(ls)
            if "MORE" not in joined:
                assert _cut_hover_cards(_split_lines(joined)) == {}
