"""Evaluate (and train the candidate filter of) attribution extraction on ../shared data.

    .venv/bin/python bench/eval_attribution.py                 # shipped model, official scores
    .venv/bin/python bench/eval_attribution.py --cv 5          # K-fold cross-validated figures
    .venv/bin/python bench/eval_attribution.py --train         # retrain bot/models/ on all dev
    .venv/bin/python bench/eval_attribution.py --rules-only    # no filter

Reads ../shared/data/attribution-dev/dev.jsonl at run time (never copied into the repo),
splits each text into paragraphs the way the CLI's ``--input clean`` does, writes
predictions to /tmp and runs ../shared/tools/score_attribution.py on them.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.attrib_model import MODEL_PATH, FilterModel, train  # noqa: E402
from bot.attribution import candidate_attributions, extract_attributions  # noqa: E402
from bot.model import Attribution  # noqa: E402

SHARED = ROOT.parent / "shared"
GOLD = SHARED / "data" / "attribution-dev" / "dev.jsonl"
SCORER = SHARED / "tools" / "score_attribution.py"


def paragraphs(text: str) -> list[str]:
    return [p for p in (b.strip() for b in text.split("\n\n")) if p]


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score_attribution", SCORER)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def labels(sc: Any, doc: dict[str, Any], atts: list[Attribution]) -> list[int]:
    """1 for a candidate that matches a gold attribution (greedy one-to-one, any kind)."""
    gold = doc["attributions"] + doc.get("unsourced", [])
    preds = [{"content": a.content} for a in atts]
    pairs = sorted(((sc.match_score(p, g), i, j) for i, p in enumerate(preds)
                    for j, g in enumerate(gold)), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    for s, i, j in pairs:
        if s < 0.5:
            break
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
    return [int(i in used_p) for i in range(len(atts))]


def quick_f1(sc: Any, docs: list[dict[str, Any]], chosen: list[list[Attribution]],
             kinds: set[str]) -> tuple[float, float, float]:
    """Content P, R, F1 as the official scorer counts them (for threshold sweeps)."""
    n_match = n_pred = n_gold = 0
    for d, atts in zip(docs, chosen, strict=True):
        gold = [g for g in d["attributions"] if g.get("kind", "indirect") in kinds]
        ign = [g for g in d["attributions"] if g.get("kind", "indirect") not in kinds]
        ign += d.get("unsourced", [])
        preds = [{"content": a.content} for a in atts]
        pairs = sorted(((sc.match_score(p, g), i, j) for i, p in enumerate(preds)
                        for j, g in enumerate(gold)), reverse=True)
        used_p: set[int] = set()
        used_g: set[int] = set()
        for s, i, j in pairs:
            if s < 0.5:
                break
            if i not in used_p and j not in used_g:
                used_p.add(i)
                used_g.add(j)
        ignored = sum(1 for i, p in enumerate(preds) if i not in used_p
                      and any(sc.match_score(p, g) >= 0.5 for g in ign))
        n_match += len(used_g)
        n_pred += len(preds) - ignored
        n_gold += len(gold)
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def write_preds(path: Path, docs: list[dict[str, Any]], chosen: list[list[Attribution]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for d, atts in zip(docs, chosen, strict=True):
            out.write(json.dumps({"id": d["id"], "attributions": [
                {"speaker": a.speaker or "", "content": a.content, "cue": a.cue} for a in atts
            ]}) + "\n")


def score(path: Path) -> None:
    for kinds in ("direct,mixed,indirect", "direct"):
        done = subprocess.run([sys.executable, str(SCORER), str(GOLD), str(path),
                               "--kinds", kinds], capture_output=True, text=True, check=True)
        lines = done.stdout.strip().splitlines()
        print(f"== kinds={kinds}")
        print("\n".join(ln for ln in lines if ln.startswith(("content ", "pair", "  recall"))))
        print(lines[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cv", type=int, default=0, help="K-fold cross-validation")
    ap.add_argument("--train", action="store_true", help="retrain the shipped model")
    ap.add_argument("--rules-only", action="store_true")
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--out", default="/tmp/attr_pred.jsonl")
    ap.add_argument("--sweep", action="store_true", help="CV scores at several thresholds")
    args = ap.parse_args()
    if not GOLD.exists():
        sys.exit("../shared attribution data is absent")
    docs = [json.loads(ln) for ln in GOLD.read_text(encoding="utf-8").splitlines() if ln]
    out = Path(args.out)

    if not (args.cv or args.train):
        t0 = time.perf_counter()
        worst = 0.0
        chosen = []
        for d in docs:
            t1 = time.perf_counter()
            body = paragraphs(d["text"])
            if args.rules_only:
                chosen.append([a for a, _ in candidate_attributions(body)])
            else:
                chosen.append(extract_attributions(body, min_score=args.threshold))
            worst = max(worst, time.perf_counter() - t1)
        print(f"{len(docs)} docs in {time.perf_counter() - t0:.2f}s, "
              f"worst {worst * 1000:.1f} ms")
        write_preds(out, docs, chosen)
        score(out)
        return

    sc = _scorer()
    cands = [candidate_attributions(paragraphs(d["text"])) for d in docs]
    ys = [labels(sc, d, [a for a, _ in c]) for d, c in zip(docs, cands, strict=True)]
    threshold = 0.5 if args.threshold is None else args.threshold
    if args.cv:
        probs: list[list[float]] = [[] for _ in docs]
        for k in range(args.cv):
            tr = [(f, y) for n, (c, yy) in enumerate(zip(cands, ys, strict=True))
                  if n % args.cv != k for (_, f), y in zip(c, yy, strict=True)]
            model = FilterModel(train(tr), threshold)
            for n, c in enumerate(cands):
                if n % args.cv == k:
                    probs[n] = [model.score(f) for _, f in c]
        if args.sweep:
            for t in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
                ch = [[a for (a, _), pr in zip(c, pp, strict=True) if pr >= t]
                      for c, pp in zip(cands, probs, strict=True)]
                allk = quick_f1(sc, docs, ch, {"direct", "mixed", "indirect"})
                dk = quick_f1(sc, docs, ch, {"direct"})
                print(f"t={t:.1f} all P/R/F1 {allk[0]:.3f}/{allk[1]:.3f}/{allk[2]:.3f}  "
                      f"direct {dk[0]:.3f}/{dk[1]:.3f}/{dk[2]:.3f}")
        chosen_cv = [[a for (a, _), pr in zip(c, pp, strict=True) if pr >= threshold]
                     for c, pp in zip(cands, probs, strict=True)]
        write_preds(out, docs, chosen_cv)
        print(f"{args.cv}-fold cross-validated, threshold {threshold}")
        score(out)
    if args.train:
        samples = [(f, y) for c, yy in zip(cands, ys, strict=True)
                   for (_, f), y in zip(c, yy, strict=True)]
        weights = train(samples)
        MODEL_PATH.parent.mkdir(exist_ok=True)
        MODEL_PATH.write_text(json.dumps({
            "about": "Logistic-regression filter over attribution candidates "
                     "(bot/attrib_model.py features); trained by bench/eval_attribution.py.",
            "threshold": threshold,
            "weights": dict(sorted(weights.items())),
        }, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH} ({len(weights)} weights, {len(samples)} samples, "
              f"{sum(y for _, y in samples)} positive)")


if __name__ == "__main__":
    main()
