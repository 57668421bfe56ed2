"""Key facts and conflicting figures.

``extract_facts`` ranks the body's sentences the way an editor skims a story: the
lede, figures, dates and decisive events first, quotes and speculation last, and
no two facts saying the same thing. Each Fact.text is a verbatim sentence span of
its paragraph.

``find_conflicts`` compares counts of the same thing given by different sources
("3,000 soldiers" per the US, "1,500 ... troops" per South Korea).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from bot.attribution import adds_a_count
from bot.datelines import dateline_end
from bot.figures import (
    QUANTITY_KINDS,
    TRIGGER_WORDS,
    CountedNoun,
    Figure,
    counted_noun,
    lemma,
    scan_figures,
)
from bot.model import Attribution, Claim, Conflict, Fact
from bot.quality import CJK_CHARS, has_cjk, word_count
from bot.sentences import split_sentences
from bot.social_posts import post_paragraphs
from bot.speakers import PRONOUNS

__all__ = ["extract_facts", "facts_and_conflicts", "find_conflicts", "named_source"]

# Word lists, matched against a sentence's tokens: set lookups beat big regex alternations.
_EVENT_VERBS: Final = frozenset(
    """ratified ratifies ratify voted votes signed signs killed killing kills arrested arrests
    announced announces resigned resigns approved approves passed passes rejected rejects
    elected charged sentenced convicted acquitted died launched launches deployed deploys fired
    appointed banned agreed won defeated struck collapsed declared endorsed confirmed raised
    seized captured invaded attacked evacuated injured destroyed ordered imposed lifted withdrew
    accused sued fined released dismissed sacked closed acquired merged ruled overturned upheld
    vetoed cut hit sent transported enacted adopted suspended""".split()  # noqa: SIM905
)
_DATE_WORDS: Final = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday yesterday today tonight January
    February March April June July August September October November December""".split()  # noqa: SIM905
)
_HEDGES: Final = frozenset("could would might may likely possibly perhaps if".split())  # noqa: SIM905
_PRONOUN_START_RE: Final = re.compile(
    r"(?:He|She|They|It(?!\s+(?:was|is)\b)|This|That|These|Those|We)\b"
)
_PRONOUN_INITIALS: Final = "HSTIW"
_QUOTED_RE: Final = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
# The doubled apostrophes some archives quote with (''I think so,'' he said).
_DOUBLED_QUOTE_RE: Final = re.compile(r"''.*?(?:''|$)")
# A word of four letters or more, or a number. Written to open with one character set, which
# lets the regex engine skip to candidate characters (see sentences._CANDIDATE).
_CONTENT_WORD_RE: Final = re.compile(r"[A-Za-z\d](?:(?<=[A-Za-z])[A-Za-z’'-]{3,}|(?<=\d)[\d,.]*)")
_COMMON: Final = frozenset(
    """that this with from have been were will would could said says their there they which
    about after before also into over than then them these those what when where while
    just only other some such very more most being does""".split()  # noqa: SIM905
)

# Every match of the cue patterns below holds one of these words as written: a sentence with
# none of them names no source that way, and skips their (backtracking) regexes.
_CUE_LITERALS: Final = tuple(
    """said says claimed claims told tells estimated estimates reported reports announced
    stated confirmed alleged alleges insisted insists added warned believes believed put puts
    counted recorded disclosed revealed suggested""".split()  # noqa: SIM905
)
_CUE = "(?:" + "|".join(_CUE_LITERALS) + ")"
_CUE_BYTES: Final = frozenset(w.encode() for w in _CUE_LITERALS)
_CAP_SEQ = r"[A-Z][\w’'.-]*(?:\s+(?:of\s+|the\s+|for\s+)?[A-Z][\w’'.-]*)*"
# (A source cut at 80 characters ends at a word's end, not inside a word.)
_ACCORDING_RE: Final = re.compile(
    r"\baccording\s+to\s+(?P<src>[^,.;:!?“”\"]{2,80})(?![^,.;:!?“”\"\s])"
)
_PRE_CAP_RE: Final = re.compile(
    rf"(?P<src>{_CAP_SEQ})\s+(?:(?:that|who|which)\s+)?(?:(?:\w+ly|first|also|later|had|has"
    rf"|have|earlier|then|now)\s+)*{_CUE}\b"
)
_PRE_LOWER_RE: Final = re.compile(
    rf"(?:^|[,;]\s+)(?P<src>(?:[Tt]he\s+|[Aa]n?\s+)?(?:[\w’'-]+\s+){{0,4}}?[\w’'-]+)\s+{_CUE}\b"
)
# "..., said Lloyd Austin." only: "said Kyiv had ..." names what was said, not who said it.
_INVERTED_RE: Final = re.compile(rf"\b(?:said|says)\s+(?P<src>{_CAP_SEQ})(?=\s*(?:[,.;:!?]|$))")
_PRONOUNS: Final = frozenset("he she they it we i you who this that".split())  # noqa: SIM905
_SOURCE_MAX_WORDS: Final = 6
_NOT_SOURCE_STARTS: Final = frozenset(
    """that who which whom whose what including minus plus initial subsequent there here
    when where while if because although as than""".split()  # noqa: SIM905
)
_LEADERS: Final = frozenset(
    "the a an then but and it was by on in at after before later also now".split()  # noqa: SIM905
)

_ESTIMATE_RE: Final = re.compile(
    r"\b(?:about|some|around|roughly|approximately|nearly|almost|at least|more than|up to"
    r"|as many as|estimat\w*|claim\w*|puts?|believed|thought|reportedly|intelligence)\b",
    re.IGNORECASE,
)
# Units measure different things in one story (a 7-point lead here, 3 points there): never a
# conflict on their own.
_UNIT_NOUNS: Final = frozenset(
    """point percent percentage year hour day week month minute second time mile kilometre
    kilometer km metre meter foot feet inch acre pound dollar euro degree page word term round
    share""".split()  # noqa: SIM905
)
# People counted with no event to say what happened to them ("killed", "injured"...).
_PEOPLE: Final = frozenset(
    "people person civilian resident inhabitant individual citizen villager worker".split()  # noqa: SIM905
)
_TOLL_GROUPS: Final = frozenset(["troops", "deaths", "injured", "missing", "displaced", "arrests"])

# Display names for counted things that are tolls rather than nouns.
_GROUP_LABELS: Final = {
    "deaths": "death toll",
    "injured": "injured",
    "missing": "missing",
    "displaced": "displaced",
    "arrests": "arrests",
}


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ costs several times more
class _Sentence:
    paragraph: int
    index: int  # position within the paragraph
    start: int
    end: int
    text: str
    figures: tuple[Figure, ...]
    # Its words (lowercased) that are in _KEYWORDS, as the ASCII bytes the sentence's letter
    # runs are read in: tested against sets of bytes, no str set is built per sentence.
    keywords: frozenset[bytes]
    date_word: bool  # it names a day or month as written ("Thursday", not "thursday")
    words: float  # how many words (unspaced CJK: one per two characters; quality.word_count)
    cjk: bool  # its paragraph holds CJK or Hangul (quality.has_cjk)
    digits: bool  # it holds a digit or a currency sign (_DIGITISH_RE)


# A figure starts at a digit, a currency sign or a number/month word (see figures.py): a
# sentence with none of them has no figures, and most sentences skip the costly scan.
_DIGITISH_RE: Final = re.compile(r"[\d$£€¥₹]")
# Every byte but an ASCII digit and "$" (the only characters of ASCII text _DIGITISH_RE finds).
_NOT_ASCII_DIGITISH: Final = bytes(c for c in range(256) if not (48 <= c <= 57 or c == 36))
# A translation table: 1 for an ASCII digit and "$", 0 for any other byte.
_DIGIT_MARKS: Final = bytes(int(48 <= c <= 57 or c == 36) for c in range(256))


