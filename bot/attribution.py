"""Attribution extraction: who said what, from an article's paragraphs.

Rules, no model: a quote-mark state machine per paragraph, a lexicon of reporting and
cognition verbs, "according to", headline colons, subject/verb inversion ("said X"),
and speaker phrases parsed and resolved by ``bot.speakers``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, islice, takewhile
from operator import itemgetter

from bot.attrib_bounds import clip_end
from bot.attrib_model import CandidateView, cue_offset, features, load_model
from bot.cue_forms import IRREGULAR as _IRREGULAR
from bot.cue_forms import WEAK_IRREGULAR as _WEAK_IRREGULAR
from bot.cue_forms import inflect
from bot.datelines import dateline_end
from bot.model import Attribution, Kind
from bot.sentences import split_sentences
from bot.social_posts import embedded_posts, post_text_span
from bot.speaker_guard import CHANNEL_NOUNS, honest_speakers, is_not_a_speaker, tidy_speaker
from bot.speakers import (
    DETERMINERS,
    ORG_NOUNS,
    ORG_STEMS,
    PEOPLE,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_TITLES,
    SEX_NOUNS,
    SpeakerPhrase,
    asks_sex,
    complete_surnames,
    is_caption,
    named_before,
    parse_speaker,
    resolve,
    wordset,
)

# Reporting, cognition and evidence verbs (PolNeAR counts beliefs and polls too).
_REGULAR = """add note argue claim announce report suggest explain acknowledge declare reply
respond insist warn state assert contend admit concede confirm deny reveal disclose
observe remark complain boast recall estimate conclude testify allege maintain stress
emphasize emphasise mention predict tweet post believe fear hope worry doubt expect
agree indicate point promise pledge vow threaten urge ask demand question speculate
caution counter propose recommend imply charge accuse blame criticize criticise praise
joke quip muse reason retort acknowledge affirm announce assure complain continue
clarify inform advise signal hint opine proclaim reckon surmise suspect guess figure
lament tout describe dismiss reject insist shout scoff gloat chant exclaim answer yell
scream wonder press"""


_BASES = frozenset(_REGULAR.split()) | frozenset(_IRREGULAR)


CUE_VERBS: frozenset[str] = frozenset(
    w
    for base in list(_IRREGULAR) + _REGULAR.split()
    for w in inflect(base)
) - {"posting", "pointing", "figuring", "charging", "holding", "reading", "ask",
     "point", "charge", "post", "figure", "question", "state", "hold", "read", "counter",
     "continue", "signal", "guess", "reason", "doubt", "fear", "hope", "worry", "show",
     "find", "know", "feel", "report", "note", "tweet", "claim", "estimate",
     "promise", "pledge", "vow", "praise", "blame", "demand"}
# Stance, evaluation and intention verbs PolNeAR also annotates ("Bush called Trump
# 'unhinged'", "aides declined to comment", "polls show ..."): mined from annotated news as
# cue words frequent across documents. Tried last, only where no stronger verb is found;
# the learned filter weighs them (feature how=weak).
_WEAK_REGULAR = """call cite defend attack want oppose refuse support offer discuss blast
express list name order decline reiterate portray liken denounce condemn detail invoke
interject voice thank repeat applaud highlight congratulate aim echo remind outline utter
unveil underscore reference advocate promote issue realize mock challenge prefer encourage
focus push identify request learn decide intend consider hope fear doubt worry show know
find view deride decry bemoan chide rail recount acquiesce embrace dislike disagree accept
welcome celebrate"""
WEAK_VERBS: frozenset[str] = frozenset(
    w for base in list(_WEAK_IRREGULAR) + _WEAK_REGULAR.split()
    for w in (
        {base, *_WEAK_IRREGULAR[base]} if base in _WEAK_IRREGULAR else inflect(base)
    )
) - {"support", "offer", "offers", "view", "views", "plan", "aim", "aims", "focus", "push",
     "pushes", "attack", "attacks", "order", "orders", "list", "lists", "name", "names",
     "issue", "issues", "back", "backs", "call", "decline"} | CUE_VERBS
# Speech verbs proper: tried first; cognition/evidence verbs only where none of these is.
STRONG_VERBS = frozenset(
    w for base in ("say", "tell", "add", "write", "note", "argue", "claim", "explain",
                   "insist", "warn", "acknowledge", "declare", "reply", "respond", "state",
                   "announce", "tweet", "admit", "contend", "assert", "continue", "recall",
                   "stress", "emphasize", "testify", "allege", "maintain", "concede",
                   "complain", "predict", "report", "suggest", "confirm", "deny")
    for w in inflect(base)
) & CUE_VERBS
# Verbs that take a hearer before the content ("told reporters that ...").
HEARER_VERBS = frozenset(
    {"told", "tells", "tell", "telling", "informed", "informs", "assured", "assures",
     "warned", "warns", "urged", "urges", "asked", "asks", "advised", "reminded"}
)
_AUX = wordset(
    """has have had also later previously repeatedly would will did does do not never
    publicly recently once then quickly even often already again reportedly has long
    since first initially further privately told simply just flatly bluntly openly
    frequently has been was is were are had been could might may should can may tersely
    angrily falsely wrongly rightly correctly still now"""
)
_BOUNDARY_WORDS = wordset(
    """that and but because when while as if after before although though since so where
    whether than or nor yet unless until once said says"""
)
_ADJUNCT_STARTS = wordset(
    """in on at during to of from after before last this on monday tuesday wednesday
    thursday friday saturday sunday yesterday today recently later earlier then also
    afterward afterwards told while when as about via through by with"""
)
_TIME_WORDS = wordset(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
    week month year morning night evening afternoon weekend"""
)
_QUOTE_CHARS = "\"“”"
# Abbreviations first ("U.S.", the "F." of "John F. Kennedy", "Sen."), then words and
# punctuation. Most tokens are a word followed by none of ’'&.- : the first branch takes
# them whole (no abbreviation branch can match one), and the look-ahead lets most other
# words skip the abbreviation branches at once: each needs a letter and a full stop, or a
# capital and a lower-case letter.
_TOKEN = re.compile(
    r"\w++(?![’'&.-])|(?=[A-Za-z]\.|[A-Z][a-z])(?:(?:[A-Za-z]\.){2,}|[A-Z]\.(?=\s[A-Z])|(?:Mr|Mrs|Ms|Dr|Sen|Sens"
    r"|Rep|Reps|Gov|Gen|St|Jr|Sr|Lt|Col|Fr|Rev|Prof|Capt|Maj|Adm|Sgt|Cpl|Pvt|Cmdr|Supt|Det)\.)"
    r"|\w+(?:[’'&.-]\w+)*(?:[’']s?)?|[^\w\s]"
)


@dataclass(slots=True)
class _Cand:
    speaker_text: str
    cue: str
    pieces: list[tuple[int, int]]
    paragraph: int
    post: bool = False  # content came before the cue: a following bare quote continues it
    how: str = "pre"  # which rule found it: pre, post, inv, acc_pre, acc_post, colon


_QUOTE_MARK = re.compile("[“”\"]")


_FEET_INCHES = re.compile(r"\d[’']\d{1,2}$")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of double-quoted stretches, quote marks included.

    Curly marks say which way they face; straight ones toggle. An unclosed quote runs to
    the paragraph's end (multi-paragraph quotes repeat only the opening mark).
    """
    if '"' not in text and "“" not in text and "”" not in text:
        return []  # no mark: most paragraphs (three substring tests cost less than a regex)
    spans: list[tuple[int, int]] = []
    start: int | None = None
    skip = -1
    attr_end = -1
    for m in _QUOTE_MARK.finditer(text):
        i, ch = m.start(), m.group(0)
        if i <= attr_end:
            continue
        if ch == '"' and start is None and i and text[i - 1] == "=":
            # An attribute value in markup pasted with the text ('<tweet author="@x">'):
            # its marks quote no one.
            attr_end = text.find('"', i + 1)
            if attr_end >= 0:
                continue
        if i == skip or (ch != "“" and i and text[i - 1].isdigit() and (
                start is None or _FEET_INCHES.search(text, max(0, i - 8), i))):
            continue  # an inch mark: 'he's like 6’2”', 'a 34" screen'
        if ch == "“" and start is not None and not text[i + 1 : i + 2].strip():
            # An opening mark with nothing after it ('... this link .“' at a paragraph's
            # end, or before a space) opens nothing: a mistyped closing mark.
            spans.append((start, i + 1))
            start = None
        elif ch == "“" or (ch == '"' and start is None) or (
                ch == "”" and start is None and _opens_paragraph(text, i)):
            if start is None:
                start = i
            elif ch == "“" and i != start + 1:  # "““" is one doubled (NYT-style) mark
                start = i  # a stray opener: restart
        elif ch in "”\"" and start is not None:
            end = i + 2 if text[i + 1 : i + 2] == "”" else i + 1
            spans.append((start, end))
            skip = end - 1
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


_span_start = itemgetter(0)


# Characters that print nothing: bidi marks pasted from social posts, zero-width spaces.
_INVISIBLE = " \t\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"


def _opens_paragraph(text: str, i: int) -> bool:
    """The mark at ``i`` stands first in the paragraph with another mark after it: a
    closing mark there closes nothing ('”Sorry Sarah, ...!!” posted X.'), so it was
    typed for an opening one."""
    # (i < 8: a few invisible marks at most before it, and no slice of a long paragraph)
    return i < 8 and not text[:i].strip(_INVISIBLE) and _QUOTE_MARK.search(text, i + 1) is not None


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    # Sorted and disjoint: only the last span starting at or before pos can hold it. A
    # bisection, not a scan, because a paragraph of many quotes asks this at every stop.
    if not spans:
        return False
    i = bisect_right(spans, pos, key=_span_start)
    if not i:
        return False
    s, e = spans[i - 1]
    return pos < e - 1 or s == pos


def _units(text: str, quotes: Sequence[tuple[int, int]],
           sentences: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentences (``split_sentences(text)`` unless given), merged so that no quote is cut by
    a unit boundary."""
    units: list[tuple[int, int]] = []
    for s, e in split_sentences(text) if sentences is None else sentences:
        if units and _within_quote(s, quotes) and not _starts_quote(text, s, quotes):
            units[-1] = (units[-1][0], e)
        elif units and _ends_quoted_question(text, units[-1][1]) and not _starts_quote(
            text, s, quotes
        ) and "\n" not in text[units[-1][1] : s] and any(
            w in CUE_VERBS for w in _WORD_RE.findall(text[s : min(e, s + 60)])[:8]
        ):
            # '"Why not?" Hannity asked.' is one unit; a line break after the quote ends it
            units[-1] = (units[-1][0], e)
        else:
            units.append((s, e))
    return units


def _ends_quoted_question(text: str, end: int) -> bool:
    """text[:end] ends '?"' or '!"' (or a doubled NYT-style '?””'), not '."'; a quote
    within the quote may close with it ('say, \'Where can we steal it?\'"')."""
    if end < 2 or text[end - 1] not in "”\"":
        return False
    before = end - 3 if text[end - 2] == "”" else end - 2
    if before > 0 and text[before] in "’'":
        before -= 1
    return before >= 0 and text[before] in "?!"


def _starts_quote(text: str, pos: int, quotes: Sequence[tuple[int, int]]) -> bool:
    return bool(_quotes_opening_at(pos, quotes))


def _quotes_opening_at(pos: int, quotes: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The quotes (sorted, disjoint) whose opening mark is at pos."""
    i = bisect_left(quotes, pos, key=_span_start)
    return list(takewhile(lambda q: q[0] == pos, islice(quotes, i, None)))


def _within_quote(pos: int, quotes: Sequence[tuple[int, int]]) -> bool:
    """Some quote opens before pos and closes after pos + 1 (its closing mark not at pos)."""
    i = bisect_left(quotes, pos, key=_span_start)  # quotes[:i] open before pos
    return bool(i) and pos < quotes[i - 1][1] - 1


_Match = re.Match[str]

def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " ,;:—–-":
        s += 1
    while e > s and text[e - 1] in " ,;:—–-":
        e -= 1
    return s, e


def _in_number(toks: list[_Match], k: int) -> bool:
    """Whether the comma at toks[k] groups a number's digits ("40,000"): no clause ends there."""
    return (
        0 < k < len(toks) - 1
        and toks[k - 1][0].isdigit()
        and toks[k + 1][0].isdigit()
        and toks[k - 1].end() == toks[k].start()
        and toks[k].end() == toks[k + 1].start()
    )


def _subject_left(toks: list[_Match], i: int) -> tuple[int, int] | None:
    """Token range [a, b) of the subject phrase ending before the verb at toks[i]."""
    b = i
    while b > 0 and (
        toks[b - 1][0].lower() in _AUX
        or (toks[b - 1][0].endswith("ly") and toks[b - 1][0].islower())
        or toks[b - 1][0].lower() in _TIME_WORDS
    ):
        b -= 1
        if b > 0 and toks[b][0].lower() in _TIME_WORDS and toks[b - 1][0].lower() in (
            "last", "this", "next", "on", "earlier", "later"
        ):
            b -= 1
    b = _with_its_time(toks, b, i)
    a = b
    long_name = False  # the subject is an organisation's name with "and" in it
    while a > 0:
        t = toks[a - 1][0]
        low = t.lower()
        if (t in ",;:()[]—–-" or t in _QUOTE_CHARS or low in _BOUNDARY_WORDS or t in "?!") and (
            t != "," or not _in_number(toks, a - 1)
        ):
            if a < b and (chain := _name_chain_start(toks, a)) < a:
                # "the Department of Health and Human Services": one name, and the subject
                # (what comes before it would be judged as a subject of its own)
                a, long_name = chain, True
                while a > 0 and toks[a - 1][0][:1].isupper() and toks[a - 1][0][:1].isalpha():
                    a -= 1  # "the Chinese Center for Disease Control and Prevention"
                while a > 0 and toks[a - 1][0].lower() in DETERMINERS:
                    a -= 1
            break
        a -= 1
    if a == b and b > 2 and toks[b - 1][0] in "-—–":
        # "The justice -- who has been in a scuffle with him -- said": the subject is
        # before the dashed insertion.
        d = b - 2 if toks[b - 2][0] == toks[b - 1][0] == "-" else b - 1
        j = d - 1
        while j > 0 and d - j < 30 and toks[j][0] not in "-—–;:" + _QUOTE_CHARS:
            j -= 1
        if j > 0 and toks[j][0] in "-—–" and d - j >= 3:
            if toks[j - 1][0] == toks[j][0] == "-":
                j -= 1
            r = _subject_left(toks, j)
            if r is not None and r[1] - r[0] <= 6 and toks[r[0]][0].lower() not in _BAD_FIRST:
                return r
        return None
    if a == b and b > 1 and toks[b - 1][0] in ("and", "but"):
        # "The senator survived ... and says X": the clause's subject speaks.
        return _clause_np(toks, b - 1)
    if a == b and b > 1 and toks[b - 1][0] == ",":
        # "X, who has long argued this, said" / "X, a spokesman for Y, said": the subject
        # is the name before the inserted clause, kept with it as written.
        j = b - 2
        while j > 0 and b - j < 30 and toks[j][0] not in ",;:()" + _QUOTE_CHARS:
            j -= 1
        if j > 0 and toks[j][0] == "," and b - j >= 3:
            r = _subject_left(toks, j)
            if r is not None and r[1] - r[0] <= 6 and toks[r[1] - 1][0][0].isupper() and (
                    toks[r[0]][0].lower() not in _BAD_FIRST):
                return _with_partner(toks, r[0]), b - 1
        # "Brianne Stone, 29, of Huntsville, Ala., says", "Clinton, during a town hall in
        # Columbus, Ohio, said": the clause opens with the subject, the rest is inserted.
        r = _clause_np(toks, b - 1, to_comma=True)
        if r is not None and r[1] < b - 1 and not _inserts_a_clause(toks, r[1], b - 1):
            return r[0], b - 1
        return None
    if a == b:
        return None
    if a > 1 and toks[a - 1][0] == "and" and toks[a][0].lower() in _BACK_POSSESSIVES:
        a = _partner_before(toks, a)  # "he and his wife Kali explained": both speak
    # Keep the subject short: the last 9 tokens at most (a long name aside).
    if b - a > 9 and not long_name:
        return None
    # Leading adverbials cut by no comma: "On Tuesday the senator" -> keep it.
    return a, b


# A subject set off before an inserted clause may run long ("A logistics manager at a Los
# Angeles importer, who asked not to be named ..., said"), if it is a plain noun phrase.
_LONG_NP = 10


def _plain_np(words: list[str]) -> bool:
    """Words with no verb and no clause in them: no finite or auxiliary verb, contraction,
    relative word, or past form after a word that is not a determiner ("Facebook created
    the tool", not "a retired teacher")."""
    for k, w in enumerate(words):
        low = w.lower()
        if low in _FINITE_OR_AUX or low in _RELATIVES or low == "that" or _CONTRACTION.match(w) or (
                k and w.islower() and _past_verb(low) and words[k - 1].lower() not in DETERMINERS):
            return False
    return True


# Bodies whose names list their remits with "and": "Department of Health and Human
# Services", "Center for Economic and Policy Research" (a university "of Chicago and"
# goes on to another name).
_CHAIN_ORGS = wordset("""ministry department office agency bureau committee council
    commission institute center centre administration association foundation board service""")


def _name_chain_start(toks: list[_Match], a: int) -> int:
    """Where an organisation's name with "and" or commas in it starts, when the subject at
    toks[a] ends it ("Department of Health and | Human Services", "Ministry of Housing,
    Communities and | Local Government"): the capitalised chain must open with an
    organisation's noun and "of" or "for". Else ``a``."""
    if a < 2 or toks[a - 1][0] not in ("and", "&") or not toks[a][0][:1].isupper():
        return a
    j = a - 1
    while j > 0:
        w = toks[j - 1][0]
        if w[:1].isupper() or w in ("of", "for", "and", "&") or (
                w == "," and j >= 2 and toks[j - 2][0][:1].isupper()
                and toks[j][0][:1].isupper()):
            j -= 1
        else:
            break
    words = [t[0] for t in toks[j:a]]
    for k in range(1, len(words) - 1):
        if words[k] in ("of", "for") and words[k - 1].lower() in _CHAIN_ORGS and (
                words[k + 1][:1].isupper()):
            return j + k - 1
    return a


_BACK_POSSESSIVES = wordset("his her their")
_DEMONSTRATIVES = wordset("this that these those it which")


def _partner_before(toks: list[_Match], a: int) -> int:
    """Where a subject "his wife Kali" at toks[a] starts when "and" joins it to the person
    the possessive points back to: "he and his wife", "Ann Lee and her husband"."""
    j = a - 1  # at "and"
    while j > 0 and a - 1 - j < 4 and toks[j - 1][0][:1].isalpha() and (
            toks[j - 1][0].lower() not in _BOUNDARY_WORDS):
        j -= 1
    if j == a - 1 or (j > 0 and toks[j - 1][0] != ","):
        return a
    first = toks[j][0]
    # A person: a pronoun, a name, or "the mayor" (the walk took words only).
    return j if first.lower() in ("he", "she", "they", "the") or first[:1].isupper() else a


def _with_partner(toks: list[_Match], a: int) -> int:
    """Where a subject starting at toks[a] starts when a partner set off the same way comes
    before it ("Ann Lee, a harbour master, and | Tom Bell, a pilot, said": both speak)."""
    if a < 3 or toks[a - 1][0] != "and" or toks[a - 2][0] != ",":
        return a
    j = a - 3
    while j > 0 and a - j < 30 and toks[j][0] not in ",;:()" + _QUOTE_CHARS:
        j -= 1
    if j <= 0 or toks[j][0] != "," or a - 2 - j < 2 or toks[j + 1][0][:1].isupper():
        return a  # the words set off are a role ("a harbour master"), not another name
    r = _subject_left(toks, j)
    if r is None or r[1] - r[0] > 6 or not toks[r[1] - 1][0][:1].isupper() or (
            toks[r[0]][0].lower() in _BAD_FIRST):
        return a
    return r[0]


_OBJECT_OPENERS = wordset("the a an his her its their our my this these those")


def _inserts_a_clause(toks: list[_Match], a: int, b: int) -> bool:
    """The words toks[a:b] set off by commas after a subject hold a clause of their own: a
    part opening with a past verb and its object ("Another diplomat, Kurt Volker, shifted
    his account to say Sondland did, in fact, discuss ..."). A participle set off there
    takes no object ("Ralph Nader, still excoriated by Democrats, says")."""
    return any(toks[k - 1][0] == "," and _past_verb(toks[k][0]) and toks[k][0].islower()
               and toks[k + 1][0].lower() in _OBJECT_OPENERS for k in range(a + 1, b - 1))


_PUBLISHED = wordset("out released published filed conducted taken issued posted")


def _with_its_time(toks: list[_Match], b: int, i: int) -> int:
    """The subject's end when a day goes with a participle in it: "A poll released Friday
    shows", "A court document filed Thursday says" (not "Trump on Friday said")."""
    if not 0 < b < i or toks[b - 1][0] not in _PUBLISHED:
        return b
    k = b
    while k < i and toks[k][0].lower() in _TIME_WORDS:
        k += 1
    return k


def _clause_np(toks: list[_Match], end: int, *, to_comma: bool = False,
               ) -> tuple[int, int] | None:
    """The noun phrase opening the clause that runs to toks[end] (the unit's start, or
    after a leading conjunction or a short adverbial cut off by a comma). ``to_comma``:
    the phrase is all of the clause before its first comma."""
    k = end
    while k > 0 and end - k < 40 and toks[k - 1][0] not in ";:—–-()" + _QUOTE_CHARS:
        k -= 1
    if k > 0 and toks[k - 1][0] not in "—–-":
        return None  # a dateline's dash ("SELMA, Ala. — Trump, ..., said") opens a clause
    lead = toks[k][0].lower()
    if lead == "as" and k + 1 < end and toks[k + 1][0].lower() in ("a", "an"):
        return None  # "As a white label, ...": a role the sentence's subject plays
    if lead in _BOUNDARY_WORDS:
        k += 1
    if k < end and (lead in ("when", "while", "after", "before") or (
            len(lead) > 4 and lead.endswith("ed") and toks[k][0][:1].isupper())):
        # "When asked about it, he ...", "Asked on Monday whether ..., Mrs. Clinton ...":
        # a participial lead, cut off by its last comma.
        comma = next((m for m in range(end - 1, max(k, end - 30), -1) if toks[m][0] == ","),
                     None)
        if comma is None:
            return None
        k = comma + 1
    elif k < end and toks[k][0].lower() in _ADJUNCT_STARTS:
        comma = next((m for m in range(k + 1, min(end, k + 10)) if toks[m][0] == ","), None)
        if comma is None:
            return None
        k = comma + 1
    words = [x[0] for x in toks[k:end]]
    n = words.index(",") if to_comma and "," in words else 0 if to_comma else _np_prefix(words)
    if not n and not to_comma and words and words[0] in _PERSONAL:
        n = 1  # "..., he laughed and said": a lower-case pronoun is the whole phrase
    if not n or n > (_LONG_NP if to_comma else 7) or (n > 7 and not _plain_np(words[:n])) or (
            not _is_nounish(words[:n])) or not (
            words[0][0].isupper() or words[0].lower() in DETERMINERS
            or (n == 1 and words[0].lower() in _PERSONAL)):  # "he laughed and said
        return None
    first, last = words[0].lower(), words[n - 1]
    if (len(first) > 4 and first.endswith(("ed", "ing", "ly"))) or last.endswith(("’s", "'s")) or (
            first in _SENTENCE_ADVERBS or first in _BAD_FIRST):
        return None  # "Asked about it, ...", "Outside, ...", "Mr. Obama's aides"
    if not to_comma:
        # "The senator survived ... and says": the phrase must be followed by its verb.
        m = k + n
        while m < end and (toks[m][0].lower() in _AUX or toks[m][0].endswith("ly")):
            m += 1
        verb = toks[m][0] if m < end else ""
        if not (verb.islower() and (verb.endswith(("ed", "s")) or verb in _PAST_ONLY
                                    or verb in _STRONG_PAST)):
            return None
    return k, k + n


_SENTENCE_ADVERBS = wordset(
    """outside inside beyond just meanwhile however still instead now here there indeed
    moreover also so then thus nonetheless nevertheless separately similarly overall
    finally first second third today yesterday tonight again besides otherwise""")


def _quote_subject(toks: list[_Match], i: int, quotes: Sequence[tuple[int, int]],
                   ) -> tuple[int, int, tuple[int, int]] | None:
    """'"QUOTE," Name (D-Nev.), 67, a retired nurse, said': speaker tokens [a, b), quote."""
    # The quote is one that opens before the verb and closes after the unit's start (at
    # its quote mark, a token of the unit): with none, there is nothing to look for.
    verb_at, unit_start = toks[i].start(), toks[0].start()
    # Sorted and disjoint, the quotes opening before the verb close in order: the last of
    # them closes last.
    q = bisect_left(quotes, verb_at, key=_span_start)
    if not q or quotes[q - 1][1] <= unit_start:
        return None
    b = i
    while b > 0 and (toks[b - 1][0].lower() in _AUX or (
            toks[b - 1][0].endswith("ly") and toks[b - 1][0].islower())):
        b -= 1
    if b > 0 and toks[b - 1][0] == ",":
        b -= 1
    q = b - 1
    depth = 0  # inside "(R-Fla.)" a full stop ends no sentence
    while q >= 0 and b - q <= 40 and toks[q][0] not in _QUOTE_CHARS and (
            toks[q][0] not in ".;!?" or depth > 0 or toks[q + 1][0] == ","):
        # (nor does the stop of "Allentown, Pa., said": a comma follows it)
        depth += (toks[q][0] == ")") - (toks[q][0] == "(")
        q -= 1
    if q < 1 or q + 1 >= b or toks[q][0] not in "”\"" or toks[q - 1][0] not in ",?!.—–-”":
        return None
    piece = next(((qs, qe) for qs, qe in quotes if qs < toks[q].start() < qe), None)
    if piece is None:
        return None
    if _titled_quote(toks[0].string, *piece):
        return None  # 'on CBS's "Face the Nation," Ryan said ...': a title, not the content
    seg_end = next((k for k in range(q + 1, b) if toks[k][0] in ",("), b)
    words = [x[0] for x in toks[q + 1 : seg_end]]
    if any(w in STRONG_VERBS for w in words):
        return None  # '"A," Trump said, after B said ...': the first verb is the cue
    if not words or len(words) > 8 or not _is_nounish(words) or not (
        words[0][0].isupper() or words[0].lower() in DETERMINERS
        or words[0].lower() in PRONOUNS
    ):
        return None
    return q + 1, b, piece


def _fragment_quote(text: str, piece: tuple[int, int]) -> bool:
    """The quote opens mid-sentence, on a lower-case word ('..., "you can't put a price on
    it," he said'): the words before it in its sentence begin what it ends."""
    m = _WORD_RE.search(text, piece[0], piece[1])
    return m is not None and m.group(0)[0].islower()


def _titled_quote(text: str, qs: int, qe: int) -> bool:
    """A short quote run on from a word before it ('CBS's "Face the Nation,"', 'on "New
    Day"'): a name set in quote marks, not speech."""
    before = text[:qs].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] in "’'") and len(
        _WORD_RE.findall(text[qs:qe])) <= 6


