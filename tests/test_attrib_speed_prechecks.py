"""The attribution stage's cheap pre-tests change no result: each one rules out only inputs
on which the slower test it guards fails too (checked on generated text full of the words,
marks and case-folding oddities the patterns care about)."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from bot import attribution
from bot.attrib_model import CandidateView
from bot.model import Kind
from tests.test_attrib_fast_paths import _plain_clip_clause  # the plain reference

# Pieces the generated strings are made of: the words the guarded patterns need, near
# misses, case-blind look-alikes (dotless i, long s, Kelvin sign, dotted capital I), curly
# and straight marks, CJK, digits, line breaks.
PIECES = [
    " ", " ", " ", ", ", ". ", "; ", "\n", "  ", "the", "The", "THE", "phrase", "term", "terms",
    "word", "words", "slogan", "label", "not", "NOT", "Not", "n't", "n’t", "N’T", "never",
    "Never", "cannot", "CanNot", "did", "does", "is", "was", "would", "isn", "wasn", "t", "’",
    "'", "“", "”", '"', "said", "say", "disclose", "deny", "ı", "İ", "ſ", "K", "é", "中文",
    "1", "2015", "tonight", "knot", "nevertheless", "Anne", "no", "note", "x", "—",
    " the phrase", " The Term", " the word ", "the label", " the  slogan", "did not ",
    "doesn’t ", "never ", "cannot ", "WASN'T ", "has not ", "Did Not ",
]


def _texts(seed: int, n: int, max_pieces: int = 14) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, max_pieces)))
            for _ in range(n)]


def test_names_words_is_the_substring_test() -> None:
    keys = (" the phrase", " the term", " the word", " the slogan", " the label")
    for t in _texts(1, 4000):
        low = t.lower()
        assert attribution._names_words(low) == any(k in low for k in keys), low


def test_negation_pretest_never_rules_out_a_negation() -> None:
    for t in _texts(2, 6000):
        for lo in (0, 3):
            hi = len(t)
            if attribution._NEGATION.search(t, lo, hi):
                assert attribution._may_negate(t[lo:hi].lower()), t


def _plain_cue_adjunct_end(text: str, s: int, e: int, quotes: list[tuple[int, int]]) -> int:
    """``_cue_adjunct_end`` as first written: every pattern searched case-blind on the text."""
    a = attribution
    if any(s <= qs < e for qs, _ in quotes):
        return e
    m = a._ANONYMITY.search(text, s, e)
    if m is not None and a._WORD_RE.search(text, s, m.start()):
        e = m.start()
    for m in a._CHANNEL.finditer(text, s, e):
        head = a._WORD_RE.findall(text, s, m.start())
        if not head:
            continue
        tail = a._WORD_RE.findall(text, m.end(), e)
        if a._has_finite(head) or a._has_finite(["x", *tail]) or (
                tail and tail[0].lower() not in a._CHANNEL_GOES_ON
                and text[m.end():e].lstrip()[:1] not in ",;"):
            break
        return a._strip_span(text, s, m.start())[1]
    m = a._WHEN.search(text, s, e)
    if m is not None:
        head = a._WORD_RE.findall(text, s, m.start())
        tail = a._WORD_RE.findall(text, m.end(), e)
        if 0 < len(head) <= 4 and len(tail) <= 6 and not a._has_finite(head) and not (
                a._has_finite(["x", *tail])) and all(
                w[:1].isdigit() or w.lower() in a._WHEN_GOES_ON for w in tail[:1]):
            return a._strip_span(text, s, m.start())[1]
    return e


# Time words and adjuncts in any case, with the look-alikes a case-blind pattern matches
# ("ſunday" with a long s, "İn"/"ın" with a dotted capital or dotless i, "K" the Kelvin sign
# in "weeKs"), Unicode digits, and the apostrophes _WHEN must not be followed by.
WHEN_PIECES = [
    " ", " ", " ", "  ", "\n", ", ", ". ", "on", "On", "ON", "in", "İn", "ın", "the", "a",
    "Monday", "monday", "ſunday", "Sunday", "FRIDAY", "june", "June", "Sept", "sept", "may",
    "2015", "١٩٩٩", "12", "recent", "weeks", "weeKs", "days", "last", "past", "week", "month",
    "year", "weekend", "yesterday", "Today", "tonight", "tonıght", "’s", "'", "during", "early",
    "earlier", "late", "this", "he", "said", "announced", "his", "candidacy", "plan", "is",
    "condition", "cond", "on condition of anonymity", "under the Condition that", "only",
    "in a statement", "through his lawyer", "in print", "interview", "with", "CNN", "é", "中",
    "“", "”", "ẞ", "Σ",
]


def test_when_search_on_the_lowered_copy_is_the_case_blind_search() -> None:
    rnd = random.Random(3)
    for _ in range(6000):
        text = "".join(rnd.choice(WHEN_PIECES) for _ in range(rnd.randint(0, 16)))
        s = rnd.randint(0, len(text))
        e = rnd.randint(s, len(text))
        m = attribution._WHEN.search(text, s, e)
        got = attribution._when_in(text, s, e, text[s:e].lower())
        assert got == (None if m is None else m.span()), (text, s, e)


def test_cue_adjunct_end_is_the_plain_form() -> None:
    rnd = random.Random(4)
    moved = 0
    for _ in range(6000):
        text = "".join(rnd.choice(WHEN_PIECES) for _ in range(rnd.randint(0, 16)))
        quotes = attribution.quote_spans(text)
        s = rnd.randint(0, len(text) // 3)
        e = len(text) - rnd.randint(0, 3)
        if e < s:
            continue
        want = _plain_cue_adjunct_end(text, s, e, quotes)
        assert attribution._cue_adjunct_end(text, s, e, quotes) == want, (text, s, e)
        moved += want != e
    assert moved > 30  # the adjuncts were met, not only texts they leave alone


def _plain_kind(text: str, pieces: list[tuple[int, int]]) -> Kind:
    """``_kind`` as first written: the regex, and the quotes cut out of a copy."""
    a = attribution
    content = " ".join(text[s:e] for s, e in pieces)
    if not a._ANY_QUOTE.search(content):
        return Kind.INDIRECT
    content = a._plain_quotes(content)
    inq = a.quote_spans(content)
    if not inq:
        return Kind.INDIRECT
    outside = content
    for s, e in reversed(inq):
        outside = outside[:s] + outside[e:]
    return Kind.MIXED if a._WORD_CHAR.search(outside) else Kind.DIRECT


QUOTE_PIECES = ["“", "”", '"', "''", "``", "'", "‘", "’", " ", " ", ", ", ".", "he", "said",
                "A", "Bé", "中", "5", "_", "—", "\n", "x'", "6’2”", '34"', "''x''"]


def test_kind_is_the_plain_form() -> None:
    rnd = random.Random(5)
    kinds = set()
    for _ in range(8000):
        text = "".join(rnd.choice(QUOTE_PIECES) for _ in range(rnd.randint(0, 12)))
        assert attribution._any_quote(text) == (attribution._ANY_QUOTE.search(text) is not None)
        cuts = sorted(rnd.randint(0, len(text)) for _ in range(rnd.choice((2, 2, 4))))
        pieces = list(zip(cuts[::2], cuts[1::2], strict=True))
        got = attribution._kind(text, pieces)
        assert got == _plain_kind(text, pieces), (text, pieces)
        kinds.add(got)
    assert len(kinds) == 3


def _cut_names(cut: tuple, kind: str, cue_head: str, lead_sub: bool) -> list[str]:
    """The feature names ``attrib_bounds._cut_points`` gives a cut, in its order."""
    (_, low, w_prev, nxt, dist, rest, next_ing, prev_quote, verb, no_end, next_ed, lead_cls,
     clause) = cut
    return ["bias", f"w={low}", f"w_prev={w_prev}", f"w_next={nxt}", f"w_pair={low}|{nxt}",
            f"dist={dist}", f"rest={rest}", f"w_dist={low}|{dist}", f"kind={kind}",
            f"cue={cue_head}", f"w_cue={low}|{cue_head}", f"next_ing={next_ing}",
            f"w_next_ing={low}|{next_ing}", f"prev_quote={prev_quote}", f"verb={verb}",
            f"w_verb={low}|{verb}", f"prev_no_end={no_end}", f"lead_sub={lead_sub}|{low}",
            f"w_next_ed={low}|{next_ed}", f"lead={lead_cls}|{low}", f"w_clause={low}|{clause}"]


def test_cut_scores_by_word_are_the_named_sums() -> None:
    """``_CutWeights.z`` reads a cut word's weights from its own group: the same float as
    the sum of the weights its feature names have, whatever words, marks ('|' too) and
    names no cut has the model holds."""
    from itertools import repeat

    from bot import attrib_bounds

    rnd = random.Random(6)
    cut_words = ["and", "but", ",", "—", "(", "with", attrib_bounds.QUOTE_ING]  # no "|" in one
    words = [*cut_words, "|", "said", "CAP", "that"]
    flags = (False, True)

    def cut() -> tuple:
        return (0, rnd.choice(cut_words), rnd.choice(words), rnd.choice(words),
                rnd.choice(("<=1", "<=4", ">35")), rnd.choice(("<=2", ">35")),
                rnd.choice(flags), rnd.choice(flags), rnd.choice(flags), rnd.choice(flags),
                rnd.choice(flags), rnd.choice(("that", "to", "wh", "other")), rnd.choice(flags))

    for _ in range(30):
        cuts = [(cut(), rnd.choice(("direct", "indirect")), rnd.choice(("said", "told", "")),
                 rnd.choice(flags)) for _ in range(40)]
        named = sorted({f for c in cuts for f in _cut_names(*c)})
        weights = {f: rnd.uniform(-2, 2) for f in rnd.sample(named, len(named) * 2 // 3)}
        # Names no cut has: not a bool where one goes, no "=", a family no cut has.
        weights |= {"w_verb=and|Maybe": 1.0, "lead_sub=and|True": 1.0, "oddname": 1.0,
                    "next_ing=yes": 1.0, "zzz=and": 1.0}
        fast = attrib_bounds._CutWeights(weights)
        for c in cuts:
            assert fast.z(*c) == sum(map(weights.get, _cut_names(*c), repeat(0.0)))


def _plain_head_features(c: CandidateView) -> list[str]:
    """The first features of ``attrib_model.features`` as first written: every yes/no value
    formatted into its name."""
    from bot.attrib_model import _QUOTES, _SAID, _WORDS, _bucket

    cue_words = c.cue.lower().split()
    words = _WORDS.findall(c.content)
    sp_words = _WORDS.findall(c.speaker_text)
    n_len = _bucket(len(words), (2, 4, 7, 12, 20, 35, 60))
    first = c.content.lstrip(_QUOTES + "‘'")[:1]
    pieces = c.content.count(" “") + c.content.count(' "') > 0
    said_inside = ("said" in c.content or "says" in c.content or "told" in c.content) and (
        _SAID.search(c.content) is not None)
    return [
        f"cue_n={min(len(cue_words), 4)}",
        f"resolved={c.resolved is not None}",
        f"len_how={n_len}|{c.how}",
        f"starts_that={words[:1] == ['that']}",
        f"starts_quote={c.content[:1] in _QUOTES}",
        f"ends_quote={c.content.rstrip()[-1:] in _QUOTES}",
        f"first_upper={first.isupper()}",
        f"ends_punct={c.content.rstrip(_QUOTES + ' ’')[-1:] in tuple('.!?,')}",
        f"pieces={pieces}",
        f"para0={c.paragraph == 0}",
        f"para_pos={_bucket(c.paragraph, (0, 1, 3, 8, 20))}",
        f"n_in_para={min(c.n_in_paragraph, 4)}",
        f"whole_para={c.span[1] - c.span[0] >= len(c.para_text) - 2}",
        f"sp_cap={c.speaker_text[:1].isupper()}",
        f"sp_anyverb={any(w.endswith(('ed', 'ing')) for w in sp_words[1:])}",
        f"sp_digit={any(w.isdigit() for w in sp_words)}",
        f"content_said={said_inside}",
        f"content_qmark={c.content.rstrip(_QUOTES + ' ’')[-1:] == '?'}",
        f"para_end={c.para_text.rstrip(_QUOTES + ' ’)')[-1:] in '.!?:'}",
    ]


FEATURE_BODIES = [
    ["“We will win,” said Ann Poole, the mayor. “And we will not stop.”",
     "Poole told reporters that the city would appeal. She said: “Never.”",
     "The report, released Monday, shows 3 districts gained, according to officials"],
    ["WASHINGTON (AP) — Sen. Tom Bell said Tuesday he would vote no?",
     "Bell, 45, who has said little about it, added that “it is done”",
     "Critics called it “a sham.” Two officials, speaking on condition of anonymity, said so."],
    ["Smith says", "\u201cYes,\u201d he said.", "They 2 said: \u201cQ?\u201d", "\u201cA\u201d"],
]


def test_feature_names_are_the_formatted_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    """The yes/no features' names, made once, are the names formatting their values gives."""
    from bot import attrib_model

    views: list[CandidateView] = []

    def recording(view: CandidateView) -> list[str]:
        views.append(view)
        return attrib_model.features(view)

    monkeypatch.setattr(attribution, "features", recording)
    for body in FEATURE_BODIES:
        attribution.candidate_attributions(body)
    assert len(views) >= 8
    values = set()
    for view in views:
        for variant in (view, replace(view, paragraph=0, resolved=None, n_in_paragraph=7)):
            got = attrib_model.features(variant)
            want = _plain_head_features(variant)
            assert set(want) <= set(got), set(want) - set(got)
            values.update(want)
    # Both values of most yes/no features were met.
    assert len({v.split("=")[0] for v in values if v.endswith("=True")}) >= 8


