"""The fast paths of the key-fact and figure scan give the slow paths' answers (made-up text)."""

from __future__ import annotations

import re

import pytest

from bot import figures
from bot.facts import (
    _EVENT_VERBS,
    _FIRST_PERSON_WORDS,
    _HEDGES,
    _KEYWORD_BYTES,
    _KEYWORDS,
    _letter_runs,
    _sentences,
    extract_facts,
)
from bot.figures import (
    _COUNT_LEADERS,
    _GROUP_KEYS,
    _TIME_AFTER_RE,
    _YEAR_BEFORE_RE,
    _YEAR_RE,
    TRIGGER_WORDS,
    Figure,
    _address_or_phone,
    _label_before,
    _model_before,
    _name_before,
    _reference_or_code,
    counted_noun,
    scan_figures,
)

# Invented sentences with every kind of bare number the plain-number tests rule on: years
# after "in" and alone, IDs, phone numbers, street numbers, labels, names, model numbers,
# reference marks, times and counts.
SENTENCES = [
    "The Marlow trust closed 14 branches in 2019 and opened 3 more in 2021.",
    "By 2031 the ferry line expects 1200 passengers a day, up from 950.",
    "In 1998, 2004 soldiers marched past the old gatehouse at 7 am.",
    "Call 0161 496 0734 or write to 42 Quarry Lane Road for a form.",
    "The office at 1600 Larkspur Avenue holds Room 12 and Gate 4.",
    "Fenwick School 285 and Apollo 11 were named in the report, alongside Flight 17.",
    "About 300 fishermen and Nearly 40 crew joined the protest; 2040 of them were injured.",
    "The GTX 480 and the iPhone 12 sold 4,500 units, against 3.5 for the older XR 9.",
    "Scores were 6-4 (5) and the tally reached 1234567 by noon (27, 28, 29).",
    "Clinton (68) and Trump (70) met 401(k) savers; a 1-6-2 skid followed.",
    "Since 1987 the reservoir has lost 2100 tonnes of silt, engineers said at 10:30.",
    "Kelso CA 90210 mailed 75 ballots in 1999 to the county's 12 wards.",
    "AT LEAST 10 KILLED AS 2022 STORM HITS COAST, the banner read in 2022.",
    "The 2016 figure counted 1920 deaths and 1876 arrests across 12 towns.",
    "Between 2010 and 2015 some 2012 residents were displaced by the floods.",
    "The council's 12 members voted 7 to 5 on the 24-page plan of 2018.",
    "Ward No. 9, Phase 3 and Article 5 drew #4 billing in 2003 among 88 items.",
    "Two ferries carried five soldiers and three hundred pilgrims across the bay.",
    "Nine people were killed and twelve were injured when four buses collided.",
    "Eleven ministers and seven advisers flew out; six of them were detained.",
]


def _plain_reference(sentence: str, text: str, start: int, end: int) -> Figure | None:
    """The plain-number tests in their order before the cheap ones were put first."""
    if _label_before(sentence[max(0, start - 20) : start]):
        return None
    if _TIME_AFTER_RE.match(sentence[end : end + 6]):
        return None
    if _address_or_phone(sentence, start, end):
        return None
    if "," not in text and "." not in text:
        if len(text) >= 7:
            return None
        window = sentence[max(0, start - 30) : start]
        name = _name_before(window)
        if name and name not in _COUNT_LEADERS:
            return None
        if _reference_or_code(sentence, start, end) or _model_before(sentence, window, start):
            return None
    if _YEAR_RE.fullmatch(text):
        if _YEAR_BEFORE_RE.search(sentence[max(0, start - 12) : start]):
            return None
        noun = counted_noun(sentence, Figure(text, start, end, "count", None))
        if noun is None or noun.key not in _GROUP_KEYS:
            return None
    return Figure(text, start, end, "count", float(text.replace(",", "")))


@pytest.mark.parametrize("sentence", [s for s in SENTENCES if re.search(r"\d", s)])
def test_plain_numbers_are_judged_as_in_the_original_order(sentence: str) -> None:
    tried = 0
    for m in re.finditer(r"\d(?:[\d,.]*\d)?", sentence):
        text, start, end = m.group(0), m.start(), m.end()
        assert figures._plain(sentence, text, start, end) == _plain_reference(
            sentence, text, start, end
        ), (sentence, text)
        tried += 1
    assert tried


@pytest.mark.parametrize("sentence", SENTENCES)
def test_counted_noun_at_a_span_is_the_figures_counted_noun(sentence: str) -> None:
    for fig in scan_figures(sentence):
        assert figures._counted_noun_at(sentence, fig.start, fig.end) == counted_noun(
            sentence, fig
        )
    for m in re.finditer(r"\b(?:two|three|four|five|six|seven|nine|eleven|twelve)\b", sentence):
        probe = Figure(m.group(0), m.start(), m.end(), "count", None)
        assert figures._counted_noun_at(sentence, m.start(), m.end()) == counted_noun(
            sentence, probe
        )


