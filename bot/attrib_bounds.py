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
_BOOLS = frozenset({"next_ing", "prev_quote", "verb", "prev_no_end"})


class _CutWeights:
    """The cut model's weights by feature family, keyed by the values the features name:
    a cut is scored without building its feature names (most of a cut's cost)."""

    def __init__(self, weights: Mapping[str, float]) -> None:
        fam: dict[str, dict[object, float]] = {}
        for key, w in weights.items():
            name, eq, value = key.partition("=")
            if not eq:
                continue
            if name in _PAIRS:
                # The first value is a cut word or True/False: it holds no "|".
                a, _, b = value.partition("|")
                bool_a, bool_b = _PAIRS[name]
                if (bool_a and a not in _BOOL) or (bool_b and b not in _BOOL):
                    continue  # a name no cut has
                k: object = (_BOOL[a] if bool_a else a, _BOOL[b] if bool_b else b)
            elif name in _BOOLS:
                if value not in _BOOL:
                    continue
                k = _BOOL[value]
            else:
                k = value
            fam.setdefault(name, {})[k] = w
        get = {name: fam.get(name, {}).get for name in (
            "w", "w_prev", "w_next", "w_pair", "dist", "rest", "w_dist", "kind", "cue",
            "w_cue", "next_ing", "w_next_ing", "prev_quote", "verb", "w_verb", "prev_no_end",
            "lead_sub", "w_next_ed", "lead", "w_clause")}
        self.bias = weights.get("bias", 0.0)
        (self.w, self.w_prev, self.w_next, self.w_pair, self.dist, self.rest, self.w_dist,
         self.kind, self.cue, self.w_cue, self.next_ing, self.w_next_ing, self.prev_quote,
         self.verb, self.w_verb, self.prev_no_end, self.lead_sub, self.w_next_ed,
         self.lead, self.w_clause) = get.values()

    def z(self, cut: _Cut, kind: str, cue_head: str, lead_sub: bool) -> float:
        """The sum of the weights of ``_cut_points``' features for ``cut``, added in the same
        order (so the same float)."""
        (_, low, w_prev, nxt, dist, rest, next_ing, prev_quote, verb, no_end, next_ed,
         lead_cls, clause) = cut
        z = 0 + self.bias
        z += self.w(low, 0.0)
        z += self.w_prev(w_prev, 0.0)
        z += self.w_next(nxt, 0.0)
        z += self.w_pair((low, nxt), 0.0)
        z += self.dist(dist, 0.0)
        z += self.rest(rest, 0.0)
        z += self.w_dist((low, dist), 0.0)
        z += self.kind(kind, 0.0)
        z += self.cue(cue_head, 0.0)
        z += self.w_cue((low, cue_head), 0.0)
        z += self.next_ing(next_ing, 0.0)
        z += self.w_next_ing((low, next_ing), 0.0)
        z += self.prev_quote(prev_quote, 0.0)
        z += self.verb(verb, 0.0)
        z += self.w_verb((low, verb), 0.0)
        z += self.prev_no_end(no_end, 0.0)
        z += self.lead_sub((lead_sub, low), 0.0)
        z += self.w_next_ed((low, next_ed), 0.0)
        z += self.lead((lead_cls, low), 0.0)
        z += self.w_clause((low, clause), 0.0)
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