def _plain_only_when_or_where(content: str, low: str) -> bool:
    """``_only_when_or_where`` as first written: all the words listed, then the first read."""
    a = attribution
    if a._ANY_QUOTE.search(content) or "'" in content or "‘" in content or (
            "," in content.rstrip(" ,.;")):
        return False
    words = a._WORD_RE.findall(content)
    low_words = [w.lower() for w in words]
    if not words or "to" in low_words or low_words[:2] in (["as", "much"], ["after", "all"]):
        return False
    first = low_words[0]
    lead = first in a._WHEN_LEADS or first in a._WHEN_OPENERS or first in a._TIME_WORDS or (
        first == "in" and len(words) > 1 and (low_words[1] in a._MONTHS or words[1].isdigit())
    ) or (first == "at" and low in a._AT_VERBS)
    return lead and not a._has_finite(words)


ADJUNCT_PIECES = [" ", " ", " ", ".", ",", "-", "’", "In", "in", "at", "At", "on", "during",
                  "Thursday", "today", "last", "week", "April", "Sept", "2015", "١٢", "the",
                  "AIPAC", "conference", "to", "as", "much", "after", "all", "he", "was",
                  "said", "wanted", "tour", "“", "ın", "x"]


def test_only_when_or_where_is_the_plain_form() -> None:
    rnd = random.Random(7)
    said = 0
    for _ in range(8000):
        content = "".join(rnd.choice(ADJUNCT_PIECES) for _ in range(rnd.randint(0, 9)))
        low = rnd.choice(("spoke", "said", "insisted"))
        want = _plain_only_when_or_where(content, low)
        assert attribution._only_when_or_where(content, low) == want, (content, low)
        said += want
    assert said > 50


