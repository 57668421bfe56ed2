"""Shortcuts taken for speed in the pasted-text cleaner and the facts give what their plain
forms give: each test writes the plain form out and compares on fixture pages and variants."""

from __future__ import annotations

import random
from pathlib import Path

from bot.clean_text import (
    _TITLE_FLOOR,
    _describe_lines,
    _echo,
    _gap,
    _headline_like,
    _lead_text,
    _Line,
    _over_credit,
    _pick_headline,
    _slug_overlap,
    _slug_words,
    _split_lines,
    _title_score,
)
from bot.facts import _DIGITISH_RE, _digitish_in
from bot.figures import scan_figures

PASTED = Path(__file__).parent / "fixtures" / "pasted"


def _pick_headline_by_scan(
    head: list[_Line], anchor: int, taken: tuple[int | None, ...], lead: str, url: str | None
) -> int | None:
    """``_pick_headline`` as first written: every line scored, in page order."""
    slug = _slug_words(url)
    solid = [0] * (len(head) + 1)
    for k, line in enumerate(head):
        solid[k + 1] = solid[k] + (line.units >= 2 and not line.boiler)
    best, best_score = None, _TITLE_FLOOR
    echoes: dict[int, float] = {}
    anchors = {anchor, *(a for a in taken if a is not None)}
    for k in range(len(head)):
        if k in taken or not _headline_like(head[k]):
            continue
        echoes[k] = _echo(head[k].text, lead)
        if slug:
            echoes[k] = max(echoes[k], _slug_overlap(head[k].text, slug))
        gap = max(_gap(solid, k, a) for a in anchors)
        over_credit = gap < 0 and _over_credit(head, k)
        if over_credit:
            gap = 0
        score = _title_score(head[k], echoes[k], gap) + 0.05 * over_credit
        if score > best_score:
            best, best_score = k, score
    if best is None:
        return None
    above = best - 1 if best - 1 in echoes or best - 2 not in echoes else best - 2
    if (
        best - 1 not in taken
        and not (best - 1 >= 0 and head[best - 1].is_date_line())
        and above in echoes
        and 5 <= head[above].units <= head[best].units
        and echoes[above] >= 0.25
        and not head[above].has_boiler_words()
    ):
        return above
    return best


def _fixture_lines() -> list[list[_Line]]:
    pages = sorted(PASTED.glob("*.txt"))
    assert pages
    return [_describe_lines(_split_lines(p.read_text())) for p in pages]


def test_headline_search_by_bound_picks_what_a_scan_of_every_line_picks() -> None:
    rng = random.Random(11)
    urls = [None, "https://example.com/news/port-strike-ends-after-talks", "https://x.de/brücke"]
    checked = picked = 0
    for lines in _fixture_lines():
        texts = [line.text for line in lines]
        for _ in range(300):
            # A window of the page, sometimes with lines repeated (equal scores: the first
            # wins) or shuffled, and an anchor and taken lines anywhere in it.
            head = lines[rng.randrange(len(lines)) :][: rng.randint(1, 60)]
            if rng.random() < 0.3:
                head = head + head[: rng.randint(1, len(head))]
            if rng.random() < 0.2:
                head = rng.sample(head, len(head))
            anchor = rng.randint(0, len(head))
            taken = tuple(rng.choice([None, rng.randrange(len(head))]) for _ in range(2))
            lead = _lead_text(rng.sample(texts, min(len(texts), rng.randint(1, 8))))
            url = rng.choice(urls)
            expected = _pick_headline_by_scan(head, anchor, taken, lead, url)
            assert _pick_headline(head, anchor, taken, lead, url) == expected
            checked += 1
            picked += expected is not None
    assert picked > checked // 3


def test_digit_search_by_bytes_finds_what_the_regex_finds() -> None:
    rng = random.Random(4)
    ascii_chars = list("ab Z.,$-0123456789")
    alphabet = [*ascii_chars, "£", "€", "¥", "₹", "٣", "３", "²", "’", "é"]
    checked = found = 0
    for _ in range(3000):
        size = rng.randint(0, 30)
        # ASCII-only texts half of the time: the fast path's case.
        pool = ascii_chars if rng.random() < 0.5 else alphabet
        para = "".join(rng.choice(pool) if rng.random() < 0.3 else "x" for _ in range(size))
        raw = para.encode("ascii", "replace")
        start = rng.randint(0, size)
        end = rng.randint(start, size)
        expected = _DIGITISH_RE.search(para, start, end) is not None
        assert _digitish_in(para, raw, start, end) == expected, (para, start, end)
        checked += 1
        found += expected
    assert 0 < found < checked


def test_figures_of_a_sentence_without_digits_need_no_digit_search() -> None:
    sentences = [
        "Two million people fled in March, and thousands of soldiers stayed.",
        "Five people were killed; hundreds of others were hurt on Monday.",
        "The vote was close, officials said, and a million more may come.",
    ]
    for sentence in sentences:
        assert _DIGITISH_RE.search(sentence) is None
        assert scan_figures(sentence, digits=False) == scan_figures(sentence) != []
