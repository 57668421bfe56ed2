"""Sentence splitting for news paragraphs.

``split_sentences(text)`` returns ``[start, end)`` spans. A rule-based splitter is enough
for news copy; the hard cases are abbreviations (Mr., Gov., U.S., Jan.), initials
(John F. Kennedy), figures (3.5%, 397-0) and quote marks: a closing quote mark after
sentence punctuation belongs to the sentence it closes.
"""

from __future__ import annotations

import re
import string


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Abbreviations that never end a sentence: titles and the like precede a name.
TITLE_ABBREVS = _wordset(
    """mr mrs ms messrs dr prof gov sen rep reps sens gen lt col maj capt cmdr sgt adm
    cpl pvt rev fr hon pres supt det insp gens cols st mt ft no nos vs v ca approx
    dept est fig figs op cf al e.g i.e etc. sr. jr."""
)
# Month, day and state abbreviations that usually continue the sentence ("Jan. 5", "Ariz.
# and"). They are written with a capital: "mass." and "ill." end sentences as words do.
CONT_ABBREVS = _wordset(
    """jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs
    fri sat sun ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass
    mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wisc wyo"""
)
# Abbreviations that continue the sentence in lower case ("e.g. the", "5 p.m. Tuesday").
LOWER_CONT_ABBREVS = _wordset("e.g i.e a.m p.m")
# Abbreviations that may also end a sentence ("... in the U.S. The next ...").
END_ABBREVS = _wordset("u.s u.k u.n e.u inc corp co ltd llc jr sr etc d.c l.a n.y")

# Capitalised words that usually start a sentence rather than continue a name.
SENTENCE_STARTERS = _wordset(
    """the a an he she it they we i you his her its their our my this that these those
    there here but and or so yet if when while as in on at for after before since
    although though however meanwhile still then now also what who why how where
    some many most several no not one two both each every all"""
)

_OPEN_QUOTES = "\"“‘'«「『"
_OPENERS = _OPEN_QUOTES + "(["
_CLOSERS = "\"”’'»)]」』）"
# Full stops of scripts written without spaces: a sentence ends there with no space after.
_UNSPACED_STOPS = frozenset("。！？")
# A run of sentence punctuation, the closing quotes or brackets after it, and (looked at, not
# consumed) the whitespace after them and the token that follows: one match gives every part
# the boundary test reads. "[.!?…][.!?…]*", not "[.!?…]+": a pattern that opens with a
# character set lets the regex engine skip ahead to those characters instead of trying the
# whole pattern at every position (2-3x faster over a paragraph).
# The Devanagari danda and the Arabic question mark end sentences as "." and "?" do; CJK
# full stops need no white space after them (the only candidates without it).
_CANDIDATE = re.compile(r"([.!?…。！？।؟][.!?…。！？।؟]*)([\"”’'»)\]」』）]*)(?=(\s*)(\S*))")
# The characters of a word a full stop may end ("Gov", "U.S", "e.g"); see _word_before.
_ABBREV_CHARS = string.ascii_letters + "."
_NON_WORD = re.compile(r"[^\w]")


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    """Is the punctuation run matched by ``m`` (a ``_CANDIDATE`` match) a sentence end?"""
    punct, closers, space, token = m.groups()
    if not token:
        return True  # nothing but whitespace follows
    if not space:
        # "3.5", "U.S.", "e.g.": only a CJK full stop ends a sentence with no space after it,
        # and not a quotation that "と" or "って" carries on into "he said" (「…。」と彼は言った).
        return punct[-1] in _UNSPACED_STOPS and not (closers and token[0] in "とっ")
    first = token.lstrip(_OPENERS)
    if not first:
        return False
    head = first[0]
    if not (
        head.isupper()
        or head.isdigit()
        or token[0] in _OPENERS
        # A letter of a script without case (Hangul, Arabic, Devanagari, CJK).
        or (head.isalpha() and not head.islower())
    ):
        return False  # lower-case continuation: "Stop!" he said.
    if head.islower() and token[0] in _OPEN_QUOTES:
        return False  # a quote that carries the sentence on: 'the U.S. “clearly” needed'
    if punct != "." and punct != "…" and not punct.endswith("..."):
        # ! and ? end sentences before a capital, but for a name's "!" after one capital
        # letter ("a report by E! News").
        start = m.start()
        return not (punct == "!" and not closers and start and text[start - 1].isupper() and (
            start == 1 or not text[start - 2].isalnum()))
    if closers:
        return True  # a closing quote follows the period: the quote (and sentence) ends
    start = m.start()
    word = _word_before(text, start) if punct[0] == "." else ""
    if not word:
        return True
    low = word.lower()
    # Single initials ("John F. Kennedy") or initial runs ("J.R.R.") keep the name going.
    if len(word) == 1 and word.isupper():
        return False
    if low in TITLE_ABBREVS or low.rstrip(".") in TITLE_ABBREVS:
        return False
    if (word[0].isupper() and (low in CONT_ABBREVS or low.rstrip(".") in CONT_ABBREVS)) or (
        low in LOWER_CONT_ABBREVS or low.rstrip(".") in LOWER_CONT_ABBREVS
    ):
        return _next_word(first) in SENTENCE_STARTERS and not head.isdigit()
    if "." in word and _is_domain(word):
        return True  # "... to scoops@example.com. Editor’s note": a web address ends it
    if low in END_ABBREVS or "." in word:
        # "the U.S. The" ends; "U.S. Army" or "U.S. Sen. X" does not.
        return _next_word(first) in SENTENCE_STARTERS or token[0] in _OPEN_QUOTES
    # "the ID. SPACE VIZZION is": a name in capitals goes on.
    return not (word.isupper() and token.isupper() and _name_in_capitals(text, start, m.end(4)))


