"""The attribution stage's speed-ups change no result: each rewritten pattern or loop
matches the plain form it replaced, on text written to hit their edge cases."""

from __future__ import annotations

import re
import zlib

import pytest

from bot import attrib_bounds, attribution
from bot.attribution import _Cand, _rivals

# The patterns as first written; the shipped ones are faster forms of the same language.
PLAIN_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}|[A-Z]\.(?=\s[A-Z])|(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|St|Jr|Sr|Lt"
    r"|Col|Fr|Rev|Prof|Capt|Maj|Adm|Sgt|Cpl|Pvt|Cmdr|Supt|Det)\."
    r"|\w+(?:[’'&.-]\w+)*(?:[’']s?)?|[^\w\s]"
)
_W = r"[A-Z][a-z’'-]+(?:[A-Z][a-z’'-]+)?"  # a name's word, one inner capital ("McDowell")
PLAIN_NAME_RUN = re.compile(
    rf"\b(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen)\. )?{_W}(?: (?:[A-Z]\. )?{_W})+"
    rf"|\b(?:Mr|Mrs|Ms|Dr)\. {_W}"
)
PLAIN_HEADLINE_VERB = re.compile(
    r"\b(?:Says|Said|Tells|Told|Warns|Claims|Admits|Insists|Argues|Reveals|Denies|Explains"
    r"|Predicts|Suggests|Confirms|Announces|Urges|Thinks|Believes|Writes|Wrote)\b(?!\Z)"
)

TEXTS = [
    "Sen. Ann Poole (D-N.C.) said the U.S. plan, e.g. the one John F. Kennedy's aides drew "
    "up, was \u201cdead on arrival.\u201d",
    "Mr. Smith-jones and Mrs. Lee Ann O\u2019Malley told reporters: \u2018We won\u2019t go.\u2019",
    "xMr. Ab Cd, _Dr. Ef Gh and Gov Bob Smith met Gen. Mark Milley; The Mr. Ab left.",
    "Trump Says Clinton \u2018Lied\u2019, Pence Warns of Chaos. Aide Said",
    "Well-said, Senator! The rock-and-roll star\u2019s fans (about 3,500) sang "
    "\u201cHey Jude\u201d.",
    "He said: \"A.B.C. news\" reported it at 5 p.m. Mon. in St. Louis, Mo. -- then left.",
    "Cruz\u2019s rival, Rubio, said Cruz was wrong; Rubio\u2019s aides and O'Neill disagreed.",
    "Capt. Sgt. Prof. Rev. Det. Supt. Cmdr. Pvt. Cpl. Adm. Maj. Lt. Col. Fr. Jr. Sr. St. Gen.",
    "SAID says Says SAYS said\u2019s saïd Says",
    "",
]


def _tokens(rx: re.Pattern[str], text: str, s: int = 0, e: int | None = None) -> list:
    end = len(text) if e is None else e
    return [(m.span(), m[0]) for m in rx.finditer(text, s, end)]


@pytest.mark.parametrize("text", TEXTS)
def test_token_pattern_tokenises_as_the_plain_one(text: str) -> None:
    assert _tokens(attribution._TOKEN, text) == _tokens(PLAIN_TOKEN, text)
    for s in range(0, len(text), 7):  # units start and end anywhere
        for e in range(s, len(text) + 1, 11):
            assert _tokens(attribution._TOKEN, text, s, e) == _tokens(PLAIN_TOKEN, text, s, e)


@pytest.mark.parametrize("text", TEXTS)
def test_name_and_headline_patterns_match_as_the_plain_ones(text: str) -> None:
    assert _tokens(attribution._NAME_RUN, text) == _tokens(PLAIN_NAME_RUN, text)
    assert _tokens(attribution._HEADLINE_VERB, text) == _tokens(PLAIN_HEADLINE_VERB, text)


def _plain_rivals(body: list[str], cands: list[_Cand]) -> list[list[str]]:
    """``_rivals`` with its surname scan as first written: every capitalised word."""
    mentions = [attribution._person_mentions(t) for t in body]
    surnames = {n.split()[-1] for ms in mentions for _, n in ms}
    for p, t in enumerate(body):
        for m in attribution._CAP_WORD.finditer(t):
            if m.group(1) in surnames and not any(
                    off <= m.start() < off + len(n) for off, n in mentions[p]):
                mentions[p].append((m.start(), m.group(1)))
        mentions[p].sort()
    out, pos = [], (0, 0)
    for c in cands:
        at = body[c.paragraph].find(c.speaker_text)
        here = (c.paragraph, at if at >= 0 else 0)
        out.append([n for p in range(pos[0], here[0] + 1) for off, n in mentions[p]
                    if pos <= (p, off) < here])
        pos = max(pos, (here[0], here[1] + len(c.speaker_text)))
    return out


