"""Pre-checks of the figure scan and the sentence reader agree with the slow paths they skip
(made-up text)."""

from __future__ import annotations

import re

import pytest

from bot import figures
from bot.facts import _CITATION_RE, _is_citation, _sentences
from bot.figures import (
    _ALPHA_AMOUNT_RE,
    _ALPHA_DATE_RE,
    _ALPHA_FIGURE_RE,
    _DIGIT_FIGURE_RE,
    _FIGURE_RE,
    _MONTH_CASED_RE,
    _MONTH_TRIGGERS,
    TRIGGER_WORDS,
    _classify,
    _trigger_positions,
    scan_figures,
)

SENTENCES = [
    "The ferry strike began on May 5 and may last until June, the union said.",
    "In March 2020 the board met; in march the river floods, and Sept. 14 is the vote.",
    "Aprıl 5 and AUGUST 2019 were the dates on the ledger, not aug or apr alone.",
    "İstanbul traders paid US$40 million in Dec. 2021 and NZ$ 3 million in jan 2022.",
    "Two hundred pilgrims and a million visitors came; one in five stayed until Oct 3.",
    "Dozens of boats and scores of skiffs left port, and tens of thousands watched in June.",
    "Five soldiers were killed on Nov 11, and sixty percent of voters backed the plan.",
    "USD 12 and EUR 4 bought a ticket in Feb., a third of what it cost in february 1999.",
    "The Mayor said in May that three thousand homes would be built by December 31st.",
    "Mar-a-Lago hosted seven hundred guests on Mar 4, while Jul and Jun went unmentioned.",
    "Sep 9 ends the window; Septembers are short, and the decemberists played on Dec 2nd.",
    "They paid €5bn, C$2 and HK$ 70 for the three ferries, twelve years after 2010.",
]


def _scan_reference(sentence: str) -> list[figures.Figure]:
    """The scan trying every ASCII-letter position with the whole alternation."""
    found: list[figures.Figure] = []
    pos = 0
    for at in _trigger_positions(sentence, None):
        if at < pos:
            continue
        first = sentence[at]
        if "a" <= first <= "z" or "A" <= first <= "Z":
            m = _ALPHA_FIGURE_RE.match(sentence, at)
        elif first.isdecimal():
            m = _DIGIT_FIGURE_RE.match(sentence, at)
        else:
            m = _FIGURE_RE.match(sentence, at)
        if m is None:
            continue
        pos = m.end()
        fig = _classify(sentence, m.lastgroup or "", m.group(0), m.start(), m.end())
        if fig is not None:
            found.append(fig)
            pos = max(pos, fig.end)
    return found


@pytest.mark.parametrize("sentence", SENTENCES)
def test_scan_by_word_kind_finds_what_the_whole_alternation_finds(sentence: str) -> None:
    assert scan_figures(sentence) == _scan_reference(sentence)


def test_the_scan_finds_dates_after_month_words_and_skips_bare_months() -> None:
    assert [f.text for f in scan_figures(SENTENCES[2])] == ["Aprıl 5"]  # (capitals: no date)
    texts = [f.text for f in scan_figures(SENTENCES[0])]
    assert texts == ["May 5"]
    texts = [f.text for f in scan_figures(SENTENCES[1])]
    assert "March 2020" in texts and "Sept. 14" in texts
    assert all(f.text != "march" for f in scan_figures(SENTENCES[1]))


@pytest.mark.parametrize("sentence", SENTENCES)
def test_month_words_match_only_dates_and_other_words_only_amounts(sentence: str) -> None:
    lowered = sentence.lower()
    for at in _trigger_positions(sentence, None):
        first = sentence[at]
        if not ("a" <= first <= "z" or "A" <= first <= "Z"):
            continue
        whole = _ALPHA_FIGURE_RE.match(sentence, at)
        word = re.match(r"[a-z]*", lowered[at:])
        assert word is not None
        if len(lowered) != len(sentence):
            continue
        rx = _ALPHA_DATE_RE if word.group(0) in _MONTH_TRIGGERS else _ALPHA_AMOUNT_RE
        part = rx.match(sentence, at)
        assert (whole and whole.group(0)) == (part and part.group(0)), (sentence, at)


def test_month_triggers_are_the_trigger_words_that_name_months() -> None:
    months = {w for w in TRIGGER_WORDS if _MONTH_CASED_RE.fullmatch(w.capitalize())}
    assert months == _MONTH_TRIGGERS


PARAGRAPHS = [
    "The harbour board met on Monday. It voted to raise berthing fees by a fifth.",
    "Fishermen objected.  Two of them walked out, and one shouted at the chair.",
    "A line\nbreak splits this paragraph. Tabs\tand  gaps too; and a\u00a0hard space.",
    "“We will appeal,” the skipper said. “This is not over.” The board declined to comment.",
    " A leading space opens this one. And a trailing one ends it. ",
]


def test_word_counts_read_from_spaces_are_split_counts() -> None:
    for sent in _sentences(PARAGRAPHS):
        assert sent.words == len(sent.text.split()), sent.text


@pytest.mark.parametrize(
    "para",
    [
        "More information: A. Smith et al. Ferry wakes and eelgrass (2019).",
        "Journal reference: Coastal Letters 12, 44 (2020).",
        "Citation: the harbour survey, volume 3.",
        "Reference: page 4 of the report.",
        "Provided by the Harbour Trust",
        "provided by a reader",
        "A. Smith et al. Ferry wakes. Coastal Letters (2019). DOI: 10.1234/cl.2019.44",
        "The study (DOI: 10.5555/x.1) was cited by the board: it found 40 wrecks.",
        "The board said: fees rise 10. Nothing else changed.",
        "Mayor's note: the vote is on Monday.",
        "Rates: 10.5% for berths, and a reference: none.",
        "",
        "Price: £23.99. More information: none.",
    ],
)
def test_citation_pre_check_agrees_with_the_pattern(para: str) -> None:
    assert _is_citation(para) == (_CITATION_RE.match(para) is not None)


@pytest.mark.parametrize(
    "sentence",
    [s for s in SENTENCES if s.isascii()]
    + ["Fees rose 3,000.5 to $12, then 4.5 and .5 and ,7 and US$9 on 2020-01-02 at 10:30."],
)
def test_digit_starts_in_ascii_text_are_the_unicode_patterns(sentence: str) -> None:
    assert [m.start() for m in figures._ASCII_DIGIT_START_RE.finditer(sentence)] == [
        m.start() for m in figures._DIGIT_START_RE.finditer(sentence)
    ]
