"""A small logistic-regression filter over attribution candidates.

The rules in ``bot.attribution`` over-generate: verb phrases taken as speakers, clauses cut
at the wrong place. Each candidate gets sparse binary features (cue word, which rule found
it, speaker shape, content shape) and a weight vector trained offline on annotated news
(``bench/eval_attribution.py --train``) scores it; inference is pure Python over a JSON file
shipped in ``bot/models/``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from bot.cue_forms import BASE_OF
from bot.speakers import ORG_NOUNS, PERSON_ROLES, SpeakerPhrase, wordset

MODEL_PATH = Path(__file__).resolve().parent / "models" / "attribution_filter.json"
_WORDS = re.compile(r"\w+")
_QUOTES = "\"“”"
WEAK_FEATURE = "how=weak_pre"  # the rule bot.attribution tries last
INDIRECT_FEATURE = "kind=indirect"  # no quoted words in the content
_SAID = re.compile(r"\b(?:said|says|told)\b")


@dataclass(frozen=True, slots=True)
class CandidateView:
    """What the features see of one candidate."""

    how: str  # which rule found it
    cue: str
    speaker_text: str
    phrase: SpeakerPhrase
    resolved: str | None
    content: str
    kind: str
    paragraph: int
    n_paragraphs: int
    para_text: str
    span: tuple[int, int]
    n_in_paragraph: int
    cue_at: int = -1  # the cue's offset in para_text; -1: not found near the content


def cue_offset(text: str, cue: str, pieces: list[tuple[int, int]], post: bool) -> int:
    """Where ``cue`` stands in ``text``: before the content, or after its first piece when
    the content comes first ('"...," he said'). -1 when it is not within a few words."""
    if not cue:
        return -1
    s, e = pieces[0]
    lo, hi = max(0, s - 80), e + 80 + len(cue)
    for form in (cue, cue[:1].upper() + cue[1:]):  # "According to", "Says" in a headline
        if not post and (at := text.rfind(form, lo, s)) >= 0:
            return at
        if (at := text.find(form, e, hi)) >= 0:
            return at
        if post and (at := text.rfind(form, lo, s)) >= 0:
            return at
    return -1


@lru_cache(maxsize=4096)  # small counts, a few edge tuples: nearly always a hit
def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def _named(name: str) -> tuple[str, str]:
    """A yes/no feature's two names, indexed by a bool (False first)."""
    return f"{name}=False", f"{name}=True"


# The names of the yes/no features and of the cue's word count, made once: formatting a
# bool into an f-string cost more than the rest of such a feature.
(_RESOLVED, _STARTS_THAT, _STARTS_QUOTE, _ENDS_QUOTE, _FIRST_UPPER, _ENDS_PUNCT, _PIECES, _PARA0,
 _WHOLE_PARA, _SP_CAP, _SP_ANYVERB, _SP_DIGIT, _CONTENT_SAID, _CONTENT_QMARK, _PARA_END) = map(
    _named, ("resolved", "starts_that", "starts_quote", "ends_quote", "first_upper",
             "ends_punct", "pieces", "para0", "whole_para", "sp_cap", "sp_anyverb", "sp_digit",
             "content_said", "content_qmark", "para_end"))
_CUE_N = tuple(f"cue_n={n}" for n in range(5))  # by min(words, 4)