def _digitish_in(para: str, raw: bytes, start: int, end: int) -> bool:
    """``_DIGITISH_RE.search(para, start, end)``, where ``raw`` is ``para`` in ASCII (one byte a
    character). In ASCII text, deleting every other byte finds them in one C pass; the regex
    tests a character class at every position (about 8 ns a character)."""
    if para.isascii():
        return bool(raw[start:end].translate(None, _NOT_ASCII_DIGITISH))
    return _DIGITISH_RE.search(para, start, end) is not None
# Every word a sentence is tested for, lowercased: scoring and the figure scan need to know
# only which of these a sentence holds, not all its words.
_LOWER_DATE_WORDS: Final = frozenset(w.lower() for w in _DATE_WORDS)
# The words ``_FIRST_PERSON_RE`` can match, as [A-Za-z]+ runs lowercased ("J’ai": "j"), but
# the Cyrillic "я": a sentence without any of them skips the regex.
_FIRST_PERSON_WORDS: Final = frozenset("i me my myself ich je j yo eu ik".split())  # noqa: SIM905
_KEYWORDS: Final = TRIGGER_WORDS | _EVENT_VERBS | _HEDGES | _LOWER_DATE_WORDS | _FIRST_PERSON_WORDS
# A text's [A-Za-z]+ runs are listed as bytes: UTF-8 encoding, the ASCII-only bytes.lower()
# and a 256-byte table that blanks every other byte are fast passes in C, where a regex
# findall is one slow one (and str.lower() would turn "K", the Kelvin sign, into a letter).
_BLANK_NON_LETTERS: Final = bytes(c if 97 <= c <= 122 or 65 <= c <= 90 else 32 for c in range(256))
_KEYWORD_OF_BYTES: Final = {w.encode(): w for w in _KEYWORDS}
_KEYWORD_BYTES: Final = frozenset(_KEYWORD_OF_BYTES)
# The word lists a sentence's keywords are tested against, as bytes.
_TRIGGER_BYTES: Final = frozenset(w.encode() for w in TRIGGER_WORDS)
_EVENT_BYTES: Final = frozenset(w.encode() for w in _EVENT_VERBS)
_HEDGE_BYTES: Final = frozenset(w.encode() for w in _HEDGES)
_LOWER_DATE_BYTES: Final = frozenset(w.encode() for w in _LOWER_DATE_WORDS)
_FIRST_PERSON_BYTES: Final = frozenset(w.encode() for w in _FIRST_PERSON_WORDS)
_DATE_WORD_BYTES: Final = frozenset(w.encode() for w in _DATE_WORDS)


def _letter_runs(text: str, *, lower: bool = False) -> list[bytes]:
    """The ``[A-Za-z]+`` runs of ``text`` (lowercased if ``lower``), as bytes."""
    encoded = text.encode("utf-8", "surrogatepass")
    if lower:
        encoded = encoded.lower()
    return encoded.translate(_BLANK_NON_LETTERS).split()


def _keyword_set(text: str) -> frozenset[bytes]:
    """The keywords among the ``[A-Za-z]+`` runs of ``text``, lowercased (as bytes)."""
    return _KEYWORD_BYTES.intersection(_letter_runs(text, lower=True))


# A science story's reference apparatus, kept in the body but no fact of the story: "More
# information: G. Petit et al. Hibernation and Torpor ... (2018). DOI: 10.1007/...",
# "Journal reference: ...", "Provided by European Space Agency".
_CITATION_RE: Final = re.compile(
    r"(?i)(?:more information|journal (?:reference|information)|citation|reference)\s*:"
    r"|provided by\b|.{0,300}\bDOI:\s*10\.\d"
)


def _is_citation(para: str) -> bool:
    """Whether the paragraph opens a citation (``_CITATION_RE``). Every match holds a colon
    or opens with "provided", and opens with the first letter of a label (no other character
    matches those letters ignoring case) or holds a DOI's "10.": most paragraphs are ruled
    out without the regex, whose ``.{0,300}`` tries every position of a long paragraph's
    start."""
    return (
        (":" in para or para[:1] in "pP")
        and (para[:1] in _CITATION_INITIALS or "10." in para)
        and _CITATION_RE.match(para) is not None
    )


# The first letters of the labels _CITATION_RE opens with ("More information:", "Journal
# reference:", "Citation:", "Reference:", "Provided by").
_CITATION_INITIALS: Final = "mMjJcCrRpP"


def _sentences(
    body: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]] | None = None
) -> tuple[_Sentence, ...]:
    """Every sentence of the body with its figures and keywords (the costly part of both
    facts and conflicts: ``facts_and_conflicts`` does it once for the two). ``spans``:
    ``split_sentences`` of each paragraph, when the caller has them already."""
    out: list[_Sentence] = []
    posts = post_paragraphs(body)
    for p, para in enumerate(body):
        if p in posts or _is_citation(para):
            continue
        # The paragraph's letters lowercased, one byte a character (any other character is
        # "?", blanked like the bytes of its UTF-8): a sentence's runs are its slice's.
        raw = para.encode("ascii", "replace")
        letters = raw.lower().translate(_BLANK_NON_LETTERS)
        digitish = _digitish_in(para, raw, 0, len(para))
        # In ASCII, a byte a character that marks the digits and "$": a sentence's test is a
        # bounded find, with no slice copied (see _digitish_in).
        marks = raw.translate(_DIGIT_MARKS) if digitish and para.isascii() else None
        cjk = has_cjk(para)  # else a sentence's words are its white-space tokens
        # Every white-space character but the plain space is unprintable: in a printable
        # paragraph with no double space, a sentence's tokens are its spaces plus one (a
        # count in C, where split() builds a list of every word).
        spaced = not cjk and para.isprintable() and "  " not in para
        units = _quoted_passages(para, split_sentences(para) if spans is None else spans[p])
        # One unit that spans the paragraph: whether it holds a digit is known already.
        whole = len(units) == 1 and units[0] == (0, len(para))
        markup = _markup_spans(para) if "<" in para else ()
        for i, (s, e) in enumerate(units):
            if markup and any(ms < e and s < me for ms, me in markup):
                continue
            text = para[s:e]
            keywords = _KEYWORD_BYTES.intersection(letters[s:e].split())
            if not digitish or whole:
                digits = digitish
            elif marks is not None:
                digits = marks.find(1, s, e) >= 0
            else:
                digits = _digitish_in(para, raw, s, e)
            if digits or not keywords.isdisjoint(_TRIGGER_BYTES):
                # The scan needs only the number and month words among them, as str.
                triggers = [_KEYWORD_OF_BYTES[w] for w in keywords.intersection(_TRIGGER_BYTES)]
                figures = tuple(scan_figures(text, triggers, digits=digits))
            else:
                figures = ()
            # Date words count as written ("Thursday", not "thursday"): read the runs again.
            date_word = not keywords.isdisjoint(_LOWER_DATE_BYTES) and not (
                _DATE_WORD_BYTES.isdisjoint(_letter_runs(text))
            )
            if cjk:
                words: float = word_count(text)
            elif spaced and text[:1] != " " and text[-1:] != " ":
                words = text.count(" ") + 1
            else:
                words = len(text.split())
            out.append(
                _Sentence(p, i, s, e, text, figures, keywords, date_word, words, cjk, digits)
            )
    return tuple(out)


# A markup tag a scraper left in the text: '<tweet id="6721..." author="@AP">', '</tweet>',
# '<tweet/>', '<a href="...">', '<b>'. A lower-case name, then attributes written name="value"
# or a slash: a title set in angle brackets ("<The Palace: Tale of Jang Noksu>", "<숨바꼭질>")
# is the article's words.
_TAG_RE: Final = re.compile(
    r"<(?:/[a-z][\w-]*|[a-z][\w-]*(?:\s+[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s<>]+))*\s*/?)>"
)
# Elements that hold an embedded post: the poster's words, from the opening tag to its close
# ("</tweet>", or the "<tweet/>" some archives close with).
_POST_ELEMENTS: Final = frozenset(["tweet", "blockquote"])


