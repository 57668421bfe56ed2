"""What each line of a pasted page copy looks like: the pasted-text cleaner's line features.

The cleaner reads every character of the page here, so this is where its time goes.
Counting is done on a *class view* of the line: one byte per character naming its
class (lower- or upper-case letter, other word character, space, other white space,
anything else), made by ``bytes.translate`` and read with ``bytes.count``, both in C,
instead of regex scans that build a list of words. Lines of ASCII and common typographic
characters (curly quotes, dashes, no-break spaces) have a view; other lines (accented
letters, Cyrillic, CJK) are measured with the regexes, which give the same numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.clean_vocab import (
    PERSON_RE,
    SITE_LINK_STARTS,
    appeal_count,
    fold,
    is_boiler_text,
    is_caption_text,
    is_photo_label,
    is_site_link,
    is_tail_text,
    is_time_ago,
    maybe_furniture,
    unspaced_boiler,
    unspaced_tail,
)
from bot.textmeta import is_date_line, parse_byline, parse_date

_NOSPACE_RE = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
    r"\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"
)
_THAI_LIKE_RE = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
_WORD_RE = re.compile(r"\w+")
_SENT_END = tuple(".!?…:;。！？")
# The same as a set of characters: ``s[-1:] in _SENT_END_CHARS`` is ``s.endswith(_SENT_END)``
# (an empty string's "" is no member) for a slice and a set lookup, not a call that parses
# its arguments and tries nine suffixes.
_SENT_END_CHARS = frozenset(_SENT_END)
# What may close a line after its stop: quote marks, brackets, CJK corner brackets.
CLOSERS = "\"'”’»)]」』）*"
_CJK_STOP_RE = re.compile(r"[。！？]")
_MENU_SEP_RE = re.compile(r"\s[|/•·»]\s")
_LOWER_WORD_RE = re.compile(r" [a-z]")
# Quoted speech: a source asking "what is your strategy?" is not the site asking the reader.
_QUOTED_RE = re.compile(r"“[^”]*”|\"[^\"]*\"")
# Pictographs (emoji, dingbats, their variation selector and joiner) closing a line.
_EMOJI_END_RE = re.compile(r"[\s\u2600-\u27bf\ufe0f\u200d\U0001f000-\U0001faff]+$")
# Every time stamp ``is_time_ago`` knows starts with a digit or one of these words.
_AGO_STARTS = ("just", "yesterday", "today")
# What those words and SITE_LINK_STARTS start with: a set lookup on a line's first three
# characters (one slice for both, and for ``is_caption_text``'s lookup) rules out nearly every
# line before the startswith (see ``_SENT_END_CHARS``).
_AGO_HEADS = frozenset(word[:3] for word in _AGO_STARTS)
_SITE_LINK_HEADS = frozenset(start[:3] for start in SITE_LINK_STARTS)

# ---------------------------------------------------------------- the class view

# Class bytes: l (a-z), u (A-Z), d (digit, underscore), " " (space), "\t" (other white
# space, as str.split sees it), "." (anything else).
_CLASS_OF_BYTE = bytes(
    ord(
        "l" if "a" <= c <= "z"
        else "u" if "A" <= c <= "Z"
        else "d" if c.isdigit() or c == "_"
        else " " if c == " "
        else "\t" if c.isspace()
        else "."
    )
    for c in map(chr, range(128))
) + b"." * 128  # fmt: skip
# Non-ASCII characters common in English copy, none of them a letter, digit or cased:
# replaced by an ASCII stand-in of the same class, the line keeps its view. Most common
# first: a line is usually plain after the first one or two.
_STAND_INS = {
    **dict.fromkeys("’”“", "."),
    "\xa0": "\t",
    **dict.fromkeys("—‘–©…•·«»„‚‹›‐‑‒―®™°′″€£¥§¶\u200b", "."),
    **dict.fromkeys("\u2002\u2003\u2007\u2009\u200a\u202f\u3000", "\t"),
}
# After the commonest (’ ” “), one search for a character no stand-in replaces spares a
# line of accented letters or CJK the other tests.
_COMMON_STAND_INS = tuple(_STAND_INS.items())[:3]
_OTHER_STAND_INS = tuple(_STAND_INS.items())[3:]
_NOT_STANDABLE_RE = re.compile("[^\x00-\x7f" + re.escape("".join(_STAND_INS)) + "]")
# Views read again as words ("w") against separators (" "), and as white space (" ")
# against the rest ("x").
_WORD_OF_CLASS = bytes.maketrans(b"lud \t.", b"www   ")
_SPACE_OF_CLASS = bytes.maketrans(b"lud \t.", b"xxx  x")
_W = ord("w")


def plain_text(text: str) -> str | None:
    """``text`` in ASCII with its typographic characters replaced by stand-ins, or None when
    it holds other non-ASCII characters. Each stand-in replaces one character with one, so
    positions in the plain text are positions in ``text``."""
    if text.isascii():
        return text
    for char, stand_in in _COMMON_STAND_INS:
        if char in text:
            text = text.replace(char, stand_in)
            if text.isascii():  # a flag on the string, not a scan
                return text
    if _NOT_STANDABLE_RE.search(text):
        return None  # an accented letter, CJK...: no use trying the other stand-ins
    for char, stand_in in _OTHER_STAND_INS:
        if char in text:
            text = text.replace(char, stand_in)
            if text.isascii():
                return text
    return None


def class_view(text: str) -> bytes | None:
    """The line's class view, or None when it holds a character the view has no class for."""
    plain = plain_text(text)
    return None if plain is None else _view_of_plain(plain)