def _plain_is_dateline(text: str, body: list[str], para: int) -> bool:
    """``speaker_guard.is_dateline`` as first written: every letter listed."""
    from bot import speaker_guard as g

    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4 or not all(c.isupper() for c in letters):
        return False
    paragraph = body[para]
    if not paragraph.startswith(text):
        return False
    rest = paragraph[len(text):]
    if g._DATELINE_END.match(rest):
        return True
    if not rest.startswith(":"):
        return False
    return not any(g._CAPS_LABEL.match(p) for i, p in enumerate(body) if i != para)


LABEL_PIECES = ["BUFFALO", "N.Y.", "Ann", "Poole", "WALLACE", "NEW", "DELHI", "ab", "AB", "A",
                "中文", "ⓐ", "Ⓐ", "ǅ", "É", "é", "1", " ", " ", ",", "’", "(AP)", "İ", "ı"]


def test_dateline_pretest_is_the_plain_form() -> None:
    from bot import speaker_guard

    rnd = random.Random(8)
    found = 0
    for _ in range(8000):
        text = "".join(rnd.choice(LABEL_PIECES) for _ in range(rnd.randint(0, 5)))
        tail = rnd.choice((", N.Y. (AP) — A.", ": A said.", " — B", ": ", " x"))
        body = [text + tail, rnd.choice(("WALLACE: Q?", "x", "B: no"))]
        want = _plain_is_dateline(text, body, 0)
        assert speaker_guard.is_dateline(text, body, 0) == want, text
        found += want
    assert found > 100


CLAUSE_PIECES = [" ", " ", " ", "\n", "\t", ",", ";", ".", "and", "but", "while", "whereas",
                 "yet", "though", "even", "then", "also", "said", "says", "told", "wrote",
                 "tells", "added", "noting", "saying", "to", "the", "plan", "he", "she",
                 "failed", "that", "is", "“", "”", '"', "A", "B", "é", "中"]


def test_clip_clause_is_the_plain_form() -> None:
    rnd = random.Random(9)
    clipped = 0
    for _ in range(6000):
        text = "".join(rnd.choice(CLAUSE_PIECES) + rnd.choice(("", " ", " ", " ", "\n"))
                       for _ in range(rnd.randint(0, 24)))
        quotes = attribution.quote_spans(text)
        s = rnd.randint(0, len(text) // 4)
        e = len(text) - rnd.randint(0, 2)
        if e < s:
            continue
        want = _plain_clip_clause(text, s, e, quotes)
        assert attribution._clip_clause(text, s, e, quotes) == want, (text, s, e)
        clipped += want != e
    assert clipped > 300
