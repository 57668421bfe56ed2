"""Shortcuts taken for speed in sentences, figures, facts and render give what their plain
(regex) forms give: each test writes the plain form out and compares on generated strings
built from the characters that matter to it (capitals, dots, white space of every kind,
non-ASCII letters that match ASCII ones when case is ignored)."""

from __future__ import annotations

import random
import re

from bot import figures, render, sentences
from bot.facts import _mostly_quote
from bot.model import Attribution, Kind


def _strings(pieces: list[str], count: int, most: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, most))) for _ in range(count)]


def test_the_word_before_a_full_stop_is_what_the_regex_finds() -> None:
    plain = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
    pieces = ["Mr", "U.S", "e.g", "J", "x", "a.m", "abcdefghijklmnopqrstu", ".", ". ", " ", "\n",
              "é", "3", "-", "K", "ı", "“"]  # fmt: skip
    for text in _strings(pieces, 3000, 10, 1):
        text += "."
        for stop in (i for i, ch in enumerate(text) if ch == "."):
            found = plain.search(text, max(0, stop - 20), stop + 1)
            assert sentences._word_before(text, stop) == (found.group(1) if found else ""), text


def test_the_name_before_a_number_is_what_the_regex_finds() -> None:
    pieces = ["A", "Z", "a", "z", "School", "About", " ", "  ", "\n", "\t", "\u00a0", ".", "!",
              "?", ",", "_", "1", "é", "É", "K", "ſ", "İ", "ı", "(", "\r", "\u2028"]  # fmt: skip
    for window in _strings(pieces, 20000, 10, 2):
        found = figures._NAME_BEFORE_RE.search(window)
        assert figures._name_before(window) == (found.group(1) if found else None), window


def test_the_digit_branches_behind_one_lookbehind_match_as_each_alone_would() -> None:
    # The same branches, each with its own _LB, in one plain alternation.
    plain = re.compile(
        "|".join(p for starts, p in figures._BRANCHES if "d" in starts), re.IGNORECASE
    )
    assert plain.pattern != figures._DIGIT_FIGURE_RE.pattern
    pieces = [*"0123456789,. %$-–:/x", "  ", "\u0663", "US$", "£", "USD ", " per cent",
              "percent", " percentage points", " bn", " million", "m", " dollars", " votes to ",
              " people", ",000", ".5", "1st", " June", " Sept. ", "ſ", "\n", "-05-01"]  # fmt: skip
    for text in _strings(pieces, 3000, 10, 3):
        for at, ch in enumerate(text):
            if ch.isdecimal():
                a, b = figures._DIGIT_FIGURE_RE.match(text, at), plain.match(text, at)
                assert (a and (a.lastgroup, a.span())) == (b and (b.lastgroup, b.span())), text


def test_a_sentence_without_quote_marks_is_never_mostly_quote() -> None:
    for text in ["He said it was over.", "", "It’s over — for now.", "'Tis the season."]:
        assert not _mostly_quote(text)
    assert _mostly_quote("“It is over,” he said.")
    assert _mostly_quote("over,” he said.")


def test_render_shortcuts_give_what_their_regexes_give() -> None:
    gap = re.compile(r"(?<=[”\"]) (?=[“\"])")
    that = re.compile(r"^that\s+(?=\S)", re.IGNORECASE)
    pieces = ["t", "T", "h", "a", "that", "That ", "THAT", "“", "”", '"', " ", "  ", "\n", "x",
              "é", "\u00a0", "K", "ſ", "İ"]  # fmt: skip
    for text in _strings(pieces, 5000, 8, 4):
        assert render._pieces(text) == gap.sub(" … ", text), text
        assert render._reported(text) == that.sub("", text, count=1), text
        assert render._has_quote_marks(text) == any(ch in '“”"' for ch in text), text


def test_a_one_word_plain_cue_reads_as_the_full_rule_reads_it() -> None:
    def full_rule(cue: str | None) -> str:  # _report_label without its shortcut
        words = (cue or "").split()
        if not 1 <= len(words) <= 4 or not all(render._CUE_WORD.fullmatch(w) for w in words):
            return "reported"
        if any(w.lower() in render._PLAIN_REPORT for w in words) and not render._NEGATED.search(
            cue or ""
        ):
            return "reported"
        return " ".join(words)

    cues = [*render._PLAIN_REPORT, "Said", "did not say", "never said", "denied", ":", None, ""]
    for cue in cues:
        a = Attribution(None, None, None, cue, "x", Kind.INDIRECT, False, 0)
        assert render._report_label(a) == full_rule(cue), cue