def _markup_spans(para: str) -> list[tuple[int, int]]:
    """The [start, end) spans of a paragraph's markup that no fact may overlap: each embedded
    post from its opening tag to its close (or the paragraph's end), a post's stray tag, and
    each tag with attributes. A post is someone else's words, not the article's report (as
    ``post_paragraphs``); a tag's attributes (a link's address, a post's id) are no words of
    the article, and a fact is a verbatim span, which would display them. Cutting the span at
    the tag would leave a sentence without its end ("... nearly 1000.Watch the latest video
    at"). A bare formatting tag ("<b>firm</b>") wraps the article's own words: it stays, and
    the renderer escapes it."""
    spans: list[tuple[int, int]] = []
    open_post: int | None = None
    for m in _TAG_RE.finditer(para):
        tag = m.group(0)
        name = tag[1:].lstrip("/").split(None, 1)[0].rstrip("/>").lower()
        if name in _POST_ELEMENTS:
            if open_post is None and not tag.startswith("</") and not tag.endswith("/>"):
                open_post = m.start()
            elif open_post is not None:
                spans.append((open_post, m.end()))
                open_post = None
            else:
                spans.append(m.span())
        elif open_post is None and "=" in tag:
            spans.append(m.span())
    if open_post is not None:
        spans.append((open_post, len(para)))
    return spans


def _quoted_passages(
    para: str, spans: Sequence[tuple[int, int]]
) -> Sequence[tuple[int, int]]:
    """``spans`` with the sentences a quote runs on across joined into one passage ('“I have
    earned 9 million votes. I have 1 million more …,” Clinton said.'): a fact that stops
    inside a quote leaves it open. At most three sentences are joined; a quote still open
    after them (or closed by a mark of the wrong kind) leaves the sentences as they were."""
    if "“" not in para or len(spans) < 2:
        return spans
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(spans):
        s, e = spans[k]
        depth = para.count("“", s, e) - para.count("”", s, e)
        j = k
        while depth > 0 and j + 1 < len(spans) and j - k < 2:
            j += 1
            depth += para.count("“", *spans[j]) - para.count("”", *spans[j])
        if depth == 0 and j > k:
            out.append((s, spans[j][1]))
            k = j + 1
        else:
            out.append((s, e))
            k += 1
    return out


# A paragraph's attributions with a plausible speaker, each as (start, end, speaker): the
# [start, end) envelope of the attribution in that paragraph.
_Index = dict[int, list[tuple[int, int, str]]]


def _index_attributions(attributions: Sequence[Attribution], body: Sequence[str]) -> _Index:
    """Attributions by paragraph; only those whose speaker could be a source are kept, as
    every use of the index asks for a plausible speaker (tested once here, not per use)."""
    index: _Index = {}
    plausible: dict[str, bool] = {}  # a story names the same few speakers again and again
    for a in attributions:
        if not 0 <= a.paragraph < len(body) or not a.speaker:
            continue
        ok = plausible.get(a.speaker)
        if ok is None:
            ok = plausible[a.speaker] = _plausible_source(a.speaker)
        if not ok:
            continue
        span = a.span
        if span is None:
            # No envelope given: find the content (or its first piece) in the paragraph.
            probe = a.content[:40]
            pos = body[a.paragraph].find(probe) if probe else -1
            if pos < 0:
                continue
            span = (pos, pos + len(a.content))
        index.setdefault(a.paragraph, []).append((span[0], span[1], a.speaker))
    return index


def _covering_speaker(index: _Index, paragraph: int, start: int, end: int) -> str | None:
    """The speaker of the attribution that overlaps [start, end) the most (the first on a tie)."""
    best: tuple[int, str] | None = None
    for s, e, speaker in index.get(paragraph, ()):
        overlap = min(e, end) - max(s, start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, speaker)
    return best[1] if best else None


def _sources(sentence: str) -> list[tuple[int, int, str]]:
    """Every source the sentence names, as (start, end, name)."""
    found: list[tuple[int, int, str]] = []
    patterns = [_ACCORDING_RE] if "according" in sentence else []
    if _has_cue(sentence):
        patterns += (_PRE_CAP_RE, _PRE_LOWER_RE, _INVERTED_RE)
    for rx in patterns:
        for m in rx.finditer(sentence):
            src = _tidy_source(m.group("src")) if _speaks(m, sentence) else None
            if src:
                found.append((m.start(), m.end(), src))
    return found


def _has_cue(sentence: str) -> bool:
    """Could a cue pattern match? Each matches its cue word as a whole ``[A-Za-z]+`` run
    (whitespace or a word boundary either side), so test the sentence's runs against them."""
    return not _CUE_BYTES.isdisjoint(_letter_runs(sentence))