_CONTRACTION = re.compile(r"(?i)^(he|she|they|we|i|you|it|who)[’'](?:s|ve|re|d|ll|m)$")
_BE = wordset("is are was were be been being am")
_FINITE = _BE | wordset("has have had will would can could")
_AUX_VERBS = wordset("may might must should shall is are was were does do did")
# The unions the rules test words against, built once (not at each word).
_FINITE_OR_AUX = _FINITE | _AUX_VERBS
# Cue forms that are nouns too: "investigative reports", "under claims".
_NOUNLIKE = wordset("reports claims report claim answer answers notes embrace shouts charges")
_PAST_ONLY = wordset("told thought known found shown written held seen")
# Irregular past tenses that open "X shook her head and said ...".
_STRONG_PAST = wordset("shook took gave made got went came sat stood began ran spoke wrote")
# "released the following statement:", "issued a brief statement:": what was given out.
_STATEMENT_DETERMINERS = wordset("a the this these following")
_STATEMENT_NOUNS = wordset("""statement statements message tweet post note letter remarks
    comment comments response reply warning explanation announcement""")


def _past_verb(word: str) -> bool:
    """A past-tense verb by its form ("released", "spoke", "told")."""
    return word.endswith("ed") or word in _STRONG_PAST or word in _PAST_ONLY
_PERSONAL = wordset("he she they we i")


def _contracted(word: str) -> str | None:
    """ "he’s" -> "he", "they’ve" -> "they": the pronoun of a contracted subject."""
    m = _CONTRACTION.match(word)
    return m.group(1) if m else None


def _not_finite(toks: list[_Match], b: int, i: int, contracted: bool) -> bool:
    """The verb at toks[i] heads no clause of its subject toks[..b): a bare participle
    ("wishful thinking", "many marchers chanting"), or a passive ("migrants were blamed",
    "measures added by Republicans", "investors have been told")."""
    low = toks[i][0].lower()
    aux = [toks[k][0].lower() for k in range(b, i)]
    subj = toks[b - 1][0]
    before = toks[b - 2][0] if b > 1 else ""
    alone = not before or before.lower() in _BOUNDARY_WORDS or not before.isalnum()
    nounlike = low.endswith("ing") or low in _NOUNLIKE
    if alone and nounlike and subj.islower() and not contracted and not aux and (
        not subj.endswith("s") and subj not in PEOPLE and subj not in ORG_NOUNS
        and subj not in PRONOUNS
    ):
        return True  # "wishful thinking", "media reports", "paid speaking"
    if low.endswith("ed") or low in _PAST_ONLY:
        if aux and aux[-1] in _BE:
            return True
        nxt = toks[i + 1][0].lower() if i + 1 < len(toks) else ""
        return nxt == "by" and not aux
    return False


_MONTHS = wordset("""january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec""")
_CONJ_HEAD_STOP = wordset("instead now then under also still just even")


def _conjoined(toks: list[_Match], a: int, b: int) -> int:
    """Start of the subject when it is the last conjunct of a noun phrase cut at "and":
    "her advisers and allies", "the Center for Disease Control and Prevention"."""
    if a < 2 or toks[a - 1][0].lower() not in ("and", "&"):
        return a
    if b - a > 1:
        return _conjoined_names(toks, a, b)
    w = toks[a][0]
    r = _subject_left(toks, a - 1)
    if r is None or r[1] - r[0] > 6:
        return a
    left = [x[0] for x in toks[r[0] : r[1]]]
    if not _is_nounish(left):
        return a
    if w.islower() and left[-1].islower() and w not in _CONJ_HEAD_STOP:
        return r[0]
    if w[:1].isupper() and left[-1][:1].isupper() and any(
        x.lower().rstrip("s") in ORG_STEMS for x in left
    ):
        return r[0]  # a name with "and" in it
    if _name_words([w]) and _name_words(left):
        return r[0]  # "Volker and Morrison said": both speak
    return a


def _name_words(words: list[str]) -> bool:
    """1-4 words, each capitalised, opening with no function word: a person's name as
    written ("Kurt Volker", "Mr. Volker", "Sen. Ann Poole")."""
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and (
        words[0].lower().rstrip(".") not in _NOT_NAME_FIRST) and not any(
        w.lower().rstrip("s") in ORG_STEMS or w.endswith(("’s", "'s")) for w in words)


def _conjoined_names(toks: list[_Match], a: int, b: int) -> int:
    """ "Kurt Volker and Ann Morrison said": both people speak; a single name only joins
    another ("Volker and Morrison") in ``_conjoined``."""
    right = [x[0] for x in toks[a:b]]
    r = _subject_left(toks, a - 1)
    if r is None or not _name_words(right):
        return a
    left = [x[0] for x in toks[r[0] : r[1]]]
    return r[0] if _name_words(left) else a


# Words that show a "subject" is really a clause: "that she had seen", "he is", "who was".
_CLAUSE_WORDS = wordset(
    """that is was are were be been being has have had does doesn't didn't don't isn't
    wasn't because if whether what when where why how would will could should can may
    might must not than despite by"""
)
_BAD_FIRST = wordset("in by despite for with without from on at after before during to of")
_NOT_NAME_FIRST = _BAD_FIRST | _BOUNDARY_WORDS | DETERMINERS | _SENTENCE_ADVERBS


_MODAL_NAMES = wordset("will can may")


def _first_name(words: list[str], k: int) -> bool:
    """words[k] opens a name though it reads as a verb: "Will Doyle", "Can Dundar"."""
    return words[k][:1].isupper() and words[k].lower() in _MODAL_NAMES and k + 1 < len(
        words) and words[k + 1][:1].isupper()


def _is_nounish(words: list[str]) -> bool:
    if not words:
        return False
    low = [w.lower() for w in words]
    if len(words) == 1 and low[0] in PRONOUNS:
        return low[0] not in ("which", "it", "you")
    if low[-1] in DETERMINERS or low[-1] in ("to", "of", "in", "on", "for", "with", "by"):
        return False
    if (low[0] in PRONOUNS and not (len(low) > 2 and low[1] == "and")) or low[0] in _BAD_FIRST or (
        words[0].islower() and low[0].endswith(("ing", "ed"))
    ):
        return False  # "he is", "who was under", "in light of", "dismissing"
    # The core before an inserted ", who ..." or ", a spokesman ..." must not be a clause.
    core = low[: low.index(",")] if "," in low else low
    if any((w in _CLAUSE_WORDS and not _first_name(words, k)) or w.endswith(("n't", "’t"))
           for k, w in enumerate(core)):
        return False
    first = low[0]
    return not (first in ("it", "this", "there", "what", "which", "you") and len(words) == 1)


# Every word a cue scan can start at: a unit with none of them yields no candidate, so it is
# neither tokenised nor scanned (WEAK_VERBS holds the other tiers).
_SCAN_WORDS = WEAK_VERBS | {"according"}
_CUE_ONLY = CUE_VERBS - STRONG_VERBS
_WEAK_ONLY = WEAK_VERBS - CUE_VERBS
_SCAN_BYTES = frozenset(w.encode() for w in _SCAN_WORDS)
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))  # a-z, else a space


def _scan_words_in(low: str) -> frozenset[bytes]:
    """The scan words among the letter runs of ``low`` (a lower-cased unit): a token a scan
    stops at is one of them.

    A token a scan stops at is a whole \\w+ run whose lower-case form is an (ASCII) scan
    word; lower-cased and encoded, the run stays the same letters between non-letter bytes.
    Bytes and C-level set work: several times cheaper than a regex pass over the text.
    """
    return _SCAN_BYTES.intersection(low.encode().translate(_LETTERS_ONLY).split())


_start = re.Match.start


def _stops(text: str, us: int, ue: int, toks: list[_Match], quotes: Sequence[tuple[int, int]],
           low_unit: str, present: frozenset[bytes]) -> tuple[list[int], set[str]]:
    """The tokens a scan stops at (outside quotes, a verb only as a lower-case word), in
    order, and their words; ``low_unit`` is text[us:ue] lower-cased, ``present`` its
    ``_scan_words_in``."""
    at: list[int] = []
    hits: set[str] = set()
    if len(low_unit) == ue - us:
        # Each character lower-cased to one: a scan word's token starts where the word
        # occurs in low_unit. Look there only, not at every token.
        for b in present:
            word = b.decode()
            i = low_unit.find(word)
            while i >= 0:
                # (a bisection by the key: a few probes, no list of every token's start)
                k = bisect_left(toks, us + i, key=_start)
                if k < len(toks) and toks[k].start() == us + i:
                    t = toks[k]
                    if t[0].lower() == word and not _inside(t.start(), quotes) and (
                            word == "according" or t[0][0].islower()):
                        at.append(k)
                        hits.add(word)
                i = low_unit.find(word, i + 1)
        at.sort()
        return at, hits
    for k, t in enumerate(toks):
        low = t[0].lower()
        if low in _SCAN_WORDS and not _inside(t.start(), quotes) and (
            low == "according" or t[0][0].islower()
        ):
            at.append(k)
            hits.add(low)
    return at, hits


def _find_cues(text: str, us: int, ue: int, quotes: Sequence[tuple[int, int]], para: int,
               ) -> list[_Cand]:
    low_unit = text[us:ue].lower()
    present = _scan_words_in(low_unit)
    if not present:
        # no cue can start in the unit, but for a phrase naming the words it quotes
        return _used_the_words(text, us, ue, quotes, para) if _names_words(low_unit) else []
    # Tokens are the match objects themselves (tok[0], tok.start(), tok.end(), offsets in
    # ``text``): built in C, they cost a fraction of Python token objects.
    toks = list(_TOKEN.finditer(text, us, ue))
    at, hits = _stops(text, us, ue, toks, quotes, low_unit, present)
    if not at:
        return []
    # A scan's result depends on its verb set only through the unit's words in it: a tier
    # that adds none of them repeats the previous (empty) result, so it is skipped; and a
    # verb that gave nothing in an empty scan gives nothing again (see _find_cues_with).
    dead: set[int] = set()
    found: list[_Cand] = []
    ran = False
    named = _what_they_called(text, us, ue, quotes, para) if b"called" in present else []
    if _names_words(low_unit):
        named += _used_the_words(text, us, ue, quotes, para)
    if hits & STRONG_VERBS or "according" in hits:
        found = _find_cues_with(text, toks, at, dead, us, ue, quotes, para, STRONG_VERBS)
        ran = True
    if not found and (hits & _CUE_ONLY or (not ran and "according" in hits)):
        found = _find_cues_with(text, toks, at, dead, us, ue, quotes, para, CUE_VERBS)
    elif found and hits & _CUE_ONLY and _uncovered_quote(found, quotes, us, ue):
        # '"Just one minute," he urged them, as he explained ...': a stronger verb's report
        # elsewhere in the sentence leaves the quote to the lexicon's other verbs.
        more = _find_cues_with(text, toks, at, set(), us, ue, quotes, para, CUE_VERBS)
        found += [c for c in more if c.pieces and _starts_quote(text, c.pieces[0][0], quotes)
                  and not _overlaps(c, found)]
    if found and hits & _CUE_ONLY and ", and " in low_unit and _COORDINATED_AT.search(low_unit):
        # "X said A, and then pointed out that B": the same subject's second report, by a
        # verb the strong tier does not try.
        more = _find_cues_with(text, toks, at, set(), us, ue, quotes, para, CUE_VERBS)
        found += [c for c in more if c.how == "pre" and c.pieces and not _overlaps(c, found)
                  and _COORDINATED_CUE.search(text, us, c.pieces[0][0]) is not None]
    if found:
        return found + [c for c in named if not _overlaps(c, found)]
    if not hits & _WEAK_ONLY:
        return named
    weak = _find_cues_with(text, toks, at, dead, us, ue, quotes, para, WEAK_VERBS)
    # Content before a weak verb ("..., X backed") is rarely reported speech: pre only, and
    # a participle going on from it ("X attacked Y, calling him ...").
    weak = [c for c in weak if c.how in ("pre", "part") or (
        c.how == "post" and c.cue.lower() in _EVIDENCE_VERBS)]
    for c in weak:
        if c.how == "pre" and not _particle_cue(c.cue):
            # A weak verb with its particle ("called for a boycott", "railed against the
            # deal") is a report verb proper: it keeps the "pre" rule's name.
            c.how = "weak_pre"
    return weak + [c for c in named if not any(
        s <= c.pieces[0][0] < e for w in weak for s, e in w.pieces if w.cue.lower() == "called")]


# 'Trump has often used the phrase "Islamic terrorism"', 'she coined the term "A"': the
# subject's own words, named and quoted.
_USED_WORDS = re.compile(
    r"(?<![\w,])((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*|he|she|they)\s+"
    r"(?:(?:has|have|had|also|often|repeatedly|frequently|long|first|all)\s+){0,3}"
    r"(?:used|uses|coined|coins|invoked|invokes)\s+the\s+(?:phrase|term|word|words|slogan|label)"
    r"\s+(?=[“\"])")


# " the phrase", " the term", ...: one search for the literal " the " (a C fast scan), not
# five substring tests from a generator.
_WORDS_NAMED = re.compile(" the (?:phrase|term|word|slogan|label)")


def _names_words(low_unit: str) -> bool:
    """Whether a unit (lower case) may name the words it quotes: the cheap test that spares
    most units ``_USED_WORDS``, whose search tries every capital."""
    return _WORDS_NAMED.search(low_unit) is not None


def _used_the_words(text: str, us: int, ue: int, quotes: Sequence[tuple[int, int]],
                    para: int) -> list[_Cand]:
    out: list[_Cand] = []
    for m in _USED_WORDS.finditer(text, us, ue):
        q = next(((qs, qe) for qs, qe in quotes if qs == m.end()), None)
        if q is None or m.group(1).lower() in _BAD_FIRST:
            continue
        cue = text[m.end(1) : m.end()].strip()
        out.append(_Cand(m.group(1), cue, [(q[0], min(q[1], ue))], para, how="pre"))
    return out


# "in what Bay Buchanan called "hand-to-hand combat"", "bodies, which he called "a cartel
# ..."": the name someone gave a thing, reported with the relative that stands for it.
_WHAT_CALLED = re.compile(
    r"\b(?:what|which)\s+([A-Z][^,;:“\"]{0,60}?|he|she|they|it|critics|many)\s+"
    r"(?:has |have |had )?called\s+(?:(?:it|them|him|her)\s+)?(?:(?:a|an|the)\s+)?(?=[“\"])")


def _what_they_called(text: str, us: int, ue: int, quotes: Sequence[tuple[int, int]],
                      para: int) -> list[_Cand]:
    out: list[_Cand] = []
    for m in _WHAT_CALLED.finditer(text, us, ue):
        q = next(((qs, qe) for qs, qe in quotes if qs == m.end()), None)
        if q is None or not _is_nounish(_WORD_RE.findall(m.group(1))):
            continue
        # The name given is the report: the relative stands for what was named.
        out.append(_Cand(m.group(1), "called", [(q[0], min(q[1], ue))], para, how="pre"))
    return out


def _passive_ask(text: str, toks: list[_Match], i: int, ue: int,
                 quotes: Sequence[tuple[int, int]], para: int) -> _Cand | None:
    """'Sanders was asked by host John Dickerson whether his aim was ...', 'when asked by a
    reporter if ...': the one asking is named after "by", the question is the whether-
    or if-clause."""
    k = i + 2
    while k < len(toks) and k - i < 12 and toks[k][0].lower() not in ("whether", "if", "about"):
        if toks[k][0] in ".;:" + _QUOTE_CHARS:
            return None
        k += 1
    if k >= len(toks) or k - i < 3 or toks[k][0].lower() not in ("whether", "if", "about"):
        return None
    words = [x[0] for x in toks[i + 2 : k] if x[0] != ","]
    if not _is_nounish(words):
        return None
    sp = text[toks[i + 2].start() : toks[k - 1].end()].rstrip(" ,")
    cs, ce = _strip_span(text, toks[k + (toks[k][0].lower() == "about")].start(), ue)
    ce = _clip_clause(text, cs, ce, quotes)
    if ce <= cs or not _has_tokens(text, cs, ce, 3):
        return None
    return _Cand(sp, "asked", [(cs, ce)], para, how="pre")


def _uncovered_quote(found: Sequence[_Cand], quotes: Sequence[tuple[int, int]], us: int,
                     ue: int) -> bool:
    """A quote of the unit that none of ``found`` reports."""
    return any(us <= qs < ue and not any(s <= qs < e for c in found for s, e in c.pieces)
               for qs, _ in quotes)


def _overlaps(c: _Cand, found: Sequence[_Cand]) -> bool:
    return any(s < e2 and s2 < e for s, e in c.pieces for f in found for s2, e2 in f.pieces)


_HAVE = wordset("have has had")  # "have known that ...": a report of what one knows


# "..., records show.": evidence verbs report what comes before them as often as after.
_EVIDENCE_VERBS = wordset("show shows showed shown")


def _particle_cue(cue: str) -> bool:
    words = cue.lower().split()
    return len(words) == 2 and (words[0], words[1]) in _PARTICLE_CUES


