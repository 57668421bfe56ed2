"""Where reported content ends: a learned cut-point model over clause boundaries.

"Traders expect markets to fall sharply if Mr. Trump wins, with Mexican stocks likely to
suffer" reports only up to "wins". Rules run the content to the sentence end; this model
looks at each possible cut (a comma, a dash, a conjunction, a preposition) in order and
stops at the first one it scores above its threshold. Weights are trained offline on
annotated news (``bench/eval_attribution.py --train``) and shipped as JSON.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from pathlib import Path

from bot.attrib_model import FilterModel, sigmoid
from bot.speakers import wordset

BOUNDS_PATH = Path(__file__).resolve().parent / "models" / "attribution_bounds.json"
_TOKEN = re.compile(r"\w+(?:[’'.-]\w+)*|[^\w\s]")
_CUT_WORDS = frozenset({
    "and", "but", "or", "which", "who", "whom", "whose", "where", "when", "while", "as", "after",
    "before", "because", "since", "though", "although", "if", "with", "without", "in", "on",
    "at", "for", "from", "during", "despite", "including", "to", "by", "than", "so", "nor",
    "yet", "unless", "until", "saying", "adding", "calling", "according", "whereas", "amid",
})
_PUNCT_CUTS = frozenset(",;—–-(:")
# The cut word of a participle right after a closing quote: 'called Cruz the "ultimate
# hypocrite," linking to a story' reports only the quote (its comma, inside the quote, is
# no cut of its own). One name for all such participles, 'saying' and 'adding' too: the
# construction is the same and each word alone is rare.
QUOTE_ING = '"+ing'
# Finite verbs and auxiliaries: a report needs one before it can end ("that Mark Wynn,
# the chairman, intended ..." is not done at the comma).
_FINITE = wordset("""is are was were be been am has have had do does did will would can
could should may might must won't can't isn't wasn't aren't weren't doesn't didn't don't
hasn't haven't wouldn't couldn't shouldn't says said""")
# Words a clause cannot end on: "that the campaign is | calling ...".
_NO_END = wordset("""the a an is are was were be been has have had to of that if his her
their its our my your will would could can should may might must not this these those
and or but very more most""")
# A report opening with a subordinate clause ("that if his wife were elected, he would
# ...") goes on past the comma that closes it.
_SUBORD = wordset("if when while although though because as since after before unless once")
_CLOSE_QUOTES = "”\""
_CLOSE_QUOTE_SET = frozenset(_CLOSE_QUOTES)
# What a content opens with, coarsely (see _lead_class): a that-clause, an infinitive, a
# question, a clause with a pronoun subject, or anything else (most often an object).
_LEAD_WH = wordset("whether if how why what who when where which")
_LEAD_PRON = wordset("he she they it i we you there")


def _bucket(n: int) -> str:
    for e in (1, 2, 4, 7, 12, 20, 35):
        if n <= e:
            return f"<={e}"
    return ">35"


# ``_bucket`` of small counts, looked up: three per cut point.
_BUCKETS = tuple(_bucket(n) for n in range(36))


def cut_points(text: str, s: int, e: int, cue: str, kind: str,
               quotes: Sequence[tuple[int, int]]) -> list[tuple[int, list[str]]]:
    """Possible content ends inside text[s:e], in order, each with its features."""
    return list(_cut_points(text, s, e, cue, kind, quotes))


# A cut is at a punctuation mark or a cut word (lower-cased, a mark is itself).
_CUTS = _CUT_WORDS | _PUNCT_CUTS | {QUOTE_ING}
_quote_start = itemgetter(0)
# One possible cut: (content end, cut word, word before or CAP, word after or CAP, distance
# bucket, rest bucket, word after ends -ing, word before closes a quote, a verb seen before,
# word before cannot end a clause, word after is a past form, what the content opens with,
# a clause of its own follows): what its features read.
_Cut = tuple[int, str, str, str, str, str, bool, bool, bool, bool, bool, str, bool]
# Words that open a subject after a cut: a determiner or a pronoun.
_SUBJ_START = wordset("""the a an his her their its this these those he she they it we i
there some many most""")


