"""What changed between two versions of a story, and whether an editor should hear about it.

Pure: two cleaned Digests in, a StoryDiff out. The comparison works on sentences, not
paragraphs, so a re-wrapped paragraph is no change. Before comparing, both versions drop
what is not the story: timestamp lines ("Updated 10:32 GMT"), page furniture that leaked
into the body (most-read lists, ads, cookie and newsletter text) and correction notes,
which are reported on their own. Each sentence is reduced to a key of lower-cased words
(punctuation and whitespace gone, "3,000" == "3000"); difflib aligns the keys, and the
sentences left over are paired by similarity and classified:

* same words, only figures differ  -> a figure revision (old, new, the new sentence);
* differences are typo fixes only   -> nothing ("goverment" -> "government");
* anything else                     -> a reworded sentence (a negation, a name, a verb).

Sentences with no counterpart are added or removed; a paragraph that is wholly new (or
wholly gone) is reported as a paragraph, verbatim.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from bot.figures import scan_figures
from bot.model import Digest
from bot.sentences import split_sentences

# ------------------------------------------------------------------------ result types


@dataclass(frozen=True, slots=True)
class FigureChange:
    old: str
    new: str
    sentence: str  # the new sentence, verbatim


@dataclass(frozen=True, slots=True)
class SentenceChange:
    """A sentence reworded beyond a typo fix ("did" -> "did not"); both verbatim."""

    old: str
    new: str


@dataclass(frozen=True, slots=True)
class StoryDiff:
    material: bool
    headline: tuple[str, str] | None
    figures_changed: tuple[FigureChange, ...]
    added_paragraphs: tuple[str, ...]
    removed_paragraphs: tuple[str, ...]
    new_sources: tuple[str, ...]
    dropped_sources: tuple[str, ...]
    corrections: tuple[str, ...]
    # Beyond the shape: edits inside paragraphs that survive.
    changed_sentences: tuple[SentenceChange, ...] = ()
    added_sentences: tuple[str, ...] = ()  # new sentences inside an existing paragraph
    removed_sentences: tuple[str, ...] = ()
    reverted: bool = False  # ``new`` matches an earlier version: reported, not material

    @property
    def empty(self) -> bool:
        """No change of any kind was found (as opposed to changes judged immaterial)."""
        return not (
            self.headline
            or self.figures_changed
            or self.added_paragraphs
            or self.removed_paragraphs
            or self.new_sources
            or self.dropped_sources
            or self.corrections
            or self.changed_sentences
            or self.added_sentences
            or self.removed_sentences
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "material": self.material,
            "headline": (
                {"old": self.headline[0], "new": self.headline[1]} if self.headline else None
            ),
            "figures_changed": [
                {"old": f.old, "new": f.new, "sentence": f.sentence} for f in self.figures_changed
            ],
            "added_paragraphs": list(self.added_paragraphs),
            "removed_paragraphs": list(self.removed_paragraphs),
            "new_sources": list(self.new_sources),
            "dropped_sources": list(self.dropped_sources),
            "corrections": list(self.corrections),
            "changed_sentences": [{"old": c.old, "new": c.new} for c in self.changed_sentences],
            "added_sentences": list(self.added_sentences),
            "removed_sentences": list(self.removed_sentences),
            "reverted": self.reverted,
        }


# ------------------------------------------------------------------ paragraph filters

# Correction and editor's notes: material whenever a new one appears.
_CORRECTION_RE = re.compile(
    r"""(?ix)
    ^\W*(?:correction|clarification|editor['’]?s?\s+note|note\s+to\s+readers|amendment)s?\b\s*[:.—–-]
    |^\W*(?:this|the)\s+(?:article|story|report|piece|post|headline)\s+(?:has\s+been|was|had\s+been)
       \s+(?:updated|corrected|amended|changed|edited|revised)
    |^\W*an\s+earlier\s+version\s+of\s+this\s+(?:article|story|report|piece|post)
    """
)
# Timestamp lines: a short line announcing when the page changed, not what changed.
_STAMP_RE = re.compile(
    r"""(?ix)^\W*(?:
      (?:last\s+)?(?:updated|modified|edited|amended|reviewed)
      |first\s+(?:published|posted)|published|posted|originally\s+published
    )\b(?:\s+(?:on|at))?\s*[:,-]?\s*(?P<rest>.*)$"""
)
_TIMEY_RE = re.compile(
    r"""(?ix)\d|\b(?:ago|today|yesterday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec
    |mon|tue|wed|thu|fri|sat|sun)[a-z]*\b"""
)
_CLOCK_RE = re.compile(r"(?i)^\W*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5})?\W*$")
# Lines that head a list of other stories: what follows them, while it stays
# headline-shaped, is furniture too.
_LIST_HEAD_RE = re.compile(
    r"""(?ix)^\W*(?:most\s+(?:read|popular|viewed|shared|commented)|related(?:\s+\w+)?
    |read\s+(?:more|next|also)|more\s+(?:from|on|stories|news|in)\b.*|recommended(?:\s+\w+)?
    |trending(?:\s+\w+)?|you\s+may\s+(?:also\s+)?like.*|top\s+stories|latest(?:\s+\w+)?
    |what\s+to\s+read\s+next|around\s+the\s+web|popular(?:\s+\w+)?|editor['’]s\s+picks?
    )\W*$"""
)
# Page furniture: whole lines that are nothing else ("Advertisement"), lines that open
# with a call to action ("Sign up for ...", "Click here ..."), and, in short lines only,
# tell-tale vocabulary anywhere (a sentence that mentions cookies is prose).
_FURNITURE_LINE_RE = re.compile(
    r"""(?ix)^\W*(?:advertisement|advert|sponsored(?:\s+content)?|ad|skip\s+advert\w*
    |story\s+continues\s+below.*|continue\s+reading.*|scroll\s+to\s+continue.*|watch\s*:.*
    |listen\s*:.*|share(?:\s+this)?(?:\s+(?:article|story|page))?|\d+\s+comments?|comments?)\W*$"""
)
_FURNITURE_OPENING_RE = re.compile(
    r"""(?ix)^\W*(?:sign\s+up|subscribe|click\s+here|follow\s+us|download\s+(?:the|our)
    |get\s+(?:our|the\s+latest)|join\s+(?:our|the)\s+(?:newsletter|mailing|community)
    |read\s+more|related\s*:|we\s+use\s+cookies|by\s+(?:using|continuing)|copyright)\b"""
)
_FURNITURE_WORDS_RE = re.compile(
    r"""(?ix)\b(?:cookies?|newsletters?|sign\s+up|subscribe|subscription|privacy\s+policy
    |inbox|follow\s+us|click\s+here|all\s+rights\s+reserved)\b|©"""
)
_SHORT_WORDS = 25
_TINY_WORDS = 12
_HEADLINE_SHAPED = re.compile(r"[^.!?…\"”’]\s*$")
_LIST_ITEM_WORDS = 25


def _words(text: str) -> int:
    return len(text.split())


def is_correction(paragraph: str) -> bool:
    """A correction, clarification or editor's note (not a bare timestamp)."""
    return bool(_CORRECTION_RE.search(paragraph.strip()))


def is_timestamp(text: str) -> bool:
    """'Updated 10:32 GMT', 'Last modified on Tue 4 Mar 2025 10.32 GMT', '10:32 BST'."""
    text = text.strip()
    if _words(text) > 14 or is_correction(text):
        return False
    if _CLOCK_RE.match(text):
        return True
    m = _STAMP_RE.match(text)
    return bool(m and _TIMEY_RE.search(m.group("rest") or ""))


def _is_furniture(paragraph: str) -> bool:
    text, n = paragraph.strip(), _words(paragraph)
    if n > _SHORT_WORDS:
        return False
    if _FURNITURE_LINE_RE.match(text) or _FURNITURE_OPENING_RE.match(text):
        return True
    # A short line with the vocabulary but no sentence ending: "Get our daily newsletter".
    if (
        n <= _TINY_WORDS
        and bool(_HEADLINE_SHAPED.search(text))
        and bool(_FURNITURE_WORDS_RE.search(text))
    ):
        return True
    # A short promotion that ends by asking: "The stories you need. Subscribe now."
    spans = split_sentences(text)
    last = text[spans[-1][0] : spans[-1][1]] if spans else text
    return _words(last) <= _CTA_WORDS and bool(_CTA_RE.match(last))


_CTA_RE = re.compile(
    r"""(?ix)^\W*(?:sign\s+up|subscribe|register|click\s+here|follow\s+us|download\s+(?:the|our)
    |join\s+(?:our|the)\s+(?:newsletter|mailing|community))\b"""
)
_CTA_WORDS = 10


def _story_paragraphs(digest: Digest) -> list[tuple[int, str]]:
    """(index, text) of the paragraphs that are the story itself.

    Drops timestamps, furniture, correction notes (reported separately) and the
    headline-shaped lines under a "Most read"-style heading. A paragraph an
    attribution points into is never dropped as furniture.
    """
    quoted = {a.paragraph for a in digest.attributions}
    # The headline repeated as a paragraph, in the other quote style or case: the cleaner
    # drops only an exact repeat, so it comes and goes between versions.
    raw_title = (digest.article.meta.title or "").strip()
    title = _key(raw_title)
    kept: list[tuple[int, str]] = []
    in_list = False
    for i, para in enumerate(digest.article.body):
        text = para.strip()
        if not text or is_timestamp(text) or is_correction(text):
            continue
        # Length first: tokenising every paragraph to compare it costs a fifth of a diff.
        if abs(len(text) - len(raw_title)) <= _TITLE_SLACK and _key(text) == title:
            continue
        if i in quoted:
            in_list = False
            kept.append((i, para))
            continue
        if _LIST_HEAD_RE.match(text):
            in_list = True
            continue
        if in_list and _words(text) <= _LIST_ITEM_WORDS and _HEADLINE_SHAPED.search(text):
            continue
        in_list = False
        if _is_furniture(text) or not _KEEP_CHARS.search(text):
            continue
        kept.append((i, para))
    return _drop_link_lists(kept)


_KEEP_CHARS = re.compile(r"\w")
_TITLE_SLACK = 8  # characters a repeat of the headline may differ by (spacing, quotes)
_LIST_NUMBER_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|[•·▪►*-])\s+")
_LINK_RUN = 3  # this many headline-shaped lines in a row are a list of links
_LINK_WORDS = 16


def _link_shaped(text: str) -> bool:
    """A line like a link to another story: a few words, no sentence ending, no table."""
    text = _LIST_NUMBER_RE.sub("", text.strip())
    return (
        "\t" not in text
        and 3 <= _words(text) <= _LINK_WORDS
        and bool(_HEADLINE_SHAPED.search(text))
    )


def _drop_link_lists(kept: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Drop runs of consecutive link-shaped lines: a most-read or related block whose
    heading the cleaner already removed. Prose paragraphs end in punctuation; a lone
    subheading is too short a run. An attribution inside such a run does not save it:
    the extractor reads "Storm warning issued ..." as Storm speaking."""
    out: list[tuple[int, str]] = []
    run: list[tuple[int, str]] = []
    for item in [*kept, (-2, "")]:  # the sentinel flushes the last run
        i, text = item
        if _link_shaped(text) and (not run or run[-1][0] == i - 1):
            run.append(item)
            continue
        if len(run) < _LINK_RUN:
            out.extend(run)
        run = [item] if _link_shaped(text) else []
        if not run and i != -2:
            out.append(item)
    return out


def _corrections(digest: Digest) -> list[str]:
    # The cleaner may file a correction under "removed"; look there too.
    return [p.strip() for p in (*digest.article.body, *digest.article.removed) if is_correction(p)]


# --------------------------------------------------------------------- normalisation

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‛": "'", "`": "'", "´": "'"})
_TOKEN_RE = re.compile(r"\d+(?:[.,:/]\d+)*|\w+(?:'\w+)*")
_NEGATIONS = frozenset(
    {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot"}
    | {"nowhere", "n't"}
)
_NEG_PREFIXES = ("un", "in", "im", "il", "ir", "non", "dis", "mis")
_FIG = "\x00fig"  # stands in for a figure in a sentence's skeleton


def _tokens(text: str) -> list[tuple[str, str]]:
    """(original, key) word tokens; keys lower-cased, thousands commas dropped."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    out: list[tuple[str, str]] = []
    for m in _TOKEN_RE.finditer(text):
        tok = m.group(0)
        key = tok.lower()
        if key[0].isdigit():
            key = re.sub(r"(?<=\d),(?=\d{3}\b)", "", key)
        elif key.endswith("n't"):  # "didn't" -> "did" "n't": a negation is its own token
            out.append((tok[:-3], key[:-3]))
            out.append(("n't", "n't"))
            continue
        out.append((tok, key))
    return out


@dataclass(frozen=True, slots=True)
class _Sentence:
    para: int  # paragraph index in the article body
    text: str  # verbatim
    tokens: tuple[tuple[str, str], ...]
    key: str  # normalised words, the difflib unit
    figures: tuple[str, ...]  # verbatim, in order
    skeleton: tuple[str, ...]  # keys with each figure replaced by _FIG


def _key(text: str) -> str:
    return " ".join(k for _, k in _tokens(text))


def _skeleton(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, ...]:
    """The sentence's keys with each figure span masked, so '12 dead' and '15 dead' agree."""
    out: list[str] = []
    pos = 0
    for start, end in spans:
        out.extend(k for _, k in _tokens(text[pos:start]))
        out.append(_FIG)
        pos = end
    out.extend(k for _, k in _tokens(text[pos:]))
    return tuple(out)


def _sentence(para: int, text: str) -> _Sentence:
    toks = tuple(_tokens(text))
    # Spans, not just texts: a figure "12" must not mask the "12" of "12a".
    found = [f for f in scan_figures(text) if text[f.start : f.end] == f.text]
    return _Sentence(
        para=para,
        text=text,
        tokens=toks,
        key=" ".join(k for _, k in toks),
        figures=tuple(f.text for f in found),
        skeleton=_skeleton(text, [(f.start, f.end) for f in found]),
    )


def _sentences(paragraphs: Iterable[tuple[int, str]]) -> list[_Sentence]:
    out: list[_Sentence] = []
    for i, para in paragraphs:
        for start, end in split_sentences(para):
            s = _sentence(i, para[start:end])
            if s.key and not is_timestamp(s.text):
                out.append(s)
    return out


# ------------------------------------------------------------- sentence comparison


def _typo(a: str, b: str, a_orig: str, b_orig: str, at_start: bool) -> bool:
    """Is a -> b a spelling fix rather than a different word?"""
    if a == b:
        return True  # case-only change
    if any(c.isdigit() for c in a + b) or a in _NEGATIONS or b in _NEGATIONS:
        return False
    short, long_ = sorted((a, b), key=len)
    if any(long_ == p + short for p in _NEG_PREFIXES):
        return False  # "likely" -> "unlikely"
    # A capitalised word mid-sentence is a name: respelling a name is material.
    if not at_start and (a_orig[:1].isupper() or b_orig[:1].isupper()):
        return False
    if min(len(a), len(b)) < 4:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def _word_swaps(ok: Sequence[str], nk: Sequence[str]) -> list[tuple[int, int]] | None:
    """Index pairs of the words replaced one for one between two token-key lists; None when
    words were added or dropped."""
    swaps: list[tuple[int, int]] = []
    sm = difflib.SequenceMatcher(None, ok, nk, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        if tag != "replace" or i2 - i1 != j2 - j1:
            return None
        swaps.extend(zip(range(i1, i2), range(j1, j2), strict=True))
    return swaps


def _only_typos(old: Sequence[tuple[str, str]], new: Sequence[tuple[str, str]]) -> bool:
    """True when the two token lists differ only by spelling fixes (one word for one)."""
    ok, nk = [k for _, k in old], [k for _, k in new]
    if ok == nk:
        return True
    swaps = _word_swaps(ok, nk)
    return swaps is not None and all(
        _typo(ok[i], nk[j], old[i][0], new[j][0], at_start=i == 0 and j == 0) for i, j in swaps
    )


def _figure_key(figure: str) -> list[str]:
    return [k for _, k in _tokens(figure)]


def _figure_changes(old: _Sentence, new: _Sentence) -> list[FigureChange] | None:
    """The figures revised between two sentences whose other words agree, else None.

    "Other words agree" allows typo fixes; an empty list means the figures only
    changed format ("3,000" -> "3000").
    """
    if len(old.figures) != len(new.figures) or not old.figures:
        return None
    if not _only_typos(_unmask(old), _unmask(new)):
        return None
    return [
        FigureChange(old=a, new=b, sentence=new.text)
        for a, b in zip(old.figures, new.figures, strict=True)
        if _figure_key(a) != _figure_key(b)
    ]


def _number_changes(old: _Sentence, new: _Sentence) -> list[FigureChange] | None:
    """Numbers the figure scanner does not type ("Johnson 6 points", "#1 enemy",
    "350-375 million") revised in a sentence whose words otherwise agree, else None."""
    ok, nk = [k for _, k in old.tokens], [k for _, k in new.tokens]
    swaps = _word_swaps(ok, nk)
    if swaps is None:
        return None
    out: list[FigureChange] = []
    for i, j in swaps:
        if ok[i][0].isdigit() and nk[j][0].isdigit():
            out.append(FigureChange(old.tokens[i][0], new.tokens[j][0], new.text))
        elif not _typo(ok[i], nk[j], old.tokens[i][0], new.tokens[j][0], i == j == 0):
            return None
    return out or None


def _drop_resegmented(
    old: list[_Sentence], new: list[_Sentence]
) -> tuple[list[_Sentence], list[_Sentence]]:
    """Drop runs of sentences whose words agree once joined: a paragraph merged or split
    differently ("Heading" + "Text." vs "Heading Text."), not an edit."""
    used_old: set[int] = set()
    used_new: set[int] = set()
    # Runs that join up start with the same word: only those pairs are worth trying.
    by_first: dict[str, list[int]] = {}
    for j, s in enumerate(new):
        by_first.setdefault(s.key.split(" ", 1)[0], []).append(j)
    for i in range(len(old)):
        for j in by_first.get(old[i].key.split(" ", 1)[0], ()):
            if i in used_old or j in used_new:
                continue
            a, b, ii, jj = old[i].key, new[j].key, i + 1, j + 1
            while a != b and (a.startswith(b + " ") or b.startswith(a + " ")):
                if len(a) < len(b) and ii < len(old) and ii not in used_old:
                    a, ii = a + " " + old[ii].key, ii + 1
                elif len(b) < len(a) and jj < len(new) and jj not in used_new:
                    b, jj = b + " " + new[jj].key, jj + 1
                else:
                    break
            if a == b and (ii - i > 1 or jj - j > 1):
                used_old.update(range(i, ii))
                used_new.update(range(j, jj))
    return (
        [s for i, s in enumerate(old) if i not in used_old],
        [s for j, s in enumerate(new) if j not in used_new],
    )


def _similarity(a: _Sentence, b: _Sentence) -> float:
    sm = difflib.SequenceMatcher(None, a.skeleton, b.skeleton, autojunk=False)
    if sm.real_quick_ratio() < 0.5 or sm.quick_ratio() < 0.5:
        return 0.0
    return sm.ratio()


_PAIR_MIN = 0.6  # this similar: one sentence edited, not one removed and one added
_PAIR_WINDOW = 60  # beyond this many leftovers a side, compare only nearby sentences


def _near(new: list[_Sentence], i: int, n_old: int) -> list[tuple[int, _Sentence]]:
    """Candidates for old leftover ``i``: all of them, or for a huge rewrite those at a
    similar relative position, so pairing stays linear rather than quadratic."""
    if len(new) <= _PAIR_WINDOW and n_old <= _PAIR_WINDOW:
        return list(enumerate(new))
    mid = i * len(new) // max(n_old, 1)
    lo, hi = max(0, mid - _PAIR_WINDOW // 2), min(len(new), mid + _PAIR_WINDOW // 2)
    return [(j, new[j]) for j in range(lo, hi)]


@dataclass
class _Changes:
    figures: list[FigureChange]
    reworded: list[SentenceChange]
    added: list[_Sentence]
    removed: list[_Sentence]
    old_paras: set[int] = field(default_factory=set)  # paragraphs with a reported edit
    new_paras: set[int] = field(default_factory=set)


def _compare_sentences(old: list[_Sentence], new: list[_Sentence]) -> _Changes:
    sm = difflib.SequenceMatcher(None, [s.key for s in old], [s.key for s in new], autojunk=False)
    left_old: list[_Sentence] = []
    left_new: list[_Sentence] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag != "equal":
            left_old.extend(old[i1:i2])
            left_new.extend(new[j1:j2])
    # A sentence that only moved keeps its key: match those first.
    unmatched: dict[str, list[int]] = {}
    for i, s in enumerate(left_old):
        unmatched.setdefault(s.key, []).append(i)
    moved: set[int] = set()
    still_new: list[_Sentence] = []
    for s in left_new:
        if unmatched.get(s.key):
            moved.add(unmatched[s.key].pop(0))
        else:
            still_new.append(s)
    still_old = [s for i, s in enumerate(left_old) if i not in moved]
    still_old, still_new = _drop_resegmented(still_old, still_new)

    # Pair the rest greedily, most similar first.
    scored = sorted(
        (
            (sim, i, j)
            for i, a in enumerate(still_old)
            for j, b in _near(still_new, i, len(still_old))
            if (sim := _similarity(a, b)) >= _PAIR_MIN
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in scored:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j))
    pairs.sort(key=lambda p: p[1])

    out = _Changes([], [], [], [])
    for i, j in pairs:
        a, b = still_old[i], still_new[j]
        if _only_typos(a.tokens, b.tokens):
            continue
        figs = _figure_changes(a, b)
        if figs is None:
            figs = _number_changes(a, b)
        if figs is not None:
            out.figures.extend(figs)
        else:
            out.reworded.append(SentenceChange(old=a.text, new=b.text))
        if figs != []:  # [] is a format-only figure change: nothing reported
            out.old_paras.add(a.para)
            out.new_paras.add(b.para)
    out.added = [s for j, s in enumerate(still_new) if j not in used_new]
    out.removed = [s for i, s in enumerate(still_old) if i not in used_old]
    out.old_paras.update(s.para for s in out.removed)
    out.new_paras.update(s.para for s in out.added)
    return out


def _unmask(s: _Sentence) -> list[tuple[str, str]]:
    return [(k, k) for k in s.skeleton]


def _group(
    sentences: list[_Sentence], paragraphs: list[tuple[int, str]], all_sentences: list[_Sentence]
) -> tuple[list[str], list[str]]:
    """Split changed sentences into whole paragraphs (verbatim) and loose sentences."""
    per_para: dict[int, int] = {}
    for s in all_sentences:
        per_para[s.para] = per_para.get(s.para, 0) + 1
    changed: dict[int, list[_Sentence]] = {}
    for s in sentences:
        changed.setdefault(s.para, []).append(s)
    text = dict(paragraphs)
    whole: list[str] = []
    loose: list[str] = []
    for para in sorted(changed):
        if len(changed[para]) == per_para.get(para, 0):
            whole.append(text[para])
        else:
            loose.extend(s.text for s in changed[para])
    return whole, loose


# ---------------------------------------------------------------------------- sources


def _speaker_key(name: str) -> str:
    return " ".join(k for _, k in _tokens(name))


# An unresolved pronoun is no source: which one is left depends on where a paragraph
# happens to break, not on what the story says.
_PRONOUNS = frozenset(["i", "we", "you", "he", "she", "it", "they", "one", "someone"])


def _speakers(
    digest: Digest, story: Iterable[tuple[int, str]], changed: set[int] | None = None
) -> dict[str, str]:
    """Normalised speaker -> the name as first written, for attributions in the story
    itself (a "Correction: ..." line is not a source); with ``changed``, only those in
    paragraphs that carry a reported edit."""
    paragraphs = {i for i, _ in story}
    if changed is not None:
        paragraphs &= changed
    out: dict[str, str] = {}
    for a in digest.attributions:
        name = (a.speaker or "").strip()
        if name and a.paragraph in paragraphs and _speaker_key(name) not in _PRONOUNS:
            out.setdefault(_speaker_key(name), name)
    return out


# ------------------------------------------------------------------------------ diff


_BYLINE_RE = re.compile(r"(?i)^\W*by\s+\w")


def _title(digest: Digest) -> str:
    # A cleaner that mistakes a dateline or a byline for the headline must not make
    # every update a headline change.
    title = digest.article.meta.title or ""
    return "" if is_timestamp(title) or _BYLINE_RE.match(title) else title


# Between a headline and the site or section a page title adds: "X | Site", "X - Site",
# "Opinion | X". Spaces around a hyphen keep "Jong-un" whole; a colon is the headline's own
# ("Live: X", "Trump: ...").
_TITLE_SEP_RE = re.compile(r"\s+[\-–—·»]\s+|\s*\|\s*")


def _site_like(segment: str) -> bool:
    """A site or section name ("TechCrunch", "The GiveWell Blog", "Opinion"), not words
    of the headline ("12 dead"): a few words, each capitalised, none a bare number."""
    words = segment.split()
    return 0 < len(words) <= 5 and all(
        w[:1].isupper() or (not w[:1].isalpha() and not w.isdigit()) for w in words
    )


def _same_headline(old: str, new: str) -> bool:
    """Typo fixes only, or one is the other with a site or section name added at either
    end: the cleaner read the <title> once and the <h1> the next time."""
    if _only_typos(_tokens(old), _tokens(new)):
        return True
    short, long_ = sorted((old, new), key=len)
    parts = _TITLE_SEP_RE.split(long_)
    for k in range(1, len(parts)):
        head, tail = " ".join(parts[:k]), " ".join(parts[k:])
        # "X | Site" or "Section | X"
        if _site_like(tail) and _only_typos(_tokens(short), _tokens(head)):
            return True
        if _site_like(head) and _only_typos(_tokens(short), _tokens(tail)):
            return True
    return False


def _unflipped(paragraphs: list[tuple[int, str]], other: Digest) -> list[tuple[int, str]]:
    """Drop paragraphs the cleaner filed as removed in the other version: the line is on
    both pages, only the cleaner's verdict on it flipped (a spacing change can do that)."""
    if not other.article.removed:
        return paragraphs
    # Spacing and case only (str.split splits at no-break spaces too): cheap enough for
    # every paragraph, where tokenising them all would cost half a diff again.
    removed = {_spacing_key(p) for p in other.article.removed}
    return [(i, p) for i, p in paragraphs if _spacing_key(p) not in removed]


def _on_page(line: str, digest: Digest) -> bool:
    """The line is on the page, as a paragraph or a line the cleaner removed. Two headlines
    each on the other version's page are the cleaner's pick flipping between two lines both
    pages print (a menu's newsletter name, the real headline), not an edit."""
    key = _spacing_key(line)
    article = digest.article
    return any(_spacing_key(x) == key for x in (*article.removed, *article.body))


def _spacing_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _compare(old: Digest, new: Digest) -> StoryDiff:
    old_title, new_title = _title(old), _title(new)
    headline = None
    # One side without a headline is the cleaner not finding it (a page that grew an
    # "Updated" line over it), not an edit: a story never loses its headline.
    if old_title and new_title and not _same_headline(old_title, new_title) and not (
            _on_page(new_title, old) and _on_page(old_title, new)):
        headline = (old_title, new_title)

    old_paras = _unflipped(_story_paragraphs(old), new)
    new_paras = _unflipped(_story_paragraphs(new), old)
    old_sents, new_sents = _sentences(old_paras), _sentences(new_paras)
    changes = _compare_sentences(old_sents, new_sents)
    added_paras, added_sents = _group(changes.added, new_paras, new_sents)
    removed_paras, removed_sents = _group(changes.removed, old_paras, old_sents)

    # A source is new when it was not quoted before and is quoted in text that changed;
    # an attribution that merely moved or re-resolved (the cleaner split a paragraph
    # differently) is no news. Likewise for dropped sources.
    old_speakers, new_speakers = _speakers(old, old_paras), _speakers(new, new_paras)
    new_sources = tuple(
        v for k, v in _speakers(new, new_paras, changes.new_paras).items() if k not in old_speakers
    )
    dropped_sources = tuple(
        v for k, v in _speakers(old, old_paras, changes.old_paras).items() if k not in new_speakers
    )

    seen = {" ".join(k for _, k in _tokens(c)) for c in _corrections(old)}
    corrections: list[str] = []
    for c in _corrections(new):
        key = " ".join(k for _, k in _tokens(c))
        if key not in seen:
            seen.add(key)
            corrections.append(c)

    diff = StoryDiff(
        material=False,
        headline=headline,
        figures_changed=tuple(changes.figures),
        added_paragraphs=tuple(added_paras),
        removed_paragraphs=tuple(removed_paras),
        new_sources=new_sources,
        dropped_sources=dropped_sources,
        corrections=tuple(corrections),
        changed_sentences=tuple(changes.reworded),
        added_sentences=tuple(added_sents),
        removed_sentences=tuple(removed_sents),
    )
    return replace(diff, material=not diff.empty and not _layout_only(diff))


def _fragment(text: str) -> bool:
    """A short line with no sentence ending: a subheading, a link, a caption credit."""
    return _words(text) <= _LINK_WORDS and bool(_HEADLINE_SHAPED.search(text.strip()))


def _layout_only(diff: StoryDiff) -> bool:
    """Only fragments came or went. The cleaner keeps or drops such a line between two
    fetches of the same page (a stray link, a caption credit), and a subheading alone
    says nothing new; they are listed when something else makes the diff material."""
    lines = (
        *diff.added_paragraphs,
        *diff.removed_paragraphs,
        *diff.added_sentences,
        *diff.removed_sentences,
    )
    return not (
        diff.headline
        or diff.figures_changed
        or diff.new_sources
        or diff.dropped_sources
        or diff.corrections
        or diff.changed_sentences
    ) and all(_fragment(line) for line in lines)


def diff_digests(old: Digest, new: Digest, *, earlier: Sequence[Digest] = ()) -> StoryDiff:
    """Compare two cleaned versions of a story.

    ``earlier`` holds versions seen before ``old``: when ``new`` is the same story as
    one of them (a headline A/B test, a rolled-back edit), the changes are still
    listed but the diff is not material and ``reverted`` is set.
    """
    diff = _compare(old, new)
    if diff.material and any(not _compare(e, new).material for e in earlier):
        return replace(diff, material=False, reverted=True)
    return diff