def _find_cues_with(text: str, toks: list[_Match], at: list[int], dead: set[int], us: int,
                    ue: int, quotes: Sequence[tuple[int, int]], para: int,
                    verbs: frozenset[str]) -> list[_Cand]:
    """Candidates of one unit, scanning the tokens ``at`` (outside quotes, in order).

    ``dead``: verbs that found nothing while no candidate was found yet (the state is then
    the unit's start, so they find nothing again); this scan adds to it.
    """
    cands: list[_Cand] = []
    used_until = us
    n = len(toks)
    resume = 0  # "according to X" consumes its speaker's tokens
    for i in at:
        if i < resume:
            continue
        t = toks[i]
        low = t[0].lower()
        if t.start() < used_until:
            if low in verbs and low in STRONG_VERBS and t[0].islower() and cands and (
                    not cands[-1].post) and _after_conjunction(toks, i) and low not in _BASES:
                # 'X said A and said B': the second report splits off the first. (A bare
                # verb, 'says he'd sit Putin down and tell him "A"', goes on with the
                # reported clause's own subject: no second report.)
                again = _pre_cue(text, toks, i, ue, quotes, para, cands[-1].speaker_text)
                ps = cands[-1].pieces[-1][0]
                conj = toks[i - 1] if toks[i - 1][0] in ("and", "but") else toks[i - 2]
                cut = _strip_span(text, ps, conj.start())[1]
                if again is not None and cut - ps >= 8:
                    cands[-1].pieces[-1] = (ps, cut)
                    cands.append(again)
                    used_until = again.pieces[-1][1]
            continue
        # according to X, CONTENT / CONTENT, according to X
        if low == "according" and i + 1 < n and toks[i + 1][0].lower() == "to":
            j = i + 2
            while j < n and toks[j][0] not in ",;." and toks[j][0] not in _QUOTE_CHARS:
                j += 1
            if j > i + 2:
                sp = text[toks[i + 2].start() : toks[j - 1].end()]
                if i > 0 and (toks[i - 1][0] in ",—–(" or (
                        toks[i - 1][0] in "”\"" and i > 1 and toks[i - 2][0] == ",")):
                    # '"A," according to X' too: the comma sits inside the quote.
                    cs, ce = _strip_span(text, used_until, toks[i - 1].start())
                    cs = _past_connective(text, cs, ce)
                    rest = _rest_after_source(text, toks, j, ue, quotes, cs, ce) if (
                        toks[i - 1][0] == ",") else None
                    if ce > cs and rest is not None:
                        # 'Other major cleavages, according to the poll, include ...'
                        lead = [] if _bare_link(text[cs:ce]) else [(cs, ce)]
                        cands.append(_Cand(sp, "according to", [*lead, rest], para,
                                           how="acc_post"))
                        used_until = rest[1]
                    elif ce > cs:
                        cands.append(_Cand(sp, "according to", [(cs, ce)], para, post=True,
                                           how="acc_post"))
                else:
                    cs, ce = _strip_span(text, toks[j - 1].end(), ue)
                    if ce > cs:
                        cands.append(_Cand(sp, "according to", [(cs, ce)], para, how="acc_pre"))
                        used_until = ue
            resume = j
            continue
        if low not in verbs or not t[0][0].islower() or (not cands and i in dead):
            continue
        if low in _ADD_FORMS and i + 1 < n and (
                toks[i + 1][0].lower() == "to" or _adds_to(toks, i)):
            continue  # "adding to a mounting series of problems": a sum, not a report
        if low in _ASK_FORMS and _asks_anonymity(toks, i):
            continue  # "who asked not to be named": a source's terms, not a report
        if low == "known" and not (i > 0 and (
                toks[i - 1][0].lower() in _HAVE or toks[i - 1][0].endswith(("’ve", "'ve")))):
            continue  # "known as Guccifer", "a fund known for its ties": a description
        if _after_modifier(toks, i):
            continue  # "mixed signals", "a nagging feeling": an adjective makes it a noun
        if i > 0 and low.endswith("s") and _names_a_noun(toks[i - 1][0]) and not (
            i + 1 < n and (toks[i + 1][0] in ("that", ":") or toks[i + 1][0] in _QUOTE_CHARS)
        ):
            continue  # "kept Spain's hopes alive": a noun, and no report follows it
        if low.endswith("s") and i > 0 and toks[i - 1][0].lower() not in PRONOUNS and (
                i + 1 < n and toks[i + 1][0].lower() in _NOUN_NEXT) and (
                toks[i + 1][0].lower() != "such" or (i + 2 < n and toks[i + 2][0] == "as")):
            continue  # "TV shows from Pixar", "reports such as ...": a plural noun
        if low == "asked" and i + 1 < n and toks[i + 1][0] == "by" and (
                (passive := _passive_ask(text, toks, i, ue, quotes, para)) is not None):
            cands.append(passive)
            used_until = max(used_until, passive.pieces[-1][1])
            continue
        if low in _PARTICIPLES and i > 0 and cands and _after_comma(text, toks, i):
            # '..., she said, adding that ...': the same speaker goes on.
            cand = _participle_cue(text, toks, i, ue, quotes, para, cands[-1].speaker_text)
        elif low in _PARTICIPLES and i > 2 and not cands and _after_comma(text, toks, i):
            # 'Rubio pushed back on Thursday, saying ...': the clause's subject speaks.
            subj = _clause_subject(text, toks, i)
            cand = None if subj is None else _participle_cue(
                text, toks, i, ue, quotes, para, subj, how="part_subj")
        elif low in _PARTICIPLES and i > 1 and not cands and toks[i - 1][0] == "by":
            # 'Trump responded by saying ...', 'She opened by noting ...': how the subject
            # answered or began is a report.
            means = _means_cue(text, toks, i)
            cand = None if means is None else _participle_cue(
                text, toks, i, ue, quotes, para, means[0], how="part_subj")
            if cand is not None and means is not None:
                cand.cue = means[1]
        elif cands and not cands[-1].post and (_after_conjunction(toks, i) or _after_aside(
                cands[-1], toks, i)):
            # 'X said A and said B', 'X declined to comment but said B': the same subject
            # reports again.
            cand = _pre_cue(text, toks, i, ue, quotes, para, cands[-1].speaker_text)
        else:
            cand = _verb_cue(text, toks, i, ue, used_until, quotes, para)
        if cand is not None:
            cands.append(cand)
            used_until = max(used_until, cand.pieces[-1][1]) if not cand.post else max(
                used_until, t.end())
        elif not cands:
            dead.add(i)
    return cands


def _adds_to(toks: list[_Match], i: int) -> bool:
    """Whether the add-verb at toks[i] puts a thing into another ("adding this exercise to
    your routine", "added a line to the statement"): "to" and a determiner come before any
    "that", quote or punctuation that would open a report."""
    for j in range(i + 1, min(len(toks) - 1, i + 9)):
        w = toks[j][0]
        if not w[:1].isalnum() or w.lower() == "that":
            return False
        if w.lower() == "to":
            return toks[j + 1][0].lower() in _DETERMINERS
    return False


_ASK_FORMS = wordset("asked asking")
# What follows "asked" when a source sets terms for speaking: "asked not to be named",
# "asked to remain anonymous", "asked for anonymity", "asked that her name not be used".
_ANONYMITY_ASK = re.compile(
    r"\s+(?:not\s+to\s+be\s+(?:named|identified|quoted|cited)\b|to\s+remain\s+"
    r"(?:anonymous|unnamed|unidentified)\b|for\s+anonymity\b|that\s+(?:his|her|their|its)"
    r"\s+names?\s+(?:not\s+be|be\s+withheld))", re.IGNORECASE)


def _asks_anonymity(toks: list[_Match], i: int) -> bool:
    """Whether the ask-verb at toks[i] asks for anonymity (the report is the "said" after
    it: "A manager, who asked not to be named, said the company lost two orders")."""
    t = toks[i]
    return _ANONYMITY_ASK.match(t.string, t.end()) is not None


_DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those"}
)


# Words that follow a plural noun, never a report verb: "shows from Pixar", "claims like
# these", "reports such as ...", "shows including ...".
_NOUN_NEXT = wordset("from like such including")


def _names_a_noun(before: str) -> bool:
    """The word before a cue word makes it a noun: a determiner or a possessive."""
    return before.lower() in _DETERMINERS or before.endswith(("’s", "'s", "s’", "s'")) or (
        before[:1].isdigit())  # "scored 34 points": a count of things


# Determiners before a modified noun ("those surveyed" is a pronoun and its participle).
_DEGREE_WORDS = wordset("more most less least very too so quite rather increasingly")
_MODIFIED_DETERMINERS = _DETERMINERS - wordset("these those")
# Verbs whose object an -ed word right after them modifies ("takes continued effort").
_OBJECT_VERBS = wordset("""take takes took taken taking require requires required requiring
    need needs needed needing face faces faced facing draw draws drew drawn drawing get gets
    got gotten getting receive receives received receiving attract attracts attracted
    deserve deserves deserved warrant warrants warranted""")
# Words after an -ed form that show it is a verb, not an adjective: "gets added to".
_NOT_NOUNS = wordset("to that by in on at for with as if from up out")
_BASE_FORMS = _BASES | frozenset(_WEAK_REGULAR.split()) | frozenset(_WEAK_IRREGULAR)


def _participial_adjective(word: str) -> bool:
    """A lower-case -ed or -ing word that can modify a noun ("mixed", "nagging", "above-
    displayed"); "need", "speed" and "thing" are no participles."""
    return word.islower() and len(word) > 4 and (
        (word.endswith("ed") and not word.endswith("eed")) or word.endswith("ing"))


def _after_modifier(toks: list[_Match], i: int) -> bool:
    """The cue word at toks[i] is a noun or an adjective, not a verb: an -s form after an -ed
    word ("give mixed signals": no subject ends in "mixed"), an -ing or base form after a
    determiner and a participle ("a nagging feeling", "a convoluted answer"), an -ing form
    after a degree word ("end up seeming more promising").
    ("Those surveyed said", "the filing cites", "he started saying": a subject, a verb.)"""
    if i < 1:
        return False
    low, mod = toks[i][0].lower(), toks[i - 1][0]
    if low.endswith("ing") and mod.lower() in _DEGREE_WORDS:
        return True  # "seeming more promising": a degree word grades an adjective
    if low.endswith("ed") and mod.lower() in _OBJECT_VERBS and i + 1 < len(toks) and (
            toks[i + 1][0].islower() and toks[i + 1][0] not in _NOT_NOUNS):
        return True  # "takes continued effort", "faces renewed criticism": an adjective
    if not _participial_adjective(mod):
        return False
    if low.endswith("s") and not low.endswith("ss") and mod.endswith("ed"):
        return True
    if i < 2 or toks[i - 2][0].lower() not in _MODIFIED_DETERMINERS:
        return False
    # "a nagging feeling", "a convoluted answer"; "a missing voice" (after "a", a singular
    # noun: "her thinking say" is a subject and its verb)
    return low.endswith("ing") or (low in _BASE_FORMS and (mod.endswith("ed") or (
        mod.endswith("ing") and toks[i - 2][0].lower() in ("a", "an"))))


def _after_comma(text: str, toks: list[_Match], i: int) -> bool:
    """toks[i] follows a comma, or a closing quote mark with the comma inside it ('... as a
    "major breach of trust," adding: "..."')."""
    prev = toks[i - 1]
    return prev[0] == "," or (prev[0] in "”\"" and text[prev.start() - 1 : prev.start()] == ",")


def _after_conjunction(toks: list[_Match], i: int) -> bool:
    """toks[i] follows "and" / "but", perhaps with an adverb between ("and later said")."""
    j = i - 1
    if j > 0 and (toks[j][0].lower() in _AUX or toks[j][0].endswith("ly")) and toks[j][0].islower():
        j -= 1
    return j > 0 and toks[j][0] in ("and", "but")


def _after_aside(c: _Cand, toks: list[_Match], i: int) -> bool:
    """toks[i] is the subject's own verb right after a participial aside whose report ``c``
    ends at the comma before it ("Ann Poole, noting A, said B")."""
    return c.how == "part_subj" and i > 0 and toks[i - 1][0] == "," and (
        toks[i][0].lower() in STRONG_VERBS) and toks[i - 1].start() - c.pieces[-1][1] <= 1


_PARTICIPLES = frozenset(
    {"saying", "adding", "arguing", "noting", "claiming", "insisting", "warning",
     "explaining", "suggesting", "stressing", "asserting", "stating", "declaring",
     "acknowledging", "contending", "writing", "telling", "predicting", "vowing",
     "promising", "pledging", "calling", "citing", "referring", "describing", "blaming",
     "accusing", "urging", "asking", "defending", "criticizing", "praising", "questioning",
     "attacking", "blasting", "slamming", "highlighting", "pointing", "touting",
     "dismissing", "rejecting", "mocking", "echoing", "reiterating", "expressing",
     "demanding", "denouncing", "recalling", "complaining", "admitting", "announcing",
     "threatening", "tweeting", "lamenting"}
)
_PARTICLE_CUES = frozenset(
    (v, p)
    for base, parts in (("call", "for on"), ("point", "to out"), ("refer", "to"),
                        ("talk", "about"), ("speak", "about of"), ("warn", "of against about"),
                        ("complain", "about"), ("worry", "about"), ("rail", "against"),
                        ("lash", "out"), ("push", "for"), ("advocate", "for"),
                        ("argue", "for against"), ("ask", "for about"))
    for v in (_WEAK_IRREGULAR[base] + (base,) if base in _WEAK_IRREGULAR else inflect(base))
    for p in parts.split()
)
_SUBJ_STOP = wordset("who which that whose where when after before while as if because")
# Openers before the subject's comma: "Perhaps, ...", "Back in 1999, Mr. Trump ...".
_OPENING_ADVERBS = wordset("perhaps shortly critically currently furthermore back")


def _is_dateline_word(word: str) -> bool:
    """A place in capitals opening a story: "WASHINGTON", "NEW" (of "NEW DELHI")."""
    return len(word) >= 3 and word.isalpha() and word.isupper()


_TIME_LINKS = wordset("before after since until")
_TIME_UNITS = wordset("moments minutes hours days weeks months years")


def _clause_subject_end(toks: list[_Match], a: int, i: int) -> int:
    """Where the noun phrase starting at toks[a] ends, before a verb, a break or toks[i]."""
    b = a
    while b < i and b - a < 8:
        t = toks[b][0]
        low = t.lower()
        if t in ",;:()—–" or t in _QUOTE_CHARS or low in _AUX or low in _SUBJ_STOP or (
            t.islower() and b > a and (low.endswith("ed") or low in WEAK_VERBS
                                       # "He went further on Tuesday, saying ..."
                                       or low in _PLAIN_VERBS or low in _STRONG_PAST
                                       or low in _PAST_ONLY)
        ):
            break
        b += 1
    return b


def _clause_subject_at(text: str, toks: list[_Match], i: int) -> tuple[int, int] | None:
    """Where the subject of the clause the participle at toks[i] hangs from stands: its
    first noun phrase, toks[a:b]."""
    a = 0
    if _is_dateline_word(toks[0][0]):
        # "WASHINGTON (AP) — Hillary Clinton made it clear ...": the clause starts after it.
        dash = next((k for k in range(1, min(i, 14)) if toks[k][0] in "—–-"), None)
        if dash is None:
            return None
        a = dash + 1 + (toks[dash + 1][0] == "-")
    first = toks[a][0].lower()
    if first in _ADJUNCT_STARTS or first in _SENTENCE_ADVERBS or first in _OPENING_ADVERBS:
        # "On Thursday, Rubio pushed back ...", "Instead, the senator is sticking to ...":
        # skip the leading adverbial.
        comma = next((k for k in range(a + 1, min(i, a + 12)) if toks[k][0] == ","), None)
        if comma is None:
            return None
        a = comma + 1
    b = _clause_subject_end(toks, a, i)
    if b == a + 1 < i and toks[a][0].lower() in _TIME_UNITS and toks[b][0].lower() in _TIME_LINKS:
        # "Hours before Parise's goals Tuesday, Wild coach Bruce Boudreau expressed ...,
        # saying": the time adjunct ends at its comma; the subject follows it.
        comma = next((k for k in range(b + 1, min(i, b + 15)) if toks[k][0] == ","), None)
        if comma is not None:
            a = comma + 1
            b = _clause_subject_end(toks, a, i)
    if b == a or b >= i:
        return None
    b = _with_appositive_name(toks, a, b, i)
    words = [x[0] for x in toks[a:b]]
    if len(words) == 1 and words[0].lower() in _PERSONAL | {"it"}:
        return a, b  # "Meanwhile, it attacked Trump, saying ..."
    if not _is_nounish(words) or not (words[0][0].isupper() or words[0].lower() in DETERMINERS
                                      or words[0].lower() in PRONOUNS):
        return None
    return a, b


def _with_appositive_name(toks: list[_Match], a: int, b: int, i: int) -> int:
    """The end of a subject toks[a:b] that names a role, taken on over the name set off
    after it: "Ashby's lawyer, Kevin Draper, argued ...". Else ``b``."""
    if b - a > 4 or not toks[b - 1][0].islower() or toks[b][0] != ",":
        return b
    k = b + 1
    while k < i and k - b <= 4 and toks[k][0][:1].isupper() and toks[k][0][:1].isalpha():
        k += 1
    return k if 3 <= k - b <= 4 and k < i and toks[k][0] == "," else b


def _clause_subject(text: str, toks: list[_Match], i: int) -> str | None:
    """The subject of the clause the participle at toks[i] hangs from: its first noun phrase."""
    ab = _clause_subject_at(text, toks, i)
    return None if ab is None else text[toks[ab[0]].start() : toks[ab[1] - 1].end()]


_MEANS_REACH = 7  # words from the verb to "by": "ended a policy meeting on Friday by"


def _means_cue(text: str, toks: list[_Match], i: int) -> tuple[str, str] | None:
    """Speaker and cue of a report by "by" and the participle at toks[i] ('Trump responded
    first by saying ...', 'She opened her speech by noting ...'): the subject's verb stands a
    few words before "by", right after the subject (an adverb may come between)."""
    ab = _clause_subject_at(text, toks, i)
    if ab is None:
        return None
    a, b = ab
    v = b + (b < i and toks[b][0] in _AUX)
    if not (v < i - 1 and i - 1 - v <= _MEANS_REACH and toks[v][0].islower() and (
            _past_verb(toks[v][0]) or toks[v][0].endswith("s"))) or not all(
            x[0][:1].isalnum() for x in toks[v + 1 : i - 1]):
        return None
    # "responded first by saying", "opened her speech by saying"; further off, "by saying"
    cue_from = toks[v] if i - 1 - v <= 3 else toks[i - 1]
    return text[toks[a].start() : toks[b - 1].end()], text[cue_from.start() : toks[i].end()]



def _participle_cue(text: str, toks: list[_Match], i: int, ue: int,
                    quotes: Sequence[tuple[int, int]], para: int, speaker: str,
                    how: str = "part") -> _Cand | None:
    k = i + 1
    if k < len(toks) and toks[k][0] == ":":
        k += 1
    if k >= len(toks):
        return None
    if toks[i][0].lower() in HEARER_VERBS:
        # 'telling Mic in an interview on Monday, "A," he said': the hearer and when, then
        # the quote, which is the report.
        j = k
        while j < len(toks) and j - k < 14 and toks[j][0] not in _QUOTE_CHARS + ".;:" and (
                toks[j][0].lower() != "that"):
            j += 1
        if k < j < len(toks) - 1 and toks[j - 1][0] == "," and toks[j][0] in "“\"":
            k = j
        elif k < j < len(toks) - 1 and toks[j][0].lower() == "that" and _is_hearer(
                _before_adjunct([x[0] for x in toks[k:j]])):
            k = j  # 'telling reporters on Saturday that ...': the report starts at "that"
    cs, ce = _strip_span(text, toks[k].start(), ue)
    ce = _clip_clause(text, cs, ce, quotes)
    ce = _cue_adjunct_end(text, cs, ce, quotes)
    if ce <= cs or not _has_tokens(text, cs, ce, 3):
        return None
    return _Cand(speaker, toks[i][0], [(cs, ce)], para, how=how)


_TAIL_PREPS = wordset("on in at during via through with after before over")
_TAIL_STOPS = wordset("that whether if who which what how why because to")  # "to": a verb


def _adjunct_to_the_end(rest: Sequence[_Match]) -> bool:
    """The tokens after a cue are one short adjunct running to the sentence's end: no clause
    break, no reported clause, quoted words only as a title ("Beyond Finances")."""
    words = [x[0] for x in rest]
    while words and words[-1] in ".!?”\"":
        words.pop()
    if not words or len(words) > 14:
        return False
    quoted = False
    for w in words:
        if w in _QUOTE_CHARS:
            quoted = not quoted
        elif w in ",;:—–(" or w.lower() in _TAIL_STOPS or (quoted and not w[:1].isupper()):
            return False
    # "CNN reported at least six planes filled the skies": a clause, not where or when
    return not _reads_as_clause(words)


def _has_tokens(text: str, s: int, e: int, k: int) -> bool:
    """At least ``k`` tokens in text[s:e] (counts no further: the text may be long)."""
    # Matching in [s, e) is matching the slice: _TOKEN looks neither behind nor at anchors.
    return sum(1 for _ in islice(_TOKEN.finditer(text, s, e), k)) >= k


_NP_PREPS = wordset("of to for at with")
# Words that end an inverted speaker after a quote, opening a clause about the saying: '"A,"
# said a spokesperson when contacted', '"A," said Ann Poole during the debate in Reno' (no
# name holds them).
_INVERTED_SPEAKER_ENDS = wordset(
    "when while as after before because although though since until during")
_AS_NAMING = wordset("known such so same described identified")  # "the chief known as Bob"


def _reads_as_clause(words: list[str]) -> bool:
    """Whether the words have a finite verb after their subject ("his district received
    less", "the fund ran dry"), where a speaker's noun phrase has none ("Ann Poole", "the
    embattled senator": a participle right after a determiner is an adjective)."""
    for k in range(1, len(words)):
        w = words[k]
        if not w.islower():
            continue
        if w in _FINITE or w in _STRONG_PAST or w in _PAST_ONLY or (
            w.endswith("ed") and words[k - 1].lower() not in DETERMINERS
        ):
            return True
    return False


_WHO_WORDS = wordset("who whom whose")