def _verb_like(w: str) -> bool:
    """A lower-case finite or past-tense verb, as far as the word alone tells."""
    return w.islower() and (w in _FINITE or w.endswith(("ed", "n't")))


def _clause_follows(words: list[str], k: int) -> bool:
    """Whether the words after the cut at k open a clause of their own: a subject (a
    determiner, pronoun or name), then a finite verb before any mark (", his administration
    has carved out ...", "and the union stepped in")."""
    if k + 2 >= len(words):
        return False
    first = words[k + 1]
    if not (first[:1].isupper() or first.lower() in _SUBJ_START):
        return False
    for w in words[k + 2 : k + 8]:
        if not w[:1].isalnum():
            return False
        if _verb_like(w):
            return True
    return False


def _lead_class(lead: str) -> str:
    """What the content's first word says it opens with: "that", "to", "wh", "pron" or
    "other"."""
    if lead == "that" or lead == "to":
        return lead
    return "wh" if lead in _LEAD_WH else "pron" if lead in _LEAD_PRON else "other"


def _scan(text: str, s: int, e: int,
          quotes: Sequence[tuple[int, int]]) -> tuple[bool, Iterator[_Cut]]:
    """Whether the content opens with a subordinate clause, and its cuts one at a time (a
    model stops at the first cut it takes)."""
    # No anchors or look-arounds in _TOKEN: matching in [s, e) is matching the slice.
    toks = list(_TOKEN.finditer(text, s, e))
    words = [m[0] for m in toks]
    lows = [w.lower() for w in words]
    n = len(words)
    first = lows[0] if words else ""
    # The word after a "that" decides a subordinate clause; the first word, what opens.
    lead = lows[1] if n > 1 and first == "that" else first
    lead_cls = _lead_class(first)
    marks = lows  # the cut word of each token: its lower case, or QUOTE_ING
    for k in compress(range(2, n - 1), map(_CLOSE_QUOTE_SET.__contains__, words[1:n - 2])):
        w = words[k]
        if w.islower() and w.endswith("ing"):
            if marks is lows:
                marks = lows.copy()
            marks[k] = QUOTE_ING

    def cuts() -> Iterator[_Cut]:
        seen_verb = False  # a finite or past-tense verb among words[1:k]
        j = 1  # the words before it have been looked at for one
        # From the second word on: "Trump, providing a boost" reports one word.
        for k in compress(range(1, n - 1), map(_CUTS.__contains__, marks[1:n - 1])):
            while j < k and not seen_verb:
                seen_verb = _verb_like(words[j])
                j += 1
            ws = toks[k].start()
            # Quotes are sorted and disjoint: only the last one opening before ws can hold
            # it (a bisection: a paragraph of many quotes has a cut point in each).
            if quotes and (q := bisect_left(quotes, ws, key=_quote_start)) and (
                    ws < quotes[q - 1][1]):
                continue
            prev, nxt, nlow = words[k - 1], words[k + 1], lows[k + 1]
            yield (
                toks[k - 1].end(), marks[k], "CAP" if prev[0].isupper() else lows[k - 1],
                "CAP" if nxt[:1].isupper() else nlow,
                _BUCKETS[k] if k < 36 else ">35", _BUCKETS[n - k] if n - k < 36 else ">35",
                nlow.endswith("ing"), prev in _CLOSE_QUOTES, seen_verb, lows[k - 1] in _NO_END,
                # "and challenged him", ", referred to ...": a second verb of the subject's
                nxt.islower() and nlow.endswith("ed"), lead_cls, _clause_follows(words, k),
            )

    return lead in _SUBORD, cuts()


def _cue_head(cue: str) -> str:
    return (cue.lower().split() or [""])[0]


