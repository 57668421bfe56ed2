"""Sentence splitting for news paragraphs.

``split_sentences(text)`` returns ``[start, end)`` spans. A rule-based splitter is enough
for news copy; the hard cases are abbreviations (Mr., Gov., U.S., Jan.), initials
(John F. Kennedy), figures (3.5%, 397-0) and quote marks: a closing quote mark after
sentence punctuation belongs to the sentence it closes.
"""

from __future__ import annotations

import re


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Abbreviations that never end a sentence: titles and the like precede a name.
TITLE_ABBREVS = _wordset(
    """mr mrs ms messrs dr prof gov sen rep reps sens gen lt col maj capt cmdr sgt adm
    cpl pvt rev fr hon pres supt det insp gens cols st mt ft no nos vs v ca approx
    dept est fig figs op cf al e.g i.e etc. sr. jr."""
)
# Month and other abbreviations that usually continue the sentence ("Jan. 5", "Ariz. and").
CONT_ABBREVS = _wordset(
    """jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs
    fri sat sun ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass
    mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wisc wyo
    e.g i.e a.m p.m"""
)
# Abbreviations that may also end a sentence ("... in the U.S. The next ...").
END_ABBREVS = _wordset("u.s u.k u.n e.u inc corp co ltd llc jr sr etc d.c l.a n.y")

# Capitalised words that usually start a sentence rather than continue a name.
SENTENCE_STARTERS = _wordset(
    """the a an he she it they we i you his her its their our my this that these those
    there here but and or so yet if when while as in on at for after before since
    although though however meanwhile still then now also what who why how where
    some many most several no not one two both each every all"""
)

_OPEN_QUOTES = "\"“‘'«"
_CLOSERS = "\"”’'»)]"
_CANDIDATE = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def _next_token(text: str, pos: int) -> str:
    m = re.compile(r"\S+").match(text, pos)
    return m.group(0) if m else ""


def _is_boundary(text: str, start: int, end: int, nxt: int) -> bool:
    """Is the punctuation run text[start:end] followed by text at nxt a sentence end?"""
    if nxt >= len(text):
        return True
    token = _next_token(text, nxt)
    first = token.lstrip(_OPEN_QUOTES + "([")
    if not first:
        return False
    head = first[0]
    punct = text[start:end].rstrip(_CLOSERS)
    if not (head.isupper() or head.isdigit() or token[0] in _OPEN_QUOTES + "(["):
        return False  # lower-case continuation: "Stop!" he said.
    if punct != "." and punct != "…" and not punct.endswith("..."):
        return True  # ! and ? end sentences before a capital
    if text[start:end] != punct:
        return True  # a closing quote follows the period: the quote (and sentence) ends
    m = _WORD_BEFORE.search(text[max(0, start - 20) : start + 1])
    if not m:
        return True
    word = m.group(1)
    low = word.lower()
    # Single initials ("John F. Kennedy") or initial runs ("J.R.R.") keep the name going.
    if len(word) == 1 and word.isupper():
        return False
    if low in TITLE_ABBREVS or low.rstrip(".") in TITLE_ABBREVS:
        return False
    next_word = re.sub(r"[^\w]", "", first.split("’")[0].split("'")[0]).lower()
    if low in CONT_ABBREVS or low.rstrip(".") in CONT_ABBREVS:
        return next_word in SENTENCE_STARTERS and not head.isdigit()
    if low in END_ABBREVS or "." in word:
        # "the U.S. The" ends; "U.S. Army" or "U.S. Sen. X" does not.
        return next_word in SENTENCE_STARTERS or token[0] in _OPEN_QUOTES
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return [start, end) spans of the sentences in ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for m in _CANDIDATE.finditer(text):
        nxt = m.end()
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        if _is_boundary(text, m.start(), m.end(), nxt):
            spans.append((begin, m.end()))
            begin = nxt
    spans.append((begin, len(text)))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