def _view_of_plain(plain: str) -> bytes:
    return plain.encode("ascii").translate(_CLASS_OF_BYTE)


def _starts(view: bytes, after: bytes, first: bytes) -> int:
    """Runs of ``first`` bytes in a view of ``after`` and ``first`` bytes only: each run
    starts the view or follows an ``after``."""
    return view.count(after + first) + view.startswith(first)


def _view_words(view: bytes) -> int:
    """Runs of word characters: what ``len(re.findall(r"\\w+", text))`` counts."""
    return _starts(view.translate(_WORD_OF_CLASS), b" ", b"w")


def view_tokens(view: bytes) -> int:
    """Runs of non-space characters: what ``len(text.split())`` counts."""
    return _starts(view.translate(_SPACE_OF_CLASS), b" ", b"x")


# ---------------------------------------------------------------- measures


def word_units(line: str) -> float:
    """Length in words; unspaced scripts count about two characters (Thai four) a word."""
    return _units(line, not line.isascii() and _NOSPACE_RE.search(line) is not None)


def _units(line: str, unspaced: bool) -> float:
    """``word_units`` for a line already known to hold unspaced script or not."""
    view = None if unspaced else class_view(line)
    return float(_view_words(view)) if view is not None else _regex_units(line, unspaced)


def _regex_units(line: str, unspaced: bool) -> float:
    """``_units`` for a line without a class view."""
    if not unspaced:
        return float(len(_WORD_RE.findall(line)))
    spaced = _NOSPACE_RE.sub(" ", line)
    units = float(len(_WORD_RE.findall(spaced)))
    nospace = _NOSPACE_RE.findall(line)
    if nospace:
        thai = len(_THAI_LIKE_RE.findall(line))
        units += (len(nospace) - thai) / 2 + thai / 4
    return units


