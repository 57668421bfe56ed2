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
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import compress
from pathlib import Path

from bot.attrib_model import FilterModel
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
_CUTS = _CUT_WORDS | _PUNCT_CUTS


def _cut_points(text: str, s: int, e: int, cue: str, kind: str,
                quotes: Sequence[tuple[int, int]]) -> Iterator[tuple[int, list[str]]]:
    """``cut_points`` one at a time: the model stops at the first cut it takes."""
    # No anchors or look-arounds in _TOKEN: matching in [s, e) is matching the slice.
    toks = list(_TOKEN.finditer(text, s, e))
    words = [m[0] for m in toks]
    lows = [w.lower() for w in words]
    n = len(words)
    cue_head = (cue.lower().split() or [""])[0]
    lead = lows[1] if n > 1 and lows[0] == "that" else (lows[0] if words else "")
    lead_sub = lead in _SUBORD
    seen_verb = False  # a finite or past-tense verb among words[1:k]
    j = 1  # the words before it have been looked at for one
    for k in compress(range(n - 1), map(_CUTS.__contains__, lows)):
        if k < 2:
            continue
        while j < k and not seen_verb:
            w = words[j]
            seen_verb = w.islower() and (w in _FINITE or w.endswith(("ed", "n't")))
            j += 1
        ws = toks[k].start()
        if any(qs < ws < qe for qs, qe in quotes):
            continue
        low = lows[k]
        prev = words[k - 1]
        nxt = words[k + 1]
        nlow = lows[k + 1]
        next_cap = "CAP" if nxt[:1].isupper() else nlow
        dist = _BUCKETS[k] if k < 36 else ">35"
        rest = _BUCKETS[n - k] if n - k < 36 else ">35"
        next_ing = nlow.endswith("ing")
        f = [
            "bias",
            f"w={low}",
            f"w_prev={'CAP' if prev[0].isupper() else lows[k - 1]}",
            f"w_next={next_cap}",
            f"w_pair={low}|{next_cap}",
            f"dist={dist}",
            f"rest={rest}",
            f"w_dist={low}|{dist}",
            f"kind={kind}",
            f"cue={cue_head}",
            f"w_cue={low}|{cue_head}",
            f"next_ing={next_ing}",
            f"w_next_ing={low}|{next_ing}",
            f"prev_quote={prev in _CLOSE_QUOTES}",
            f"verb={seen_verb}",
            f"w_verb={low}|{seen_verb}",
            f"prev_no_end={lows[k - 1] in _NO_END}",
            f"lead_sub={lead_sub}|{low}",
        ]
        yield toks[k - 1].end(), f


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
    for pos, feats in _cut_points(text, s, e, cue, kind, quotes):
        if model.score(feats) >= model.threshold:
            return pos
    return e