def _cut_points(text: str, s: int, e: int, cue: str, kind: str,
                quotes: Sequence[tuple[int, int]]) -> Iterator[tuple[int, list[str]]]:
    """``cut_points`` one at a time."""
    cue_head = _cue_head(cue)
    lead_sub, cuts = _scan(text, s, e, quotes)
    for (pos, low, w_prev, nxt, dist, rest, next_ing, prev_quote, verb, no_end, next_ed,
         lead_cls, clause) in cuts:
        # Keep in step with _CutWeights.z, which reads the same features without naming them.
        yield pos, [
            "bias",
            f"w={low}",
            f"w_prev={w_prev}",
            f"w_next={nxt}",
            f"w_pair={low}|{nxt}",
            f"dist={dist}",
            f"rest={rest}",
            f"w_dist={low}|{dist}",
            f"kind={kind}",
            f"cue={cue_head}",
            f"w_cue={low}|{cue_head}",
            f"next_ing={next_ing}",
            f"w_next_ing={low}|{next_ing}",
            f"prev_quote={prev_quote}",
            f"verb={verb}",
            f"w_verb={low}|{verb}",
            f"prev_no_end={no_end}",
            f"lead_sub={lead_sub}|{low}",
            f"w_next_ed={low}|{next_ed}",
            f"lead={lead_cls}|{low}",
            f"w_clause={low}|{clause}",
        ]


_BOOL = {"True": True, "False": False}
# Features of two values ("w_pair=and|CAP"), and which of their values are True/False.
_PAIRS = {"w_pair": (False, False), "w_dist": (False, False), "w_cue": (False, False),
          "w_next_ing": (False, True), "w_verb": (False, True), "lead_sub": (True, False),
          "w_next_ed": (False, True), "lead": (False, False), "w_clause": (False, True)}
_BOOLS_ORDER = ("next_ing", "prev_quote", "verb", "prev_no_end")
_BOOLS = frozenset(_BOOLS_ORDER)


_NO_WEIGHT = (0.0, 0.0)  # the weights of a False and a True value: none


class _WordWeights:
    """The weights of the features a cut word takes part in, by the other value: a word's
    pairs are looked up by a string or a bool, not by a (word, value) tuple built per cut."""

    __slots__ = (
        "clause",
        "cue",
        "dist",
        "lead",
        "lead_sub",
        "next_ed",
        "next_ing",
        "pair",
        "verb",
        "w",
    )

    def __init__(self) -> None:
        self.w = 0.0
        self.pair: dict[str, float] = {}
        self.dist: dict[str, float] = {}
        self.cue: dict[str, float] = {}
        self.lead: dict[str, float] = {}
        # Indexed by a bool: (weight of False, weight of True).
        self.next_ing = self.verb = self.lead_sub = self.next_ed = self.clause = _NO_WEIGHT


def _by_flag(weights: Mapping[object, float]) -> tuple[float, float]:
    return weights.get(False, 0.0), weights.get(True, 0.0)


def _with_flag(pair: tuple[float, float], flag: bool, w: float) -> tuple[float, float]:
    return (pair[0], w) if flag else (w, pair[1])


# The word-keyed families (the cut word first, but in "lead_sub" and "lead") by attribute.
_WORD_ATTRS = {"w_pair": "pair", "w_dist": "dist", "w_cue": "cue", "w_next_ing": "next_ing",
               "w_verb": "verb", "w_next_ed": "next_ed", "w_clause": "clause"}


def _word_weights(weights: Mapping[str, float]) -> dict[str, _WordWeights]:
    """The weights of each cut word's features (named as _CutWeights parses them)."""
    words: dict[str, _WordWeights] = {}
    for key, w in weights.items():
        name, eq, value = key.partition("=")
        if not eq:
            continue
        if name == "w":
            words.setdefault(value, _WordWeights()).w = w
            continue
        if name not in _PAIRS:
            continue
        a, _, b = value.partition("|")
        bool_a, bool_b = _PAIRS[name]
        if (bool_a and a not in _BOOL) or (bool_b and b not in _BOOL):
            continue  # a name no cut has
        if name == "lead_sub":  # "lead_sub=True|and"
            g = words.setdefault(b, _WordWeights())
            g.lead_sub = _with_flag(g.lead_sub, _BOOL[a], w)
        elif name == "lead":  # "lead=that|and"
            words.setdefault(b, _WordWeights()).lead[a] = w
        elif bool_b:  # "w_verb=and|True"
            g = words.setdefault(a, _WordWeights())
            attr = _WORD_ATTRS[name]
            setattr(g, attr, _with_flag(getattr(g, attr), _BOOL[b], w))
        else:  # "w_pair=and|CAP"
            getattr(words.setdefault(a, _WordWeights()), _WORD_ATTRS[name])[b] = w
    return words


