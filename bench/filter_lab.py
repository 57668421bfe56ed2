"""Quick experiments on the candidate filter under the same nested 5-fold CV as
``bench/eval_attribution.py --cv 5``, without regenerating candidates each run.

    .venv/bin/python bench/filter_lab.py --build     # cache each fold's candidates (slow)
    .venv/bin/python bench/filter_lab.py             # CV of the current bot.attrib_model
    .venv/bin/python bench/filter_lab.py --frontier  # ... and the best thresholds for it

The cache (in /tmp) holds, per fold and held-out or training document, every candidate's
``CandidateView`` and its label; features are recomputed from the views each run, so a
change to ``bot.attrib_model.features`` or ``train`` is measured in seconds. Figures match
the official scorer's content P/R/F1 (quick_f1) for the all-kinds and direct views.
Rebuild the cache (--build) after any change to the rules or the cut-point model.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import eval_attribution as ev  # noqa: E402

from bot import attrib_model  # noqa: E402

# Per worktree: helpers side by side must not read each other's candidates.
CACHE = Path("/tmp") / f"filter_lab_cache-{ROOT.name}.pkl"


def build(docs: list[dict[str, Any]], cv: int) -> None:
    import bot.attrib_bounds as bounds_mod
    import bot.attribution as attribution

    sc = ev._scorer()
    per_doc_bounds = ev.bound_samples(docs)
    shipped = bounds_mod.load_bounds
    real_features = attribution.features
    attribution.features = lambda v: v  # type: ignore[assignment,return-value]
    folds = []
    try:
        for k in range(cv):
            cut = attrib_model.FilterModel(ev.train([s for n, ss in enumerate(per_doc_bounds)
                                                     if n % cv != k for s in ss], l2=ev.BL2),
                                           ev.BT)
            bounds_mod.load_bounds = lambda cut=cut: cut  # type: ignore[assignment]
            fold = []
            for d in docs:
                c = attribution.candidate_attributions(ev.paragraphs(d["text"]))
                ys = ev.labels(sc, d, [a for a, _ in c])
                fold.append([(a, v, y) for (a, v), y in zip(c, ys, strict=True)])
            folds.append(fold)
            print(f"fold {k} built", flush=True)
    finally:
        bounds_mod.load_bounds = shipped
        attribution.features = real_features
    CACHE.write_bytes(pickle.dumps(folds))


def run(docs: list[dict[str, Any]], cv: int, l2: float, show: bool = True,
        thresholds: tuple[float, float, float] = (ev.T, ev.TQ, ev.TW)) -> dict[str, Any]:
    folds = pickle.loads(CACHE.read_bytes())
    sc = ev._scorer()
    t, tq, tw = thresholds
    rule = attrib_model.FilterModel({}, t, tw, tq)
    feats = [[[attrib_model.features(v) for _, v, _ in c] for c in fold] for fold in folds]
    held: list[list[tuple[Any, list[str], float]]] = [[] for _ in docs]
    prep = getattr(attrib_model, "prepare", None)
    for k in range(cv):
        tr = [(f, y) for n, c in enumerate(folds[k]) if n % cv != k
              for f, (_, _, y) in zip(feats[k][n], c, strict=True)]
        if prep is not None:
            tr = prep(tr)
        model = attrib_model.FilterModel(attrib_model.train(tr, l2=l2, rate=ev.RATE), t)
        for n, c in enumerate(folds[k]):
            if n % cv == k:
                held[n] = [(a, f, model.score(f)) for (a, _, _), f in zip(c, feats[k][n],
                                                                         strict=True)]
    chosen = [[a for a, f, p in h if p >= rule.threshold_for(f)] for h in held]
    allk = ev.quick_f1(sc, docs, chosen, {"direct", "mixed", "indirect"})
    dk = ev.quick_f1(sc, docs, chosen, {"direct"})
    if show:
        ll = _logloss(folds, held, cv)
        print(f"held-out log-loss quoted {ll[0]:.4f} unquoted {ll[1]:.4f}")
        print(f"CV all P/R/F1 {allk[0]:.3f}/{allk[1]:.3f}/{allk[2]:.4f}  "
              f"direct {dk[0]:.3f}/{dk[1]:.3f}/{dk[2]:.4f}  (l2={l2}, t={thresholds})")
    return {"all": allk, "direct": dk, "held": held}


def _logloss(folds: list[Any], held: list[Any], cv: int) -> tuple[float, float]:
    """Mean held-out log-loss of the filter, for quote-bearing and unquoted candidates."""
    import math

    tot = [0.0, 0.0]
    n = [0, 0]
    for d, h in enumerate(held):
        for (_, _, y), (a, _, p) in zip(folds[d % cv][d], h, strict=True):
            q = int(a.kind.value == "indirect")
            p = min(max(p, 1e-6), 1 - 1e-6)
            tot[q] -= math.log(p if y else 1 - p)
            n[q] += 1
    return tot[0] / n[0], tot[1] / n[1]


class FastScore:
    """The scorer's content P/R/F1 for many subsets of the same candidates: the Jaccard
    pairs >= 0.5 are computed once per document."""

    def __init__(self, docs: list[dict[str, Any]], held: list[Any]) -> None:
        sc = ev._scorer()
        self.docs: list[tuple[list[tuple[float, int, int]], list[str]]] = []
        for d, h in zip(docs, held, strict=True):
            gold = d["attributions"] + d.get("unsourced", [])
            kinds = [g.get("kind", "indirect") for g in d["attributions"]]
            kinds += ["unsourced"] * len(d.get("unsourced", []))
            gt = [sc.content_tokens(g["content"]) for g in gold]
            pairs = []
            for i, (a, _, _) in enumerate(h):
                pt = sc.content_tokens(a.content)
                for j, g in enumerate(gt):
                    u = len(pt | g)
                    if u and len(pt & g) / u >= 0.5:
                        pairs.append((len(pt & g) / u, i, j))
            pairs.sort(reverse=True)
            self.docs.append((pairs, kinds))

    def f1(self, keep: list[list[bool]], kinds: set[str]) -> tuple[float, float, float]:
        n_match = n_pred = n_gold = 0
        for (pairs, gk), k in zip(self.docs, keep, strict=True):
            used_p: set[int] = set()
            used_g: set[int] = set()
            for _, i, j in pairs:
                if k[i] and gk[j] in kinds and i not in used_p and j not in used_g:
                    used_p.add(i)
                    used_g.add(j)
            ign = {i for _, i, j in pairs if k[i] and gk[j] not in kinds and i not in used_p}
            n_match += len(used_g)
            n_pred += sum(k) - len(ign)
            n_gold += sum(1 for x in gk if x in kinds)
        p = n_match / n_pred if n_pred else 0.0
        r = n_match / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


ALL = {"direct", "mixed", "indirect"}


def frontier(docs: list[dict[str, Any]], held: list[Any]) -> None:
    """Best direct content F1 at a floor on all-kinds F1, over a threshold grid: models
    are compared at their own best thresholds, not at thresholds tuned for another."""
    fs = FastScore(docs, held)
    rows = []
    for t in [x / 100 for x in range(40, 82, 3)]:
        for tq in (0.1, 0.2, 0.3, 0.4, 0.45, 0.5, 0.6):
            for dw in (0.0, 0.1, 0.2, 0.3):
                tw = round(min(t + dw, 0.99), 2)
                rule = attrib_model.FilterModel({}, t, tw, tq)
                keep = [[p >= rule.threshold_for(f) for _, f, p in h] for h in held]
                rows.append((fs.f1(keep, ALL)[2], fs.f1(keep, {"direct"})[2], t, tq, tw))
    for floor in (0.645, 0.650, 0.655, 0.660, 0.665):
        ok = [r for r in rows if r[0] >= floor]
        if ok:
            b = max(ok, key=lambda r: r[1])
            print(f"  all>={floor:.3f}: best direct {b[1]:.3f} (all {b[0]:.3f}, t={b[2]} "
                  f"tq={b[3]} tw={b[4]})")
    b = max(rows)
    print(f"  best all {b[0]:.3f} (direct {b[1]:.3f}, t={b[2]} tq={b[3]} tw={b[4]})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", action="store_true")
    ap.add_argument("--cv", type=int, default=5)
    ap.add_argument("--l2", type=float, default=ev.L2)
    ap.add_argument("--frontier", action="store_true", help="sweep thresholds")
    args = ap.parse_args()
    docs = [ev.json.loads(ln) for ln in ev.GOLD.read_text(encoding="utf-8").splitlines() if ln]
    t0 = time.process_time()
    if args.build or not CACHE.exists():
        build(docs, args.cv)
    got = run(docs, args.cv, args.l2)
    if args.frontier:
        frontier(docs, got["held"])
    print(f"{time.process_time() - t0:.1f}s CPU")


if __name__ == "__main__":
    main()