def _verb_cue(text: str, toks: list[_Match], i: int, ue: int, used_until: int,
              quotes: Sequence[tuple[int, int]], para: int) -> _Cand | None:
    t = toks[i]
    low = t[0].lower()
    n = len(toks)
    prev = toks[i - 1][0] if i > 0 else ""
    # Inversion: "CONTENT," said X[, role].
    if prev in (",", "”", '"') and i + 1 < n and not (prev == "," and low in HEARER_VERBS) and (
            low in STRONG_VERBS or low in (
            "asked", "declared", "explained", "continued", "recalled", "added")):
        j = i + 1
        depth = 0  # "said Rep. Ann Poole (D-N.C.), who ...": no sentence ends in parentheses
        while j < n and (toks[j][0] not in ".;?!" or depth > 0) and (
                toks[j][0] not in _QUOTE_CHARS):
            depth += (toks[j][0] == "(") - (toks[j][0] == ")")
            j += 1
        # '"A," said X, "B."' goes on; 'said X, who waited in an "endless line"' does not.
        more = (_quotes_opening_at(toks[j].start(), quotes)
                if j < n and toks[j - 1][0] in ",:" else [])
        if not more and j + 1 < n and toks[j][0] == ".":
            # '"A," said X of Springfield, Ill. "B."': one unit, the quote goes on.
            more = _quotes_opening_at(toks[j + 1].start(), quotes)
        if j > i + 1 and toks[j - 1][0] == ",":
            j -= 1
        sp = text[toks[i + 1].start() : toks[j - 1].end()] if j > i + 1 else ""
        if j < n and toks[j][0] in _QUOTE_CHARS and toks[j - 1][0] not in ",:" and (
                low in HEARER_VERBS) and not any(x[0] in ",(" for x in toks[i + 1 : j]):
            sp = ""  # 'Smith, in tears, asked the crowd "Q?"': a hearer, then the quote
        words = [x[0] for x in toks[i + 1 : j]]
        core = next((k for k, w in enumerate(words) if w in ",("), len(words))
        sub = next((k for k in range(1, core) if words[k].lower() in _INVERTED_SPEAKER_ENDS
                    and not (words[k] == "as" and words[k - 1].lower() in _AS_NAMING)), None)
        if sub is not None and prev in _QUOTE_CHARS:
            # '"A," said a spokesperson when contacted by Reuters': the speaker ends where
            # a clause about the saying begins.
            core = sub
            sp = text[toks[i + 1].start() : toks[i + sub].end()]
        elif 0 < core < len(words) - 1 and words[core] == "," and _participial_adjective(
                words[core + 1]):
            # '"A," said Ben Carson, asked about his claims': the participle's clause is
            # about the saying, not part of the speaker.
            sp = text[toks[i + 1].start() : toks[i + core].end()]
        rel = next((k for k in range(1, core) if words[k].lower() in _WHO_WORDS), core)
        # A relative clause running to the sentence's end is the speaker's ('..., said a
        # handful of Democrats who point to ...'); one followed by more ('said the staff
        # member who succeeded him, Paul Manafort, should be ...') is the report's.
        if prev == "," and _reads_as_clause(words[: rel if core == len(words) else core]):
            # "Mark Wynn, chairman of the board, said his district received less": the
            # words after the verb are its report, not an inverted speaker.
            sp = ""
        # The name before ", who ..." decides: the relative clause may end on any word.
        # After a quote, a prepositional tail ('"A," said the former top aide to President
        # George W. Bush') may lengthen it: the head before the preposition must be short.
        # So may a relative clause without a comma ('said a handful of Democrats who
        # point to ...').
        head = rel
        after_quote = prev in _QUOTE_CHARS or (i > 1 and toks[i - 2][0] in _QUOTE_CHARS)
        if head > 8 and after_quote:
            head = next((k for k, w in enumerate(words[:head]) if w in _NP_PREPS), head)
        # "A, said the president’s “mercurial temperament” had ...": a possessive ends no
        # speaker; the verb's subject came before it and the words after are its report.
        owner = bool(words) and core == len(words) and words[-1].endswith(("’s", "'s"))
        # '"A," said retired neurosurgeon Ben Carson': after a quote, a participle may
        # open the speaker's title.
        lead = int(after_quote and head > 2 and _participial_adjective(words[0])
                   and words[0].endswith("ed"))
        if sp and not owner and head <= 8 and core <= 16 and _is_nounish(words[lead:head]) and (
            words[0].lower() not in _ADJUNCT_STARTS and words[0].lower() != "just") and (
            words[0][0].isupper() or words[0].lower() in DETERMINERS
            or words[0].lower() in PRONOUNS
            # "said county engineer Ann Poole"; after a quote, "said former South Carolina
            # Gov. Jim Hodges, a Clinton backer, ..."
            or (len(words) <= 5 and words[-1][0].isupper())
            or (after_quote and words[head - 1][0].isupper())
        ):
            cs, ce = _strip_span(text, used_until, toks[i - 1].start() if prev == "," else
                                 toks[i - 1].end())
            if ce > cs:
                return _Cand(sp, t[0], [(cs, ce), *more], para, post=not more, how="inv")
    quoted = _quote_subject(toks, i, quotes)
    if quoted is not None and quoted[2][0] < used_until:
        quoted = None  # 'shouted, "Cruz," Beck joked, ...': that quote was another's report
    if quoted is not None:
        a, b, piece = quoted
        sp = text[toks[a].start() : toks[b - 1].end()].rstrip(" ,")
        ls, le = _strip_span(text, used_until, piece[0])
        pieces = [piece]
        fragment = _fragment_quote(text, piece)
        if le > ls and (text[ls : piece[0]].rstrip()[-1:].isalnum() or fragment) and (
                fragment or not _QUOTE_MARK.search(text, ls, le)) and ":" not in text[ls:le]:
            pieces = [(ls, piece[1])]  # 'The SEC "is feeble," she said': the clause is hers
        k = i + 1
        while k < n and toks[k][0] not in ",.;:" + _QUOTE_CHARS:
            k += 1
        if k + 1 < n and toks[k][0] in ",:" and toks[k + 1][0] in "“\"":
            pieces += _quotes_opening_at(toks[k + 1].start(), quotes)[:1]  # "A," he said, "B."
        elif (resumed := _quote_after_aside(toks, k, quotes)) is not None:
            pieces.append(resumed)  # "A," he said, referring to X, "B."
        elif k == i + 1 and k < n and toks[k][0] in "“\"":
            pieces += [(qs, qe) for qs, qe in quotes if qs == toks[k].start()][:1]  # said "B."
        elif k + 1 < n and toks[k][0] == "," and _report_goes_on(toks, k + 1):
            ts, te = _strip_span(text, toks[k + 1].start(), ue)
            te = _clip_clause(text, ts, te, quotes)
            if te > ts:
                pieces.append((ts, te))  # "A," he said, that B.
        cue = t[0]
        if low == "said" and " ".join(x[0].lower() for x in toks[i + 1 : i + 4]) == (
            "in a statement"
        ):
            cue = "said in a statement"
        return _Cand(sp, cue, pieces, para, post=len(pieces) == 1, how="qpost")
    subj = _subject_left(toks, i)
    if subj is None:
        return None
    a, b = subj
    a = _conjoined(toks, a, b)
    if low.endswith("ing") and b == i and not (
            prev.lower() in PREPOSITIONS or prev.lower() in _ADJUNCT_STARTS or prev.endswith("ly")
            or prev.lower() in DETERMINERS or toks[a][0].lower() in _DEMONSTRATIVES
    ):  # ("blamed CNN for reporting": CNN reported; "in the writing of": a noun; "This
        # prompted the tabloid to do a cover saying": the tabloid's)
        # "Police released dramatic video showing ...", "Ivana Trump filed legal papers
        # opposing ...": the participle hangs on the verb's object; the one who released
        # or filed it is the source, the subject before that verb.
        v = min((k for k in range(a + 1, b - 1) if toks[k][0].islower() and _past_verb(
            toks[k][0]) and toks[k - 1][0][:1].isupper()), default=None)
        if v is not None:
            b = v
    words = [x[0] for x in toks[a:b]]
    pron = _contracted(words[0]) if len(words) == 1 else None
    if pron is not None:
        if pron in ("it", "you", "which"):
            return None  # "it's revealed", "you're worried"
        words = [pron]
    if len(words) > 1 and words[0].lower() in _BAD_FIRST:
        # "In 2010 she said", "On Tuesday Trump said": a leading adverbial, no comma.
        k = 1
        while k < len(words) - 1 and (words[k].lower() in _TIME_WORDS or words[k].isdigit()
                                      or words[k].lower() in _MONTHS):
            k += 1
        if k > 1 and _is_nounish(words[k:]):
            a, words = a + k, words[k:]
    # "It added, ...": an organisation or a document speaks (as "it") with a speech verb.
    it_speaks = len(words) == 1 and words[0].lower() == "it" and low in STRONG_VERBS and (
        a == 0 or toks[a - 1][0] in ",;:" + _QUOTE_CHARS)
    # "..., with analysts saying a strong reading will ...": the subject of an absolute
    # participle reports.
    absolute = low in _PARTICIPLES and len(words) > 1 and words[0].lower() == "with"
    if absolute:
        a, words = a + 1, words[1:]
    if not (it_speaks or _is_nounish(words)) or (
            not absolute and _not_finite(toks, b, i, pron is not None)):
        return None
    sp = text[toks[a].start() : toks[b - 1].end()]
    if pron is not None:
        sp = sp[: len(pron)]  # "he’s said" -> "he"
    if words[-1].lower() == "who" and b - 2 >= 0 and _asks_who(toks[b - 2][0]):
        return None  # "Buckley learned who had written it": a question, no one named
    if words[0].lower() == "who" and a > 1 and toks[a - 1][0] == ",":
        # "Capt. Ann Poole, who said ...": the speaker is the relative's antecedent.
        r = _subject_left(toks, a - 1)
        if r is not None and _is_nounish([x[0] for x in toks[r[0] : r[1]]]):
            sp = text[toks[r[0]].start() : toks[b - 1].end()]
    before_subj = toks[a - 1][0] if a > 0 else ""
    if before_subj.lower() == "whether":
        return None  # "signals about whether he actually wants a deal": a question, no report
    # Post-posed: "CONTENT," X said[ adjunct]. — the content precedes.
    rest = toks[i + 1 :]
    # Only the first word after the cue and whether there are more than six are read.
    rest_words = list(islice((x[0] for x in rest if x[0] not in ".,;!?"), 7))
    end_pos = toks[a - 1].start() if a > 0 and before_subj in ",—–" else (
        toks[a - 1].end() if a > 0 else 0)
    cs, ce = _strip_span(text, used_until, end_pos)
    quoted_before = (a > 0 and before_subj in "”\"") or (
        a > 1 and before_subj == "," and toks[a - 2][0] in "”\"")
    if quoted_before:
        q_end = toks[a - 1].end() if before_subj != "," else toks[a - 2].end()
        if any(qe == q_end and _titled_quote(text, qs, qe) for qs, qe in quotes):
            quoted_before = False  # 'on CBS's "Face the Nation," X said ...': a title
        elif q_end <= used_until:
            quoted_before = False  # 'Y responds with, "Q." X writes back, "A."': Y's quote
    short_tail = quoted_before or (len(rest_words) <= 6 and (
        not rest_words or rest_words[0].lower() in _ADJUNCT_STARTS
        or rest_words[0].endswith("ly"))) or (
        # "..., an insurgent source told Agence France-Presse.": the hearer ends it
        low in HEARER_VERBS and 0 < len(rest_words) <= 6 and (
            all(w[:1].isupper() for w in rest_words[rest_words[0] == "the" :])
            # "..., he told the court in his filing.": a hearer, then where or when
            or (len(hearer := _before_adjunct(rest_words)) < len(rest_words)
                and _is_hearer(hearer) and _adjunct_to_the_end(rest))))
    adjunct_tail = False
    if not short_tail and rest_words and rest_words[0].lower() in _ADJUNCT_STARTS and (
            before_subj not in "—–"):
        # (A dash's aside ends at its closing dash, not at a comma: "A — the neurologist
        # wrote about similar, potentially ... symptoms — B" is no cue set in A.)
        # "A, Hollande said Tuesday in Paris, noting B": a short adjunct, then a comma.
        comma = next((k for k, x in enumerate(rest[:8]) if x[0] in ",;."
                      and not _in_number(toks, i + 1 + k)), None)  # not "50,000"
        short_tail = adjunct_tail = comma is not None and rest[comma][0] == "," and comma <= 6
    if not short_tail and before_subj == "," and rest_words and (
            rest_words[0].lower() in _TAIL_PREPS) and not _particle_cue(
            f"{low} {rest_words[0]}") and _adjunct_to_the_end(rest):
        # "A, he and his wife explained on an episode of their podcast "Beyond Finances."":
        # where and when it was said, to the sentence's end; A is the report.
        short_tail = True
    # "Ann Poole, who joked about X, could see ...": the lead is the relative's antecedent,
    # not a report set before the cue.
    relative = [w.lower() for w in words] == ["who"] and not quoted_before
    if a > 0 and before_subj in (",", "”", '"', "—", "–") and not relative and (
        quoted_before or _has_tokens(text, cs, ce, 4)
    ) and (short_tail or (rest and rest[0][0] == ",")):
        if before_subj in "”\"" or quoted_before:
            cs, ce = _strip_span(text, used_until, toks[a - 1].start() if before_subj == ","
                                 else toks[a - 1].end())
            qs = next((s for s, e in quotes if cs < s < ce <= e), None)
            if qs is not None and text[cs:qs].rstrip()[-1:] == ":":
                cs = qs  # 'X scolded him: "A," she said': the colon hands the quote on
        pieces = [(cs, ce)]
        k = i + 1
        while k < n and (toks[k][0] not in ",.;" or _in_number(toks, k)):
            k += 1
        resumed = _quote_after_aside(toks, k, quotes) if quoted_before else None
        if resumed is not None:
            pieces.append(resumed)  # "A," he said, referring to X, "B."
        elif k < n and toks[k][0] == "," and k + 1 < n:
            if toks[k + 1][0] in "“\"":
                q = [(s, e) for s, e in quotes if s == toks[k + 1].start()]
                if q:
                    pieces.append(q[0])  # "A," he said, "B."
            elif toks[k + 1][0].lower() in _PARTICIPLES or (
                    adjunct_tail and toks[k + 1][0] in ("and", "but")) or (
                    toks[k + 1][0].lower() in _RELATIVES):
                # "..., noting B": a report of its own; "..., and B", "..., which was
                # published in Nature": the writer's
                pass
            elif not quoted_before or _report_goes_on(toks, k + 1):
                ts, te = _strip_span(text, toks[k + 1].start(), ue)
                if te > ts:
                    pieces.append((ts, te))  # A, he said, B. / "A," he said, that B.
        cue = t[0]
        if low == "said" and " ".join(x[0].lower() for x in toks[i + 1 : i + 4]) == (
            "in a statement"
        ):
            cue = "said in a statement"
        pieces = [_trim_scare_tail(text, _past_connective(text, *pieces[0]), pieces[0][1]),
                  *pieces[1:]]
        if len(pieces) == 2 and not quoted_before:
            if text[pieces[1][0]] in "“\"" and (_FRAME_STARTS.match(text, pieces[0][0]) or (
                    text[pieces[1][0] + 1 : pieces[1][0] + 2].isupper())):
                # 'Asked about X, she said, "Q."': the lead frames the quote, not reports;
                # a quote that opens its own sentence ('..., X said about it, "I support
                # it."') is the report ('A, she said, "and B."' goes on from the lead).
                pieces = pieces[1:]
            else:
                pieces[0] = _last_clause(text, *pieces[0], quotes)
        return _Cand(sp, cue, pieces, para, post=len(pieces) == 1, how="post")
    cand = _pre_cue(text, toks, i, ue, quotes, para, sp)
    if cand is not None and before_subj in _DASHES and a > 1 and toks[a - 2][0].islower():
        # "Odd as it sounds — the harbourmaster wrote about such tides — Lee was calm": a
        # report set in a dash's aside ends at the closing dash. (Not after a dateline,
        # "WASHINGTON — Obama said A — and B", or a credit: the dash opens the sentence.)
        s0, e0 = cand.pieces[-1]
        close = _SPACED_DASH.search(text, s0, e0)
        if close is not None and _WORD_RE.search(text, s0, close.start()):
            cand.pieces[-1] = _strip_span(text, s0, close.start())
    if cand is not None and before_subj.lower() == "as" and _aside_ends(text, *cand.pieces[0]):
        return None  # '..., as Ann Poole noted in The Courier.': the report came before
    if cand is not None and before_subj != "," and _next_clause_only(text, t.end(),
                                                                     cand.pieces[0][0]):
        return None  # "the $53 million figure McKinley cited, but it's ...": no object here
    if cand is not None and words[-1].lower() in ("who", "that") and (
            len(words) > 1 or before_subj != ","):
        # "Voters who say the economy matters most were divided": the report in a
        # restrictive relative ends before the main clause's verb.
        cs, ce = cand.pieces[-1]
        cand.pieces[-1] = (cs, _second_verb(text, cs, ce, quotes))
    if cand is not None and before_subj.lower() in _SUBORDINATE_OPENERS:
        # "When Ann Poole wrote the memo, she was ...": the subordinate clause ends at the
        # comma before the main clause's subject.
        cs, ce = cand.pieces[-1]
        cand.pieces[-1] = (cs, _main_clause_starts(text, cs, ce, quotes))
    set_in = _inserted_cue_end(toks, i, before_subj) if cand is not None and a > 0 and (
        words[0].lower() not in _RELATIVES) else None  # ", who denies it, has": no cue set in
    if cand is not None and set_in is not None:
        # "The museum, Mr. Obama said, would make ...": the short lead before the inserted
        # cue is the reported clause's subject, so it joins the content. ("The deal — Lee
        # said on Tuesday — will close": a time and dashes may set the cue in too.)
        right_after = set_in == i + 1 and before_subj == ","  # "The museum, X said, would"
        ls, le = _strip_span(text, used_until, toks[a - 1].start())
        rs, re_ = _strip_span(text, toks[set_in + 1].start(), ue)
        re_ = _clip_clause(text, rs, re_, quotes)
        if le > ls and not _inside(ls, quotes) and len(_WORD_RE.findall(text[ls:le])) <= 4 and (
                text[rs] not in "“\"'‘") and not _bare_link(text[ls:le]) and (  # "And, X said"
                right_after or _resumes_with_verb(text, rs, re_)):
            cand.pieces = [(ls, le), *cand.pieces] if right_after else [(ls, le), (rs, re_)]
    return cand


def _inserted_cue_end(toks: list[_Match], i: int, opener: str) -> int | None:
    """Where the comma or dash closing a cue set into its clause after ``opener`` stands:
    right after the cue at toks[i] or after a short time ("The museum, Mr. Obama said on
    Tuesday, would ..."). None if a verb, "that" or other punctuation comes first."""
    if opener != "," and opener not in _DASHES:
        return None
    for k in range(i + 1, min(len(toks) - 1, i + 5)):
        w = toks[k][0]
        if w == opener or (opener in _DASHES and w in _DASHES):
            return k
        if not w[:1].isalnum() or w.lower() in _FINITE_OR_AUX_OR_THAT:
            return None
    return None


# A sentence adverb linking the writer's sentences ("However, the firm ..., X said"): the
# writer's link to what came before, not part of what X reported.
_CONNECTIVE = re.compile(
    r"(?i)(?:however|still|meanwhile|indeed|moreover|instead|nonetheless|nevertheless"
    r"|furthermore|in fact|for instance|for example|in addition|at the same time"
    r"|by contrast|in contrast|on the other hand|as a result|of course),\s+")


def _bare_link(lead: str) -> bool:
    """A lead that only links to the sentence before ("But", "In addition")."""
    return lead.lower() in ("but", "and", "yet", "so") or _CONNECTIVE.fullmatch(
        lead + ", ") is not None


def _past_connective(text: str, s: int, e: int) -> int:
    """Start of unquoted content text[s:e] past a leading connective and its comma."""
    m = _CONNECTIVE.match(text, s, e)
    return m.end() if m is not None and _WORD_RE.search(text, m.end(), e) else s


_LEAD_MAX = 6  # words of a sentence's lead before a source set off by commas
_RELATIVES = wordset("who whom whose which where")


def _rest_after_source(text: str, toks: list[_Match], j: int, ue: int,
                       quotes: Sequence[tuple[int, int]], ls: int, le: int,
                       ) -> tuple[int, int] | None:
    """The rest of the sentence after a source set off by commas (toks[j] its closing
    comma) behind a short lead text[ls:le]: 'Other major cleavages, according to the poll,
    include ideology' sources the whole sentence, as 'The museum, Mr. Obama said, would ...'
    does. None when the source closes the sentence, the lead is long, or a relative clause
    about the source follows ('..., according to his aides, who ...')."""
    if j + 1 >= len(toks) or toks[j][0] != "," or len(_WORD_RE.findall(text, ls, le)) > _LEAD_MAX:
        return None
    nxt = toks[j + 1][0]
    if nxt.lower() in _RELATIVES or not nxt[:1].isalnum() or _inside(ls, quotes):
        return None
    rs, re_ = _strip_span(text, toks[j + 1].start(), ue)
    re_ = _clip_clause(text, rs, re_, quotes)
    return (rs, re_) if _has_tokens(text, rs, re_, 2) else None


# Words opening an adjunct of time, place or manner rather than an object ("as part of",
# "since 2007", "during a tour"); "at" only after "speak" ("spoke at the conference"), since
# "hinted at X", "aimed at X" take it as their object's preposition, and after "said at a
# summit." a quote in the next sentence may still be what was said.
_WHEN_LEADS = wordset("during as while after before since until amid throughout")
_AT_VERBS = wordset("spoke speak speaks speaking spoken")


def _only_when_or_where(content: str, low: str) -> bool:
    """Whether unquoted content after the cue ``low`` is only where, when or as what it was
    said, with no clause, comma, infinitive or quote: "spoke at the AIPAC conference.",
    "insisted Thursday during a whistle stop tour.", "asked about in April."."""
    if _any_quote(content) or "'" in content or "‘" in content or "," in content.rstrip(
            " ,.;"):
        return False
    # Only a content whose first words say when or where can be one: most contents are
    # ruled out by their first two words, before all their words are listed.
    first_m = _WORD_RE.search(content)
    if first_m is None:
        return False
    second_m = _WORD_RE.search(content, first_m.end())
    if not _when_or_where_lead(first_m[0], second_m[0] if second_m else "", low):
        return False
    words = _WORD_RE.findall(content)
    low_words = [w.lower() for w in words]
    if not words or "to" in low_words or low_words[:2] in (["as", "much"], ["after", "all"]):
        return False
    return not _has_finite(words)  # (the lead was read above)


def _when_or_where_lead(first: str, second: str, low: str) -> bool:
    """Whether a content's first two words (``second`` "" when it has one) open a when or a
    where after the cue ``low``: "Thursday ...", "during ...", "in April ...", "at ..." after
    "spoke"."""
    first = first.lower()
    return first in _WHEN_LEADS or first in _WHEN_OPENERS or first in _TIME_WORDS or (
        first == "in" and second != "" and (second.lower() in _MONTHS or second.isdigit())) or (
        first == "at" and low in _AT_VERBS)


def _adjunct_title_end(text: str, toks: list[_Match], k: int, m: int,
                       quotes: Sequence[tuple[int, int]]) -> int:
    """End of a title set in quote marks at toks[m] inside the adjunct that opens at toks[k]
    ('on NBC's "Meet the Press"', 'in a "60 Minutes" interview'): a name, no report, so the
    search for the report's "that" goes on past it. -1 when toks[m] opens no such title."""
    if m == k or toks[m - 1][0] in ",:":
        return -1
    return next((qe for qs, qe in quotes if qs == toks[m].start()
                 and _titled_quote(text, qs, qe)), -1)


_PLACE_MAX = 3  # words of a place name set off by commas ("in Toledo, Ohio, the ...")


def _past_adjunct_comma(toks: list[_Match], k: int) -> int:
    """Where the report starts after an adjunct opening the words at toks[k] and closed by a
    comma ('argued in his email, the incident is ...', 'said on Monday, Trump would ...'):
    after the comma, when the next word opens a clause's subject. A place name set off by
    commas ('in Toledo, Ohio,') stays in the adjunct. k when no such comma closes it."""
    n = len(toks)
    m = k + 1
    while m < min(n - 1, k + 12):
        w = toks[m][0]
        if w in ".;:!?()—–-" or w in _QUOTE_CHARS or w.lower() in _FINITE_OR_AUX_OR_THAT:
            return k
        if w == ",":
            nxt = toks[m + 1][0]
            place = next((j for j in range(m + 2, min(n, m + 2 + _PLACE_MAX))
                          if not toks[j][0][:1].isupper()), None)
            if nxt[:1].isupper() and place is not None and toks[place][0] == ",":
                m = place  # "in Toledo, Ohio, ...": the place goes on, to its own comma
                continue
            clause = list(takewhile(lambda x: x not in ",;.", (x[0] for x in toks[m + 1 : m + 13])))
            if (nxt.lower() in _SUBJECT_OPENERS or nxt[:1].isupper()) and _has_finite(clause):
                return m + 1  # not 'focuses on Maricopa County, the state's largest': no verb
            return k
        m += 1
    return k


def _report_goes_on(toks: list[_Match], k: int) -> bool:
    """After '"A," he said,' (toks[k] the next word): a clause that continues the report,
    or "but" and a quote that sets the speaker's own contrast against it ('"I love
    Larry," he said, but "when ..."'; 'he said, but Kevin was ...' is the writer's)."""
    if toks[k][0] == "but":
        return k + 1 < len(toks) and toks[k + 1][0] in "“\""
    return _goes_on(toks[k][0])


_ASIDE_MAX = 10  # tokens of an aside between a cue and the rest of its quote


def _quote_after_aside(toks: list[_Match], k: int, quotes: Sequence[tuple[int, int]],
                       ) -> tuple[int, int] | None:
    """The quote that resumes after a short aside set off by commas after the cue (the
    comma at toks[k]): '"A," Tester said, referring to the excuse, "B."' is one quote cut
    twice. An aside with a report verb of its own ('..., and Jones said, "B"') is no aside."""
    n = len(toks)
    if k >= n or toks[k][0] != ",":
        return None
    for m in range(k + 1, min(n - 1, k + 2 + _ASIDE_MAX)):
        w = toks[m][0]
        if w in ".;:!?()" or w in _QUOTE_CHARS or w.lower() in STRONG_VERBS:
            return None
        if w == ",":
            if m == k + 1 or toks[m + 1][0] not in "“\"":
                return None
            return next(((qs, qe) for qs, qe in quotes if qs == toks[m + 1].start()), None)
    return None


_THAT_TIMES = wordset(
    "day night morning afternoon evening week weekend month year summer winter spring autumn "
    "fall season time moment")