class _CutWeights:
    """The cut model's weights by feature family, keyed by the values the features name:
    a cut is scored without building its feature names (most of a cut's cost)."""

    def __init__(self, weights: Mapping[str, float]) -> None:
        # The families of one value; a cut word's own families are in _WordWeights.
        fam: dict[str, dict[object, float]] = {}
        for key, w in weights.items():
            name, eq, value = key.partition("=")
            if name in _BOOLS:
                if value in _BOOL:
                    fam.setdefault(name, {})[_BOOL[value]] = w
            elif eq and name not in _PAIRS and name != "w":
                fam.setdefault(name, {})[value] = w
        get = {name: fam.get(name, {}).get for name in (
            "w_prev", "w_next", "dist", "rest", "kind", "cue")}
        self.bias = weights.get("bias", 0.0)
        self.w_prev, self.w_next, self.dist, self.rest, self.kind, self.cue = get.values()
        self.next_ing, self.prev_quote, self.verb, self.prev_no_end = (
            _by_flag(fam.get(name, {})) for name in _BOOLS_ORDER)
        self.words = _word_weights(weights)
        self.no_word = _WordWeights()

    def z(self, cut: _Cut, kind: str, cue_head: str, lead_sub: bool) -> float:
        """The sum of the weights of ``_cut_points``' features for ``cut``, added in the same
        order (so the same float)."""
        (_, low, w_prev, nxt, dist, rest, next_ing, prev_quote, verb, no_end, next_ed,
         lead_cls, clause) = cut
        g = self.words.get(low, self.no_word)
        z = 0 + self.bias
        z += g.w
        z += self.w_prev(w_prev, 0.0)
        z += self.w_next(nxt, 0.0)
        z += g.pair.get(nxt, 0.0)
        z += self.dist(dist, 0.0)
        z += self.rest(rest, 0.0)
        z += g.dist.get(dist, 0.0)
        z += self.kind(kind, 0.0)
        z += self.cue(cue_head, 0.0)
        z += g.cue.get(cue_head, 0.0)
        z += self.next_ing[next_ing]
        z += g.next_ing[next_ing]
        z += self.prev_quote[prev_quote]
        z += self.verb[verb]
        z += g.verb[verb]
        z += self.prev_no_end[no_end]
        z += g.lead_sub[lead_sub]
        z += g.next_ed[next_ed]
        z += g.lead.get(lead_cls, 0.0)
        z += g.clause[clause]
        return z


@lru_cache(maxsize=1)
def load_bounds(path: Path = BOUNDS_PATH) -> FilterModel | None:
    """The shipped cut-point model, or None (content runs to the clause end)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return FilterModel(data["weights"], float(data["threshold"]))


def clip_end(text: str, s: int, e: int, cue: str, kind: str,
             quotes: Sequence[tuple[int, int]]) -> int:
    """End of the reported content in text[s:e] under the shipped model."""
    model = load_bounds()
    if model is None:
        return e
    weights = _cut_weights(model)
    cue_head = _cue_head(cue)
    lead_sub, cuts = _scan(text, s, e, quotes)
    for cut in cuts:
        if sigmoid(weights.z(cut, kind, cue_head, lead_sub)) >= model.threshold:
            return cut[0]
    return e


# By model identity (a model holds a dict: no hash), the model kept so its id stays its own.
_CUT_WEIGHTS: dict[int, tuple[FilterModel, _CutWeights]] = {}


def _cut_weights(model: FilterModel) -> _CutWeights:
    got = _CUT_WEIGHTS.get(id(model))
    if got is None or got[0] is not model:
        if len(_CUT_WEIGHTS) >= 8:  # models retrained fold by fold (bench/): keep a few
            _CUT_WEIGHTS.clear()
        got = _CUT_WEIGHTS[id(model)] = (model, _CutWeights(model.weights))
    return got[1]