@pytest.mark.parametrize("sentence", SENTENCES)
def test_scan_with_only_the_trigger_words_matches_a_scan_with_all_words(sentence: str) -> None:
    runs = {w.decode() for w in _letter_runs(sentence, lower=True)}
    triggers = [w for w in runs if w in TRIGGER_WORDS]
    assert scan_figures(sentence, triggers) == scan_figures(sentence, runs)
    assert scan_figures(sentence, triggers) == scan_figures(sentence)


def test_keywords_as_bytes_name_the_same_words_as_the_str_lists() -> None:
    body = [
        "The harbour board voted on Thursday to ban night trawling; it could pass in May.",
        "I think they might appeal, said one skipper, who was arrested in March.",
        "Ministers approved two permits and rejected a third.",
    ]
    for sent in _sentences(body):
        words = {w.decode() for w in _letter_runs(sent.text, lower=True)}
        assert {w.decode() for w in sent.keywords} == words & _KEYWORDS
        assert sent.keywords <= _KEYWORD_BYTES
    by_word = {w.decode() for s in _sentences(body) for w in s.keywords}
    assert {"voted", "approved", "rejected", "arrested"} <= by_word & _EVENT_VERBS
    assert {"could", "might"} <= by_word & _HEDGES
    assert "i" in by_word & _FIRST_PERSON_WORDS


def test_candidates_with_equal_scores_keep_body_order() -> None:
    # Identical sentences in different paragraphs score alike past the first paragraph's
    # bonus: the earlier one must be chosen first, as the (score, position) sort did.
    body = [
        "Harbour officials met on Monday to weigh a new levy on cruise ships.",
        "The levy would raise 2 million a year for dredging, the board said.",
        "Dredging has stalled since 2019, when a survey found 40 wrecks in the channel.",
        "The board will vote on the levy in June, and fishermen plan to object.",
    ]
    facts = extract_facts(body, [])
    paragraphs = [f.paragraph for f in facts]
    assert paragraphs[0] == 0
    scores = [f.score for f in facts]
    for a, b, pa, pb in zip(scores, scores[1:], paragraphs, paragraphs[1:], strict=False):
        assert a > b or (a == b and pa < pb)


CONTENT_TEXTS = [
    "The harbour board’s chair said the ferries’ 2,400 berths would close by 2020Olympics time.",
    "’Twas a don’t-miss x-ray of the quay: café owners, naïve pilots and a 4.5-metre tide.",
    "Numbers alone: ,5 and .75 and 1,000, then 3.2.1 and ... and 10,000.",
    "Arabic-Indic digits ٣٤٥ and full-width ３ sit beside 12 ASCII ones in this made-up line.",
    "A DEL \x7f character forces the slow path for these harbour words, 99 of them.",
    "Short words only: a an to of in on at by it is.",
    "Quotes in “double” and 'single' and ‘curly single’ marks, with hyphen-joined-words too.",
    "",
]


@pytest.mark.parametrize("text", CONTENT_TEXTS)
def test_content_words_read_from_bytes_are_the_patterns_words(text: str) -> None:
    from bot.facts import _CONTENT_WORD_RE, _content_lemma, _content_words

    expected = set(map(_content_lemma, _CONTENT_WORD_RE.findall(text)))
    expected.discard(None)
    assert _content_words(text) == expected
    has_digit = any(ch.isdecimal() for ch in text)
    assert _content_words(text, digits=has_digit) == expected


@pytest.mark.parametrize("sentence", SENTENCES)
def test_words_after_a_count_read_from_a_short_window_are_the_long_windows(
    sentence: str,
) -> None:
    # Every position: a count's noun phrase read from the shorter window is the same phrase.
    for end in range(len(sentence) + 1):
        full = figures._WORD_RE.findall(sentence[end : end + 80])
        got = figures._words_after(sentence, end)
        skipped = 0
        while skipped < len(full) and full[skipped].lower() in ("of", "the"):
            skipped += 1
        read = skipped + figures._NOUN_WINDOW
        assert got[:read] == full[:read], (sentence, end)
        assert len(got) > read or got == full, (sentence, end)


def test_a_long_run_of_of_and_the_after_a_count_is_read_in_full() -> None:
    sentence = "Some 40 of the of the of the of the of the of the of the of the soldiers left."
    fig = next(f for f in scan_figures(sentence) if f.text == "40")
    assert counted_noun(sentence, fig) == figures._counted_noun_at(sentence, fig.start, fig.end)
    assert figures._words_after(sentence, fig.end) == figures._WORD_RE.findall(
        sentence[fig.end : fig.end + 80]
    )