def features(c: CandidateView) -> list[str]:
    """Sparse binary feature names for a candidate."""
    cue_words = c.cue.lower().split()
    cue_head = cue_words[0] if cue_words else ""
    words = _WORDS.findall(c.content)
    sp_words = _WORDS.findall(c.speaker_text)
    ph = c.phrase
    if ph.pronoun:
        sp_type = "pron:" + ph.pronoun
    elif ph.name:
        sp_type = "name"
    elif ph.anonymous:
        sp_type = "anon"
    elif ph.head in PERSON_ROLES:
        sp_type = "role"
    elif ph.head in ORG_NOUNS:
        sp_type = "org"
    else:
        sp_type = "other"
    n_len = _bucket(len(words), (2, 4, 7, 12, 20, 35, 60))
    first = c.content.lstrip(_QUOTES + "‘'")[:1]
    pieces = c.content.count(" “") + c.content.count(' "') > 0
    said_inside = ("said" in c.content or "says" in c.content or "told" in c.content) and (
        _SAID.search(c.content) is not None)  # the substrings first: a cheap "no"
    f = [
        "bias",
        f"how={c.how}",
        f"cue={cue_head}",
        _CUE_N[min(len(cue_words), 4)],
        f"kind={c.kind}",
        f"how_kind={c.how}|{c.kind}",
        f"cue_kind={cue_head}|{c.kind}",
        f"cue_how={cue_head}|{c.how}",
        f"sp={sp_type}",
        f"sp_how={sp_type}|{c.how}",
        f"sp_kind={sp_type}|{c.kind}",
        f"sp_len={_bucket(len(sp_words), (1, 2, 3, 5, 8))}",
        f"sp_head={ph.head}" if ph.head in PERSON_ROLES or ph.head in ORG_NOUNS else "sp_head=?",
        _RESOLVED[c.resolved is not None],
        f"len={n_len}",
        f"len_kind={n_len}|{c.kind}",
        f"len_how={n_len}|{c.how}",
        _STARTS_THAT[words[:1] == ["that"]],
        _STARTS_QUOTE[c.content[:1] in _QUOTES],
        _ENDS_QUOTE[c.content.rstrip()[-1:] in _QUOTES],
        _FIRST_UPPER[first.isupper()],
        _ENDS_PUNCT[c.content.rstrip(_QUOTES + " ’")[-1:] in tuple(".!?,")],
        _PIECES[pieces],
        _PARA0[c.paragraph == 0],
        f"para_pos={_bucket(c.paragraph, (0, 1, 3, 8, 20))}",
        f"n_in_para={min(c.n_in_paragraph, 4)}",
        _WHOLE_PARA[c.span[1] - c.span[0] >= len(c.para_text) - 2],
        _SP_CAP[c.speaker_text[:1].isupper()],
        _SP_ANYVERB[any(w.endswith(("ed", "ing")) for w in sp_words[1:])],
        _SP_DIGIT[any(w.isdigit() for w in sp_words)],
        _CONTENT_SAID[said_inside],
        _CONTENT_QMARK[c.content.rstrip(_QUOTES + " ’")[-1:] == "?"],
    ]
    f.extend(_edges(c, words))
    f.extend(_more(c, cue_head, words))
    if c.cue_at >= 0:
        f.extend(_around_cue(c))
    if sp_words:
        # Lower-case heads generalise ("officials", "poll"); capitalised words are names.
        last = sp_words[-1]
        f.append(f"sp_last={last}" if last.islower() else "sp_last=CAP")
    return f


# Function words keep their identity in the edge features below; other words are only
# capitalised or not: the words around a content's edges say whether it was cut in the
# right place ("He said that the Cruz campaign's announcement | was ...").
_FUNC = wordset("""that to the a an he she they it i we you his her their its this these
those there if whether what how why when who which as in on at for of by with and but or
not no our my your""")
_EDGE_PUNCT = ".,;:—–-(?!"
# Rules whose content comes before its cue ('"...," he said'; "..., he added").
_CONTENT_FIRST = wordset("post qpost acc_post inv bare_run run colon_prev")


def _shape(word: str) -> str:
    low = word.lower()
    if low in _FUNC:
        return low
    return "CAP" if word[:1].isupper() else "w"


def _edges(c: CandidateView, words: list[str]) -> list[str]:
    """What the content starts and ends with, and what comes just before and after it."""
    s, e = c.span
    after = c.para_text[e:e + 12].lstrip(_QUOTES + " ’")
    if c.how in _CONTENT_FIRST:
        nxt = "cue"  # the cue follows: what comes next says nothing about the cut
    elif not after:
        nxt = "END"
    elif after[0] in _EDGE_PUNCT:
        nxt = after[0]
    else:
        after_w = _WORDS.search(after)
        nxt = _shape(after_w[0]) if after_w else "?"
    before = c.para_text[max(0, s - 12):s].rstrip(_QUOTES + " ‘")
    prv = "START" if not before else before[-1] if before[-1] in _EDGE_PUNCT else "w"
    return [
        f"next={nxt}",
        f"prev={prv}",
        f"first_w={_shape(words[0]) if words else ''}",
        f"last_w={_shape(words[-1]) if words else ''}",
    ]