def test_rivals_find_the_surnames_a_full_scan_finds() -> None:
    body = [
        "Ted Cruz and Marco Rubio spoke. Cruz\u2019s aide, Ann Smith-jones, said Smith was late.",
        "Smithson, JCruz and Rubio's team met Cruz. He said it went well.",
        "Rubio said Cruz lied; Cruz's campaign, Cruz-style, said he did not. Smith-jones agreed.",
    ]
    cands = [_Cand("He", "said", [(0, 5)], 1), _Cand("Rubio", "said", [(0, 5)], 2),
             _Cand("he", "said", [(0, 5)], 2)]
    got = _rivals(body, cands)
    assert got == _plain_rivals(body, cands)
    assert got[0][-2:] == ["Rubio", "Cruz"] and got[2] == ["Cruz"] * 3  # surnames alone


def _plain_cut_points(text: str, s: int, e: int, cue: str, kind: str,
                      quotes: list[tuple[int, int]]) -> list[tuple[int, list[str]]]:
    """``attrib_bounds.cut_points`` as first written: one pass, a feature list per cut."""
    b = attrib_bounds
    toks = [(m.group(0), s + m.start(), s + m.end()) for m in b._TOKEN.finditer(text[s:e])]
    cue_head = (cue.lower().split() or [""])[0]
    n = len(toks)
    lead = toks[1][0].lower() if n > 1 and toks[0][0].lower() == "that" else (
        toks[0][0].lower() if toks else "")
    lead_sub = lead in b._SUBORD
    lead_cls = b._lead_class(toks[0][0].lower() if toks else "")
    seen_verb = False
    out = []
    for k in range(1, n - 1):
        w, ws, _ = toks[k]
        low = w.lower()
        pw = toks[k - 1][0]
        if k > 1 and not seen_verb and pw.islower() and (
                pw in b._FINITE or pw.endswith(("ed", "n't"))):
            seen_verb = True
        if k > 1 and pw in b._CLOSE_QUOTES and w.islower() and w.endswith("ing"):
            low = b.QUOTE_ING
        if w not in b._PUNCT_CUTS and low not in b._CUT_WORDS | {b.QUOTE_ING}:
            continue
        if any(qs < ws < qe for qs, qe in quotes):
            continue
        prev, nxt = toks[k - 1][0], toks[k + 1][0]
        nlow = nxt.lower()
        nc = nlow if not nxt[:1].isupper() else "CAP"
        out.append((toks[k - 1][2], [
            "bias", f"w={low}", f"w_prev={prev.lower() if not prev[0].isupper() else 'CAP'}",
            f"w_next={nc}", f"w_pair={low}|{nc}", f"dist={b._bucket(k)}",
            f"rest={b._bucket(n - k)}", f"w_dist={low}|{b._bucket(k)}", f"kind={kind}",
            f"cue={cue_head}", f"w_cue={low}|{cue_head}", f"next_ing={nlow.endswith('ing')}",
            f"w_next_ing={low}|{nlow.endswith('ing')}",
            f"prev_quote={prev in b._CLOSE_QUOTES}", f"verb={seen_verb}",
            f"w_verb={low}|{seen_verb}", f"prev_no_end={prev.lower() in b._NO_END}",
            f"lead_sub={lead_sub}|{low}",
            f"w_next_ed={low}|{nxt.islower() and nlow.endswith('ed')}", f"lead={lead_cls}|{low}",
            f"w_clause={low}|{b._clause_follows([x[0] for x in toks], k)}",
        ]))
    return out


CONTENT = (
    "that if his wife were elected, he would, as he put it, \u201cgo home, and stay there,\u201d "
    "but only after the vote -- which Mr. Trump, the nominee, called rigged; and, "
    "according to aides who had seen the plan, including two lawyers, it failed because "
    "the committee, which had said it wouldn't, voted against it, so the deal, "
    "despite the pressure from donors and officials in Washington, Ohio and Texas, was dead"
)


@pytest.mark.parametrize("start", [0, 5, 30, 64])
def test_cut_points_are_the_plain_ones(start: str) -> None:
    quotes = attribution.quote_spans(CONTENT)
    for cue, kind in (("said", "indirect"), ("told reporters", "mixed")):
        for end in (len(CONTENT), len(CONTENT) - 40, start + 60):
            got = attrib_bounds.cut_points(CONTENT, start, end, cue, kind, quotes)
            assert got == _plain_cut_points(CONTENT, start, end, cue, kind, quotes)
    assert attrib_bounds.cut_points(CONTENT, 0, len(CONTENT), "said", "indirect", [])