# A word in capitals, then white space and the word after it.
_CAPITALS_AFTER = re.compile(r"\s+([A-Z][A-Z\d-]*)\b")


def _name_in_capitals(text: str, stop: int, after: int) -> bool:
    """Whether the capitals around the full stop at ``stop`` are one product's name ("the ID.
    SPACE VIZZION is"): the token at ``after``'s end is a word in capitals and so is the one
    after it, in a sentence written in lower case. A sentence opens with one acronym ("in the
    US. NASA said") far more often than with two long words in capitals."""
    before = text[max(0, stop - 30) : stop]
    if not any(c.islower() for c in before):
        return False  # a headline or a passage in capitals: every word is
    first = text[text.rfind(" ", 0, after) + 1 : after]
    nxt = _CAPITALS_AFTER.match(text, after)
    # Three letters or more: "the EU. UK PM Boris Johnson" is two acronyms, not one name.
    return (
        len(first) > 2
        and first.isalpha()
        and nxt is not None
        and len(nxt.group(1)) > 2
        and nxt.group(1).isalpha()
    )


def _is_domain(word: str) -> bool:
    """Whether ``word`` ends as a web address does: a dot, then two lower-case letters or more
    ("huffingtonpost.com"; not "U.S", "e.g" or "a.m")."""
    tail = word.rsplit(".", 1)[1]
    return len(tail) >= 2 and tail.islower()


def _word_before(text: str, stop: int) -> str:
    r"""The word the full stop at ``stop`` ends, within 20 characters before it: what
    ``([A-Za-z][A-Za-z.]*)\.$`` finds there (its leftmost match is the run of letters and
    dots back from the stop, from the run's first letter on), "" for none. str.rstrip finds
    the run in one C pass, where a regex search tries every position of the window."""
    window = text[max(0, stop - 20) : stop]
    return window[len(window.rstrip(_ABBREV_CHARS)) :].lstrip(".")


def _next_word(first: str) -> str:
    """The next word, lowercased, without its possessive or punctuation ("They’re" -> they)."""
    return _NON_WORD.sub("", first.split("’")[0].split("'")[0]).lower()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return [start, end) spans of the sentences in ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for m in _CANDIDATE.finditer(text):
        if _is_boundary(text, m):
            spans.append((begin, m.end()))
            begin = m.end(3)  # the next sentence starts after the whitespace
    tail = text[begin:]
    if tail and not tail.isspace():
        spans.append((begin, len(text)))
    # A span ends at its punctuation and (but for the first) starts after whitespace: only
    # the first and the last can need trimming, and cleaned paragraphs need none.
    if spans:
        if text[0].isspace():
            spans[0] = _trim(text, *spans[0])
        if text[-1].isspace():
            spans[-1] = _trim(text, *spans[-1])
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