@lru_cache(maxsize=2048)
def _stem(word: str) -> str:
    """A crude stem: "praised", "praising" and "praises" share "prais", "planned" and
    "planning" share "plan"."""
    if word in BASE_OF:
        return BASE_OF[word].rstrip("e")  # stemmed as a regular base is: "wrote", "write"
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix in ("ing", "ed") and len(base) > 3 and base[-1] == base[-2]:
                base = base[:-1]  # planned, planning: plan
            return base.rstrip("e")
    return word.rstrip("e")


def _more(c: CandidateView, cue_head: str, words: list[str]) -> list[str]:
    """The cue's stem, the unquoted content's first word, the paragraph's size and end."""
    # A cue seen in one form only ("praising") borrows what its other forms taught. Not
    # crossed with the kind: ", adding that ..." would then drag down "..., he added".
    stem = _stem(cue_head)
    para = c.para_text
    out = [
        f"cue_stem={stem}",
        f"cue_stem_how={stem}|{c.how}",
        # A headline or a caption is short and has no closing stop.
        f"para_len={_bucket(para.count(' ') + 1, (4, 8, 15, 30, 60))}",
        _PARA_END[para.rstrip(_QUOTES + " ’)")[-1:] in ".!?:"],
    ]
    if c.kind == "indirect":
        # An unquoted report opens with its subject or "that" ("said he would ...", "said
        # that ..."); "reported daily to", "showed up in" open with something else.
        first = words[0] if words else ""
        out.append(f"first_lw={first if first.islower() else 'CAP'}")
    return out


_TOK = re.compile(r"\w+(?:[’'-]\w+)*[’']?|[^\w\s]")
_DETS = wordset("the a an this these those his her their its my our your some any no")
# A finite auxiliary right after a cue makes the cue a noun subject ("promises haven't
# arrived", "Lopez's show was cancelled"); before it, a verb ("has said").
_AUX = wordset("""is are was were be been has have had will would can could should may might
must do does did isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't
couldn't shouldn't don't doesn't didn't""")


@lru_cache(maxsize=8192)  # the same few thousand words sit around cues: nearly always a hit
def _cue_word_shape(token: str) -> str:
    """A space-separated token next to a cue as far as it tells a verb from a noun: a
    possessive or a determiner before "promises" makes it a noun, an adverb before "said"
    a verb. A token ending (or opening) with a mark is that mark ('win,"' is '"')."""
    low = token.lower().replace("’", "'")
    if low.endswith(("'s", "s'")):
        return "POSS"
    if not low[-1].isalnum():
        return low[-1]
    if not low[0].isalnum():
        return low[0]
    if low in _DETS:
        return "DET"
    if low in _AUX:
        return "AUX"
    if low in _FUNC:
        return low
    if token[0].isupper():
        return "CAP"
    for suffix in ("ly", "ing", "ed", "s"):
        if low.endswith(suffix):
            return suffix
    return "w"


def _around_cue(c: CandidateView) -> list[str]:
    """The two words before the cue and the one after it (split on spaces: a regex here
    cost more than the rest of these features)."""
    text, at = c.para_text, c.cue_at
    lo = max(0, at - 30)
    before = text[lo:at].rsplit(None, 2)
    if before and not before[-1].isalpha():  # '"Yes," said Smith': the marks one by one
        before = _TOK.findall(text, lo, at)
    p1 = _cue_word_shape(before[-1]) if before else "START"
    p2 = _cue_word_shape(before[-2]) if len(before) > 1 else "START"
    end = at + len(c.cue)
    after = text[end : end + 25].split(None, 1)[:1]
    if after and not after[0].isalpha():  # "Smith," is "Smith"
        m = _TOK.search(text, end, end + 25)
        after = [m[0]] if m else []
    n1 = _cue_word_shape(after[0]) if after else "END"
    # What follows the cue means more by rule: after '"...," he said' it is the sentence's
    # end, after "X said" the report's first word.
    return [f"cue_p1={p1}", f"cue_p2={p2}", f"cue_p12={p2}|{p1}", f"cue_n1={n1}",
            f"cue_n1_how={n1}|{c.how}"]