def test_cut_scores_without_names_are_the_named_sums() -> None:
    """``clip_end`` scores a cut from its values; the sum is the named features' sum, to
    the bit, for the shipped model and for one weighing every feature the cuts name."""
    from itertools import repeat

    quotes = attribution.quote_spans(CONTENT)
    cases = [(s, e, cue, kind) for s in (0, 5, 30) for e in (len(CONTENT), s + 60)
             for cue, kind in (("said", "indirect"), ("told reporters", "mixed"))]
    named = {f for s, e, cue, kind in cases
             for _, feats in attrib_bounds.cut_points(CONTENT, s, e, cue, kind, quotes)
             for f in feats}
    every = {f: (zlib.crc32(f.encode()) % 1000 - 500) / 997 for f in sorted(named)}
    shipped = attrib_bounds.load_bounds()
    models = [every] + ([dict(shipped.weights)] if shipped is not None else [])
    for weights in models:
        fast = attrib_bounds._CutWeights(weights)
        for s, e, cue, kind in cases:
            lead_sub, cuts = attrib_bounds._scan(CONTENT, s, e, quotes)
            named_cuts = attrib_bounds.cut_points(CONTENT, s, e, cue, kind, quotes)
            for cut, (pos, feats) in zip(cuts, named_cuts, strict=True):
                z = fast.z(cut, kind, attrib_bounds._cue_head(cue), lead_sub)
                assert cut[0] == pos
                assert z == sum(map(weights.get, feats, repeat(0.0)))


SCAN_TEXTS = [
    "He said the plan, which she says was \u201cwhat he said he said,\u201d failed; "
    "according to aides, Smith told reporters and SAID nothing, unsaid, said\u2019s, saId.",
    "According to the report, officials warned, argued and claimed that \"they said so\".",
    "\u201cWe will win,\u201d said Trump, who tweeted, then wrote: show me. It says-so.",
    "The K\u212aelvin said thin\u212a, and \u0130stanbul says \u0130t warned.",  # lower() 1:2
]


def _plain_stops(text: str, us: int, ue: int, toks: list, quotes: list) -> tuple[list, set]:
    at, hits = [], set()
    for k, t in enumerate(toks):
        low = t[0].lower()
        if low in attribution._SCAN_WORDS and not attribution._inside(t.start(), quotes) and (
                low == "according" or t[0][0].islower()):
            at.append(k)
            hits.add(low)
    return at, hits


@pytest.mark.parametrize("text", SCAN_TEXTS + TEXTS)
def test_scan_stops_are_those_of_a_loop_over_every_token(text: str) -> None:
    quotes = attribution.quote_spans(text)
    for us in range(0, len(text), 9):
        for ue in range(us, len(text) + 1, 13):
            low = text[us:ue].lower()
            toks = list(attribution._TOKEN.finditer(text, us, ue))
            got = attribution._stops(text, us, ue, toks, quotes, low,
                                     attribution._scan_words_in(low))
            assert got == _plain_stops(text, us, ue, toks, quotes)
    if text in SCAN_TEXTS:  # the cases above are met: stops, some of them not everywhere
        whole = list(attribution._TOKEN.finditer(text))
        assert len(_plain_stops(text, 0, len(text), whole, quotes)[0]) >= 2


# Where the guards keep a clause whole: a second "that" (_another_that), a new clause
# after ", and" (_new_clause).
GUARD_TEXTS = ["that it won, but that it lost the vote on the quay",
               "that the ferry is late, and the harbour master stays in port"]


def _plain_clip_clause(text: str, s: int, e: int, quotes: list) -> int:
    """``_clip_clause`` with every pattern run, whatever words the text holds."""
    a = attribution
    for m in a._CLAUSE_END.finditer(text, s, e):
        if m.start() - s >= 12 and not a._inside(m.start(), quotes) and not a._another_that(
                text, m.end(), e):
            return a._strip_span(text, s, m.start())[1]
    for m in a._SECOND_CUE.finditer(text, s, e):
        if m.start() - s >= (8 if m.group(1) else 3) and not a._inside(m.start(), quotes) and (
                m.group(1) is None or m.group(1) in a.STRONG_VERBS):
            return a._strip_span(text, s, m.start())[1]
    for m in a._NEXT_CLAUSE.finditer(text, s, e):
        nxt = a._WORD_RE.findall(text[m.end() : min(e, m.end() + 80)])[:8]
        if m.start() - s >= 12 and not a._inside(m.start(), quotes) and (any(
                w in a.STRONG_VERBS for w in nxt) or (m.group(0).startswith(",") and "and" in
                m.group(0) and a._new_clause(text, m.end(), e))):
            return a._strip_span(text, s, m.start())[1]
    return e


@pytest.mark.parametrize("text", [CONTENT, *SCAN_TEXTS,
                                  "It fell, yet rose, even as he left and then said \u201cno\u201d",
                                  "that it won, saying it would, though it lost, and she said so",
                                  *GUARD_TEXTS])
def test_clause_clip_skips_only_patterns_that_cannot_match(text: str) -> None:
    quotes = attribution.quote_spans(text)
    ends = set()
    for s in range(0, len(text), 5):
        for e in range(s, len(text) + 1, 7):
            got = attribution._clip_clause(text, s, e, quotes)
            assert got == _plain_clip_clause(text, s, e, quotes)
            ends.add(got < e)
    # The two texts before GUARD_TEXTS are clipped somewhere; those test the guards.
    assert ends == {True, False} or text in (CONTENT, *SCAN_TEXTS, *GUARD_TEXTS)
