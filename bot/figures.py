"""Figures in a sentence: counts, votes, money, percentages, dates.

Every figure is a verbatim span of the sentence it came from. ``scan_figures``
gives typed, valued spans (for ranking and conflict detection); ``find_figures``
gives just their text. ``counted_noun`` says what a count counts ("3,000
soldiers" counts soldiers; "killing 40" counts deaths), so figures from different
sources can be compared like for like.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Final

__all__ = [
    "QUANTITY_KINDS",
    "TRIGGER_WORDS",
    "CountedNoun",
    "Figure",
    "counted_noun",
    "find_figures",
    "lemma",
    "scan_figures",
]

# Kinds that are quantities an editor would compare; "date" anchors a fact but is no quantity.
QUANTITY_KINDS: Final = frozenset({"count", "vote", "money", "percent"})


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ costs four times more
class Figure:
    """A figure found at ``[start, end)`` of a sentence.

    ``value`` is the number it stands for when that is exact enough to compare
    (None for vague amounts like "thousands of" and for dates).
    """

    text: str
    start: int
    end: int
    kind: str  # count | vote | money | percent | date
    value: float | None


@dataclass(frozen=True, slots=True)
class CountedNoun:
    """What a count counts: ``key`` groups like with like, ``surface`` is the article's word."""

    key: str
    surface: str
    modifier: str | None = None  # a proper adjective in the noun phrase: "North Korean"


def _words(text: str) -> list[str]:
    return text.split()


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}  # fmt: skip
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "bn": 1e9, "mn": 1e6, "m": 1e6, "tn": 1e12, "k": 1e3, "crore": 1e7, "lakh": 1e5,
}  # fmt: skip
_WORDNUM = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four"
    r"|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
# Atomic: what may follow a number in every branch (a space, a letter, "%", or no digit and no
# ",5"/".5") is never what a shorter reading of it would be followed by, so giving digits
# back can never make a match; the group spares the regex engine trying.
_NUM = r"(?>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# A digit run must not continue a word, a code or a time: "F-16", "MH17", "08:37", "v2.0".
_LB = r"(?<![\w.,:/\-\u2013$£€¥₹])"
_RB = r"(?![\w%]|[.,:/]\d)"
_CURRENCY = r"(?:(?:US|A|C|NZ|HK|S)?\$|£|€|¥|₹|(?:USD|GBP|EUR|JPY|CHF)\s?)"
_SCALE_WORD = r"(?:trillion|billion|million|thousand|bn|mn|tn)"
_PERCENT_SIGN = r"(?:%|per\s?cent\b|percent\b|percentage points?\b)"

# The figure patterns in order of preference, each with the characters it can start with
# ("d" a digit, "a" an ASCII letter, "$" a currency sign).
_BRANCHES: Final = (
    ("d", rf"(?P<date_iso>{_LB}\d{{4}}-\d{{2}}-\d{{2}}\b)"),
    ("d", rf"(?P<date_dmy>{_LB}\d{{1,2}}{_ORD}\s+{_MONTH}(?:,?\s+\d{{4}})?(?![\w]))"),
    ("a", rf"(?P<date_mdy>\b{_MONTH}\s+\d{{1,2}}{_ORD}(?:,\s*\d{{4}})?{_RB})"),
    ("a", rf"(?P<date_my>\b{_MONTH}\s+\d{{4}}{_RB})"),
    (
        "a$",
        rf"(?P<money>(?<![\w$£€¥₹]){_CURRENCY}(?:{_NUM})"
        rf"(?:\s?(?:trillion|billion|million|thousand|bn|mn|tn|m|k|crore|lakh)\b)?{_RB})",
    ),
    (
        "d",
        rf"(?P<money_sfx>{_LB}(?:{_NUM})(?:\s?{_SCALE_WORD})?\s+(?:US\s)?(?:dollars|pounds"
        r"|euros|yen|rupees|roubles|rubles|yuan|francs)\b)",
    ),
    ("d", rf"(?P<percent>{_LB}(?:{_NUM})\s?{_PERCENT_SIGN})"),
    ("a", rf"(?P<percent_word>\b{_WORDNUM}\s?{_PERCENT_SIGN})"),
    ("d", rf"(?P<vote_to>{_LB}\d{{1,3}}\s+(?:votes?\s+)?to\s+\d{{1,3}}(?![\w%]|\s?per))"),
    ("d", rf"(?P<vote>{_LB}\d{{1,3}}\s?[-–]\s?\d{{1,3}}(?![\w%]|[.,:/\-\u2013]\d))"),
    ("d", rf"(?P<scaled>{_LB}(?:{_NUM})\s?{_SCALE_WORD}\b)"),
    (
        "a",
        rf"(?P<word_scaled>\b(?:(?:{_WORDNUM}|a|an)\s+)?(?:hundred|thousand|million|billion"
        rf"|trillion)(?:\s+(?:and\s+)?(?:{_WORDNUM}\s+)?(?:thousand|million|billion))?\b"
        r"(?!\s+of\b))",
    ),
    (
        "a",
        r"(?P<vague>\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)"
        r"|dozens|scores|hundreds|thousands|millions)(?=\s+of\b))",
    ),
    ("d", rf"(?P<plain>{_LB}(?:{_NUM}){_RB})"),
    ("a", rf"(?P<word_small>\b{_WORDNUM}\b)"),
)
_FIGURE_RE: Final = re.compile("|".join(p for _, p in _BRANCHES), re.IGNORECASE)