def _source_near(sources: Sequence[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The named source closest before a figure ("X said 400 ..."), else the first after it."""
    before = [s for s in sources if s[1] <= start]
    if before:
        return max(before, key=lambda s: s[1])[2]
    after = [s for s in sources if s[0] >= end]
    if after:
        return min(after, key=lambda s: s[0])[2]
    return None


def named_source(sentence: str) -> str | None:
    """A source the sentence names itself: "according to X", "X claimed", "..., X said"."""
    # Each pattern needs its words as written: without them, skip its regex.
    m = _ACCORDING_RE.search(sentence) if "according" in sentence else None
    if m:
        return _tidy_source(m.group("src"))
    if not _has_cue(sentence):
        return None
    for rx in (_PRE_CAP_RE, _PRE_LOWER_RE, _INVERTED_RE):
        for m in rx.finditer(sentence):
            src = _tidy_source(m.group("src")) if _speaks(m, sentence) else None
            if src:
                return src
    return None


def _speaks(m: re.Match[str], sentence: str) -> bool:
    """False for a score sheet's "added" ("added three assists"), as the attribution rules
    judge it."""
    return not (m.group(0).endswith("added") and adds_a_count(sentence[m.end() : m.end() + 60]))


# Words that end what a pattern caught but no source's name: a time, a participle ("a survey
# released on Thursday", "figures published by the ministry on Monday").
_SOURCE_TAIL_WORDS: Final = frozenset(
    """on in at by last this early late the a an The A An released published issued conducted
    posted obtained seen compiled cited quoted""".split()  # noqa: SIM905
) | _DATE_WORDS


def _tidy_source(src: str) -> str | None:
    words = src.strip().split()
    while len(words) > 1 and words[-1] in _SOURCE_TAIL_WORDS:  # as written: "USA TODAY"
        words.pop()
    # "By Monday the fire service" -> "fire service": a source starts after its determiner.
    cut = max((i for i, w in enumerate(words) if w.lower() in _LEADERS), default=-1)
    words = words[cut + 1 :]
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return None
    name = " ".join(words).rstrip(".’'")
    return name if _plausible_source(name) else None


# A capital word alone before a cue word that is a noun too ("Earlier estimates from the
# Commerce Department put ...", "Official figures show"): it qualifies the report, no source.
_QUALIFIERS: Final = frozenset("""earlier recent official unofficial preliminary previous
    separate early final revised latest initial new""".split())  # noqa: SIM905


def _plausible_source(name: str) -> bool:
    """A name, role or body, not a clause the patterns caught by mistake ("that about 5,500")
    nor a pronoun left unresolved ("[he]" beside a fact tells an editor nothing)."""
    words = name.split()
    return (
        0 < len(words) <= _SOURCE_MAX_WORDS
        and not (len(words) == 1 and name.casefold() in PRONOUNS)
        and not (len(words) == 1 and name.casefold() in _QUALIFIERS)
        and not any(map(str.isdigit, name))
        and words[0].lower() not in _NOT_SOURCE_STARTS
        and any(ch.isalpha() for ch in name)
    )


# --- facts -------------------------------------------------------------------------------------


_STOPS = (".", "!", "?", "…", "。", "！", "？", "।", "؟")


def _first_closing_quote(text: str) -> int:
    """Where a quote opened before this sentence closes, or -1: a ” before any “, or a
    straight quote after a word and before a space (‘... hands!" an officer ordered.’)."""
    curly = text.find("”")
    if curly >= 0 and not 0 <= text.find("“") < curly:
        return curly
    straight = text.find('"')
    after = text[straight + 1 : straight + 2]
    before = text[straight - 1 : straight]
    # (after a digit it is an inch mark: 'a 34" monitor')
    if straight > 0 and not before.isspace() and not before.isdigit() and after in ("", " "):
        return straight
    return -1


def _mostly_doubled_quote(text: str) -> bool:
    """``_mostly_quote`` for quotes in doubled apostrophes: the first '' closes a quote (a
    word before it, a space or the end after it), or quoted words make up most of it."""
    first = text.find("''")
    if first > 0 and not text[first - 1].isspace() and text[first + 2 : first + 3] in ("", " "):
        return True
    return sum(map(len, _DOUBLED_QUOTE_RE.findall(text))) > 0.5 * len(text)


_GUILLEMET_QUOTE_RE: Final = re.compile(r"«[^»]*»?")


def _mostly_guillemet_quote(text: str) -> bool:
    """``_mostly_quote`` for quotes in guillemets: the sentence opens a quote it does not
    close (the quote runs on), or quoted words make up most of it."""
    if text.startswith("«") and "»" not in text:
        return True
    return sum(map(len, _GUILLEMET_QUOTE_RE.findall(text))) > 0.5 * len(text)


def _mostly_quote(text: str) -> bool:
    """Whether the sentence is speech rather than the writer's report: quoted words make up
    most of it, or it opens inside a quote begun in an earlier sentence ('... like that,”
    the doctor said.'), a fragment of that quote."""
    if "''" in text and _mostly_doubled_quote(text):
        return True
    if "«" in text and _mostly_guillemet_quote(text):
        return True
    if '"' not in text and "“" not in text and "”" not in text:
        return False  # most sentences: no quote mark, nothing quoted
    if _first_closing_quote(text) >= 0:
        return True
    return ('"' in text or "“" in text) and (
        sum(map(len, _QUOTED_RE.findall(text))) > 0.5 * len(text)
    )


# A field's label: a word or three opening with a capital, then a colon ("Price: ", "More
# info: "); prose has one colon at most.
_FIELD_LABEL_RE: Final = re.compile(r"(?:^|\s)[A-Z][\w’'-]*(?: [\w’'-]+){0,2}: ")


_CLOSING_QUOTES: Final = "”\"’'"
_QUESTION_MARKS: Final = ("?", "？", "؟")


def _asks(text: str) -> bool:
    """Whether the sentence is a question: it ends with a question mark (before any closing
    quote or bracket) or opens with an inverted one ("¿Por qué ...")."""
    return text.rstrip("”\"’' )").endswith(_QUESTION_MARKS) or text.startswith("¿")


# A subordinate clause standing alone: "Because space travel ... is anything but easy." (the
# answer to a "Why?" before it). One with a comma may carry its main clause after it
# ("Because of the storm, flights were cancelled."), so only comma-free ones count.
_SUBORDINATE_OPENERS: Final = frozenset(
    """because although though unless whereas porque parce weil karena""".split()  # noqa: SIM905
)
# A clause ending on its auxiliary leaves its verb to the sentence before: "Getting to the
# Moon has been done. Staying on the Moon, however, haven’t."
_ELLIPTIC_END_RE: Final = re.compile(
    r"(?i)(?:\b(?:have|has|had|do|does|did|is|are|was|were|can|could|will|would|should)\s+not"
    r"|\b(?:haven|hasn|hadn|don|doesn|didn|isn|aren|wasn|weren|can|couldn|won|wouldn|shouldn)"
    r"[’']t|(?<!\bto )\b(?:have|has|had|can|could|will|would|should))[.!…]$"
)

# A clause ending on its auxiliary is this short at most.
_ELLIPTIC_MAX: Final = 90
_SUBORDINATE_INITIALS: Final = frozenset(w[0] for w in _SUBORDINATE_OPENERS) | frozenset(
    w[0].upper() for w in _SUBORDINATE_OPENERS
)
_ELLIPTIC_TAILS: Final = tuple(
    word + stop
    for word in "t not have has had can could will would should".split()  # noqa: SIM905
    for stop in ".!…"
)


def _needs_the_sentence_before(text: str) -> bool:
    """A fragment that makes sense only after the sentence before it. A long sentence that
    ends on an auxiliary has its verb earlier ("..., much as the country is.")."""
    if (
        text[:1] in _SUBORDINATE_INITIALS
        and "," not in text
        and text.partition(" ")[0].lower() in _SUBORDINATE_OPENERS
    ):
        return True
    # Every match ends with one of these (the regex is tried on few sentences).
    if len(text) > _ELLIPTIC_MAX or not text.endswith(_ELLIPTIC_TAILS):
        return False
    if "“" in text or '"' in text:
        return False  # (a quote's "Yes, I will." answers a question the sentence names)
    return _ELLIPTIC_END_RE.search(text[-24:]) is not None


# The first person singular, as a word: English, and a few languages' subject pronouns.
# "My"/"Me" capitalized within a sentence is a title's ("In the Country We Love: My Family
# Divided"); "I" after a capitalized word is a numeral or a title's ("World War I").
_FIRST_PERSON_RE: Final = re.compile(
    r"(?<![\w’'./-])(?:I(?=[\s,;:!?)—–]|['’](?:m|ve|d|ll)\b|$)|m(?:e|y|yself)|[Ii]ch|[Jj]e"
    r"|[Jj](?=['’]\w)|[Yy]o|[Ee]u|[Ii]k|[Яя]|M(?:e|y|yself))(?![\w-])"
)
_AS_I_SAID_RE: Final = re.compile(r"^As (?:I|we)\b[^,]{0,40}, ")
# ‘Quoted words’: the closing mark is a ’ that no letter follows (unlike "I’m").
_SINGLE_QUOTED_RE: Final = re.compile(r"(?<!\w)‘.*?’(?!\w)")
_SPEAKER_LABEL_RE: Final = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,5}[A-Z][\w’'.-]*):\s")
_ASIDE_RE: Final = re.compile(r"\([^()]*\)|—[^—]*—|―[^―]*―")
_CAPITALIZED_BEFORE_RE: Final = re.compile(r"\S\s+[A-Z][\w.]*\s+$")


def _first_person(text: str) -> bool:
    """Whether the writer speaks in the first person singular outside quotes ("My problem
    is, he is sitting in business class"): an essay's, a letter's or a transcript's voice.
    "Sen. Bernie Sanders (I-Vt.)" is no pronoun."""
    bare = _QUOTED_RE.sub(" ", text) if ('"' in text or "“" in text) else text
    if "''" in bare:
        bare = _DOUBLED_QUOTE_RE.sub(" ", bare)
    if bare.startswith("As "):
        bare = _AS_I_SAID_RE.sub("", bare, count=1)  # the writer's aside, not the fact
    if "‘" in bare:
        bare = _SINGLE_QUOTED_RE.sub(" ", bare)
    if "(" in bare or "—" in bare or "―" in bare:
        # An aside ("― and I can’t emphasize this enough ―", "(I am biased)") leaves the
        # sentence the writer's report.
        bare = _ASIDE_RE.sub(" ", bare)
    label = _SPEAKER_LABEL_RE.match(bare)
    if label and not label.group(1).isupper():
        # A headline's "Mark Cuban: I'd consider a bid": the first person is the named
        # speaker's (a letter's "DEAR ABBY: My husband" is in capitals).
        return False
    for m in _FIRST_PERSON_RE.finditer(bare):
        at = m.start()
        word = m.group(0)
        if word == "I" and _CAPITALIZED_BEFORE_RE.search(bare, max(0, at - 30), at):
            continue
        # A capital M opens the sentence or follows a label in capitals ("DEAR ABBY: My
        # husband ..."); elsewhere it is a title's ("Rivers and Roads: My Years ...").
        if (
            word[0] == "M"
            and at > 0
            and not (bare[at - 2 : at] == ": " and bare[: at - 2].isupper())
        ):
            continue
        return True
    return False


# A clause that breaks off: a letter, then an ellipsis (after a stop, "... changed. ...", the
# ellipsis marks words left out, not a sentence cut short).
_TRAILS_OFF_RE: Final = re.compile(r"[^\W\d_]\s?(?:…|\.\.\.)$")
# A credit set in brackets under a wire story: "(Additional reporting by ...)".
_CREDIT_RE: Final = re.compile(
    r"\((?:additional |writing and )?(?:reporting|editing|writing|compiled)\b", re.IGNORECASE
)


# An editor's note the outlet sets under its stories, and a call to the reader to follow,
# watch, read or write in ("Follow Jeff Poor on Twitter @jeff_poor.", "Watch the video
# above.", "Read the rest of the story at ...", "Email any tips ... to scoops@...").
_NOTE_RE: Final = re.compile(
    r"Editor[’']s\s+note\b|(?:Follow|Subscribe|Watch|Listen|Read|E-?mail|Check\s+out|Share"
    r"|Download|Sign\s+up|Click|Tap)\b[^.!?]{0,150}?(?:\b(?:here|above|below|the\s+rest)\b|@"
    r"|\bon\s+(?:Twitter|Facebook|Instagram|YouTube|iTunes)\b)",
    re.IGNORECASE,
)
# The first words _NOTE_RE can match, lowercased: a sentence opening with none skips it.
_NOTE_OPENERS: Final = frozenset(
    """editor’s editor's follow subscribe watch listen read email e-mail check share download
    sign click tap""".split()  # noqa: SIM905
)
# The call at a sentence's end: "For full details on the grant, see this page."
_SEE_HERE_RE: Final = re.compile(r"\bsee (?:this page|here|below|above)\W*$")
# How a sentence _SEE_HERE_RE finds ends (a str.endswith test, no copy of the sentence).
_SEE_HERE_ENDS: Final = tuple(
    word + end for word in ("page", "here", "below", "above") for end in ("", ".", ":", ".)", ")")
)


# The short words a headline in title case may leave in lower case ("Visa Program Up for
# Renewal Amid Allegations of Fraud.").
_TITLE_LOWER_WORDS: Final = frozenset(
    "a an the of on in to for and or but at by as vs via nor so yet up off per".split()  # noqa: SIM905
)


_TITLE_WORD_END: Final = ".,;:!?’'\"”)"


def _in_title_case(text: str) -> bool:
    """Whether the sentence is set in title case, as headlines are: three words of four letters
    or more, each opening with a capital, and no word in lower case but a short function word
    ("Megyn Kelly Was Just Spotted Walking Into ...", "Obama Says African-American Museum Will
    Tell of 'Suffering and Delight.'"). A sentence has a verb or noun in lower case ("Only The
    Rachel Maddow Show on MSNBC hit 50%.")."""
    space = text.find(" ")
    if space < 0 or not text[space + 1 : space + 2].isupper():
        return False  # most sentences: the second word in lower case
    # Most of the rest name someone first and have a verb by the fourth word ("Donald Trump
    # said"): the first words are read before the whole sentence is split.
    for word in text.split(None, 4)[2:4]:
        if word[:1].islower() and word.rstrip(_TITLE_WORD_END).lower() not in _TITLE_LOWER_WORDS:
            return False
    long = 0
    for word in text.split():
        word = word.lstrip("‘’'\"“(")
        if not word[:1].isalpha():
            continue
        if word[0].islower():
            if word.rstrip(_TITLE_WORD_END).lower() not in _TITLE_LOWER_WORDS:
                return False
        elif not word[0].isupper():
            return False  # a script without case (Hangul, CJK) has no title case
        elif len(word) >= 4:
            long += 1
    return long >= 3


def _in_brackets(text: str) -> bool:
    """Whether the whole sentence is set in brackets: its first ")" closes it at its end."""
    return text.find(")") == len(text.rstrip(".")) - 1


def _score(sent: _Sentence, floor: float | None = None) -> float:
    """How digest-worthy a sentence is. The terms are added in a fixed order (the score is
    a float and is reported rounded); each is tested only where it can apply.

    ``floor``: a caller that needs only to know whether the score is above it; the bonuses
    come first and every term after them is a penalty, so a sentence whose bonuses do not
    rise above ``floor`` is returned with them alone (a third of all sentences: late
    paragraphs with no figure, date or event)."""
    words = sent.words
    score = 0.0
    if sent.paragraph == 0:
        # The lede is the first sentence; the bonus fades over the ones after it, so a
        # feature intro's third and fourth sentences rank as a later paragraph's would.
        score += 3.5 if sent.index == 0 else max(1.2, 2.4 - 0.4 * sent.index)
    else:
        score += 1.6 / (1 + 0.35 * (sent.paragraph - 1))
        if sent.index == 0:
            score += 0.3
    figures = sent.figures
    if figures:  # most sentences have none
        quantities = [f for f in figures if f.kind in QUANTITY_KINDS]
        if quantities:
            score += min(2.0, 1.0 + 0.5 * (len(quantities) - 1))
        if any(f.kind == "vote" for f in quantities):
            score += 1.5
    keywords = sent.keywords
    if sent.date_word or (figures and any(f.kind == "date" for f in figures)):
        score += 0.4
    if not _EVENT_BYTES.isdisjoint(keywords):
        score += 1.2
    if floor is not None and score <= floor:
        return score
    text = sent.text
    # Every sentence _mostly_quote finds holds one of these marks: most skip the call.
    if (
        '"' in text or "“" in text or "”" in text or "''" in text or "«" in text
    ) and _mostly_quote(text):
        # It belongs under "who said what"; one without a count is no fact at all.
        score -= 1.5 if figures and any(f.kind in QUANTITY_KINDS for f in figures) else 9.0
    # Most sentences end with a full stop: no test of the end can find a question there, nor
    # a missing stop.
    full_stop = text[-1:] == "."
    if not full_stop and not text.rstrip("”\"’' )").endswith(_STOPS) and len(text) < 100:
        # No full stop: a subheading, the title of a video or related story, or a stamp
        # after the sentence ("... on Monday. (Published Monday, Nov. 18, 2019)").
        score -= 3.0
    if (text[-1] == "…" or text.endswith("...")) and _TRAILS_OFF_RE.search(text[-8:]):
        # It breaks off mid-clause ("... you'll be ready for …"): a teaser or a cut quote.
        score -= 3.0
    first = text[:1]
    space = text.find(" ")
    if text[space + 1 : space + 2].isupper() and _in_title_case(text):
        score -= 3.0  # a headline or subheading left in the body, no sentence of the story
    if (text[:space].lower() in _NOTE_OPENERS and _NOTE_RE.match(text)) or (
        text.endswith(_SEE_HERE_ENDS) and _SEE_HERE_RE.search(text)
    ):
        score -= 9.0  # the page's note or its call to the reader, no fact of the story
    if first == "(":
        if _CREDIT_RE.match(text):
            score -= 9.0  # a credit line ("(Additional reporting by ...)"), no fact
        elif _in_brackets(text):
            score -= 1.5  # the writer's aside ("(We never did settle on one ...)")
    if (not full_stop and _asks(text)) or first == "¿" or (
        first == "Q" and text.startswith(("Q: ", "Q. "))
    ):
        # The writer's own question ("Why?", "Por que não temos uma assim?") states nothing;
        # one inside a quote is a source's, speech scored above.
        score -= 1.0 if text.rstrip()[-1:] in _CLOSING_QUOTES else 9.0
    elif (len(text) <= _ELLIPTIC_MAX or first in _SUBORDINATE_INITIALS) and (
        _needs_the_sentence_before(text)
    ):
        score -= 4.0
    if text.count(": ") >= 2 and len(_FIELD_LABEL_RE.findall(text)) >= 2:
        score -= 9.0  # "Tested by: … RRP: £23.99 More info: …": a box of fields, no sentence
    if not _HEDGE_BYTES.isdisjoint(keywords):
        score -= 0.3
    # Every pronoun the pattern knows starts with one of these letters.
    if text[:1] in _PRONOUN_INITIALS and _PRONOUN_START_RE.match(text):
        score -= 0.8  # "They had since been deployed ...": needs the sentence before it
    if (not keywords.isdisjoint(_FIRST_PERSON_BYTES) or "я" in text or "Я" in text) and (
        _first_person(text)
    ):
        # The writer's own voice (an essay, a letter) or a transcript's unquoted speaker:
        # scored as speech is.
        score -= 3.0 if figures and any(f.kind in QUANTITY_KINDS for f in figures) else 9.0
    if words < 8:
        score -= 0.8
    elif words > 55:
        score -= 0.5
    return score


def _fact_speaker(index: _Index, sent: _Sentence) -> str | None:
    speaker = _covering_speaker(index, sent.paragraph, sent.start, sent.end)
    if speaker is None:
        # Only a proper name the sentence gives ("It was South Korea that first claimed ...").
        named = named_source(sent.text)
        if named and any(w[:1].isupper() for w in named.split()):
            speaker = named
    return speaker


@lru_cache(maxsize=16384)
def _content_lemma(word: str) -> str | None:
    """The lemma a content word counts as, None for a common word (per word: words recur)."""
    return None if word.lower() in _COMMON else lemma(word)


# Runs of CJK or Hangul letters: their character pairs stand in for the content words that
# white space does not mark ("商標権侵害" repeats "商標" and "侵害").
_UNSPACED_RUN_RE: Final = re.compile(CJK_CHARS + "{2,}")


# The characters of a content word (``_CONTENT_WORD_RE``'s letter branch) and of a number
# (its number branch), as bytes of a sentence encoded with "’" as DEL (0x7F) and any other
# non-ASCII character as "?": every other byte is blanked, and the split runs hold the words.
_QUOTE_BYTE: Final = "\x7f"
_KEEP_WORD_BYTES: Final = bytes(
    c if chr(c).isascii() and (chr(c).isalpha() or chr(c) in "'-\x7f") else 32 for c in range(256)
)
_KEEP_NUMBER_BYTES: Final = bytes(c if chr(c) in "0123456789,." else 32 for c in range(256))
_NOT_LETTER_BYTES: Final = b"'-\x7f"
_NUMBER_RUN_RE: Final = re.compile(r"\d[\d,.]*")  # _CONTENT_WORD_RE's number branch


@lru_cache(maxsize=16384)
def _lemma_of_word_run(run: bytes) -> str | None:
    """``_content_lemma`` of the word a run of word bytes holds from its first letter on (the
    letter branch's match), None for a run with no such word (fewer than four characters)."""
    word = run.lstrip(_NOT_LETTER_BYTES)
    if len(word) < 4:
        return None
    return _content_lemma(word.decode("ascii").replace(_QUOTE_BYTE, "’"))


@lru_cache(maxsize=4096)
def _lemma_of_number_run(run: bytes) -> str | None:
    """``_content_lemma`` of the number a run of ASCII digits, commas and full stops holds
    from its first digit on, None for a run with no digit."""
    number = run.lstrip(b",.")
    return _content_lemma(number.decode("ascii")) if number else None


def _content_tokens(text: str, digits: bool = True) -> set[str | None]:
    """The lemmas of ``_CONTENT_WORD_RE.findall(text)``, and perhaps None (for a common word,
    or a run of letters too short to be a word). ``digits``: False when the text is known to
    hold no digit.

    A regex match costs more than reading a few bytes: the runs are read by encoding, a
    translate and a split in C, and looked up per run (runs recur; letters and numbers share
    no character, so the two branches' matches never overlap and can be read apart). Digits
    outside ASCII are left to the number branch's regex, and a text that holds DEL itself to
    the whole regex."""
    if _QUOTE_BYTE in text:
        return set(map(_content_lemma, _CONTENT_WORD_RE.findall(text)))
    ascii_only = text.isascii()
    if ascii_only:
        raw = text.encode("ascii")
    else:
        raw = text.replace("’", _QUOTE_BYTE).encode("ascii", "replace")
    words = set(map(_lemma_of_word_run, raw.translate(_KEEP_WORD_BYTES).split()))
    if digits:
        if ascii_only:
            words.update(map(_lemma_of_number_run, raw.translate(_KEEP_NUMBER_BYTES).split()))
        else:
            words.update(map(_content_lemma, _NUMBER_RUN_RE.findall(text)))
    return words


def _content_words(text: str, cjk: bool = False, digits: bool = True) -> set[str]:
    words = _content_tokens(text, digits)
    words.discard(None)
    if cjk:
        for run in _UNSPACED_RUN_RE.findall(text):
            words.update(run[i : i + 2] for i in range(len(run) - 1))
    return words  # type: ignore[return-value]  # None discarded


def _similarity(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _max_similarity(words: set[str], others: Sequence[set[str]], floor: float) -> float:
    """The highest of ``floor`` and the similarities of ``words`` to each of ``others``."""
    best = floor
    for other in others:
        sim = _similarity(words, other)
        if sim > best:
            best = sim
    return best


def extract_facts(
    body: Sequence[str], attributions: Sequence[Attribution], limit: int = 8
) -> list[Fact]:
    """The body's most digest-worthy sentences, best first, each verbatim from its paragraph."""
    if limit <= 0:
        return []
    return _facts(_sentences(body), _index_attributions(attributions, body), limit)


def facts_and_conflicts(
    body: Sequence[str],
    attributions: Sequence[Attribution],
    limit: int = 8,
    *,
    sentences: Sequence[Sequence[tuple[int, int]]] | None = None,
) -> tuple[list[Fact], list[Conflict]]:
    """``extract_facts`` and ``find_conflicts`` together, reading the body once.

    ``sentences``: ``split_sentences`` of each paragraph, when the caller has them already.
    """
    read = _sentences(body, sentences)
    index = _index_attributions(attributions, body)
    facts = _facts(read, index, limit) if limit > 0 else []
    return facts, _conflicts(read, index)


_NO_VALUES: Final[frozenset[tuple[str, float | None]]] = frozenset()

# The score a sentence needs to be a candidate fact at all.
_MIN_CANDIDATE: Final = 0.5


def _facts(
    all_sentences: Sequence[_Sentence],
    index: _Index,
    limit: int,
) -> list[Fact]:
    candidates: list[tuple[_Sentence, float]] = []
    for sent in all_sentences:
        # A sentence ending in a colon introduces what follows ("The Latest on ... (all times
        # local):", "offered their thoughts:"): alone it leaves the reader hanging.
        if sent.words >= 4 and not sent.text.endswith(":"):
            score = _score(sent, _MIN_CANDIDATE)
            if score > _MIN_CANDIDATE:
                candidates.append((sent, score))
    lede = _lede(candidates, all_sentences) if len(candidates) > 1 else -1
    if lede >= 0:
        # The lede tells the story: it goes first, however many figures a later sentence has
        # (a tie goes to the earlier sentence, so one after a headline is put a hair above).
        top = max(score for _, score in candidates)
        if lede:
            top = math.nextafter(top, math.inf)
        candidates[lede] = (candidates[lede][0], max(candidates[lede][1], top))
    # The figures by which a candidate would repeat a chosen fact.
    values = [
        frozenset(
            (f.kind, f.value)
            for f in sent.figures
            if f.kind in QUANTITY_KINDS and f.value is not None
        )
        if sent.figures
        else _NO_VALUES  # most candidates: no figure, and no generator made to say so
        for sent, _ in candidates
    ]
    # Greedy diversity: each round picks the highest adjusted score (the earliest on a tie),
    # where a sentence that repeats a chosen one's words or figures loses ground. A penalty
    # only lowers a score, so candidates are visited best score first and the visit stops
    # once no raw score can beat the best adjusted one; content words and similarities are
    # computed only for the candidates visited.
    # (The sort is stable: candidates with equal scores stay in body order.)
    negated = [-score for _, score in candidates]
    order = sorted(range(len(candidates)), key=negated.__getitem__)
    words: list[set[str] | None] = [None] * len(candidates)
    overlap = [0.0] * len(candidates)  # each candidate's highest similarity to a chosen fact
    seen = [0] * len(candidates)  # how many chosen facts ``overlap`` already accounts for
    taken = [False] * len(candidates)
    chosen: list[tuple[_Sentence, float, set[str]]] = []
    chosen_words: list[set[str]] = []  # their content words, as in ``chosen``
    chosen_values: set[tuple[str, float | None]] = set()
    while len(chosen) < limit:
        best_i, best_adj = -1, float("-inf")
        for i in order:
            if taken[i]:
                continue
            score = candidates[i][1]
            if score < best_adj or (score == best_adj and i > best_i):
                break  # adj <= score: neither this nor any later candidate can win
            mine = words[i]
            if mine is None:
                cand = candidates[i][0]
                mine = words[i] = _content_words(cand.text, cand.cjk, cand.digits)
            if seen[i] < len(chosen):
                overlap[i] = _max_similarity(mine, chosen_words[seen[i] :], overlap[i])
                seen[i] = len(chosen)
            repeats = not values[i].isdisjoint(chosen_values)
            adj = score - 6.0 * max(0.0, overlap[i] - 0.3) - (1.0 if repeats else 0.0)
            if adj > best_adj or (adj == best_adj and i < best_i):
                best_i, best_adj = i, adj
        if best_i < 0 or best_adj <= 0.3:
            break
        taken[best_i] = True
        sent = candidates[best_i][0]
        best_words = words[best_i]
        assert best_words is not None
        chosen.append((sent, best_adj, best_words))
        chosen_words.append(best_words)
        chosen_values.update(
            (f.kind, f.value) for f in sent.figures if f.kind in QUANTITY_KINDS and f.value
        )
    return [_fact(sent, adj, index) for sent, adj, _ in chosen]


# A lede's score falls short of its bonuses by a hedge's, a long sentence's or an opening
# pronoun's penalty at most: a full sentence in the writer's voice, not a quote, a question, a
# fragment or a headline (each of those costs more).
_LEDE_SLACK: Final = 0.8 + 1e-9
# A news lede's length; a headline set as the first paragraph is shorter.
_LEDE_MIN_WORDS: Final = 18
# The share of a headline's content words its lede repeats, at least.
_HEADLINE_OVERLAP: Final = 0.5


def _lede(candidates: Sequence[tuple[_Sentence, float]], sentences: Sequence[_Sentence]) -> int:
    """The index in ``candidates`` (in body order) of the story's lede, -1 for none: the first
    candidate if it is a news lede, or the second when the first is a headline's paragraph
    and the second a news lede opening paragraph 1 that says what the headline says and more.
    A headline's paragraph is the only sentence of paragraph 0, short and with no dateline
    ("Poll: Clinton and Trump in dead heat heading into first debate."); a short lede goes on
    to other words ("The Jupiter moon Europa's elusive and enigmatic water-vapor plumes do
    indeed seem to be real." then "NASA's Hubble Space Telescope has spotted ...")."""
    first = candidates[0][0]
    if _is_news_lede(*candidates[0]):
        return 0
    second = candidates[1][0]
    if (
        first.paragraph == 0
        and second.paragraph == 1
        and first.words < _LEDE_MIN_WORDS
        and not (len(sentences) > 1 and sentences[1].paragraph == 0)
        and not dateline_end(first.text)
        and _is_news_lede(*candidates[1])
        and _similarity(
            _content_words(first.text, digits=first.digits),
            _content_words(second.text, digits=second.digits),
        )
        >= _HEADLINE_OVERLAP
    ):
        return 1
    return -1


def _is_news_lede(sent: _Sentence, score: float) -> bool:
    """Whether the body's first candidate sentence is a news story's lede: the first sentence
    of the first or second paragraph (after a paragraph with no sentence to offer: a language
    menu, a headline), scored with no penalty to speak of, that opens with a dateline
    ("MADRID — ...", "(Reuters) — ...") or runs to a lede's length in sentence case. A short
    headline left as the first paragraph ("Cruz tops Trump in North Dakota delegate race.")
    is no lede: the lede after it says the same and more."""
    if sent.index != 0 or sent.paragraph > 1:
        return False
    if score < _score(sent, math.inf) - _LEDE_SLACK:
        return False  # (with an infinite floor, _score gives the bonuses alone)
    if dateline_end(sent.text):
        return True
    if sent.words < _LEDE_MIN_WORDS:
        return False
    words = sent.text.split()
    return sum(w[:1].isupper() for w in words) * 2 < len(words)


def _fact(sent: _Sentence, adj: float, index: _Index) -> Fact:
    """The fact a chosen sentence gives: without the dateline a story's first sentence may
    open with ("WASHINGTON (Reuters) - "), which is the story's, not the fact's."""
    cut = dateline_end(sent.text) if sent.index == 0 else 0
    text = sent.text[cut:]
    figures = sent.figures if not cut else [f for f in sent.figures if f.start >= cut]
    return Fact(
        text=text,
        figures=tuple(f.text for f in figures),
        paragraph=sent.paragraph,
        speaker=_fact_speaker(index, sent),
        score=round(adj, 3),
    )


# --- conflicts ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Count:
    key: str
    surface: str
    modifier: str | None
    owner: str | None  # whose group it counts: "Washington state’s 44 delegates"
    figure: str
    value: float
    speaker: str | None
    paragraph: int
    estimate: bool  # hedged or estimated ("about 3,000", "claimed", "an estimated 40")


def _counts(sentences: Sequence[_Sentence], index: _Index) -> list[_Count]:
    """The sourced counts of things that may conflict, in body order.

    A thing counted with fewer than two different values, or one that is never a conflict
    (units, people with no event), cannot make one: its counts skip the costly search for
    who gives them.
    """
    found: list[tuple[_Sentence, Figure, CountedNoun]] = []
    values: dict[str, set[float]] = {}
    for sent in sentences:
        for fig in sent.figures:
            if fig.kind != "count" or fig.value is None:
                continue
            noun = counted_noun(sent.text, fig)
            if noun is None:
                continue
            found.append((sent, fig, noun))
            values.setdefault(noun.key, set()).add(fig.value)
    keys = {
        key
        for key, vals in values.items()
        if len(vals) > 1 and key not in _UNIT_NOUNS and key not in _PEOPLE
    }
    out: list[_Count] = []
    per_sentence: dict[int, tuple[list[tuple[int, int, str]], bool]] = {}
    for sent, fig, noun in found:
        if noun.key not in keys or _is_target(sent.text, fig.start):
            continue
        cached = per_sentence.get(id(sent))
        if cached is None:
            cached = per_sentence[id(sent)] = (
                _sources(sent.text),
                bool(_ESTIMATE_RE.search(sent.text)),
            )
        sources, estimate = cached
        # Who gives this figure: an attribution around it, a source named next to it,
        # an attribution of the sentence, then any source the sentence names.
        at = sent.start + fig.start
        speaker = _covering_speaker(index, sent.paragraph, at, at + len(fig.text))
        if speaker is None:
            speaker = _source_near(sources, fig.start, fig.end)
        if speaker is None:
            speaker = _covering_speaker(index, sent.paragraph, sent.start, sent.end)
        value = fig.value
        assert value is not None
        out.append(
            _Count(
                key=noun.key,
                surface=noun.surface,
                modifier=noun.modifier,
                owner=_owner_before(sent.text, fig.start),
                figure=fig.text,
                value=value,
                speaker=speaker,
                paragraph=sent.paragraph,
                estimate=estimate,
            )
        )
    return out


# A count set as a goal or a limit ("its goal of accepting 10,000 refugees", "a cap of 500
# troops", "plans to admit 3,000"): what someone aims at, not a count of what happened, so no
# rival to a source's count of it.
_TARGET_BEFORE_RE: Final = re.compile(
    r"\b(?:(?:goal|target|limit|cap|ceiling|quota)s?\s+(?:of|to|was|is)"
    r"|(?:aim|plan|pledge|promise|vow|intend|hope|seek|want)(?:s|ed|ing)?\s+to)"
    r"(?:\s+[a-z]+(?:ing|e|t|d)?){0,2}\s+(?:up\s+to\s+|about\s+|some\s+)?$",
    re.IGNORECASE,
)


def _is_target(sentence: str, at: int) -> bool:
    """Whether the count at ``at`` is set as a goal or a limit (``_TARGET_BEFORE_RE``)."""
    return _TARGET_BEFORE_RE.search(sentence, max(0, at - 50), at) is not None


def _subject(key: str, counts: Sequence[_Count]) -> str:
    if key in _GROUP_LABELS:
        return _GROUP_LABELS[key]
    surfaces = Counter(c.surface.lower() for c in counts)
    surface = surfaces.most_common(1)[0][0]
    modifiers = Counter(c.modifier for c in counts if c.modifier)
    if modifiers:
        return f"{modifiers.most_common(1)[0][0]} {surface}"
    return surface


# A possessive right before a count: "Washington state’s 44 delegates", "the party's 12".
_OWNER_RE: Final = re.compile(r"(\w[\w.-]*)[’']s\s+$")


def _owner_before(sentence: str, at: int) -> str | None:
    m = _OWNER_RE.search(sentence, max(0, at - 40), at)
    return m.group(1).casefold() if m else None


def _subgroups(counts: list[_Count]) -> list[list[_Count]]:
    """Split counts whose noun phrases name different groups ("Russian" vs "North Korean"),
    and counts of one owner's group ("Washington state’s 44 delegates") from any other's: a
    total of a group is no figure for the whole."""
    if any(c.owner for c in counts):
        by_owner: dict[str | None, list[_Count]] = {}
        for c in counts:
            by_owner.setdefault(c.owner, []).append(c)
        if len(by_owner) > 1:
            return [sub for group in by_owner.values() for sub in _subgroups_by_modifier(group)]
    return _subgroups_by_modifier(counts)


def _subgroups_by_modifier(counts: list[_Count]) -> list[list[_Count]]:
    # A lowercase modifier narrows the group ("7,500 elite troops" overseas are not "5,500
    # troops" in Afghanistan); a proper one ("North Korean") may go unsaid in another count.
    scopes = {c.modifier for c in counts if c.modifier and c.modifier.islower()}
    if scopes:
        by_scope: dict[str | None, list[_Count]] = {}
        for c in counts:
            scope = c.modifier if c.modifier in scopes else None
            by_scope.setdefault(scope, []).append(c)
        if len(by_scope) > 1:
            return [sub for group in by_scope.values() for sub in _by_proper_modifier(group)]
    return _by_proper_modifier(counts)


def _by_proper_modifier(counts: list[_Count]) -> list[list[_Count]]:
    modifiers = {c.modifier.casefold() for c in counts if c.modifier}
    if len(modifiers) <= 1:
        return [counts]
    by_mod: dict[str | None, list[_Count]] = {}
    for c in counts:
        by_mod.setdefault(c.modifier.casefold() if c.modifier else None, []).append(c)
    return list(by_mod.values())


def _disagree(counts: Sequence[_Count], key: str, disputed: bool = False) -> bool:
    """Two sources, different figures; for everyday nouns both must read as estimates,
    unless the article says a figure is disputed ("the figure was far too low")."""
    if key in _UNIT_NOUNS or key in _PEOPLE:
        return False  # "270 people" and "2,880 people" are rarely the same people
    eligible = [c for c in counts if disputed or key in _TOLL_GROUPS or c.estimate]
    # Is there a pair with different values and not the same source (two speakers, equal
    # casefolded)? Found without trying every pair: with two values or more, a count without
    # a speaker differs from some other count; and if every pair with different values had
    # one speaker, all counts would have it.
    if len({c.value for c in eligible}) < 2:
        return False
    speakers: set[str] = set()
    for c in eligible:
        if c.speaker is None:
            return True
        speakers.add(c.speaker.casefold())
    return len(speakers) > 1


# "Opponents said the figure was far too low", "the group disputed those numbers".
_DISPUTED_RE: Final = re.compile(
    r"\b(?:figures?|numbers?|estimates?|counts?|tally|toll)\s+(?:was|were|is|are)\s+"
    r"(?:(?:far|much|way|wildly|grossly|greatly)\s+)?(?:too\s+)?"
    r"(?:low|high|inflated|exaggerated|wrong|understated|overstated|an?\s+(?:under|over)count)\b"
    r"|\b(?:disput|contest|reject|challeng)\w*\s+(?:the|that|this|those|these|its|their)\s+"
    r"(?:[\w'’]+\s+)?(?:figures?|numbers?|estimates?|counts?|tally)\b",
    re.IGNORECASE,
)


# Every match of _DISPUTED_RE holds one of these words (in lower case).
_DISPUTE_WORDS: Final = ("figure", "number", "estimate", "count", "tally", "toll")


def _says_disputed(sentence: str) -> bool:
    low = sentence.lower()
    # Every match holds one of these words: most sentences are ruled out without the regex.
    if not any(w in low for w in _DISPUTE_WORDS):
        return False
    return _DISPUTED_RE.search(sentence) is not None


def _disputed_paragraphs(sentences: Sequence[_Sentence]) -> set[int]:
    """The paragraphs with a sentence that says a figure is disputed."""
    # A sentence's lower case is its paragraph's lower case there, so a body that holds none
    # of the words in lower case (most) has no such sentence: one scan, not one per sentence.
    low = "\n".join(s.text for s in sentences).lower()
    if not any(w in low for w in _DISPUTE_WORDS):
        return set()
    return {s.paragraph for s in sentences if _says_disputed(s.text)}


def find_conflicts(body: Sequence[str], attributions: Sequence[Attribution]) -> list[Conflict]:
    """Groups of counts of the same thing where two named sources give different figures."""
    return _conflicts(_sentences(body), _index_attributions(attributions, body))


def _conflicts(sentences: Sequence[_Sentence], index: _Index) -> list[Conflict]:
    groups: dict[str, list[_Count]] = {}
    for c in _counts(sentences, index):
        if c.speaker:  # an unsourced figure is the article's own, not a source's claim
            groups.setdefault(c.key, []).append(c)
    conflicts: list[Conflict] = []
    disputes: set[int] | None = None  # paragraphs that say a figure is disputed
    for key, all_counts in groups.items():
        for counts in _subgroups(all_counts):
            if not _disagree(counts, key):
                if disputes is None:
                    disputes = _disputed_paragraphs(sentences)
                near = any(p in disputes for c in counts for p in (c.paragraph, c.paragraph + 1))
                if not (near and _disagree(counts, key, disputed=True)):
                    continue
            claims: list[Claim] = []
            seen: set[tuple[float, str | None]] = set()
            for c in counts:
                ident = (c.value, c.speaker.casefold() if c.speaker else None)
                if ident not in seen:
                    seen.add(ident)
                    claims.append(Claim(figure=c.figure, speaker=c.speaker, paragraph=c.paragraph))
            conflicts.append(Conflict(subject=_subject(key, counts), claims=tuple(claims)))
    return conflicts