def _pre_cue(text: str, toks: list[_Match], i: int, ue: int,
             quotes: Sequence[tuple[int, int]], para: int, sp: str) -> _Cand | None:
    """Pre-posed: X said [that|:] CONTENT, the cue at toks[i], the speaker ``sp``."""
    t = toks[i]
    low = t[0].lower()
    n = len(toks)
    k = i + 1
    cue_words = [t[0]]
    if k < n and toks[k][0].lower() in ("in", "on") and low == "said" and " ".join(
        x[0].lower() for x in toks[k : k + 3]
    ) == "in a statement":
        cue_words += [x[0] for x in toks[k : k + 3]]
        k += 3
    if k < n and (low, toks[k][0].lower()) in _PARTICLE_CUES:
        # "called for a boycott", "pointed to the polls": the particle belongs to the cue.
        cue_words.append(toks[k][0])
        k += 1
    start_k = k
    if k < n and toks[k][0].lower() in _COMPOUND_HEADS.get(low, ()):
        return None  # "a think tank", "the press secretary": the cue word names a thing
    if k + 2 < n and toks[k][0] == "," and toks[k + 1][0].islower() and (
            toks[k + 1][0].endswith("ing")) and toks[k + 2][0].lower() == "that":
        return None  # "fires have continued, showing that ...": the participle's report
    # 'says at a campaign stop in Toledo, Ohio, that ...': a leading adjunct may be long.
    # 'said Thursday during a taping in Buffalo, New York, that ...': a time opens one too.
    adjunct = k < n and (toks[k][0].lower() in _ADJUNCT_OPENERS)
    limit = min(n, k + (20 if adjunct else 12))
    found = None
    lead_in = False  # 'said at a town hall on Monday, "A."': the quote is the content
    asked = _question_start(toks, k) if low in _QUESTION_VERBS and k == i + 1 else None
    if asked is not None:
        found, limit = asked, k  # the question is the content: no "that" further on
    title_end = -1  # 'acknowledged on NBC's "Meet the Press" that ...': a title in the adjunct
    for m in range(k, limit):
        tm = toks[m][0]
        if toks[m].start() < title_end:
            continue
        if tm.lower() == "that" and m + 1 < n and toks[m + 1][0].lower() in _THAT_TIMES:
            continue  # "wrote songs that summer", "told reporters that day that ...": a day
        if tm.lower() == "that" and m > k - 1:
            found = m  # annotators keep the complementiser: "that the plan failed"
            if any(x[0].lower() in _FINITE for x in toks[k:m]):
                found = None  # 'says his bid is the one that won': a relative 'that'
            elif m > k and not adjunct and low not in HEARER_VERBS and m + 1 < n and (
                    toks[k][0].lower() not in _ADJUNCT_OR_SINCE) and (
                    _verb_like(toks[m + 1][0])):
                found = None  # 'reported long delays that angered fans': the object's relative
            elif adjunct and m - k > 6 and m + 1 < n and not _verb_like(toks[m + 1][0]):
                lead_in = True  # 'said in an interview last week that ...': past the adjunct
            break
        if m >= k + 12:
            if tm in ".;":
                break
            continue  # only a "that" is looked for past a long adjunct, up to its end
        if tm in _QUOTE_CHARS or tm == "“":
            title_end = _adjunct_title_end(text, toks, k, m, quotes) if adjunct else -1
            if title_end > 0:
                continue
            # A quote right after the verb opens the content; one further on is part of it.
            # 'says he's "excited"' keeps the subject; 'told reporters "Q"' skips the hearer.
            found = m if m == k or (m - k == 1 and low in HEARER_VERBS) else None
            if found is None and m - k >= 2 and toks[m - 1][0] in ",:" and (
                    toks[k][0].lower() in _ADJUNCT_STARTS or low in HEARER_VERBS
                    or toks[k][0] == "," or (m - k <= 3 and all(  # "writes back, "
                        x[0].islower() and x[0] not in DETERMINERS for x in toks[k : m - 1]))
                    ) and not any(
                    x[0].lower() in _FINITE or x[0].lower() == "that" for x in toks[k:m]):
                found, lead_in = m, True  # an adjunct or a hearer, then the quote
            break
        if tm == ":":
            found = m + 1
            break
        if tm in ".;":
            break
    if found is None and ((low in _RESPONSE and k < n and toks[k][0].lower() == "to" and not any(
            x[0].lower() == "by" or x[0] in _PARTICIPLES for x in toks[k:n])) or (
            low in _REFER and len(cue_words) == 1)):
        # "we respond to threats", "referred the call to police": what is answered or
        # passed on, with no "that", quote or colon to report.
        return None
    if found is None and low in _TESTIFY:
        # "testified side-by-side before the committee": where and how, no report; what
        # is testified to comes after "that", a quote or "about".
        about = next((m for m in range(k, min(n, k + 12)) if toks[m][0].lower() == "about"
                      or toks[m][0] in ".;:" or toks[m][0] in _QUOTE_CHARS), None)
        if about is None or toks[about][0] in ".;:":
            return None
        found = about
    if found is not None and (low in HEARER_VERBS or found - start_k <= 6 or lead_in
                              or asked is not None or low in _TESTIFY):
        k = found
    elif low in HEARER_VERBS:
        # "told reporters CONTENT": skip a short hearer phrase.
        while k < n and k - start_k < 3 and toks[k][0].lower() in (
            "reporters", "the", "a", "him", "her", "them", "us", "me", "cnn", "abc",
            "nbc", "cbs", "fox", "voters", "supporters", "audience", "crowd"
        ):
            k += 1
        if k > start_k and toks[k - 1][0].lower() in ("the", "a"):
            k -= 1  # "told reporters the plan was dead": the article opens the content
    if low in HEARER_VERBS and found is None:
        # "told host Chris Cuomo she believed ...", "told POLITICO that ...": a named hearer
        # before the content's own subject.
        m = k
        while m < n and m - k < 6 and (toks[m][0][:1].isupper() or toks[m][0].lower() in (
                "host", "anchor", "the", "a", "an", "me", "us")) and toks[m][0] not in "“\"":
            m += 1
        if k < m < n and _opens_subject(toks[m][0]):
            k = m
        elif k == start_k:
            # "told police he ...", "told the jury they ...": any short hearer phrase before
            # the content's own subject.
            subject_at = next((j for j in range(k + 1, min(n, k + 4))
                               if _opens_subject(toks[j][0]) and toks[j][0] != "that"), None)
            if subject_at is not None and _is_hearer([x[0] for x in toks[k:subject_at]]):
                k = subject_at
    if found is None and adjunct and low not in HEARER_VERBS:
        k = _past_adjunct_comma(toks, k)  # 'argued in his email, the incident is ...'
    naming = low in _NAMING and len(cue_words) == 1 and found is None
    if found is None:
        k = _past_time(toks, k)  # "said Wednesday he agrees": the time is the cue's
    if k >= n or _cue_modifies_subject(toks, k):
        return None
    if low in _ASPECTUAL and toks[k][0].lower() == "to":
        return None  # "the fires have continued to burn": aspect, not speech
    if toks[k][0].lower() in _IN_THE_TEXT:
        return None  # "the impacts outlined above": a participle pointing into the text
    if low in _EVIDENCE_VERBS and _shows_signs(toks, k):
        return None  # "the other 28 people have showed no signs of ...": a state, no report
    cs, ce = _strip_span(text, toks[k].start(), ue)
    ce = _clip_clause(text, cs, ce, quotes)
    ce = _cue_adjunct_end(text, cs, ce, quotes)
    if naming:
        # 'called it the "end of an era," as the plant closed': the quoted name, closed by
        # its own comma before a subordinate clause, ends the content; the clause is the
        # writer's. (Annotators keep the object: "it the ...".)
        q = next(((qs, qe) for qs, qe in quotes if cs <= qs < cs + 12), None)
        after = _WORD_RE.match(text, q[1] + 1) if q is not None else None
        if q is not None and q[1] < ce and text[q[0]:q[1]].rstrip("”\"")[-1:] == "," and (
                after is not None and after.group(0).lower() in _SUBORDINATORS):
            ce = _strip_span(text, cs, q[1])[1]
    quote_end = next((qe for qs, qe in quotes if qs == cs), None)
    if quote_end is not None and quote_end < ce and (
            text[cs:quote_end].rstrip("”\"")[-1:] in ",.!?"):
        # 'wrote, "A," and shared a link': a quote closed by its own stop is the report
        ce = quote_end
    if ce <= cs or not _has_tokens(text, cs, ce, 2) or _no_report(text[cs : min(ce, cs + 40)]):
        return None
    if _only_when_or_where(text[cs:ce], low):
        return None  # "spoke at the AIPAC conference.", "insisted Thursday during a tour."
    if low in _ADD_FORMS and adds_a_count(text[cs : min(ce, cs + 60)]):
        return None  # "added three assists", "added his seventh goal": a score sheet
    if low in _DECLINE_FORMS and _opens_with_amount(text[cs : min(ce, cs + 20)]):
        return None  # "exports declined 40 percent": a fall, not a refusal
    return _Cand(sp, " ".join(cue_words), [(cs, ce)], para)


def _asks_who(before: str) -> bool:
    """A verb before "who" makes it a question's ("learned who", "asked who", "know who"),
    not a relative pronoun after a noun ("the officials who")."""
    return before.islower() and (_past_verb(before) or before in WEAK_VERBS)


_SIGN_AMOUNTS = wordset("no little any few some several clear")
_SIGNS = wordset("sign signs symptom symptoms")


def _shows_signs(toks: list[_Match], k: int) -> bool:
    """ "showed no signs of", "shown little sign of": what someone or something showed, the
    object a sign of a state, with no report of anyone's ("polls show a close race" is one)."""
    words = [x[0].lower() for x in toks[k : k + 3]]
    return bool(words) and words[0] in _SIGN_AMOUNTS and any(w in _SIGNS for w in words[1:])


_IN_THE_TEXT = wordset("above below")
_COORDINATORS = frozenset(("and", "but", "or", "nor"))  # lower case: a capital opens a sentence


def _next_clause_only(text: str, cue_end: int, cs: int) -> bool:
    """The content found after a cue at ``cue_end`` opens with a comma and a conjunction (",
    but it's in the ballpark"): the next clause, the verb's object being before it. ("Gibbs
    derided and insulted ...": two verbs, one object; "A, he said, but B": set off.)"""
    m = _WORD_RE.match(text, cs)
    return m is not None and m[0] in _COORDINATORS and "," in text[cue_end:cs]


_ADD_FORMS = wordset("add adds added adding")
_COUNT_WORDS = wordset("one two three four five six seven eight nine ten eleven twelve another")
_POSSESSIVES = wordset("his her their its")
_ORDINAL_RE = re.compile(
    r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|\w+teenth|\w+tieth)$"
)


def adds_a_count(content: str) -> bool:
    """Whether words after "added" count something ("three assists", "his seventh goal",
    "27 points") rather than report what was said ("that ...", "the plan would fail")."""
    found = [w.lower() for w in _WORD_RE.findall(content[:60])]
    words = found[:2]
    if not words:
        return False
    if words[0][:1].isdigit() or words[0] in _COUNT_WORDS:
        # "added 300 jobs would go": a clause with its own verb is a report
        return _AUX.isdisjoint(found[1:8])
    return words[0] in _POSSESSIVES and len(words) == 2 and (
        words[1][:1].isdigit() or words[1] in _COUNT_WORDS or bool(_ORDINAL_RE.match(words[1]))
    )


_DECLINE_FORMS = wordset("decline declines declined declining")
_AMOUNT = re.compile(r"[$€£]?\d")


def _opens_with_amount(content: str) -> bool:
    """Whether the words after the cue open with a figure ("40 percent", "$2 million")."""
    return _AMOUNT.match(content) is not None


_EMPTY_REPORTS = frozenset(("a lot", "it all", "nothing", "little", "much", "so", "as much",
                            "a great deal", "very little"))


def _no_report(content: str) -> bool:
    """Words after a cue verb that report nothing: no word at all ('.)'), or only where
    from, by whom or to whom ("reported from Oakland", "was first reported by Politico",
    "reported to him"); "responded by saying ..." tells how, and is kept."""
    words = _WORD_RE.findall(content[:40])  # (callers may pass just these 40)
    if not words:
        return True
    first = words[0].lower()
    if len(words) <= 3 and " ".join(w.lower() for w in words) in _EMPTY_REPORTS:
        return True  # "their smiles said a lot", "that says it all": nothing reported
    return first == "from" or (first == "by" and not any(
        w.lower().endswith("ing") for w in words[1:3])) or (
        first == "to" and len(words) <= 2 and words[-1].lower() in _OBJECT_PRONOUNS)


# Verbs that report a question: "asked Obama whether ...", "questioned Morrison about ...".
# Prepositions opening an adjunct between a verb and its report ("said in an interview
# with the AP last week that ...").
_ADJUNCT_PREPS = wordset("in at on during before after from while")
_TESTIFY = frozenset(inflect("testify"))
_SINCE = wordset("since until")
_ADJUNCT_OR_SINCE = _ADJUNCT_STARTS | _BAD_FIRST | _SINCE
# Verbs that give a name: "called it X", "dubbed him X".
_NAMING = frozenset(inflect("call") | set(_WEAK_IRREGULAR["dub"]) | inflect("label"))
_SUBORDINATORS = wordset("as while because when after before although though since")
_RESPONSE = frozenset(inflect("respond") | inflect("reply"))
_REFER = frozenset(_WEAK_IRREGULAR["refer"] + ("refer",))
_QUESTION_VERBS = frozenset(
    w for base in ("ask", "question", "press") for w in inflect(base)
) - {"presses", "press", "question", "questions"}  # nouns too: "faced questions about"
_WH = wordset("whether if why how what who whom when where which")
_NOT_HEARER = _CLAUSE_WORDS | _WH | _SENTENCE_ADVERBS
_FINITE_OR_AUX_OR_THAT = _FINITE_OR_AUX | {"that"}

# Nouns a cue word modifies in a compound ("a think tank", "the press secretary").
_COMPOUND_HEADS = {
    "think": wordset("tank tanks"),
    "press": wordset("""secretary secretaries conference conferences release releases corps
    office officer officers aide aides briefing briefings"""),
}
_FINITE_FORMS = _FINITE_OR_AUX - wordset("be been being")
_SHORT_ADJUNCT = 4  # words of a place or time phrase between a participle and the verb
_ADJUNCT_STOPS = _WH | PRONOUNS | wordset("that and or but")


def _cue_modifies_subject(toks: list[_Match], k: int) -> bool:
    """Whether the cue word before toks[k] belongs to the sentence's subject, whose own
    verb follows, so that nothing is reported from toks[k] on: a participle with a short
    place phrase ('The bureau cited in his tweet does not exist', 'offered in Paris
    would'); or what "by" opens, a passive's agent or the means ('responded by cutting
    taxes'). ('announced Monday would ...' is left to the filter: see _past_time.)"""
    first = toks[k][0]
    if first in _AUX and k + 1 < len(toks) and toks[k + 1][0] == "by":
        first = "by"  # "responded first by saying ...": the adverb tells when
    if first == "by":
        return True  # a passive's agent, or the means ("responded by cutting taxes")
    if first not in _ADJUNCT_PREPS:
        return False
    # "cited in his tweet does not exist", "offered in Paris would": the verb comes after
    # a short phrase with no subject of its own ("said in a statement the plan would"
    # has one: a second determiner).
    for m in range(k + 1, min(len(toks), k + 1 + _SHORT_ADJUNCT)):
        w = toks[m][0]
        if w in _FINITE_FORMS:
            return True
        if not w[:1].isalnum() or w.lower() in _ADJUNCT_STOPS or (
                m > k + 1 and w.lower() in DETERMINERS):
            return False
    return False


def _verb_like(word: str) -> bool:
    """A word that makes the "that" before it a relative pronoun ("rules that allow",
    "a center that works"), not a complementiser ("that anger is rising")."""
    low = word.lower()
    return low in _FINITE or low in _VERB_BASE or (word.islower() and low.endswith(("ed", "ly")))


# Present-tense verbs common after a relative "that" (an -s noun cannot be told from them).
_VERB_BASE = wordset("""allow allows make makes help helps give gives keep keeps take takes seem
seems let lets need needs want wants work works include includes""")


def _question_start(toks: list[_Match], k: int) -> int | None:
    """Where the question starts after a question verb whose words begin at toks[k]: at its
    wh-word ("asked whether ...", "asked the senator if ..."), or after "about" ("questioned
    Morrison about his testimony": the person asked is the hearer, not the content). None:
    no question follows ("asked the woman to raise her voice")."""
    for m in range(k, min(len(toks), k + 6)):
        w = toks[m][0]
        low = w.lower()
        if low in _WH or low == "about":
            if m > k and not _is_hearer([x[0] for x in toks[k:m]]):
                return None
            start = m + (low == "about")
            return start if start < len(toks) else None
        if not (w[:1].isalpha() or w in (".", "’s", "'s")):
            return None  # punctuation or a quote mark: no hearer phrase runs on
    return None


def _is_hearer(words: list[str]) -> bool:
    """A short object phrase: a name, an object pronoun, or a determiner and nouns
    ("Morrison", "him", "the senator", "Secretary Clinton")."""
    low = [w.lower() for w in words]
    if len(words) == 1 and (low[0] in _OBJECT_PRONOUNS or (
            words[0].isalpha() and low[0] not in _NOT_HEARER
            and not low[0].endswith(("ed", "ing", "ly")))):
        return True  # "him", "reporters", "Morrison"
    return len(words) <= 4 and (words[0][:1].isupper() or low[0] in DETERMINERS) and not any(
        x in _CLAUSE_WORDS or x in _WH or x in _OBJECT_PRONOUNS or x in _BAD_FIRST
        or x.endswith(("ed", "ing")) for x in low)


_OBJECT_PRONOUNS = wordset("him her them me us you")


def _before_adjunct(words: list[str]) -> list[str]:
    """The words before a time or place adjunct after a hearer ("reporters on Saturday",
    "them in an interview"); "the story of a man" keeps its "of"."""
    at = next((m for m, w in enumerate(words) if m and w.lower() in _ADJUNCT_OPENERS), None)
    return words if at is None else words[:at]


def _goes_on(word: str) -> bool:
    """'"A," he said, that B' / ', is B': after a quote and its cue, a clause that
    continues the report (not "adding ...", "referring to ...", "in a statement")."""
    low = word.lower()
    return word.islower() and low in _CONTINUES


_CONTINUES = wordset(
    "that the he she they it there this a an his her their one is was are were would will")
_HEARER_NEXT = wordset("he she they we i it that there his her their its")


def _opens_subject(word: str) -> bool:
    """Whether a word after a hearer opens the content's own clause: "he", "that", or a
    contracted subject ("he’ll", "they've")."""
    return word.lower() in _HEARER_NEXT or (_contracted(word) or "").lower() in _HEARER_NEXT


_ASPECTUAL = wordset("continue continues continued continuing")


# Where reported content usually stops: a coordinated or concessive clause after it.
_CLAUSE_END = re.compile(
    r",\s+(?:but|while|although|though|even\s+though|even\s+as|yet)\s"
    r"|\s(?:even\s+though|although)\s"
    r"|\s[—–]\s+but\s"  # "said A — but B": the writer's contrast (8 to 2 in the dev gold)
)


_SECOND_CUE = re.compile(
    r"\s(?:and|but)\s+(?:then\s+|also\s+|later\s+)?([a-z]+ed|said|told|wrote)\b(?=[,:]?\s*[“\"])"
    r"|,\s+(?:" + "|".join(sorted(_PARTICIPLES)) + r")\b"
    # "X, noting A, said B": the aside's report ends where the subject's own verb comes.
    r"|,\s+(?:said|says|told|tells)\b(?!\s+to\b)")
_NEXT_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s|;\s")
_WORD_RE = re.compile(r"[\w’'-]+")


# What follows the verb of an "as X said" aside when the aside has no report of its own:
# where or when it was said ("as Poole noted in The Courier", "as he said before").
_ASIDE_TAIL = wordset("in on at during after before from by for with out earlier again so too")


def _aside_ends(text: str, s: int, e: int) -> bool:
    """Whether text[s:e], after the verb of an "as X said" aside, says only where or when:
    an adjunct, then the end or a comma and the rest of the writer's sentence ("as Poole said
    on Monday, only makes it harder"). '..., as Poole noted in May, the bridge will close'
    reports the clause after the comma."""
    words = _WORD_RE.findall(text, s, e)
    if not words or words[0] not in _ASIDE_TAIL or _ANY_QUOTE.search(text, s, e):
        return False
    comma = text.find(",", s, e)
    after = _WORD_RE.search(text, comma, e) if comma >= 0 else None
    return after is None or (after.group(0).islower() and after.group(0) not in DETERMINERS
                             and after.group(0) not in PRONOUNS)


# Not "as": 'as the Times noted in an op-ed, the senator has ...' reports the main clause.
_SUBORDINATE_OPENERS = (_SUBORDINATORS - {"as"}) | wordset("if once until unless")


def _main_clause_starts(text: str, s: int, e: int, quotes: Sequence[tuple[int, int]]) -> int:
    """End of what a cue reports inside a leading subordinate clause ("After the court
    refused to reconsider the case, the attorney general asked ..."): the first comma outside
    quotes followed by a subject (a determiner, a pronoun or a capitalised word)."""
    for m in _COMMA_WORD.finditer(text, s, e):
        w = m.group(1)
        if _WORD_RE.search(text, s, m.start()) and not _inside(m.start(), quotes) and (
                w.lower() in _SUBJECT_OPENERS or w[:1].isupper()) and w.lower() != "that":
            return _strip_span(text, s, m.start())[1]
    return e


_COMMA_WORD = re.compile(r",\s+([\w’'-]+)")


_TIME_LEADS = wordset("on last this earlier late early")
_DAY_PARTS = wordset("morning afternoon evening night")


def _past_time(toks: list[_Match], k: int) -> int:
    """The first token after a time phrase opening the words at toks[k] ("Wednesday", "on
    Monday", "last week", "Thursday night") when a clause or object follows it, else k."""
    n = len(toks)
    m = k + (k + 1 < n and toks[k][0].lower() in _TIME_LEADS)
    if m >= n or not (toks[m][0].lower() in _WHEN_OPENERS or toks[m][0].lower() in _TIME_WORDS):
        return k
    m += 1
    if m < n and toks[m][0].lower() in _DAY_PARTS:
        m += 1
    w = toks[m][0] if m < n else ""
    if w[:1].isalnum() and w.lower() not in _ADJUNCT_STARTS and not _verb_like(w):
        return m  # not "tweeted Thursday targeted at ...", "announced Monday would ...": verbs
    return k


# Words after which a clause may have a verb of its own: "X is Y and Z was W".
_CLAUSE_LINKS = _BOUNDARY_WORDS | _WH | wordset("to who whom whose which")


def _second_verb(text: str, s: int, e: int, quotes: Sequence[tuple[int, int]]) -> int:
    """End of a report inside a restrictive relative ("those who say A is B were ..."): before
    a second auxiliary or form of "be" with no conjunction, relative word or punctuation
    since the report's own, where the main clause's verb comes back."""
    toks = list(_TOKEN.finditer(text, s, e))
    have_verb = prev_verb = False
    for k, t in enumerate(toks):
        w = t[0].lower()
        if k < 2 and toks[0][0].lower() == "to":
            # "donors who want to give more could ...": "to" and its verb, the report's.
            have_verb = True
            continue
        if w in _CLAUSE_LINKS or not w[:1].isalnum() or _inside(t.start(), quotes):
            have_verb = prev_verb = False
            continue
        is_verb = w in _FINITE or w in _AUX_VERBS
        if is_verb and have_verb and not prev_verb:
            return _strip_span(text, s, t.start())[1]
        have_verb = have_verb or is_verb
        prev_verb = is_verb or (prev_verb and (w == "not" or w.endswith("ly")))
    return e


def _another_that(text: str, i: int, e: int) -> bool:
    """Whether text[i:e] opens with a complementiser "that": "said A, but that B" reports
    B too; "that is why ..." (a pronoun and its verb) does not."""
    words = _WORD_RE.findall(text, i, min(e, i + 40))[:2]
    return len(words) == 2 and words[0] == "that" and not (
        words[1].lower() in _FINITE or words[1].lower() in _AUX_VERBS)


