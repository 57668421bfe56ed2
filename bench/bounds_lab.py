"""Quick experiments on the cut-point model (bot/attrib_bounds.py) under K-fold CV.

    .venv/bin/python bench/bounds_lab.py

For every candidate the cut model trims whose span holds a gold content starting near its
start (as ``eval_attribution.bound_samples`` picks them), the fold's model walks the cut
points and stops at the first it takes; the figure is how often the content it leaves
matches the gold (token Jaccard >= 0.5, the scorer's test), next to how often the content
as the rules cut it (no model) and the best cut (oracle) would.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import eval_attribution as ev  # noqa: E402

from bot import attrib_bounds  # noqa: E402
from bot.attrib_model import FilterModel, train  # noqa: E402
from bot.attribution import quote_spans  # noqa: E402

_W = re.compile(r"\w+")
# (cut feats, label, jaccard, past the gold end), the uncut content's jaccard
Group = tuple[list[tuple[list[str], int, float, bool]], float]


def _jac(a: str, b: str) -> float:
    x, y = set(_W.findall(a.lower())), set(_W.findall(b.lower()))
    return len(x & y) / len(x | y) if x | y else 0.0


def groups(docs: list[dict[str, Any]]) -> list[list[Group]]:
    """Per document, per trimmed candidate: every cut point with its exact-end label, the
    Jaccard of the content cut there and whether it lies past the gold end, and the
    Jaccard of the uncut content."""
    out: list[list[Group]] = []
    for d in docs:
        gs: list[Group] = []
        for h in ev.clipped_hits(d):
            a, s, e, text = h.attribution, h.start, h.end, h.text
            head = a.content[: len(a.content) - (e - s)]  # earlier pieces, if any
            gold = h.gold["content"]
            cuts = [(feats, int(abs(pos - h.gold_end) <= 1), _jac(head + text[s:pos], gold),
                     pos > h.gold_end + 1)
                    for pos, feats in attrib_bounds.cut_points(text, s, e, a.cue or "",
                                                               a.kind.value, quote_spans(text))]
            gs.append((cuts, _jac(head + text[s:e], gold)))
        out.append(gs)
    return out


def samples(gs: list[Group]) -> list[tuple[list[str], int]]:
    """Training samples as bound_samples makes them: the cuts up to the gold end (the
    comma's and the next word's a character apart, both positive)."""
    out = []
    for cuts, _ in gs:
        for feats, y, _, past in cuts:
            if past:
                break
            out.append((feats, y))
    return out


def evaluate(per_doc: list[list[Group]], cv: int, l2: float, thresholds: list[float],
             make: Any = samples) -> None:
    got = {t: 0 for t in thresholds}
    n = rules = oracle = 0
    for k in range(cv):
        tr = [s for i, gs in enumerate(per_doc) if i % cv != k for s in make(gs)]
        model = FilterModel(train(tr, l2=l2), 0.5)
        for i, gs in enumerate(per_doc):
            if i % cv != k:
                continue
            for cuts, whole in gs:
                n += 1
                rules += whole >= 0.5
                oracle += whole >= 0.5 or any(j >= 0.5 for _, _, j, _ in cuts)
                scores = [model.score(f) for f, _, _, _ in cuts]
                for t in thresholds:
                    j = next((j for (_, _, j, _), p in zip(cuts, scores, strict=True) if p >= t),
                             whole)
                    got[t] += j >= 0.5
    print(f"{n} trimmed candidates: matched uncut {rules / n:.3f}, oracle {oracle / n:.3f}; "
          + ", ".join(f"t={t}: {got[t] / n:.3f}" for t in thresholds))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cv", type=int, default=5)
    ap.add_argument("--l2", type=float, default=ev.BL2)
    args = ap.parse_args()
    docs = [ev.json.loads(ln) for ln in ev.GOLD.read_text(encoding="utf-8").splitlines() if ln]
    evaluate([groups([d]) [0] for d in docs], args.cv, args.l2, [0.4, 0.5, 0.6, 0.7])


if __name__ == "__main__":
    main()