def shouting(text: str, view: bytes | None = None) -> bool:
    """Nine in ten of at least 15 cased characters are capitals ("READ MORE ABOUT IT")."""
    if view is not None:
        upper, lower = view.count(b"u"), view.count(b"l")
        cased = upper + lower
        return cased >= 15 and upper > 0.9 * cased
    # Lower case letters in the first part alone often rule it out, at a fraction of the cost:
    # more than a tenth of all characters in lower case leaves under 90% in upper case.
    if sum(map(str.islower, text[: len(text) // 4 + 20])) * 10 >= len(text) + 10:
        return False
    upper = sum(map(str.isupper, text))
    cased = upper + sum(map(str.islower, text))
    return cased >= 15 and upper > 0.9 * cased


def title_case_share(text: str, view: bytes | None = None) -> float:
    """The share of words starting with a letter that start with a capital."""
    if view is not None:
        upper = view.count(b" u") + view.count(b"\tu") + view.startswith(b"u")
        lower = view.count(b" l") + view.count(b"\tl") + view.startswith(b"l")
        return upper / (upper + lower) if upper + lower else 0.0
    words = [w for w in text.split() if w[:1].isalpha()]
    if not words:
        return 0.0
    return sum(w[0].isupper() for w in words) / len(words)


def _menu_like(text: str, view: bytes | None) -> bool:
    """Separated items ("Home | News | Sport") or mostly capitalised words."""
    if _separated_items(text):
        return True
    if view is None:
        return _title_case_by_regex(text)
    # Words after a space that start with a-z are lower-case words: a quarter of them (and
    # one more, a margin for rounding) rule out the title-case test without running it.
    # There is at most one word more than white-space characters, so that bound often
    # settles it without counting the words.
    lower_words = view.count(b" l")
    if lower_words * 4 > view.count(b" ") + view.count(b"\t") + 5:
        return False
    if lower_words * 4 > view_tokens(view) + 4:
        return False
    return title_case_share(text, view) > 0.75


def _separated_items(text: str) -> bool:
    # Most lines hold no separator at all: membership tests (no argument parsing, no count)
    # say so before the counts.
    if "|" not in text and "/" not in text and (
        text.isascii() or ("•" not in text and "·" not in text and "»" not in text)
    ):
        return False
    seps = text.count("|") + text.count("/")
    if not text.isascii():
        seps += text.count("•") + text.count("·") + text.count("»")
    return seps >= 2 and len(_MENU_SEP_RE.findall(text)) >= 2


def _title_case_by_regex(text: str) -> bool:
    """The title-case half of ``_menu_like`` for a line without a class view."""
    limit = len(text.split()) + 4
    # Counted in the first half first: in prose that is usually enough, and never too many.
    half = len(text) // 2
    if len(_LOWER_WORD_RE.findall(text, 0, half)) * 4 > limit:
        return False
    if len(_LOWER_WORD_RE.findall(text)) * 4 > limit:
        return False
    return title_case_share(text) > 0.75


# ---------------------------------------------------------------- the line


@dataclass(slots=True)
class Line:
    """One non-empty line of the page and what the cleaner makes of it."""

    index: int  # position in the list of non-empty lines
    text: str
    units: float
    sentence: bool  # ends like a sentence
    prose: bool
    boiler: bool
    appeal: bool  # asks the reader for something (money, e-mail, consent)
    caption: bool
    tail: bool
    table: bool
    appeal_words: bool  # holds appeal vocabulary (``appeal`` may spread to neighbours)
    boiler_words: bool | None  # holds boilerplate vocabulary; None: not looked at (long line)
    view: bytes | None
    teaser: bool = False
    spaced: bool = True  # a blank line on both sides, as <p> paragraphs get
    gap_above: bool = True  # a blank line above (the top of a run of packed lines)
    # What the metadata readers make of the line, worked out once when first asked: the
    # block's head and the header are searched for dates and bylines more than once.
    _dated: bool = field(default=False, init=False, repr=False)  # _date worked out
    _date: str | None = field(default=None, init=False, repr=False)
    _date_line: bool | None = field(default=None, init=False, repr=False)
    _byline: tuple[str, ...] | None = field(default=None, init=False, repr=False)

    def at(self, index: int) -> Line:
        """The same line met again at ``index`` (as first described, before any marking)."""
        return Line(
            index, self.text, self.units, self.sentence, self.prose, self.boiler, self.appeal,
            self.caption, self.tail, self.table, self.appeal_words, self.boiler_words, self.view,
        )  # fmt: skip

    def has_boiler_words(self) -> bool:
        if self.boiler_words is None:
            self.boiler_words = is_boiler_text(fold(self.text))
        return self.boiler_words

    def date(self) -> str | None:
        """The first date in the line (``parse_date``)."""
        if not self._dated:
            self._date, self._dated = parse_date(self.text), True
        return self._date

    def is_date_line(self) -> bool:
        """Whether the line is mostly a date (``is_date_line``)."""
        if self._date_line is None:
            self._date_line = is_date_line(self.text)
        return self._date_line

    def byline(self) -> tuple[str, ...]:
        """The names if the line is a "By ..." byline (``parse_byline``), else ()."""
        if self._byline is None:
            self._byline = parse_byline(self.text)
        return self._byline

    def shouting(self) -> bool:
        return shouting(self.text, self.view)

    def title_case_share(self) -> float:
        return title_case_share(self.text, self.view)


def addresses_reader(text: str) -> bool:
    """Whether the line says "you", "we" or "our" outside quoted speech."""
    if PERSON_RE.search(text) is None:
        return False
    if '"' not in text and "“" not in text:
        return True
    return PERSON_RE.search(_QUOTED_RE.sub(" ", text)) is not None


def describe(index: int, text: str) -> Line:
    """The features of one non-empty, stripped line."""
    # Helpers are inlined below: this runs for every line of the page.
    plain = text if text.isascii() else plain_text(text)
    if plain is not None:  # most lines: no unspaced script, no CJK full stop, nothing to fold
        unspaced = False
        ascii_view = plain.encode("ascii").translate(_CLASS_OF_BYTE)
        view: bytes | None = ascii_view
        words = ascii_view.translate(_WORD_OF_CLASS)  # _view_words
        units = float(words.count(b" w") + (words[0] == _W))  # an index: no slice made
        low = text.lower()
        sentence = text.rstrip(CLOSERS)[-1:] in _SENT_END_CHARS
    else:
        unspaced = _NOSPACE_RE.search(text) is not None
        view = None  # a character without a stand-in: no view
        units = _regex_units(text, unspaced)
        low = fold(text)
        sentence = text.rstrip(CLOSERS)[-1:] in _SENT_END_CHARS or bool(_CJK_STOP_RE.search(text))
    if not sentence and not text[-1].isascii() and _EMOJI_END_RE.search(text):
        # "We hope to see you soon! 🙂": a smiley after the stop does not end the sentence.
        sentence = _EMOJI_END_RE.sub("", text).rstrip(CLOSERS).endswith(_SENT_END)
    table = "\t" in text and text.count("\t") >= 2
    # ``units`` is a float: the limits below are written as floats, so that each comparison
    # takes the interpreter's float-to-float path instead of converting an int.
    # Only a line long enough to be prose needs the menu test.
    prose = (
        not table
        and ((units >= 10.0 and sentence) or units >= 20.0)
        and not (units >= 6.0 and not unspaced and _menu_like(text, view))
    )
    # Only short lines can be furniture by vocabulary alone; skipping the long ones
    # saves most of the regex time.
    head = low[:3]
    if units >= 16.0 or maybe_furniture(low, head):
        boiler_words = is_boiler_text(low) if units < 16.0 else None
        # The appeal hints are lower-case ASCII words, which stand-ins neither make nor
        # break: look for them in the plain text, a faster scan.
        hint_text = low if plain is None or plain is text else plain.lower()
        appeal_hits = appeal_count(low, hint_text)
        # "More:" over a few links, where "More" alone may be a menu's or a button's.
        tail = units <= 8.0 and (is_tail_text(text) or low == "more:")
    else:  # most short lines: no vocabulary, no tail line but a "Related" heading in CJK
        # A line with a plain text holds no CJK, Thai or Hangul: no unspaced script's term.
        boiler_words, appeal_hits = plain is None and unspaced_boiler(low), 0
        tail = boiler_words and units <= 8.0 and unspaced_tail(low)
    # A paragraph is an appeal when it speaks to the reader ("Sign up for our newsletter");
    # one that reports on subscriptions ("the service signed up 10 million subscribers") is not.
    appeal = appeal_hits >= 1 and (units < 16.0 or addresses_reader(text))
    boiler = (
        bool(boiler_words)
        or (appeal and appeal_hits >= 2 and units < 80.0)
        # is_time_ago's own first test, inlined: it rules out nearly every line
        or ((text[0].isdecimal() or head in _AGO_HEADS) and is_time_ago(text, low))
        or (head in _SITE_LINK_HEADS and is_site_link(low))  # is_site_link tests the start
    )
    # A paragraph-long caption closes with its credit: "... (AP Photo/Jo Roe)", "Credit: ESA".
    caption = (units < 40.0 or low.endswith((")", "]")) or "credit" in low) and (
        is_caption_text(low, head) or (units == 1.0 and is_photo_label(low))
    )
    return Line(
        index, text, units, sentence, prose, boiler, appeal, caption, tail, table,
        appeal_hits >= 1, boiler_words, view,
    )  # fmt: skip