@dataclass(frozen=True, slots=True)
class FilterModel:
    weights: Mapping[str, float]
    threshold: float
    # Candidates of the weak-verb rule ("X called Y ...", "polls show ...") are less often
    # right than reported speech: they may need a higher bar. None: the one threshold.
    threshold_weak: float | None = None
    # Candidates with quoted words (direct or mixed) are right more often than unquoted
    # ones at the same score, and only they can match quote-bearing reports: a lower bar.
    # None: the one threshold.
    threshold_quote: float | None = None

    def threshold_for(self, feats: list[str]) -> float:
        if self.threshold_weak is not None and WEAK_FEATURE in feats:
            return self.threshold_weak
        if self.threshold_quote is not None and INDIRECT_FEATURE not in feats:
            return self.threshold_quote
        return self.threshold

    def score(self, feats: list[str]) -> float:
        return sigmoid(sum(map(self.weights.get, feats, repeat(0.0))))  # get(x, 0.0), in C


def sigmoid(z: float) -> float:
    """The model's probability for a weight sum ``z`` (clamped: no overflow)."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> FilterModel | None:
    """The shipped filter, or None when no model file is present (rules only)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    tw, tq = data.get("threshold_weak"), data.get("threshold_quote")
    return FilterModel(data["weights"], float(data["threshold"]),
                       None if tw is None else float(tw), None if tq is None else float(tq))


def train(samples: list[tuple[list[str], int]], *, l2: float = 1e-3, epochs: int = 15,
          rate: float = 0.2, average_from: int = 5, seeds: int = 3) -> dict[str, float]:
    """Logistic regression by AdaGrad-style SGD with L2, averaged over ``seeds`` shuffles:
    one model still, but less dependent on the sample order (a one-sample change to the
    data moved one-seed dev F1 by up to 0.004)."""
    runs = [_train_once(samples, l2, epochs, rate, average_from, seed) for seed in range(seeds)]
    keys = {k for r in runs for k in r}
    mean = {k: sum(r.get(k, 0.0) for r in runs) / len(runs) for k in keys}
    return {k: round(v, 4) for k, v in sorted(mean.items()) if abs(v) > 1e-4}


def _train_once(samples: list[tuple[list[str], int]], l2: float, epochs: int, rate: float,
                average_from: int, seed: int) -> dict[str, float]:
    """Logistic regression by AdaGrad-style SGD with L2: small data, no numpy needed.

    The weights returned are the mean of the epochs from ``average_from`` on: the last
    epoch alone depends on the shuffle (seeds moved dev F1 by +-0.008), the mean far less.
    Fifteen epochs, not more: longer runs fit the dev data better and held-out documents
    worse (5-fold CV direct content F1 0.787 at 60 epochs, 0.791 at 30, 0.796 at 15).
    """
    import random

    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    acc: dict[str, float] = {}
    n_acc = 0
    order = list(range(len(samples)))
    rnd = random.Random(seed)
    for ep in range(epochs):
        rnd.shuffle(order)
        for k in order:
            feats, y = samples[k]
            z = sum(w.get(x, 0.0) for x in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - y
            for x in feats:
                wx = w.get(x, 0.0)
                grad = g + l2 * wx
                g2[x] = g2.get(x, 0.0) + grad * grad
                w[x] = wx - rate * grad / math.sqrt(g2[x] + 1e-8)
        if ep >= average_from:
            for x, v in w.items():
                acc[x] = acc.get(x, 0.0) + v
            n_acc += 1
    if n_acc:
        w = {x: v / n_acc for x, v in acc.items()}
    return w