_SPACED_DASH = re.compile(r"\s[—–]\s")
_SENTENCE_STOP = re.compile(r"[.;?!](?:\s|$)")


def _aside_closes(text: str, i: int, e: int) -> bool:
    """Whether a dash closes, within the sentence, the aside opened before text[i:e] ("the
    budget — but not the tax plan — was sound")."""
    stop = _SENTENCE_STOP.search(text, i, e)
    return _SPACED_DASH.search(text, i, stop.start() if stop else e) is not None


def _clip_clause(text: str, s: int, e: int, quotes: Sequence[tuple[int, int]]) -> int:
    """End of the reported clause in text[s:e]: "X said A, but B" reports only A."""
    # Each pattern needs one of its words in the text: substring tests first, a cheap "no".
    seg = text[s:e]
    clause_end = "but" in seg or "while" in seg or "though" in seg or "even" in seg or (
        "yet" in seg)
    for m in _CLAUSE_END.finditer(text, s, e) if clause_end else ():
        if m.start() - s >= 12 and not _inside(m.start(), quotes) and not _another_that(
                text, m.end(), e) and not (m[0].lstrip()[:1] in "—–" and _aside_closes(
                text, m.end(), e)):
            return _strip_span(text, s, m.start())[1]
    # "X confirmed it and said, 'B'", "X tweeted thanks, adding 'B'": a second cue of the
    # same speaker starts a report of its own.
    # (after "and"/"but" the cue needs a quote mark next; after a comma, -ing: participles)
    second = (("and" in seg or "but" in seg) and ('"' in seg or "“" in seg)) or ("," in seg and (
        "ing" in seg or "said" in seg or "says" in seg or "told" in seg or "tells" in seg))
    for m in _SECOND_CUE.finditer(text, s, e) if second else ():
        if m.start() - s >= (8 if m.group(1) else 3) and not _inside(m.start(), quotes) and (
                m.group(1) is None or m.group(1) in STRONG_VERBS):
            return _strip_span(text, s, m.start())[1]
    # "A said B, and C said D": the next clause has its own speaker and cue.
    for m in _NEXT_CLAUSE.finditer(text, s, e) if "," in seg or ";" in seg else ():
        nxt = _WORD_RE.findall(text[m.end() : min(e, m.end() + 80)])[:8]
        if m.start() - s >= 12 and not _inside(m.start(), quotes) and (any(
            w in STRONG_VERBS for w in nxt
        ) or (m.group(0).startswith(",") and "and" in m.group(0) and (_new_clause(
                text, m.end(), e) or _coordinated_report(nxt)))):
            return _strip_span(text, s, m.start())[1]
    return e


# The cue of a coordinated report right before its content ("..., and then pointed out ").
_COORDINATED_CUE = re.compile(r",\s+and\s+(?:[a-z]+\s+)?[a-z]+ed(?:\s+out)?\s+$")
# Such a cue anywhere in a unit, with its "that": the second scan runs only where one is.
_COORDINATED_AT = re.compile(r",\s+and\s+(?:[a-z]+\s+)?[a-z]+ed(?:\s+out)?\s+that\b")


def _coordinated_report(words: list[str]) -> bool:
    """Whether ``words``, after ", and", open the same subject's second report: a past-tense
    cue verb, perhaps after an adverb, then "that" or "out that" ("said A, and then pointed
    out that B" reports A, then B)."""
    k = 1 if len(words) > 2 and words[0] in _AUX else 0
    verb = words[k] if len(words) > k + 1 else ""
    nxt = words[k + 1:k + 3]
    return verb.endswith("ed") and verb in CUE_VERBS and bool(nxt) and (
        nxt[0] == "that" or nxt == ["out", "that"])


# A relative clause set off by commas or spaced dashes between a reported clause's subject
# and its verb ("that Ms. Poole, who ran the office for a decade, was ...") is the writer's
# aside telling the reader who the subject is, not part of what was reported.
_REL_ASIDE = re.compile(
    r",\s+(?:who|which|whose)\s[^,;:.?!“”\"]+?,\s+"
    r"|\s[—–-]\s+(?:who|which|whose)\s(?:(?!\s[—–-]\s)[^;:.?!“”\"])+?\s[—–-]\s+")
_VERB_LEADS = wordset("still also now not never already")  # "..., still faces"
# Words ending in -s that are no verb: after the aside, "perhaps ..." does not resume a clause.
_S_NOT_VERBS = wordset("this thus plus always perhaps sometimes whereas besides towards")


def _resumes_with_verb(text: str, i: int, e: int) -> bool:
    """Whether text[i:e] opens with a finite verb (perhaps after an adverb): the clause the
    aside interrupted goes on ("was deeply involved", "still faces", "voted")."""
    words = _WORD_RE.findall(text, i, min(e, i + 40))[:2]
    if words and len(words) > 1 and words[0].islower() and (
            words[0] in _VERB_LEADS or words[0].endswith("ly")):
        words = words[1:]
    w = words[0] if words else ""
    return w.islower() and (w in _FINITE or w in _AUX_VERBS or w.endswith(("ed", "n’t", "n't"))
                            or (len(w) > 3 and w.endswith("s") and not w.endswith("ss")
                                and w not in _S_NOT_VERBS))