def _behind_lookbehind(branches: list[str]) -> str:
    """``branches``, each opening with the lookbehind ``_LB``, as one alternation behind a
    single ``_LB``: the same first match, and the regex engine tests the lookbehind once
    rather than once a branch (a quarter of the time at a digit)."""
    bodies = []
    for branch in branches:
        name, body = branch.split(">", 1)  # "(?P<name" and the pattern
        if not body.startswith(_LB):
            raise ValueError(f"{name}> does not open with _LB")
        bodies.append(f"{name}>{body.removeprefix(_LB)}")
    return _LB + "(?:" + "|".join(bodies) + ")"


# The same alternation cut down to the branches that can start with a decimal digit or with
# an ASCII letter: the first branch to match is the same, and the others are not tried.
_DIGIT_FIGURE_RE: Final = re.compile(
    _behind_lookbehind([p for starts, p in _BRANCHES if "d" in starts]), re.IGNORECASE
)
_ALPHA_FIGURE_RE: Final = re.compile(
    "|".join(p for starts, p in _BRANCHES if "a" in starts), re.IGNORECASE
)
# The ASCII-letter branches split in two, dates (which come first) and amounts: at a month
# word only a date can match, at a number word or a currency's letters only an amount (their
# first three letters tell them apart, and no other character matches an ASCII letter of
# theirs ignoring case), so each is tried where the other cannot match.
_DATE_BRANCHES: Final = ("(?P<date_mdy>", "(?P<date_my>")
_ALPHA_DATE_RE: Final = re.compile(
    "|".join(p for starts, p in _BRANCHES if "a" in starts and p.startswith(_DATE_BRANCHES)),
    re.IGNORECASE,
)
_ALPHA_AMOUNT_RE: Final = re.compile(
    "|".join(p for starts, p in _BRANCHES if "a" in starts and not p.startswith(_DATE_BRANCHES)),
    re.IGNORECASE,
)
# A date branch matches letters, perhaps a full stop, white space and a digit ("May 5",
# "Sept. 2020"): a month word without them ("may be", "in March.") is no figure.
_DATE_AHEAD_RE: Final = re.compile(r"[^\W\d_]+\.?\s+\d")
# Where a figure can start. The full pattern is costly to try at every position, so it is
# only tried where this cheap one finds a digit, a currency sign or a number/month word.
# A digit or currency sign that does not continue a number ("3,000" is tried from its "3").
_DIGIT_START_RE: Final = re.compile(r"[\d$£€¥₹](?<![\d,.].)")
# The same in ASCII text, where \d is [0-9] and no other currency sign occurs: a character
# range is tested for less than the Unicode digit category.
_ASCII_DIGIT_START_RE: Final = re.compile(r"[0-9$](?<![0-9,.].)")
_DOLLAR_PREFIX_RE: Final = re.compile(r"\b(?:US|A|C|NZ|HK|S)$")
_ALPHA_RE: Final = re.compile(r"\b[a-z]+")
_SCALE_TRIGGERS: Final = frozenset(["hundred", "thousand", "million", "billion", "trillion"])
_ARTICLE_BEFORE_RE: Final = re.compile(r"\ban?\s+$")
# The trigger words that name a month.
_MONTH_TRIGGERS: Final = frozenset(
    _words(
        """january february march april may june july august september october november december
        jan feb mar apr jun jul aug sept sep oct nov dec"""
    )
)
# Public so callers can skip sentences with no trigger at all (see facts._sentences).
TRIGGER_WORDS: Final = frozenset(
    _words(
        """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
        fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
        eighty ninety hundred thousand million billion trillion tens hundreds thousands millions
        dozens scores january february march april may june july august september october
        november december jan feb mar apr jun jul aug sept sep oct nov dec usd gbp eur jpy chf
        usd"""
    )
)
_MONTH_CASED_RE: Final = re.compile(
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_VOTE_CONTEXT_RE: Final = re.compile(
    r"\b(?:vot\w*|ballot|margin|majority|passed|approved|rejected|won|lost|beat|defeated|"
    r"endorsed|ratified|backed|confirmed|opposed|elected|score\w*|victory|win|draw|lead)\b",
    re.IGNORECASE,
)
# Labels after which a number names a thing rather than counting it ("Article 5", "Flight 17").
_LABELS: Final = frozenset(
    _words(
        """article section chapter no number flight route level category phase stage grade
        room page pages vol volume part annex clause rule resolution paragraph item exhibit
        bill act highway interstate platform gate line apollo covid channel hb sb hr
        box suite apt unit ext tel phone fax"""
    )
)
_LABEL_BEFORE_RE: Final = re.compile(
    rf"(?:\b(?:{'|'.join(sorted(_LABELS))})\.?|#)\s*$",
    re.IGNORECASE,
)
_YEAR_BEFORE_RE: Final = re.compile(
    r"\b(?:in|since|by|of|from|until|till|to|through|thru|before|after|during|year|early|late|mid|and|the|"
    r"between|around|circa|c\.|spring|summer|autumn|fall|winter)\s*[-\s]?$",
    re.IGNORECASE,
)
_YEAR_RE: Final = re.compile(r"1[89]\d\d|20\d\d|2100")
_PERCENT_AFTER_RE: Final = re.compile(r"\s?(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)
# A capitalised word right before a bare number usually names something ("School 285")
# unless it is a word that leads a count ("About 300", "Nearly 40").
_NAME_BEFORE_RE: Final = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+)\s$")
_COUNT_LEADERS: Final = frozenset(
    _words(
        """About Some Nearly Only Around Almost Another All By In Of To At With Over Under Just
        More Than Less Roughly Approximately Up Down From Between And Or Including Killing
        Hurting Leaving Some Another Killed Injured"""
    )
)
_TIME_AFTER_RE: Final = re.compile(
    r"^\s*(?:a\.?m\.?|p\.?m\.?|GMT|BST|UTC|EST|EDT|CET|hrs)\b", re.IGNORECASE
)


# Counted nouns. Groups are by meaning: soldiers, troops and forces are the same people
# counted; dead, killed and fatalities the same toll. Everything else groups by its lemma.
_GROUPS: Final[dict[str, str]] = {
    **dict.fromkeys(
        _words(
            "soldier troop force fighter personnel serviceman servicewoman marine commando "
            "mercenary conscript recruit paratrooper infantryman militant combatant"
        ),
        "troops",
    ),
    **dict.fromkeys(_words("dead death fatality killed victim life body casualty toll"), "deaths"),
    **dict.fromkeys(_words("injured wounded injury"), "injured"),
    **dict.fromkeys(_words("missing"), "missing"),
    **dict.fromkeys(_words("displaced evacuee refugee homeless"), "displaced"),
    **dict.fromkeys(_words("arrest detainee arrested detained prisoner"), "arrests"),
}
# People-nouns take their group from the event around them ("40 people were killed").
_PEOPLE: Final = frozenset(
    _words("people person civilian resident inhabitant individual citizen villager worker")
)
_EVENT_RE: Final = re.compile(
    r"\b(?:(?P<deaths>kill\w*|dead|die[ds]?|dying|death\w*|lives|perish\w*|fatal\w*)"
    r"|(?P<injured>injur\w*|wound\w*|hurt|hospitali[sz]ed)"
    r"|(?P<missing>missing|unaccounted)"
    r"|(?P<displaced>displac\w*|evacuat\w*|homeless|fled|flee\w*)"
    r"|(?P<arrests>arrest\w*|detain\w*|held\s+in\s+custody))\b",
    re.IGNORECASE,
)
_STOP_WORDS: Final = frozenset(
    _words(
        """a an the of to in on at for from by with and or but as than that which who whom whose
    this these those is are was were be been being has have had will would could should may
    might must can do does did not no into onto over under about after before since during
    while when where if so such its their his her our your my it they he she we you i
    including among between per each more less most least some any all other another
    along across through throughout near around within without against toward towards via
    behind beyond inside outside upon amid despite"""
    )
)
_WORD_RE: Final = re.compile(r"[A-Za-z][A-Za-z’'\-]*|[^\sA-Za-z]+")
_NOUN_WINDOW: Final = 5


def _is_word_char(ch: str) -> bool:
    """What ``re`` counts as a word character (``\\w``) in a str pattern."""
    return ch.isalnum() or ch == "_"


def _trigger_positions(
    sentence: str, words: Collection[str] | None, digits: bool = True
) -> list[int]:
    """Where a figure may start: digits, currency signs, number and month words. ``digits``:
    False when the sentence is known to hold no digit or currency sign."""
    return _triggers(sentence, words, digits)[0]


def _triggers(
    sentence: str, words: Collection[str] | None, digits: bool = True
) -> tuple[list[int], set[int] | None]:
    """``_trigger_positions``, and where among them a month word starts: None when the
    positions of words are not the sentence's own (its lower case is longer: "İ" lowers to
    two characters), and no position can be told by its word."""
    months: set[int] | None = set()
    positions: list[int] = []
    starts = _ASCII_DIGIT_START_RE if sentence.isascii() else _DIGIT_START_RE
    for m in starts.finditer(sentence) if digits else ():
        at = m.start()
        if at:
            prev = sentence[at - 1]
            if prev.isdigit():
                continue  # inside a number already tried from its first digit
            if prev.isalpha() and m.group() == "$":
                prefix = _DOLLAR_PREFIX_RE.search(sentence, 0, at)  # "US$", "A$", "HK$"
                if prefix:
                    positions.append(prefix.start())
        positions.append(at)
    if words is None:
        words = set(_ALPHA_RE.findall(sentence.lower()))
    hits = TRIGGER_WORDS.intersection(words)
    if hits:
        lowered = sentence.lower()
        if len(lowered) != len(sentence):
            months = None
        # Where ``\b[a-z]+`` on the lowered sentence would match one of the words: a start
        # after a non-word character, and no letter right after the word.
        for word in hits:
            size = len(word)
            at = lowered.find(word)
            while at >= 0:
                after = at + size
                if (at == 0 or not _is_word_char(lowered[at - 1])) and (
                    after == len(lowered) or not "a" <= lowered[after] <= "z"
                ):
                    positions.append(at)
                    if months is not None and word in _MONTH_TRIGGERS:
                        months.add(at)
                    # "a million"? only the scale words reach back to their article.
                    if word in _SCALE_TRIGGERS:
                        back = _ARTICLE_BEFORE_RE.search(lowered, 0, at)
                        if back:
                            positions.append(back.start())
                at = lowered.find(word, at + 1)
        positions.sort()
    return positions, months


def scan_figures(
    sentence: str, words: Collection[str] | None = None, *, digits: bool = True
) -> list[Figure]:
    """Typed figures of ``sentence`` in order of appearance; see module docstring.

    ``words``, if the caller has them, are the sentence's ``[A-Za-z]+`` runs lowercased, or
    any collection that holds every one of them in ``TRIGGER_WORDS`` (the number and month
    words): they spare the scan its own search for those words.
    ``digits``: False when the caller knows the sentence holds no digit or currency sign
    (``[\\d$£€¥₹]``), which spares the scan its search for them.
    """
    found: list[Figure] = []
    pos = 0
    positions, months = _triggers(sentence, words, digits)
    for at in positions:
        if at < pos:
            continue
        first = sentence[at]
        if "a" <= first <= "z" or "A" <= first <= "Z":
            if months is None:
                m = _ALPHA_FIGURE_RE.match(sentence, at)
            elif at in months:
                ahead = _DATE_AHEAD_RE.match(sentence, at)
                m = _ALPHA_DATE_RE.match(sentence, at) if ahead else None
            else:
                m = _ALPHA_AMOUNT_RE.match(sentence, at)
        elif first.isdecimal():  # what \d matches
            m = _DIGIT_FIGURE_RE.match(sentence, at)
        else:
            m = _FIGURE_RE.match(sentence, at)
        if m is None:
            continue
        pos = m.end()
        group = m.lastgroup or ""
        text = m.group(0)
        start, end = m.start(), m.end()
        fig = _classify(sentence, group, text, start, end)
        if fig is not None:
            found.append(fig)
            if fig.end > pos:
                pos = fig.end  # a range takes the scale word after it
    return found


def find_figures(sentence: str) -> list[str]:
    """Verbatim figure spans of ``sentence``: counts, votes, money, percentages, full dates.

    Bare weekdays and months ("on Thursday", "in June") are not figures: they anchor
    a fact in time but carry no quantity. Years on their own ("in 2024") are skipped.
    """
    return [f.text for f in scan_figures(sentence)]


def _classify(sentence: str, group: str, text: str, start: int, end: int) -> Figure | None:
    """The figure a match of pattern branch ``group`` is, or None if it is no figure."""
    classify = _CLASSIFIERS.get(group)
    return classify(sentence, text, start, end) if classify else None


def _date(sentence: str, text: str, start: int, end: int) -> Figure | None:
    return Figure(text, start, end, "date", None)


def _cased_date(sentence: str, text: str, start: int, end: int) -> Figure | None:
    # Month names are proper only in their usual case: "may" is a verb.
    if not _MONTH_CASED_RE.search(text):
        return None
    return Figure(text, start, end, "date", None)


def _money(sentence: str, text: str, start: int, end: int) -> Figure | None:
    return Figure(text, start, end, "money", _parse_number(text))


def _percent(sentence: str, text: str, start: int, end: int) -> Figure | None:
    return Figure(text, start, end, "percent", _parse_number(text))


def _vote_to(sentence: str, text: str, start: int, end: int) -> Figure | None:
    # "52 votes to 48" always; "92 to 0" only where a vote is talked about ("ages 55 to 65").
    if "vote" in text.lower() or _VOTE_CONTEXT_RE.search(sentence[max(0, start - 60) : start]):
        return Figure(text, start, end, "vote", None)
    return None


def _scaled(sentence: str, text: str, start: int, end: int) -> Figure | None:
    return Figure(text, start, end, "count", _parse_number(text))


def _word_scaled(sentence: str, text: str, start: int, end: int) -> Figure | None:
    if text[:1].isupper() and start > 0 and text.istitle():
        return None  # "Million Dollar Baby", "Thousand Oaks": names, not amounts
    if sentence[max(0, start - 2) : start].rstrip()[-1:].isdigit():
        return None  # the scale of the figure before it ("$40-50 billion"), no amount alone
    return Figure(text, start, end, "count", _parse_number(text))


def _vague(sentence: str, text: str, start: int, end: int) -> Figure | None:
    return Figure(text, start, end, "count", None)


def _word_small(sentence: str, text: str, start: int, end: int) -> Figure | None:
    # Spelled small numbers are figures only when they count people ("five people killed"):
    # "the two countries" is no figure.
    if text.lower() in ("one",):
        return None
    noun = _counted_noun_at(sentence, start, end)
    if noun is not None and noun.key in _GROUP_KEYS:
        return Figure(text, start, end, "count", _parse_number(text))
    return None


_GROUP_KEYS: Final = frozenset(_GROUPS.values())


def _vote(sentence: str, text: str, start: int, end: int) -> Figure | None:
    if _PERCENT_AFTER_RE.match(sentence, end):
        return None  # "72-75 percent" is a range of percentages
    a_str, b_str = re.split(r"\s?[-–]\s?", text, maxsplit=1)
    a, b = int(a_str), int(b_str)
    before = sentence[max(0, start - 60) : start]
    after = sentence[end : end + 30]
    context = bool(_VOTE_CONTEXT_RE.search(before) or _VOTE_CONTEXT_RE.search(after))
    # A range ("10-15 people") rises; a tally ("397-0", "52-48") does not.
    if a >= b or context:
        return Figure(text, start, end, "vote", None)
    scale = _RANGE_SCALE_RE.match(sentence, end)
    if scale:
        # "350–375 million": an amount given as a range, with no single value.
        return Figure(sentence[start : scale.end()], start, scale.end(), "count", None)
    return None


_RANGE_SCALE_RE: Final = re.compile(rf"\s?{_SCALE_WORD}\b", re.IGNORECASE)


# A debt's term: a number joined to years or months, naming the kind of note, bond or loan
# ("10-year notes", "the 30-year Treasury yield", "a 15-year mortgage"). It counts nothing.
_TENOR_RE: Final = re.compile(
    r"-(?:year|month)[- ](?:[A-Z][A-Za-z]*\s+)?(?:notes?|bonds?|bills?|yields?|Treasur(?:y|ies)"
    r"|debt|gilts?|Bunds?|mortgages?|loans?|swaps?|securities|paper|maturit(?:y|ies))\b"
)


def _plain(sentence: str, text: str, start: int, end: int) -> Figure | None:
    # Each test below can only rule the number out, so their order is free: the cheap ones
    # that rule out the most (an ID's length, a year after "in") go first.
    bare = "," not in text and "." not in text
    if bare and len(text) >= 7:
        return None  # an ID or a phone number, not a quantity
    # A bare four-digit number in year range is a year unless it plainly counts something
    # (the cheap test of the words before it first: "in 2016" needs no counted noun).
    year = bare and _YEAR_RE.fullmatch(text) is not None
    if year and _YEAR_BEFORE_RE.search(sentence[max(0, start - 12) : start]):
        return None
    if _label_before(sentence[max(0, start - 20) : start]):
        return None
    if _TIME_AFTER_RE.match(sentence[end : end + 6]):
        return None
    if _address_or_phone(sentence, start, end):
        return None
    if bare:
        window = sentence[max(0, start - 30) : start]
        name = _name_before(window)
        if name and name not in _COUNT_LEADERS:
            return None  # "Intermediate School 285", "Apollo 11": part of a name
        if _reference_or_code(sentence, start, end) or _model_before(sentence, window, start):
            return None
    if year:
        noun = _counted_noun_at(sentence, start, end)
        if noun is None or noun.key not in _GROUP_KEYS:
            return None
    if sentence[end : end + 1] == "-" and _TENOR_RE.match(sentence, end):
        return None  # "10-year notes": a kind of bond, no quantity
    # A plain number is digits, commas and perhaps a decimal point: its value needs no parse.
    return Figure(text, start, end, "count", float(text.replace(",", "")))


# A reference mark: small numbers alone in brackets ("(8)", "(27, 28, 29)", a tie-break's
# "(5)"). The characters a list of them is made of.
_REFERENCE_CHARS: Final = frozenset("0123456789, –-")


def _reference_or_code(sentence: str, start: int, end: int) -> bool:
    """Whether the bare number at ``[start, end)`` names rather than counts: a reference mark
    in brackets, a code or record of three numbers ("a 1-6-2 skid", "14-0-1"), or a name
    with a bracket after it ("401(k)")."""
    after = sentence[end : end + 2]
    if after[:1] in "-–" and after[1:].isdigit():
        return True  # a third number: the tally branch takes only two
    if after[:1] == "(" and after[1:].isalpha():
        return True
    if end - start <= 3 and ")" in sentence[end : end + 12]:
        lo, hi = start, end
        while lo > 0 and sentence[lo - 1] in _REFERENCE_CHARS:
            lo -= 1
        while hi < len(sentence) and sentence[hi] in _REFERENCE_CHARS:
            hi += 1
        if sentence[lo - 1 : lo] == "(" and sentence[hi : hi + 1] == ")":
            # After a name it is an age ("Clinton (68), Trump (69)"); a mark follows a word
            # in lower case or a score ("7-6 (5)"), or ends the sentence.
            before = sentence[max(0, lo - 30) : lo - 1].rsplit(None, 1)[-1:] or [""]
            word = before[0]
            if word[:1].islower() or word[-1:].isdigit() or sentence[hi + 1 : hi + 2] in ".!?":
                return True
    return False


def _model_before(sentence: str, window: str, start: int) -> bool:
    """Whether the word right before ``start`` (``window`` is the text before it) is a
    product's name a model number follows: capitals and digits with three letters or a digit
    or "&" ("GTX", "G3", an index's "S&P", not "UP" in "UP 50 cents"), in a sentence not set
    in capitals; or a word in camel case ("iPhone", "AirPods"), not a possessive
    ("McDonald's 500 restaurants")."""
    if window[-1:] != " ":
        return False
    token = window[window.rfind(" ", 0, len(window) - 1) + 1 : -1]
    if not token.replace("&", "").isalnum():
        return False
    if token.islower() or (token.istitle() and token.isalpha()):
        return False  # most words: "in 2016", "about 300", "Flight 17"
    if token.isupper():
        letters = sum(ch.isalpha() for ch in token)
        if not (letters >= 3 or letters < len(token)) or not any(map(str.islower, sentence)):
            return False
        # Words in capitals either side: a passage in capitals ("AT LEAST 10 KILLED").
        near = sentence[max(0, start - 40) : start - 1].split()[-2:-1]
        near += sentence[start : start + 40].split()[1:2]
        return not any(w.isalpha() and w.isupper() and len(w) > 1 for w in near)
    # Camel case: a capital after a lower-case letter.
    return any(a.islower() and b.isupper() for a, b in pairwise(token))


def _name_before(window: str) -> str | None:
    """The capitalised word ``_NAME_BEFORE_RE`` finds at the end of ``window``, or None.

    The match can only be the last word, so it is read back from the end (str.rstrip runs
    in C, where a regex search tries every position); a window ending in a line feed, where
    ``$`` has two places to match, is left to the regex.
    """
    if window[-1:] == "\n":
        m = _NAME_BEFORE_RE.search(window)
        return m.group(1) if m else None
    if not window[-1:].isspace():
        return None
    word = window[:-1]
    cap = len(word.rstrip(string.ascii_lowercase)) - 1  # where [A-Z] must be, before [a-z]+
    if cap < 1 or cap == len(word) - 1 or not "A" <= word[cap] <= "Z":
        return None  # (?<!^), [a-z]+ and [A-Z]
    before = word[cap - 1]
    if before.isalnum() or before == "_":
        return None  # \b: a word character before the capital
    if before.isspace() and cap >= 2 and word[cap - 2] in ".!?":
        return None  # (?<![.!?]\s): the word opens a sentence
    return word[cap:]


# A postal code after a state's two capitals ("CA 90069"); a street number ("1600
# Pennsylvania Avenue", "3170 W. County Road"); the digits and separators of a phone number
# ("+49 (0)40 890 85-433").
_STATE_BEFORE_RE: Final = re.compile(r"\b[A-Z]{2},?\s$")
_STREET_AFTER_RE: Final = re.compile(
    r"\s(?:[NSEW]\.?\s)?(?:[A-Z][a-z]+\s){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive"
    r"|Dr|Way|Place|Pl|Court|Ct|Square|Sq|Parkway|Pkwy|Terrace|Highway)\b"
)
_PHONE_CHARS: Final = frozenset("0123456789 ()+-./")
_DIGIT_RUN_RE: Final = re.compile(r"\d+")


def _address_or_phone(sentence: str, start: int, end: int) -> bool:
    """Whether the bare number at ``[start, end)`` is part of an address or a phone number:
    it names a place to write or call, it counts nothing."""
    if not sentence[start:end].isdigit():
        return False  # "3,000", "1.5": a quantity's separators
    if end - start == 5 and _STATE_BEFORE_RE.search(sentence, max(0, start - 5), start):
        return True
    after = sentence[end : end + 2]
    if after[:1] == " " and after[1:].isupper() and _STREET_AFTER_RE.match(sentence, end, end + 45):
        return True
    # The run of digits and separators around the number: a phone number has nine digits or
    # more in three groups or more, or opens with "+" ("2019-2020" and "3,000" do not).
    lo, hi = start, end
    while lo > 0 and sentence[lo - 1] in _PHONE_CHARS:
        lo -= 1
    while hi < len(sentence) and sentence[hi] in _PHONE_CHARS:
        hi += 1
    if hi - lo < 9:
        return False  # too short to hold seven digits and a separator
    run = sentence[lo:hi].strip(" ./-")
    digits = sum(ch.isdigit() for ch in run)
    return (digits >= 9 and len(_DIGIT_RUN_RE.findall(run)) >= 3) or (
        run.startswith("+") and digits >= 7
    )


# What each branch of the figure pattern makes of its match.
_CLASSIFIERS: Final[dict[str, Callable[[str, str, int, int], Figure | None]]] = {
    "date_iso": _date,
    "date_dmy": _cased_date,
    "date_mdy": _cased_date,
    "date_my": _cased_date,
    "money": _money,
    "money_sfx": _money,
    "percent": _percent,
    "percent_word": _percent,
    "vote_to": _vote_to,
    "vote": _vote,
    "scaled": _scaled,
    "word_scaled": _word_scaled,
    "vague": _vague,
    "plain": _plain,
    "word_small": _word_small,
}


def _label_before(window: str) -> bool:
    """``_LABEL_BEFORE_RE.search(window)``, read from the end of the window.

    The pattern can only match the last word (the maximal ``\\w`` run before an optional
    period and trailing whitespace). Case-insensitive matching has Unicode subtleties ("ſ"
    matches "s"), so a last word that is not ASCII is left to the regex.
    """
    tail = window.rstrip()
    if tail.endswith("#"):
        return True
    if tail.endswith("."):
        tail = tail[:-1]
    k = len(tail)
    while k and (tail[k - 1].isalnum() or tail[k - 1] == "_"):
        k -= 1
    word = tail[k:]
    if not word.isascii():
        return bool(_LABEL_BEFORE_RE.search(window))
    return word.lower() in _LABELS


_NUMBER_RE: Final = re.compile(r"\d+(?:\.\d+)?")
_SCALE_AFTER_RE: Final = re.compile(
    r"\s?(trillion|billion|million|thousand|bn|mn|tn|m|k|crore|lakh)\b"
)


def _parse_number(text: str) -> float | None:
    """The value of a figure's text: "3,000" -> 3000, "$1.2bn" -> 1.2e9, "two million" -> 2e6."""
    low = text.lower().replace(",", "")
    m = _NUMBER_RE.search(low)
    if m:
        value = float(m.group(0))
        rest = low[m.end() :]
        sm = _SCALE_AFTER_RE.match(rest)
        if sm:
            value *= _SCALES[sm.group(1)]
        return value
    total = 0.0
    current = 0.0
    seen = False
    for word in re.findall(r"[a-z]+", low):
        if word in _UNITS:
            current += _UNITS[word]
            seen = True
        elif word in ("hundred",):
            current = (current or 1) * 100
            seen = True
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0.0
            seen = True
    return total + current if seen else None


_IRREGULAR: Final = {
    "people": "people", "children": "child", "men": "man", "women": "woman",
    "lives": "life", "personnel": "personnel", "police": "police", "series": "series",
    "news": "news", "dead": "dead", "injured": "injured", "wounded": "wounded",
}  # fmt: skip


@lru_cache(maxsize=8192)
def lemma(word: str) -> str:
    """A plain English singular: "troops" -> "troop", "casualties" -> "casualty"."""
    w = word.lower().strip("’'")
    if w.endswith(("’s", "'s")):
        w = w[:-2]
    irregular = _IRREGULAR.get(w)  # built once, not on every word the cache has not seen
    if irregular is not None:
        return irregular
    if w.endswith("men") and len(w) > 5:
        return w[:-3] + "man"
    if w[-1:] != "s":
        return w  # most words: every rule below ends in "s"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def counted_noun(sentence: str, figure: Figure) -> CountedNoun | None:
    """What ``figure`` counts, from the words after it (else the words before it).

    Reads at most a few words either side: "1,500 North Korean special forces troops"
    counts troops; "the death toll rose to 250" and "killing 40" count deaths.
    """
    return _counted_noun_at(sentence, figure.start, figure.end)


# How far after a count its noun phrase is read, and how far first: a regex match per word
# is costly, and the phrase is a few words long.
_AFTER_WINDOW: Final = 80
_AFTER_FIRST: Final = 40


def _words_after(sentence: str, end: int) -> list[str]:
    """``_WORD_RE.findall(sentence[end : end + 80])`` as far as ``counted_noun`` reads it:
    the words of a shorter window are theirs but for its last, which the window may cut, so
    they serve when the last is never read (the "of"/"the" skipped, then five words)."""
    near = _WORD_RE.findall(sentence, end, end + _AFTER_FIRST)
    if end + _AFTER_FIRST >= len(sentence):
        return near  # the sentence ends inside the short window: nothing was cut
    skipped = 0
    while skipped < len(near) and near[skipped].lower() in ("of", "the"):
        skipped += 1
    if skipped + _NOUN_WINDOW < len(near):
        return near
    return _WORD_RE.findall(sentence, end, end + _AFTER_WINDOW)


def _counted_noun_at(sentence: str, start: int, end: int) -> CountedNoun | None:
    """``counted_noun`` of a figure at ``[start, end)``, with no Figure made to ask."""
    after = _words_after(sentence, end)
    # "thousands of people", "1,500 of the soldiers": the count is of what follows "of".
    while after and after[0].lower() in ("of", "the"):
        after = after[1:]
    phrase: list[str] = []
    for tok in after[:_NOUN_WINDOW]:
        if not tok[0].isalpha():
            if tok.strip() in ("-", "–"):
                continue
            break
        if tok.lower() in _STOP_WORDS:
            break
        phrase.append(tok)
    modifier = _modifier(phrase)
    # A grouped noun anywhere in the phrase wins: "special forces troops" -> troops.
    for tok in reversed(phrase):
        lem = lemma(tok)
        if lem in _GROUPS:
            return CountedNoun(_GROUPS[lem], tok, modifier)
    if phrase:
        head = _head(phrase)
        if head is not None:
            lem = lemma(head)
            # The event is looked for only here: a search of the whole sentence.
            event = _event_group(sentence) if lem in _PEOPLE else None
            if event is not None:
                return CountedNoun(event, head, modifier)
            if head[0].islower() or lem in _PEOPLE:
                return CountedNoun(lem, head, modifier)
    before = _WORD_RE.findall(sentence[max(0, start - 60) : start])
    for tok in reversed(before[-6:]):
        group = _group_named_by(tok)
        if group is not None:
            return CountedNoun(group, tok, None)
    return None


@lru_cache(maxsize=8192)
def _group_named_by(token: str) -> str | None:
    """The group a word before a count names ("troops", "killing"), per word: words recur."""
    group = _GROUPS.get(lemma(token))
    if group is not None:
        return group
    ev = _EVENT_RE.fullmatch(token)
    return ev.lastgroup if ev else None


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _head(phrase: list[str]) -> str | None:
    """The noun a short phrase ends on, skipping verb forms ("40 people killed" -> people,
    "5,200 homes lay in ..." -> homes)."""
    # What a number counts is plural: the last plural word of the phrase, when only words
    # that are not (a verb, an adverb) follow it.
    for i in range(len(phrase) - 1, 0, -1):
        if _plural(phrase[i - 1]) and not _plural(phrase[i]):
            return phrase[i - 1]
        if _plural(phrase[i]):
            break
    for i, tok in enumerate(phrase):
        low = tok.lower()
        if i > 0 and (low.endswith(("ed", "ing")) or low in ("were", "was")):
            return phrase[i - 1]
    return phrase[-1]


_SCOPE_WORDS: Final = frozenset(
    "elite additional more extra combat reserve foreign ground active-duty".split()  # noqa: SIM905
)


def _modifier(phrase: list[str]) -> str | None:
    """Proper adjectives opening a phrase: "North Korean special forces" -> North Korean."""
    words: list[str] = []
    for tok in phrase:
        if tok[0].isupper():
            words.append(tok)
        else:
            break
    if words:
        return " ".join(words) if len(words) < len(phrase) else None
    # No proper adjective: a word that narrows the group ("7,500 elite troops" are not the
    # 5,500 troops of one country; "3,000 more troops" add to a total).
    if len(phrase) > 1 and phrase[0].lower() in _SCOPE_WORDS:
        return phrase[0].lower()
    return None


def _event_group(sentence: str) -> str | None:
    m = _EVENT_RE.search(sentence)
    return m.lastgroup if m else None
