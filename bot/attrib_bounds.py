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
from pathlib import Path

from bot.attrib_model import FilterModel

BOUNDS_PATH = Path(__file__).resolve().parent / "models" / "attribution_bounds.json"
_TOKEN = re.compile(r"\w+(?:[’'.-]\w+)*|[^\w\s]")
_CUT_WORDS = frozenset({
    "and", "but", "or", "which", "who", "whom", "whose", "where", "when", "while", "as", "after",
    "before", "because", "since", "though", "although", "if", "with", "without", "in", "on",
    "at", "for", "from", "during", "despite", "including", "to", "by", "than", "so", "nor",
    "yet", "unless", "until", "saying", "adding", "calling", "according", "whereas", "amid",
})
_PUNCT_CUTS = frozenset(",;—–-(:")
_CLOSE_QUOTES = "”\""


def _bucket(n: int) -> str:
    for e in (1, 2, 4, 7, 12, 20, 35):
        if n <= e:
            return f"<={e}"
    return ">35"


def cut_points(text: str, s: int, e: int, cue: str, kind: str,
               quotes: Sequence[tuple[int, int]]) -> list[tuple[int, list[str]]]:
    """Possible content ends inside text[s:e], in order, each with its features."""
    return list(_cut_points(text, s, e, cue, kind, quotes))


def _cut_points(text: str, s: int, e: int, cue: str, kind: str,
                quotes: Sequence[tuple[int, int]]) -> Iterator[tuple[int, list[str]]]:
    """``cut_points`` one at a time: the model stops at the first cut it takes."""
    toks = [(m.group(0), s + m.start(), s + m.end()) for m in _TOKEN.finditer(text[s:e])]
    cue_head = (cue.lower().split() or [""])[0]
    n = len(toks)
    for k in range(2, n - 1):
        w, ws, _ = toks[k]
        low = w.lower()
        if w not in _PUNCT_CUTS and low not in _CUT_WORDS:
            continue
        if any(qs < ws < qe for qs, qe in quotes):
            continue
        prev = toks[k - 1][0]
        nxt = toks[k + 1][0] if k + 1 < n else ""
        nlow = nxt.lower()
        f = [
            "bias",
            f"w={low}",
            f"w_prev={prev.lower() if not prev[0].isupper() else 'CAP'}",
            f"w_next={nlow if not nxt[:1].isupper() else 'CAP'}",
            f"w_pair={low}|{nlow if not nxt[:1].isupper() else 'CAP'}",
            f"dist={_bucket(k)}",
            f"rest={_bucket(n - k)}",
            f"w_dist={low}|{_bucket(k)}",
            f"kind={kind}",
            f"cue={cue_head}",
            f"w_cue={low}|{cue_head}",
            f"next_ing={nlow.endswith('ing')}",
            f"w_next_ing={low}|{nlow.endswith('ing')}",
            f"prev_quote={prev in _CLOSE_QUOTES}",
        ]
        yield toks[k - 1][2], f


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