def _without_relative_aside(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Unquoted content pieces with a relative aside between subject and verb left out."""
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        m = _REL_ASIDE.search(text, s, e) if "wh" in text[s:e] else None
        if m is not None and _WORD_RE.search(text, s, m.start()) and _resumes_with_verb(
                text, m.end(), e):
            out += [(s, m.start()), (m.end(), e)]
        else:
            out.append((s, e))
    return out


# Words that open a subject: "..., and the union stepped in", "..., and most don't expect".
_SUBJECT_OPENERS = DETERMINERS | _PERSONAL | wordset("it most many some few others both")


def _new_clause(text: str, i: int, e: int) -> bool:
    """Whether text[i:e] opens a clause with a subject of its own: a determiner, pronoun or
    name, then a finite verb before any punctuation ("the coal union also stepped in", "most
    don't expect"). After ", and" such a clause is the writer's, not the report: "agreed to
    lend him $5 million, and the union also stepped in". "and that ..." goes on reporting."""
    toks = _TOKEN.findall(text[i : min(e, i + 80)])[:8]
    if not toks or toks[0].lower() == "that" or not (
            toks[0].lower() in _SUBJECT_OPENERS or toks[0][:1].isupper()):
        return False
    for w in toks[1:]:
        low = w.lower()
        if not w[:1].isalnum() or low in _WH or low == "that":
            # "..., and Mr. Cruz in particular, must ...": an aside; "and a new Syria where
            # Assad is ...": a relative clause's verb, in a list of nouns
            return False
        if low in _FINITE or low in _AUX_VERBS or low.endswith(("n’t", "n't")) or (
                w.islower() and low.endswith("ed")):
            return True
    return False


# Where or how the speaker spoke, not what was said: "claimed victory in a tweet", "denied
# the charges through his lawyer", "spoke about X on condition of anonymity because ...".
_CHANNEL = re.compile(
    r"(?i)\s(?:(?:in|during|through|via)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:" + "|".join(CHANNEL_NOUNS) + r")s?(?![\w-])|in\s+print\b)")
_ANONYMITY = re.compile(
    r"(?i),?\s+(?:only\s+)?(?:on|under)\s+(?:the\s+)?condition\s+(?:of|that)\b")
# Words that may follow the channel in the same adjunct ("in a statement on Thursday",
# "in an interview with CNN"); anything else (an object, a verb) means the phrase was inside
# the content.
_CHANNEL_GOES_ON = wordset("of on with to at in before after last earlier this that")
_CLAUSE_OPENERS = _PERSONAL | _WH | wordset("that")
_DAYS = "monday tuesday wednesday thursday friday saturday sunday"
_WHEN = re.compile(
    r"(?i)\s(?:(?:in|on|during|last|this|earlier|early|late)\s+(?:(?:the|a)\s+)?"
    r"(?:" + "|".join(_DAYS.split() + sorted(_MONTHS)) + r"|\d{4}|recent\s+(?:days|weeks|months"
    r"|years)|(?:last|past)\s+(?:week|month|year)|week|month|year|weekend)"
    r"|" + "|".join(_DAYS.split()) + r"|yesterday|today|tonight)\b(?![’'])")
_WHEN_LOWER = re.compile(_WHEN.pattern.removeprefix("(?i)"))  # for lower-case text (_when_in)
# Words that open a time adjunct on their own: "said Thursday during a taping ... that".
_WHEN_OPENERS = wordset(_DAYS + " yesterday today tonight last earlier")
_ADJUNCT_OPENERS = _ADJUNCT_PREPS | _WHEN_OPENERS
# What may follow a time in the same adjunct ("on Monday at a rally", "in June 2015");
# "Wednesday to block ..." goes on with the object's own infinitive.
_WHEN_GOES_ON = (_CHANNEL_GOES_ON - {"to"}) | _TIME_WORDS


def _has_finite(words: list[str]) -> bool:
    """A verb of its own in ``words``: a subject pronoun or "that" first, an auxiliary, a
    "said", or a past-tense form ("took", unseen, is missed)."""
    low = [w.lower() for w in words]
    return not low or low[0] in _CLAUSE_OPENERS or any(
        w in _FINITE or w in _AUX_VERBS or w in ("said", "says") or w.endswith(("n’t", "n't"))
        for w in low) or any(w.islower() and w.endswith("ed") for w in words[1:])


def _cue_adjunct_end(text: str, s: int, e: int, quotes: Sequence[tuple[int, int]]) -> int:
    """End of unquoted content in text[s:e] before an adjunct that belongs to the cue: "on
    condition of anonymity ..." always; a channel ("in a statement", "during his speech",
    "through his lawyer", "in print") after an object with no verb of its own ("announced his
    candidacy in a speech"; in "said the plan is dead in an interview" the interview may be
    the clause's own)."""
    if any(s <= qs < e for qs, _ in quotes):
        return e
    low = text[s:e].lower()
    m = _ANONYMITY.search(text, s, e) if "cond" in low else None  # "condition": rare
    if m is not None and _WORD_RE.search(text, s, m.start()):
        e = m.start()
        low = text[s:e].lower()
    for m in _CHANNEL.finditer(text, s, e):
        head = _WORD_RE.findall(text, s, m.start())
        if not head:
            continue
        tail = _WORD_RE.findall(text, m.end(), e)
        if _has_finite(head) or _has_finite(["x", *tail]) or (
                tail and tail[0].lower() not in _CHANNEL_GOES_ON
                and text[m.end():e].lstrip()[:1] not in ",;"):
            break
        return _strip_span(text, s, m.start())[1]
    when = _when_in(text, s, e, low)
    if when is not None:
        # "announced his candidacy in June 2015", "said little about it in recent months":
        # when, after a short object; in a clause the time may be the clause's own.
        head = _WORD_RE.findall(text, s, when[0])
        tail = _WORD_RE.findall(text, when[1], e)
        if 0 < len(head) <= 4 and len(tail) <= 6 and not _has_finite(head) and not (
                _has_finite(["x", *tail])) and all(
                w[:1].isdigit() or w.lower() in _WHEN_GOES_ON for w in tail[:1]):
            return _strip_span(text, s, when[0])[1]
    return e


def _when_in(text: str, s: int, e: int, low: str) -> tuple[int, int] | None:
    """The span of _WHEN's first match in text[s:e]; ``low`` is text[s:e].lower()."""
    if len(low) == e - s and "ı" not in low and "ſ" not in low:
        # Each character lowered to one, none that a case-blind "i" or "s" also matches
        # (dotless i, long s): the lower-case pattern on ``low`` matches where _WHEN does
        # on the text, at half the cost (each letter compared as it is, not case-folded).
        m = _WHEN_LOWER.search(low)
        return None if m is None else (s + m.start(), s + m.end())
    m = _WHEN.search(text, s, e)
    return None if m is None else m.span()


_FRAME_STARTS = re.compile(
    r"(?i)(?:asked|when|after|before|while|as|in|at|on|during|speaking|pressed|responding"
    r"|following|addressing|referring|if|since|because|later|earlier|then|and|but)\b"
)


def _last_clause(text: str, s: int, e: int, quotes: Sequence[tuple[int, int]],
                 ) -> tuple[int, int]:
    """'Bound by X, the two nations, Xi said, now have Y': a cue set mid-sentence reports
    the clause it interrupts, not the adverbial phrases before it."""
    cut = text.rfind(", ", s, e)
    while cut >= 0 and _inside(cut, quotes):
        cut = text.rfind(", ", s, cut)
    return (cut + 2, e) if cut >= 0 and e - cut > 3 else (s, e)


def _trim_scare_tail(text: str, s: int, e: int) -> tuple[int, int]:
    """'"A" with North Korea, he said' keeps the quote: a short unquoted tail is glue."""
    q = quote_spans(text[s:e])
    if q and q[0][0] == 0 and q[0][1] < e - s:
        tail = text[s + q[0][1] : e]
        if len(tail.split()) <= 4 and "“" not in tail and '"' not in tail:
            return s, s + q[0][1]
    return s, e


def _kind(text: str, pieces: Sequence[tuple[int, int]]) -> Kind:
    content = " ".join(text[s:e] for s, e in pieces)
    if not _any_quote(content):
        return Kind.INDIRECT  # no mark for quote_spans to pair, plain or NYT-style
    content = _plain_quotes(content)
    inq = quote_spans(content)
    if not inq:
        return Kind.INDIRECT
    # A word character outside the quotes (sorted, disjoint): looked for between them, not
    # in a copy with the quotes cut out.
    prev = 0
    for s, e in inq:
        if _WORD_CHAR.search(content, prev, s):
            return Kind.MIXED
        prev = e
    if _WORD_CHAR.search(content, prev):
        return Kind.MIXED
    return Kind.DIRECT


def _any_quote(content: str) -> bool:
    """What _ANY_QUOTE finds, by substring tests: a few C scans cost less than the regex."""
    return '"' in content or "“" in content or "”" in content or "``" in content or (
        "''" in content)


_ANY_QUOTE = re.compile("[“”\"]|``|''")
_WORD_CHAR = re.compile(r"\w")


def _is_scare_quote(text: str, s: int, e: int) -> bool:
    inner = text[s + 1 : e - 1]
    return len(inner.split()) <= 4 and not re.search(r"[.!?,]\W*$", inner)


# Newsroom labels that head a line as a speaker would ("Correction: An earlier version
# ...", "The Latest: Trump wins"): the page's own voice, no one's reported speech.
_PAGE_LABELS = frozenset((
    "the latest", "latest", "breaking", "breaking news", "correction", "corrections",
    "clarification", "contributing", "editor's note", "editors' note", "editor's notes",
    "byline", "update", "updated", "related", "watch", "video", "photos", "read more",
    "revealed", "exclusive", "just in", "just leaked", "developing", "programming note",
    # a page's furniture: what the page says of itself, no one's words
    "disclaimer", "note", "sponsored", "advertisement", "photo", "image", "credit",
    "source", "sources", "tags", "see also", "also read", "read also"))


# "Pence: ...", and a columnist with the paper, as a round-up of opinion gives them:
# "Kathleen Parker, The Washington Post: ...".
_CAP = r"[A-Z][\w’'.-]*"
_COLON_LINE = re.compile(
    rf"[\"“]?({_CAP}(?: {_CAP}){{0,3}}(?:, (?:the |The )?{_CAP}(?: (?:of |the )?{_CAP}){{0,4}})?)"
    r": (\S.{5,})$")  # '"WALLACE: ...': a transcript set in quotes opens with the mark


_LIST_MIN = 4  # names in a list after a label ("Iowa: Tim Albrecht, Brad Anderson, ...")


def _names_list(words: str) -> bool:
    """Whether ``words`` are a list of names, no report: "Tim Albrecht, Brad Anderson, Rob
    Barron, ..." after a label names who took part."""
    items = [x.strip(" .;") for x in words.split(",")]
    return len(items) >= _LIST_MIN and all(
        x and len(x.split()) <= 7 and all(w[:1].isupper() or w in ("and", "&") for w in x.split())
        for x in items)


def _colon_cue(text: str, para: int) -> _Cand | None:
    """Headline-style "Pence: Gennifer Flowers Won't Be at Debate"."""
    m = _COLON_LINE.match(text) if ": " in text else None
    if not m or m.group(1).lower().replace("’", "'") in _PAGE_LABELS or _names_list(m.group(2)):
        return None
    first, _, rest = m.group(1).partition(" ")
    # 'Said Ellis: "A."': a verb of saying opens the label, the speaker comes after it.
    speaker = rest if first in _VERB_FIRST and rest else m.group(1)
    return _Cand(speaker, ":", [(m.start(2), m.end(2))], para, how="colon")


# A triple mark is a single quote closing (or opening) together with the outer one:
# "'old-school,''' said" closes ' then ''; "'''College Bowl" opens '' then '.
_NYT_QUOTES = re.compile(r"'''(?!')|``|''")


def _curl(m: re.Match[str]) -> str:
    text, i = m.string, m.start()
    before = text[i - 1] if i else " "
    after = text[m.end() : m.end() + 1] or " "
    if m.group(0) == "'''":
        return "““'" if before.isspace() or before in "([—–-" else "'””"
    if m.group(0) == "``" or ((before.isspace() or before in "([—–-") and not after.isspace()):
        return "““"
    return "””"


def _plain_quotes(text: str) -> str:
    """Same-length copy of ``text`` with NYT-style ''marks'' as doubled curly ones, and a
    typed dash (" -- ") as the dash it stands for, which the rules know ("said A -- but
    B" reports A)."""
    if "''" in text or "``" in text:
        text = _NYT_QUOTES.sub(_curl, text)
    return text.replace(" -- ", "  — ") if " -- " in text else text


def _typed_dashes(words: str, original: str) -> str:
    """``words`` read in ``_plain_quotes``' copy as the article typed them ("--")."""
    if "—" not in words or words in original:
        return words
    return words.replace("  —", " --").replace("—", "--")


def _extract_paragraph(original: str, para: int, sentences: Sequence[tuple[int, int]] | None,
                       plain: str, quotes: list[tuple[int, int]]) -> list[_Cand]:
    """Candidates of one paragraph; ``plain`` is ``_plain_quotes(original)``, ``quotes``
    its ``quote_spans``."""
    # NYT-style ''quotes'' and ``quotes'': analyse a same-length copy with doubled curly
    # marks, facing the way the text around them says.
    text = plain
    if _headline_case(text):
        # "Hollande Says Trump ‘Makes You Want To Retch’": a headline capitalises its verb.
        # (Letters only change case: the quote spans stay.)
        text = _HEADLINE_VERB.sub(lambda m: m.group(0).lower(), text)
    if text is not original:
        sentences = None  # the original's sentences: the copy may split differently
    out: list[_Cand] = []
    colon = _colon_cue(text, para)
    if colon:
        return [colon]
    prev_post: _Cand | None = None
    # A report that opens on its quote ('"A," Woolson said.'): a later sentence that is
    # only a quote goes on with it across the writer's unquoted sentences between them
    # ('They also lie in a dead zone. "B."'), as one quote cut by narration.
    held: _Cand | None = None
    for us, ue in _units(text, quotes, sentences):
        cands = _find_cues(text, us, ue, quotes, para)
        if not cands and prev_post is not None:
            # A bare quote after '"A," he said.': the same speaker goes on.
            q = [(s, e) for s, e in quotes if s == us]
            if q:
                # A quote that opens the sentence is the speaker's, even when an unquoted
                # tail follows it ('"B" - doing C.'): the tail is the writer's.
                prev_post.pieces.append((q[0][0], ue if q[0][1] >= ue - 1 else q[0][1]))
                continue
            if _quote_led(text, us, ue, quotes):
                # '"A," she says. It's "B."': a sentence that is a quote but for a word or
                # two of lead-in goes on with the same speaker.
                prev_post.pieces.append(_strip_span(text, us, ue))
                continue
        prev_post = None
        if not cands:
            bare = _bare_quote(text, us, ue, quotes, para)
            if bare is not None and bare.how == "bare_run" and held is not None:
                held.pieces.append(bare.pieces[0])
                continue
            cands = [bare] if bare is not None else []
            if not cands and not _inside_any(us, ue, quotes):
                # The writer's sentence: a held report goes on past it, unless it opens on
                # another person ('Betsy Ebeling shook her head. "B."'), who may speak next.
                if held is not None and _opens_on_another(text, us, ue, held.speaker_text):
                    held = None
                continue
        out.extend(cands)
        if cands and cands[-1].post:
            prev_post = cands[-1]
        elif len(cands) >= 2 and cands[0].post and text[cands[0].pieces[0][0]] in "“\"":
            # '"A," Buchanan said, noting that C. "B."', '"A," said Pardo, who said C. "B."':
            # the sentence's opening quote is its main report; the quote goes on after the
            # cues that hang from it. A participle that goes on with the speaker's report
            # ('"A," he said, adding that C. "B."') carries the quote: C then B is one
            # report, as PolNeAR marks it more often than not, and "A" stands alone.
            prev_post = cands[-1] if cands[-1].how == "part" else cands[0]
        quote_first = prev_post is not None and text[prev_post.pieces[0][0]] in "“\""
        if prev_post is None and held is not None and all(
                c.cue.partition(" ")[0].lower() in _WEAK_ONLY and not _inside_any(us, ue, quotes)
                for c in cands):
            # '"A," said X. She plans to vote for Y. "B."': a stance or an intention in
            # the writer's words, no report of speech: the held quote goes on past it.
            continue
        held = prev_post if quote_first else None
    return out


def _opens_on_another(text: str, us: int, ue: int, speaker: str) -> bool:
    """text[us:ue] opens on a person's name that is not ``speaker``'s: another surname, or
    another first name where the speaker was given one ('Tom Ebeling' / 'Betsy Ebeling')."""
    lead = len(text[us:ue]) - len(text[us:ue].lstrip())
    said = _WORD_RE.findall(speaker)
    return any(at == lead and (name.split()[-1] not in said or (
        len(said) >= 2 and said[-1] == name.split()[-1] and name.split()[0] not in said))
               for at, name in _person_mentions(text[us:ue]))


def _inside_any(us: int, ue: int, quotes: Sequence[tuple[int, int]]) -> bool:
    """Some quote opens or closes within text[us:ue]."""
    return any(s < ue and us < e for s, e in quotes)


_LEAD_IN_MAX = 4  # unquoted words a sentence that goes on with a quote may have


def _quote_led(text: str, us: int, ue: int, quotes: Sequence[tuple[int, int]]) -> bool:
    """text[us:ue] is a quote of three or more words with at most a few unquoted words
    around it ("It's", "Now,", "That makes her"), none of them a report verb."""
    inner = [(s, min(e, ue)) for s, e in quotes if us <= s < ue]
    if not inner or max(len(_WORD_RE.findall(text[s:e])) for s, e in inner) < 3:
        return False
    outside, at = [], us
    for s, e in inner:
        outside += _WORD_RE.findall(text[at:s])
        at = e
    outside += _WORD_RE.findall(text[at:ue])
    return len(outside) <= _LEAD_IN_MAX and not any(
        w.lower() in CUE_VERBS or w.lower() in WEAK_VERBS for w in outside)


_HEADLINE_VERBS = (
    "Says", "Said", "Tells", "Told", "Warns", "Claims", "Admits", "Insists", "Argues", "Reveals",
    "Denies", "Explains", "Predicts", "Suggests", "Confirms", "Announces", "Urges", "Thinks",
    "Believes", "Writes", "Wrote")
# r"\b(?:Says|Said|...)\b(?!\Z)", each word written as its first letter, then "\b" as
# "(?<!\w.)" after it, then the rest: a pattern whose branches open with letters is searched
# for those letters first, not tried at every position (about three times as fast).
_HEADLINE_VERB = re.compile(
    "(?:" + "|".join(rf"{w[0]}(?<!\w.){w[1:]}" for w in _HEADLINE_VERBS) + r")\b(?!\Z)")
_TITLE_WORDS = re.compile(r"[A-Za-z][\w’'-]{3,}")


def _headline_case(text: str) -> bool:
    """A short line with its longer words capitalised: a headline, title case."""
    if len(text) > 200 or not _HEADLINE_VERB.search(text):
        return False
    words = _TITLE_WORDS.findall(text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_BARE_MIN_WORDS = 4
_TAIL_PRONOUNS = _PERSONAL | {"it"}
_LEAD_CONJ = re.compile(r"^(?:But|And|Yet|So|Still|Then|As)\s+")
_LEAD_ADJUNCT = re.compile(r"(?:In|On|At|During|After|Before|Later|Earlier|Under|Unlike|Like"
                           r"|Despite|Among|For|With|Without)\b[^,]{0,60},\s*")
_NP_GLUE = DETERMINERS | {"of", "and", "for", "at", "in", "the", "&"}
_PEOPLE_OR_ORGS = PEOPLE | ORG_NOUNS


def _np_prefix(words: list[str]) -> int:
    """Length of the noun phrase opening ``words``: "The Boston Herald", "the two",
    "Another critic, Laurence H. Tribe," stops at its first lower-case non-glue word."""
    n = 0
    while n < len(words) and n < 10:
        w = words[n]
        if w[:1].isupper() or w[:1].isdigit() or w.lower() in _NP_GLUE or (
                n and w.lower() in _PEOPLE_OR_ORGS):
            n += 1
            continue
        break
    while n and words[n - 1].lower() in _NP_GLUE:
        n -= 1
    return n


_OUTCRY = re.compile(r"[,!?][’'”\"]+$")


def _short_outcry(text: str, us: int, ue: int, quotes: Sequence[tuple[int, int]],
                  ) -> tuple[int, int] | None:
    """A short quote that opens its sentence and ends on a comma, "!" or "?" inside its
    marks ('"Nooooo!" the crowd cried.', '"Call the roll," came shouts'): an utterance
    with its speaker after it, not a title."""
    lead = len(text[us:ue]) - len(text[us:ue].lstrip(_INVISIBLE + "\n"))
    q = next(iter(_quotes_opening_at(us + lead, quotes)), None)
    if q is None or q[1] >= ue - 1 or not _OUTCRY.search(text, q[0], q[1]):
        return None
    return q


# Verbs of a raised voice: what follows them in quotes is what was voiced, however short
# ('chanting "Dump Trump."', 'yelling "eminent domain!"').
_OUTCRY_VERBS = frozenset(
    f for b in ("chant", "yell", "shout", "scream", "exclaim") for f in inflect(b)
) | wordset("cry cries cried crying")


def _voiced_quote(text: str, us: int, ue: int, quotes: Sequence[tuple[int, int]],
                  ) -> tuple[int, int] | None:
    """The first quote of the unit right after a verb of outcry (a comma between allowed)."""
    # Sorted: the quotes opening inside the unit (after its start) are a slice.
    for s, e in islice(quotes, bisect_right(quotes, us, key=_span_start), None):
        if s >= ue:
            break
        words = _WORD_RE.findall(text[max(us, s - 20) : s].rstrip(" ,"))
        if words and words[-1] in _OUTCRY_VERBS and text[us:s].rstrip(" ,").endswith(words[-1]):
            return s, e
    return None


_LIST_GLUE = re.compile(r"\s*(?:,\s*)?(?:(?:and|or)\s+)?")


def _list_of_quotes_end(text: str, qe: int, ue: int, quotes: Sequence[tuple[int, int]]) -> int:
    """The end of a list of quotes the one ending at ``qe`` opens ('named "A," "B" and "C"
    as his top shows'): the list is one report."""
    while True:
        m = _LIST_GLUE.match(text, qe, ue)
        if m is None or m.end() == qe:
            return qe
        nxt = next(iter(_quotes_opening_at(m.end(), quotes)), None) if m.end() < ue else None
        if nxt is None or (not m.group(0).strip() and text[qe - 2 : qe - 1] != ","):
            return qe  # '"A" "B"': a list's quotes are joined by a comma or a conjunction
        qe = min(nxt[1], ue)


def _only_dateline(text: str, qs: int) -> bool:
    """text[:qs] is a dateline and nothing else (however many spaces end it)."""
    lead = text[:qs].rstrip()
    return dateline_end(lead + " " + text[qs:]) == len(lead) + 1


def _bare_quote(text: str, us: int, ue: int, quotes: Sequence[tuple[int, int]], para: int,
                ) -> _Cand | None:
    """A sentence-long quote no cue of the lexicon claims: '"A," blared the Herald.',
    'Trump quickly deflected: "A."'. News quotes someone: the speaker is the noun phrase
    next to the quote, the cue whatever words join them (the filter weighs the rule)."""
    # Every rule here reads a quote that opens in the unit: most units have none (quotes
    # are sorted, a bisection finds the first opening at or after us).
    first = bisect_left(quotes, us, key=_span_start)
    if first == len(quotes) or quotes[first][0] >= ue:
        return None
    q = next(((s, e) for s, e in islice(quotes, first, None) if s < ue
              and len(_WORD_RE.findall(text[s:e])) >= _BARE_MIN_WORDS), None)
    if q is None:
        q = _short_outcry(text, us, ue, quotes) or _voiced_quote(text, us, ue, quotes)
    if q is None:
        return None
    qs, qe = q
    before = text[us:qs].strip().strip(_INVISIBLE)
    if before and us == 0 and _only_dateline(text, qs):
        before = ""  # 'LOS ANGELES -- "A."': the dateline says where, not who
    after = text[min(qe, ue):ue].strip(" ,.;!?—–-")
    if not before and not after:
        # A sentence that is only a quote: the speaker named last goes on (filled in by
        # ``candidate_attributions``).
        return _Cand("", "", [(qs, qe)], para, post=True, how="bare_run")
    if not before:
        words = _WORD_RE.findall(after)
        if not words or len(words) > 9:
            return None
        if words[0].lower() in DETERMINERS and 0 < (k := _subject_np(words)) < len(words) and (
                len(words) - k <= 2 and _is_nounish(words[:k])):
            # '"A," the email read.': a lower-case subject, then its verb.
            speaker = _span_of(after, words[:k])
            return _Cand(speaker, " ".join(words[k:]), [(qs, qe)], para, post=True, how="bare")
        if words[0].lower() in _TAIL_PRONOUNS and 2 <= len(words) <= 3 and all(
                w.islower() for w in words[1:]) and (
                len(words) == 2 or words[1] in _SENTENCE_ADVERBS or words[1].endswith("ly")):
            # '"A," it read.', '"A," she now says.': a pronoun and its verb end the
            # sentence; the verb, whatever it is, reports the quote.
            return _Cand(words[0], " ".join(words[1:]), [(qs, qe)], para, post=True,
                         how="bare")
        if words[0].islower():
            k = 1
            while k < len(words) and words[k].islower() and words[k] not in _NP_GLUE:
                k += 1  # "shot back", "cried out"
            cue, sp = " ".join(words[:k]), words[k:]
            n = _np_prefix(sp)
            if not n:
                return None
            sp = sp[:n]
        else:
            n = _np_prefix(words)
            if not n or n == len(words):
                return None
            sp, cue = words[:n], " ".join(words[n:])
        speaker = _span_of(after, sp)
        return _Cand(speaker, cue, [(qs, qe)], para, post=True, how="bare")
    if before[-1:] not in ":,—–-" and not before[-1:].isalpha():
        return None
    qe = _list_of_quotes_end(text, qe, ue, quotes)
    lead = before
    lead = _LEAD_CONJ.sub("", lead, count=1)
    m = _LEAD_ADJUNCT.match(lead)
    if m:
        lead = lead[m.end():]
    words = _WORD_RE.findall(lead)
    n = _np_prefix(words)
    if n == len(words) >= 2 and before.endswith(":") and _is_nounish(words) and (
            lead.rstrip(" :").lower() not in _PAGE_LABELS):
        # 'Jeremy Lott, author: "A."': a round-up line names its source, then quotes it.
        return _Cand(lead.rstrip(" :"), ":", [(qs, qe)], para, how="colon")
    if n == len(words) >= 2 and before[-1] in _DASHES and _is_nounish(words) and not (
            _is_dateline_word(words[0])):
        # 'Mr. Ortiz — "A."': a round-up line's source and a dash, then the quote ('LOS
        # ANGELES — "A."' is a dateline).
        return _Cand(lead.rstrip(" —–"), before[-1], [(qs, qe)], para, how="bare")
    source = _roundup_source(before)
    if source is not None:
        return _Cand(source[0], source[1], [(qs, qe)], para, how="colon")
    plain_np = bool(n) and n < len(words) and _is_nounish(words[:n]) and len(words) - n <= 10 and (
        n > 1 or not words[0].lower().endswith(("ed", "ing"))) and (  # not "Asked whether ..."
        words[0].lower() not in WEAK_VERBS)  # 'Calling Mr. Burr's challenger, Ross, "A"'
    if plain_np:
        # "Washington, star of television’s “Scandal,” thanked Obama for “A”": an apposition
        # set off by commas is the speaker's, the cue comes after it.
        sp_end = lead.find(_span_of(lead, words[:n])) + len(_span_of(lead, words[:n]))
        rest = lead[sp_end:]
        if rest.startswith(",") and (close := rest.find(",", 1)) > 0:
            cue_words = _WORD_RE.findall(rest[close:])
            if cue_words and cue_words[0].islower() and len(cue_words) < len(words) - n:
                words = words[:n] + cue_words
    # "a man in the front row asked her:", "Ann Webb, a harbour master, ...": the speaker's
    # phrase goes on past its capitals.
    goes_on = plain_np and (words[n].lower() in _MODIFIER_PREPS or words[n].lower() in DETERMINERS)
    if not plain_np or goes_on:
        intro = _quote_intro(before)
        if intro is not None:
            return _Cand(intro[0], intro[1], [(qs, qe)], para, how="bare_intro")
        if not plain_np:
            return None
    cue = " ".join(words[n:])
    if words[-1] == "that" and text[qs - 1 : qs].isspace():
        # 'The campaign projects that "a tax of a fraction" would raise $75 billion': the
        # quote opens the that-clause, which runs to the sentence's end.
        cue = " ".join(words[n:-1])
        qs = text.rfind("that", us, qs)
        qe = _strip_span(text, qs, ue)[1]
    return _Cand(_span_of(lead, words[:n]), cue, [(qs, qe)], para, how="bare")


# A quote introduced by a clause too long for "NP cue:" ('a woman in the audience at an
# event in New Hampshire asked her:', 'Warren appeared with Maddow and endorsed Clinton,
# saying,'): the report verb stands within a few words of the quote.
_QUOTE_CUE_TAIL = 3
_INTRO_LINKS = wordset("when as while after before because since though although and but")
# Finite verbs a subject stops at that the cue lexicons do not hold.
_PLAIN_VERBS = wordset("""is are was were be been has have had do does did will would can
    could should may might must goes went came comes got gets made makes took takes
    continued began appeared stood sat walked ran met left read reads""")
_MODIFIER_PREPS = wordset("in at of from on for with")
# A report verb that opens its sentence, the speaker after it: 'Said Comey, "..."'.
_VERB_FIRST = frozenset(("Said", "Says", "Added", "Adds", "Asked", "Wrote", "Writes"))
# Irregular verbs of a retort before a colon: 'Mr. Smith shot back: "..."'.
_QUIPS = wordset("shot hit fired quipped put")
_GOES_ON_TO = wordset("goes went go continued continues later then also again")


def _subject_np(words: list[str]) -> int:
    """Length of the subject noun phrase opening ``words`` (modifiers included: "a woman in
    the audience at an event in New Hampshire"), 0 if none."""
    if not words or not (words[0][:1].isupper() or words[0].lower() in DETERMINERS
                         or words[0].lower() in PRONOUNS):
        return 0
    n = 1
    while n < len(words) and n < 14:
        w = words[n]
        low = w.lower()
        if w.islower() and (low in _PLAIN_VERBS or low in CUE_VERBS or low in WEAK_VERBS
                            or low in _AUX or low in _STRONG_PAST or low in _PAST_ONLY
                            or low in _QUIPS
                            or (len(low) > 4 and low.endswith("ed"))
                            or low.endswith("ly")):
            break
        n += 1
    while n > 1 and words[n - 1].lower() in _NP_GLUE:
        n -= 1
    return n


def _quote_intro(before: str) -> tuple[str, str] | None:
    """(speaker, cue) for the text ``before`` a quote in its sentence, or None."""
    segs = [seg.strip() for seg in before.rstrip(" :,—–-").split(",")]
    last = _WORD_RE.findall(segs[-1])
    if len(last) >= 2 and last[0] in _VERB_FIRST and _is_nounish(last[1:]) and len(last) <= 9:
        return _span_of(segs[-1], last[1:]), last[0].lower()  # 'Said Comey, "..."'
    ws = last[1:] if last and last[0].lower() == "as" else last
    if len(ws) >= 2 and [w.lower() for w in ws[-2:]] == ["put", "it"]:
        k = len(ws) - 2  # 'as prosecutor Marc Trevidic put it, "..."'
        if 0 < k <= 8 and _is_nounish(ws[:k]) and not any(w.lower() in _AUX for w in ws[:k]) and (
                not all(w.endswith("ly") for w in ws[:k])):
            return _span_of(segs[-1], ws[:k]), "put it"
        # 'As Ann Lee, a tax lawyer, recently put it, "..."': the name opens the sentence.
        first = _WORD_RE.findall(segs[0])
        if len(segs) > 1 and first and first[0] == "As" and 1 < len(first) <= 6 and all(
                w.endswith("ly") for w in ws[:k]) and _is_nounish(first[1:]):
            return _span_of(segs[0], first[1:]), " ".join([*ws[:k], "put", "it"])
    if before.rstrip().endswith(":"):
        # 'Mr. Smith shot back: "..."': a subject, a verb of its own, a colon, the quote.
        while ws and ws[0].lower() in _INTRO_LINKS:
            ws = ws[1:]
        k = _subject_np(ws)
        rest = ws[k:]
        if k and 1 <= len(rest) <= 2 and all(w.islower() for w in rest) and (
                _past_verb(rest[0]) or rest[0] in _QUIPS) and _is_nounish(ws[:k]):
            return _span_of(segs[-1], ws[:k]), " ".join(rest)
        # 'Mr. Clinton released the following statement: "..."': a verb and what it gave out.
        if k and 3 <= len(rest) <= 4 and all(w.islower() for w in rest) and (
                _past_verb(rest[0]) and rest[1] in _STATEMENT_DETERMINERS
                and rest[-1] in _STATEMENT_NOUNS and _is_nounish(ws[:k])):
            return _span_of(segs[-1], ws[:k]), " ".join(rest)
        source = _roundup_source(before)
        if source is not None:
            return source
    for v in range(len(last) - 1, max(-1, len(last) - 1 - _QUOTE_CUE_TAIL), -1):
        low = last[v].lower()
        if not last[v].islower():
            continue
        if low in _PARTICIPLES or (low.endswith("ing") and low[:-3] in CUE_VERBS):
            # The participle's subject: the nearest clause before it that has one.
            pool = [" ".join(last[:v]), *segs[-2::-1]]
            for seg in pool:
                ws = _WORD_RE.findall(seg)
                while ws and ws[0].lower() in _INTRO_LINKS:
                    ws = ws[1:]
                if not ws or ws[0].lower().endswith("ing") or ws[0].lower() in _ADJUNCT_STARTS:
                    continue
                k = _subject_np(ws)
                if k and k < len(ws) and _is_nounish(ws[:k]):
                    return _span_of(seg, ws[:k]), " ".join(last[v:])
                return None
            return None
        if low in CUE_VERBS:
            ws = last[:v]
            while ws and ws[0].lower() in _INTRO_LINKS:
                ws = ws[1:]
            k = _subject_np(ws)
            rest = ws[k:]
            if k and all(w.lower() in _GOES_ON_TO or w == "to" or w == "on" for w in rest) and (
                    _is_nounish(ws[:k])):
                return _span_of(segs[-1], ws[:k]), " ".join([*rest, *last[v:]])
            return None
    return None

def _roundup_source(before: str) -> tuple[str, str] | None:
    """(source, ":") for a round-up's line before a colon and its quote: the source named
    after a dash ('Why it matters - Pew Research:') or after "from" ('From the report:')."""
    if not before.rstrip().endswith(":"):
        return None
    lead = before.rstrip(" :")
    tail = re.split(r"\s[-–—]\s", lead)[-1]
    tw = _WORD_RE.findall(tail)
    sourced = tw[:1] == ["From"] or tw[:2] == ["More", "from"]
    if sourced:
        tw = tw[tw.index("from") + 1 :] if "from" in tw else tw[1:]
    if (sourced or tail != lead) and 1 <= len(tw) <= 6 and (
            tw[0][:1].isupper() or (sourced and tw[0] in DETERMINERS)) and (
            _np_prefix(tw) == len(tw) and _is_nounish(tw)
            and " ".join(tw).lower() not in _PAGE_LABELS):
        return _span_of(tail, tw), ":"
    return None



def _span_of(text: str, words: list[str]) -> str:
    """The stretch of ``text`` from its first word ``words[0]`` to ``words[-1]`` (whole
    words: the "a" of "said a spokesperson" is not the one inside "said")."""
    s = _whole_word(text, words[0], 0)
    e = -1 if s < 0 else s if len(words) == 1 else _whole_word(
        text, words[-1], s + sum(len(w) for w in words[:-1]))
    return text[s : e + len(words[-1])] if s >= 0 and e >= 0 else " ".join(words)


def _whole_word(text: str, word: str, start: int) -> int:
    """The first offset from ``start`` where ``word`` stands as a whole word, or -1."""
    at = text.find(word, max(start, 0))
    while at >= 0 and not _whole_at(text, at, len(word)):
        at = text.find(word, at + 1)
    return at


_TITLED = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.? ([A-Z][\w’'-]+)")
# Person-like names: a title and a surname, or two or more capitalised words.
#   \b(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen)\. )?W(?: (?:[A-Z]\. )?W)+
#   |\b(?:Mr|Mrs|Ms|Dr)\. W
# where a word W (_NAME_WORD) may hold one inner capital ("McDowell", "O’Rourke",
# "DeSantis"), written to open with its first capital ("\b" is then "(?<!\w.)" after it,
# the title's letter a look-behind): a pattern that opens with a character set is searched
# for that character first, not tried at every position (twice as fast over a paragraph).
_NAME_WORD = r"[A-Z][a-z’'-]+(?:[A-Z][a-z’'-]+)?"
_NAME_RUN = re.compile(
    r"[A-Z](?<!\w.)(?:(?:(?:(?<=M)(?:r|rs|s)|(?<=D)r|(?<=S)en|(?<=G)(?:ov|en)|(?<=R)ep)\. [A-Z])?"
    + _NAME_WORD.removeprefix("[A-Z]") + r"(?: (?:[A-Z]\. )?" + _NAME_WORD + ")+"
    r"|(?:(?<=M)(?:r|rs|s)|(?<=D)r)\. " + _NAME_WORD + ")"
)
_NOT_NAME = wordset(
    """the a an but and in on at for if as when while after before this that these those
    his her their our its he she they we it new united white north south east west
    democratic republican american states house senate city county party news
    times post street journal day"""
)


_CAP_WORD = re.compile(r"\b([A-Z][a-z’'-]+?(?:[A-Z][a-z’'-]+?)?)(?:’s|'s)?\b")


def _gender_hints(body: Sequence[str],
                  mentions: Sequence[Sequence[tuple[int, str]]] | None = None) -> dict[str, str]:
    """Surname genders learned from "Mr." / "Mrs." / "Ms." in the article, then the name
    words of people whose sex the article's own words state (``_sex_evidence``).
    ``mentions``: ``_person_mentions`` of each paragraph, when the caller has them already."""
    hints: dict[str, str] = {}
    for text in body:
        if "Mr" not in text and "Ms" not in text and "Miss" not in text:
            continue  # every match holds one of these ("Mrs" holds "Mr"): skip the regex
        for m in _TITLED.finditer(text):
            hints.setdefault(m.group(2).lower(), "m" if m.group(1) == "Mr" else "f")
    seen: dict[str, set[str]] = {}
    named: set[str] | None = None  # words of the article's person names, when needed
    for text in body:
        for name, sex in _sex_evidence(text):
            words = name.split()
            if len(words) == 1 and named is None:
                found = map(_person_mentions, body) if mentions is None else mentions
                named = {w for ms in found for _, n in ms for w in n.split()}
            # Not "She" or "What" opening a sentence: one word must be a name met elsewhere.
            if (named is not None and words[0] in named) if len(words) == 1 else not any(
                    w.lower() in _NOT_NAME for w in words):
                for w in name.lower().split():
                    seen.setdefault(w, set()).add(sex)
    for w, sexes in seen.items():
        if len(sexes) == 1 and w not in hints:  # a word two sexes share says nothing
            hints[w] = next(iter(sexes))
    return hints


# At most four words (_NAME_WORD, above): a pattern that may start at any capital must not
# run on through a paste of capitalised words.
_PERSON_NAME = _NAME_WORD + r"(?: (?:[A-Z]\. )?" + _NAME_WORD + "){0,3}"
# A sex noun in apposition with a name, before it ("actress Mary Steenburgen", "her son,
# filmmaker Charlie McDowell": a comma may let a description in) or after it ("Ann Lee,
# his widow,").
_SEX_BEFORE = re.compile(
    r"\b(" + "|".join(sorted(SEX_NOUNS)) + r")(?: (?=[A-Z])|, ((?:[a-z-]+ ){0,2}))("
    + _PERSON_NAME + r")(?!['’\w])")
_SEX_AFTER = re.compile(
    r"(" + _PERSON_NAME + r"), (?:the|a|an|his|her|their) ((?:[a-z-]+ ){0,2})([a-z]+)"
    r"(?=[,.;:)]| of\b| who\b)")
# A name opening a sentence or clause, then its own possessive or reflexive before any
# other name, quote or clause break: "Steenburgen lost her way", "Lee found himself".
# (It opens with the capital, its place checked after it: a pattern that opens with a
# character set is searched for that character first, not tried at every position.)
_SEX_SUBJECT = re.compile(
    r"([A-Z](?:(?<=^.)|(?<=[.;!?] .)|(?<=[.!?][”\"] .))(?:(?<=M)(?:r|rs|s)\. [A-Z])?"
    + _PERSON_NAME.removeprefix("[A-Z]") + r")"
    r"((?:,? [a-z][\w’'-]*){1,12}?) (his|himself|her|herself)\b(?: ([a-z][\w’'-]*))?")
_COURTESY_RE = re.compile(r"^M(?:r|rs|s)\. ")
_SEX_PRONOUN = {"his": "m", "himself": "m", "her": "f", "herself": "f"}
# The sex nouns (lower-case ASCII) as bytes: one a pattern reads is a run of a-z letters.
_SEX_NOUN_BYTES = frozenset(w.encode() for w in SEX_NOUNS)
# After these, "her" is an object ("told her that", "called her a liar"), not a possessive.
_NOT_POSSESSED = wordset(
    "a an the that to and or but of in on at for with by from as if this it is was")


def _sex_evidence(text: str) -> list[tuple[str, str]]:
    """(name, "m"/"f") for the people a paragraph's own words give a sex."""
    out: list[tuple[str, str]] = []
    # Each pattern needs a word most paragraphs lack (a sex noun; his/her/himself/herself):
    # look for the words first, as the patterns may start at any word or capital.
    nouns = not _SEX_NOUN_BYTES.isdisjoint(text.encode().translate(_LETTERS_ONLY).split())
    for m in _SEX_BEFORE.finditer(text) if nouns else ():
        between = (m.group(2) or "").split()
        sex = SEX_NOUNS.get(m.group(1))
        if sex and m.group(3).lower() not in _NOT_NAME and not any(
                w in PREPOSITIONS or w in _NOT_POSSESSED for w in between):
            out.append((m.group(3), sex))
    for m in _SEX_AFTER.finditer(text) if nouns else ():
        between = m.group(2).split()
        sex = SEX_NOUNS.get(m.group(3))
        if sex and not any(w in PREPOSITIONS or w in _NOT_POSSESSED for w in between):
            out.append((m.group(1), sex))
    possessive = " his" in text or " her" in text or "himself" in text
    for m in _SEX_SUBJECT.finditer(text) if possessive else ():
        name = _COURTESY_RE.sub("", m.group(1))
        words = m.group(2).replace(",", " ").split()
        sex = _SEX_PRONOUN[m.group(3)]
        other = {"m": "she her hers herself", "f": "he him his himself"}[sex].split()
        if name.lower() in _NOT_NAME or any(
                w in other or w in SEX_NOUNS or w in CUE_VERBS or w == "whose" for w in words):
            # someone else is in the clause ("Lee and his wife lost her way"), or a report
            # may speak of anyone ("Axelrod said her plan ...")
            continue
        if m.group(3) == "her" and (m.group(4) is None or m.group(4) in _NOT_POSSESSED):
            continue
        out.append((name, sex))
    return out


def _person_mentions(text: str) -> list[tuple[int, str]]:
    """(offset, name) of the person-like names in a paragraph."""
    out: list[tuple[int, str]] = []
    for m in _NAME_RUN.finditer(text):
        words = m.group(0).split()
        while words and words[0].lower() in _NOT_NAME:
            # "New York" goes as a pair: "York" alone is a name ("Kate York").
            words = words[2:] if words[0] == "New" and words[1:2] == ["York"] else words[1:]
        start = m.end() - len(" ".join(words))
        # A possessive ends a person's name: "Martha’s Vineyard" is a place, "Donald
        # Trump’s Foundation" names Donald Trump.
        owner = next((i for i, w in enumerate(words) if w.endswith(("’s", "'s"))), None)
        if owner is not None:
            words = words[: owner + 1]
            words[-1] = words[-1][:-2]
        if len(words) >= 2 and not any(w.lower() in _NOT_NAME or w.lower() in ORG_NOUNS
                                       for w in words):
            out.append((start, " ".join(words)))
    return out


_A_BEFORE = re.compile(r"\b[Aa]n? $")


def _rivals(body: Sequence[str], cands: Sequence[_Cand],
            places: dict[tuple[str, str], list[int]] | None = None,
            found: Sequence[Sequence[tuple[int, str]]] | None = None) -> list[list[str]]:
    """Names the text mentions between one candidate's speaker and the next one's
    (``places``: speaker words found in a paragraph, as ``_speaker_at`` keeps them;
    ``found``: ``_person_mentions`` of each paragraph, when the caller has them already)."""
    # Copies: the surnames met alone are added to them below. A name after "a"/"an" is a
    # kind, not someone who could speak ("in an Oliver Sacks kind of way", "a Trump voter").
    mentions = [
        [(off, n) for off, n in ms if not _A_BEFORE.search(t, max(0, off - 4), off)]
        for t, ms in zip(body, [_person_mentions(t) for t in body] if found is None else found,
                         strict=True)]
    # A surname met alone ("Cruz said") is a mention of the person named in full elsewhere.
    surnames = {n.split()[-1] for ms in mentions for _, n in ms}
    for p, t in enumerate(body):
        # A match that counts is a surname as written in t, so it starts where one does;
        # each _CAP_WORD match starts at a capital and holds no other: the matches there are
        # those a scan of all of t would make.
        # Not inside a name already found: the full names (their ends as a running maximum
        # over their starts, bisected) or a surname added here (added in order of offset).
        named = sorted((off, off + len(n)) for off, n in mentions[p])
        starts = [off for off, _ in named]
        reach = list(accumulate((end for _, end in named), max))
        added_end = -1
        for at in sorted({i for n in surnames if n in t for i in _occurrences(t, n)}):
            m = _CAP_WORD.match(t, at)
            if m is None or m.group(1) not in surnames or at < added_end:
                continue
            k = bisect_right(starts, at)
            if not (k and reach[k - 1] > at):
                mentions[p].append((at, m.group(1)))
                added_end = max(added_end, at + len(m.group(1)))
        mentions[p].sort()
    out: list[list[str]] = []
    pos = (0, 0)
    places = {} if places is None else places
    for c in cands:
        at = _speaker_at(body[c.paragraph], c, places)
        here = (c.paragraph, at if at >= 0 else 0)
        names = []
        for p in range(pos[0], here[0] + 1):  # mentions sorted: the span's are a slice
            ms = mentions[p]
            lo = bisect_left(ms, pos[1], key=_span_start) if p == pos[0] else 0
            hi = bisect_left(ms, here[1], key=_span_start) if p == here[0] else len(ms)
            names += [n for _, n in ms[lo:hi]]
        out.append(names)
        pos = max(pos, (here[0], here[1] + len(c.speaker_text)))
    return out


def _speaker_at(text: str, c: _Cand,
                places: dict[tuple[str, str], list[int]] | None = None) -> int:
    """Where the candidate's speaker stands in its paragraph (-1 if not found): as a whole
    word ("he" is not the "he" in "the"), after its quote when it follows one, else the
    last place before its content. ``places`` keeps each paragraph's finds of a word for
    the next candidate that asks (a long paragraph of "he said" asks many times)."""
    word = c.speaker_text
    if not word or not c.pieces:
        return text.find(word)
    first = min(s for s, _ in c.pieces)
    last_end = max(e for _, e in c.pieces)
    found = places.get((text, word)) if places is not None else None
    if found is None:
        found = [a for a in _occurrences(text, word) if _whole_at(text, a, len(word))]
        if places is not None:
            places[text, word] = found
    if not found:
        return text.find(word)
    i = bisect_left(found, first)  # found[:i] stand before the content
    if c.post:
        for a in islice(found, i, None):
            if not any(s <= a < e for s, e in c.pieces):
                return a
    if i:
        return found[i - 1]
    j = bisect_left(found, last_end)
    return found[j] if j < len(found) else found[0]


def _with_name_before(text: str, c: _Cand,
                      places: dict[tuple[str, str], list[int]] | None = None) -> str:
    """The candidate's speaker words with the name that an appositive followed ("Gustav
    Ando, research director for IHS, said": the rules stop at the comma)."""
    words = c.speaker_text
    if f", {words}" not in text:
        return words  # no comma before it anywhere: the common case, nothing to look for
    at = _speaker_at(text, c, places)
    start = named_before(text[:at], words) if at > 0 else None
    return words if start is None else text[start : at + len(words)]


def _whole_at(text: str, a: int, n: int) -> bool:
    """text[a:a+n] is whole words: no letter, digit, apostrophe or hyphen runs on."""
    before = text[a - 1] if a else " "
    after = text[a + n] if a + n < len(text) else " "
    return not (before.isalnum() or before in "_’'-" or after.isalnum() or after in "_’'-")


def _occurrences(text: str, word: str) -> list[int]:
    """Every offset of ``word`` in ``text``."""
    out: list[int] = []
    i = text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


# A name opening a sentence as its subject: "Morrison was ...", "Tim Morrison told ...".
# An apposition may follow the name ("Sonya Zoghlin, his attorney, said ...").
_SUBJECT_RE = re.compile(r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w-]+)(?:\s+[a-z]|,\s)")
# A sentence that reports ("..., Tester said."): its opener is what was said, not who.
_REPORTS = re.compile(r"\b(?:said|says|told|tells|added|adds|according to|wrote|writes)\b")
# A role in lower case before that name: "Northbridge manager Carla Voss was furious".
_ROLE_THEN_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,2}(?P<role>[a-z]+)\s+(?=[A-Z])")


def _subjects(body: Sequence[str], cands: Sequence[_Cand], phrases: Sequence[SpeakerPhrase],
              given: Sequence[Sequence[tuple[int, int]]] | None = None,
              places: dict[tuple[str, str], list[int]] | None = None,
              ) -> tuple[list[str | None], list[bool]]:
    """For a "he"/"she" that opens its sentence, the name that opens the sentence before it:
    its likeliest antecedent, whoever else that sentence names later ("Morrison was the
    third witness who listened in on Trump's call with Zelensky. He said ..."); and whether
    that sentence is plain narration, with no quotation mark in it (no quoted sentence whose
    opener is someone else's subject). ``given``: ``split_sentences`` of each paragraph,
    when the caller has them already."""
    out: list[str | None] = [None] * len(cands)
    plain = [False] * len(cands)
    split: dict[int, Sequence[tuple[int, int]]] = {}  # paragraphs split once, when asked

    def sentences(p: int) -> Sequence[tuple[int, int]]:
        if p not in split:
            split[p] = split_sentences(body[p]) if given is None else given[p]
        return split[p]

    for k, (c, ph) in enumerate(zip(cands, phrases, strict=True)):
        if ph.pronoun not in ("he", "she"):
            continue
        text = body[c.paragraph]
        at = _speaker_at(text, c, places)
        sents = sentences(c.paragraph) if at >= 0 else []
        # The sentence holding ``at``: the last to start at or before it (split_sentences
        # gives them in order, without overlap), if it has not ended by then.
        i = bisect_right(sents, at, key=_span_start) - 1
        if i < 0 or at >= sents[i][1]:
            continue  # in no sentence
        lead = text[sents[i][0] : at].strip(" \"“‘'")
        after_quote = bool(lead) and _quote_then_comma(text, sents[i][0], at, c)
        if lead and not after_quote:
            continue  # not its first word, nor first after the quote it reports
        if i > 0:
            prev = text[sents[i - 1][0] : sents[i - 1][1]]
        elif c.paragraph > 0 and (last := sentences(c.paragraph - 1)):
            prev = body[c.paragraph - 1][last[-1][0] : last[-1][1]]
        else:
            continue
        r = _ROLE_THEN_NAME.match(prev)
        m = _SUBJECT_RE.match(prev, r.end() if r is not None and r["role"] in ROLE_TITLES
                               else 0)
        if m and not any(w.lower() in _NOT_NAME or w.lower() in _BAD_FIRST
                         for w in m.group(1).split()) and (  # not "Of Sanders, McCaskill"
                not after_quote or " " in m.group(1)):
            # (After a quote, the sentence before is further from the pronoun: a full name
            # or a titled one, no lone word that may be a place: "China".)
            out[k] = m.group(1)
            # In the same paragraph (across one, the story may have turned to another), with
            # no quotation mark in it or open before it (counted without a copy of the text).
            at0 = sents[i - 1][0]
            plain[k] = i > 0 and not any(q in prev for q in _QUOTE_CHARS) and not (
                _REPORTS.search(prev)) and text.count('"', 0, at0) % 2 == 0 and (
                text.count("“", 0, at0) == text.count("”", 0, at0))
    return out, plain


def _quote_then_comma(text: str, start: int, at: int, c: _Cand) -> bool:
    """'“A,” he said.': the sentence opens with the quote the candidate reports, and the
    pronoun follows it."""
    ps, pe = c.pieces[0]
    return ps <= start + 1 and text[start:ps].strip() == "" and not text[pe:at].strip(
        " ,”\"’'")


def _whole_quote(text: str) -> list[tuple[int, int]]:
    """The quotes of a paragraph made of quotes only, else []."""
    plain = _plain_quotes(text)
    if plain[:1] not in "“\"":
        return []
    spans = quote_spans(plain)
    covered = sum(e - s for s, e in spans)
    return spans if covered >= len(text.rstrip()) - 2 else []


def _carried_quote(body: Sequence[str], p: int, last: _Cand | None) -> list[_Cand]:
    """A paragraph that is only a quote, after 'X said:' or after X's own quote."""
    spans = _whole_quote(body[p])
    if not spans:
        return []
    prev = body[p - 1].rstrip()
    if prev.endswith(":"):
        # Introduced by the last sentence of the paragraph before: find its speaker there.
        plain = _plain_quotes(prev)
        probe = plain + " “x x x.”"
        units = _units(probe, quote_spans(probe))
        if units:
            us, ue = units[-1]
            got = _find_cues(probe, us, ue, quote_spans(probe), p - 1)
            if got:
                return [_Cand(got[-1].speaker_text, got[-1].cue, spans, p, post=True,
                              how="colon_prev")]
            # No cue of the lexicon: 'President Clinton released the following statement:'.
            intro = _quote_intro(probe[us : len(plain)]) if us < len(plain) else None
            if intro is not None:
                return [_Cand(intro[0], intro[1], spans, p, post=True, how="colon_prev")]
        return []
    if last is not None and last.paragraph == p - 1 and last.pieces and (
            last.pieces[-1][1] >= len(prev) - 2 and prev[last.pieces[-1][0]] in "“\"'"):
        # The quote before ran to its paragraph's end: the same speaker goes on.
        return [_Cand(last.speaker_text, last.cue, spans, p, post=True, how="run")]
    return []


# A negation before a cue the content follows: "did not disclose", "hasn't said", "never
# publicly said" (one word may come between it and the verb).
_NEGATION = re.compile(
    r"\b(?:(?:do|does|did|has|have|had|is|are|was|were|would|will|could|can|should|may|might)"
    r"\s+not|\w+n[’']t|never|cannot)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)


def _may_negate(low: str) -> bool:
    """``low`` (lower case) holds a word _NEGATION needs ("cannot" holds "not"): substring
    tests rule most cues out, where _NEGATION, case-blind and anchored at the end, is tried
    at every offset."""
    return "not" in low or "n't" in low or "n’t" in low or "never" in low


def _negated_cue(text: str, c: _Cand, content_start: int) -> str:
    """The cue as an editor must read it: with the negation before it ("the company did not
    disclose the number" is no disclosure). Only for a cue the content follows, and only in
    what is shown: the filter reads the verb alone."""
    if c.post or not c.cue:
        return c.cue
    cue_at = text.rfind(c.cue, max(0, content_start - 60), content_start)
    if cue_at < 0 or text[cue_at + len(c.cue) : content_start].strip(" ,:") not in ("", "that"):
        return c.cue
    lo = max(0, cue_at - 40)
    if not _may_negate(text[lo:cue_at].lower()):
        return c.cue  # most cues: no regex tried
    neg = _NEGATION.search(text, lo, cue_at)
    return text[neg.start() : cue_at + len(c.cue)] if neg else c.cue


# Rules whose content runs from the cue to the clause end: the cut-point model trims them.
CLIPPED = frozenset({"pre", "part", "acc_pre", "weak_pre", "part_subj"})


_DASHES = "—–"


def _opens_aside(text: str, cut: int, e: int) -> bool:
    """A cut at a dash that a second dash closes before ``e``: 'that the airline — the
    largest carrier — will grow' sets an aside in the clause, which goes on after it."""
    rest = text[cut:e].lstrip()
    if rest[:1] not in _DASHES:
        return False
    close = min((k for k in (rest.find(d, 1) for d in _DASHES) if k > 0), default=-1)
    after = _WORD_RE.match(rest, close + 1) if close > 0 else None
    if after is None:
        after = _WORD_RE.match(rest, close + 2) if close > 0 else None
    # The clause resumes with its verb after the aside ("— will grow"); a new subject
    # ("— they say ...") or a conjunction starts another clause.
    return after is not None and after.group(0).lower() in _FINITE_OR_AUX


def candidate_attributions(body: Sequence[str], *, bounds: bool = True,
                           sentences: Sequence[Sequence[tuple[int, int]]] | None = None,
                           ) -> list[tuple[Attribution, list[str]]]:
    """Every candidate the rules find, with its filter features (see ``bot.attrib_model``).

    ``bounds=False`` keeps contents as the rules cut them (for training the cut model).
    ``sentences``: ``split_sentences`` of each paragraph, when the caller has them already.
    """
    cands: list[_Cand] = []
    plains: list[tuple[str, list[tuple[int, int]]]] = []  # per paragraph: copy and quotes
    for p, text in enumerate(body):
        plain = _plain_quotes(text)
        plains.append((plain, quote_spans(plain)))
        found = _extract_paragraph(text, p, None if sentences is None else sentences[p],
                                   *plains[p])
        if not found:
            if p:
                cands.extend(_carried_quote(body, p, cands[-1] if cands else None))
            continue
        runs = [k for k, c in enumerate(found) if c.how == "bare_run"]
        if runs:
            if p and len(runs) == len(found):
                found = _carried_quote(body, p, cands[-1] if cands else None) or found
            for k, c in enumerate(found):
                if c.how == "bare_run" and (cands or k):
                    last = found[k - 1] if k else cands[-1]
                    if last.paragraph >= p - 1:  # a speaker further back is a guess
                        c.speaker_text, c.cue = last.speaker_text, last.cue
            found = [c for c in found if c.speaker_text]
        cands.extend(found)
    cands = [c for c in cands if not is_not_a_speaker(c.speaker_text, body, c.paragraph)]
    places: dict[tuple[str, str], list[int]] = {}  # speaker words found once per paragraph
    typed = {p for p, t in enumerate(body) if " -- " in t}  # once a paragraph, not a cue
    for c in cands:
        if c.paragraph in typed:  # the rules read the typed dash as "—"
            c.cue, c.speaker_text = (_typed_dashes(w, body[c.paragraph])
                                     for w in (c.cue, c.speaker_text))
        c.speaker_text = tidy_speaker(c.speaker_text)  # _speaker_at looks for these words
        c.speaker_text = _with_name_before(body[c.paragraph], c, places)
    phrases = [parse_speaker(c.speaker_text) for c in cands]
    if any(is_caption(ph) for ph in phrases):  # "This satellite image shows ...": a caption
        kept = [(c, ph) for c, ph in zip(cands, phrases, strict=True) if not is_caption(ph)]
        cands, phrases = [c for c, _ in kept], [ph for _, ph in kept]
    # Rivals matter only to he/she: skip the name scan when no speaker is one.
    rivals = subjects = mentions = narrated = None
    if any(ph.pronoun in ("he", "she") for ph in phrases):
        mentions = [_person_mentions(t) for t in body]  # the sex evidence reads them too
        rivals = _rivals(body, cands, places, mentions)
        subjects, narrated = _subjects(body, cands, phrases, sentences, places)
    # The sex evidence costs a scan of the article: only when some speaker asks for it.
    hints = _gender_hints(body, mentions) if any(asks_sex(ph) for ph in phrases) else {}
    names = resolve(phrases, hints, rivals, subjects, narrated)
    surnames = {n for n in names if n is not None and " " not in n}
    if surnames:
        # "Volker said": the full name the article gave him ("Kurt Volker"), in a paragraph
        # that holds the surname (a full name ends with it).
        named = mentions if mentions is not None else [
            _person_mentions(t) if any(n in t for n in surnames) else [] for t in body]
        names = complete_surnames(names, [n for ms in named for _, n in ms], "\n".join(body))
    per_para: dict[int, int] = {}
    for c in cands:
        per_para[c.paragraph] = per_para.get(c.paragraph, 0) + 1
    out: list[tuple[Attribution, list[str]]] = []
    for c, ph, name in zip(cands, phrases, names, strict=True):
        text = body[c.paragraph]
        pieces = sorted(c.pieces)
        if pieces[0][0] < 80 and pieces[0][0] < (lead := dateline_end(text)) < pieces[0][1]:
            pieces[0] = (lead, pieces[0][1])  # "(Reuters) — X is ..., according to Y"
        kind = _kind(text, pieces)
        if bounds and c.how in CLIPPED and len(pieces) <= 2 and (
                len(pieces) == 1 or c.how == "pre"):
            got = plains[c.paragraph]
            s0, e0 = pieces[-1]
            e1 = clip_end(got[0], s0, e0, c.cue, kind.value, got[1])
            if _opens_aside(got[0], e1, e0):
                e1 = e0
            if e1 != e0:  # the same pieces are the same kind
                pieces = [*pieces[:-1], (s0, e1)]
                kind = _kind(text, pieces)
        if kind is Kind.INDIRECT:  # the aside is the writer's (see _REL_ASIDE)
            pieces = _without_relative_aside(plains[c.paragraph][0], pieces)
        content = " ".join(text[s:e] for s, e in pieces)
        span = (pieces[0][0], pieces[-1][1])
        # Unresolved pronouns and descriptors keep the words the article used, with no
        # role: it would only repeat them. A descriptor resolved to a name is its role.
        att = Attribution(
            speaker=name or ph.text,
            speaker_text=c.speaker_text,
            speaker_role=ph.role if name and not ph.pronoun else None,
            cue=_negated_cue(text, c, span[0]),
            content=content,
            kind=kind,
            anonymous=ph.anonymous,
            paragraph=c.paragraph,
            span=span,
        )
        view = CandidateView(
            how=c.how, cue=c.cue, speaker_text=c.speaker_text, phrase=ph, resolved=name,
            content=content, kind=kind.value, paragraph=c.paragraph, n_paragraphs=len(body),
            para_text=text, span=span, n_in_paragraph=per_para[c.paragraph],
            cue_at=cue_offset(text, c.cue, pieces, c.post),
        )
        out.append((att, features(view)))
    return honest_speakers(out, body)  # after the features: the filter read the words found


def extract_attributions(body: Sequence[str], *, min_score: float | None = None,
                         sentences: Sequence[Sequence[tuple[int, int]]] | None = None,
                         ) -> list[Attribution]:
    """Who said what in the article's paragraphs ``body`` (index = Attribution.paragraph).

    Candidates scoring below ``min_score`` (default: the shipped model's thresholds, one for
    the weak-verb rule, one for the rest) under
    the filter model are dropped; with no model file every candidate is kept.
    ``sentences``: ``split_sentences`` of each paragraph, when the caller has them already.
    """
    model = load_model()
    cands = candidate_attributions(body, sentences=sentences)
    if model is None:
        found = [a for a, _ in cands]
    elif min_score is not None:
        found = [a for a, f in cands if model.score(f) >= min_score]
    else:
        found = [a for a, f in cands if model.score(f) >= model.threshold_for(f)]
    return _with_posts(body, found)


def _with_posts(body: Sequence[str], found: list[Attribution]) -> list[Attribution]:
    """``found`` with the social posts set into the article given to their authors: a
    post's words are the poster's own, whatever cue a rule read in them ("I urge ...")."""
    if not any("(@" in p for p in body):
        return found  # no post signature: the common case
    posts = embedded_posts(body)
    if not posts:
        return found
    inside = {p for post in posts for p in post.all_paragraphs}
    out = [a for a in found if a.paragraph not in inside]
    for post in posts:
        author = parse_speaker(post.author)  # "Rep. Ilhan Omar": the name and the office
        for p in post.paragraphs:
            span = post_text_span(body[p])
            if span is not None:
                out.append(Attribution(
                    speaker=author.name or post.author, speaker_text=post.author,
                    speaker_role=author.role,
                    cue=post.handle, content=body[p][span[0] : span[1]], kind=Kind.DIRECT,
                    anonymous=False, paragraph=p, span=span))
    out.sort(key=lambda a: (a.paragraph, a.span or (0, 0)))
    return out
