"""Score the pasted-text cleaner on ../shared/data/cleaning-dev (read at run time, never copied).

    .venv/bin/python bench/eval_cleaning.py                 # full, 0-7 and 8-f halves
    .venv/bin/python bench/eval_cleaning.py --pages         # plus per-page P/R, worst first
    .venv/bin/python bench/eval_cleaning.py --ids 01234567  # only ids starting with these chars
    .venv/bin/python bench/eval_cleaning.py --save preds.jsonl
    .venv/bin/python bench/eval_cleaning.py --meta          # headline, byline, date vs the HTML
    .venv/bin/python bench/eval_cleaning.py --meta --verbose  # plus every mismatch, by field

The ground truth has no headline, byline or date, so ``--meta`` compares the pasted-text
header with what the HTML path reads from the same page's metadata (``<title>``, Open Graph,
JSON-LD, via trafilatura): a proxy, not a gold standard (a page's ``<title>`` may differ from
its printed headline, and some bylines exist only in the metadata).

The metric is ../shared/tools/score_cleaning.py's (4-token shingles), imported from there.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "cleaning-dev"
sys.path.insert(0, str(ROOT))

from bot.clean_html import clean_html  # noqa: E402
from bot.clean_text import clean_pasted_text  # noqa: E402


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "score_cleaning", SHARED / "tools" / "score_cleaning.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def predict(ids: list[str]) -> tuple[dict[str, str], float]:
    """Cleaned bodies by id and the mean milliseconds per page."""
    preds: dict[str, str] = {}
    total = 0.0
    for i in ids:
        text = (DATA / "text" / f"{i}.txt").read_text(encoding="utf-8")
        t0 = time.perf_counter()
        article = clean_pasted_text(text)
        total += time.perf_counter() - t0
        preds[i] = "\n\n".join(article.body)
    return preds, 1000 * total / max(1, len(ids))


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"\w+", (text or "").lower()))


def _same_title(text_title: str | None, html_title: str | None) -> bool:
    """Half the words in common, or the pasted title inside the HTML one (which often adds
    the site's name: "Headline | Outlet")."""
    a, b = _words(text_title), _words(html_title)
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= 0.5 or a <= b


def _same_outlet(mine: str, site: str) -> bool:
    """A word of three letters or more in common, or inside the site's name ("Gannett" and
    "USA TODAY" do not match: the copyright holder is not the brand)."""
    words = {w for w in _words(mine) if len(w) >= 3 and w not in ("the", "com", "news")}
    squeezed = re.sub(r"\W+", "", site.lower())
    return bool(words & _words(site)) or any(w in squeezed for w in words)


def meta_report(ids: list[str], verbose: bool) -> None:
    """How often the pasted-text header agrees with the HTML page's metadata."""
    counts = {"title": [0, 0], "byline": [0, 0, 0], "date": [0, 0, 0], "outlet": [0, 0, 0]}
    for i in ids:
        text = (DATA / "text" / f"{i}.txt").read_text(encoding="utf-8")
        html = (DATA / "html" / f"{i}.html").read_text(encoding="utf-8")
        mine, ref = clean_pasted_text(text).meta, clean_html(html).meta
        ok = _same_title(mine.title, ref.title)
        counts["title"][0] += ok
        counts["title"][1] += ref.title is not None
        if verbose and not ok:
            print(f"title  {i[:8]} {str(mine.title)[:60]!r} | html: {str(ref.title)[:60]!r}")
        if ref.byline:
            counts["byline"][2] += 1
            ok = bool(_words(" ".join(mine.byline)) & _words(" ".join(ref.byline)))
            counts["byline"][0] += ok
            counts["byline"][1] += not mine.byline
            if verbose and not ok:
                print(f"byline {i[:8]} {mine.byline!r} | html: {ref.byline!r}")
        if ref.outlet:
            counts["outlet"][2] += 1
            ok = bool(mine.outlet) and _same_outlet(mine.outlet or "", ref.outlet)
            counts["outlet"][0] += ok
            counts["outlet"][1] += not mine.outlet
            if verbose and not ok:
                print(f"outlet {i[:8]} {mine.outlet!r} | html: {ref.outlet!r}")
        if ref.published:
            counts["date"][2] += 1
            ok = bool(mine.published) and (mine.published or "")[:10] == ref.published[:10]
            counts["date"][0] += ok
            counts["date"][1] += not mine.published
            if verbose and not ok:
                print(f"date   {i[:8]} {mine.published!r} | html: {ref.published!r}")
    t, b, d, o = counts["title"], counts["byline"], counts["date"], counts["outlet"]
    print(f"title agrees with the HTML title: {t[0]} of {t[1]} pages")
    print(f"byline shares a name with the HTML byline: {b[0]} of {b[2]} (none found: {b[1]})")
    print(f"date is the HTML date: {d[0]} of {d[2]} (none found: {d[1]})")
    print(f"outlet shares a word with the HTML site name: {o[0]} of {o[2]} (none found: {o[1]})")


def _line(name: str, m: dict[str, float]) -> str:
    p, r, f = m["precision"], m["recall"], m["f1"]
    return f"{name:<6} n={m['pages']:<3} P={p:.3f} R={r:.3f} F1={f:.3f}"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ids", default="", help="score only ids starting with one of these chars")
    ap.add_argument("--pages", action="store_true", help="print per-page P/R/F1, worst first")
    ap.add_argument("--save", help="write {id, body} predictions to this jsonl")
    ap.add_argument("--meta", action="store_true", help="compare headers with the HTML's")
    ap.add_argument(
        "--verbose", action="store_true", help="with --meta, list every header mismatch"
    )
    args = ap.parse_args(argv)
    if not DATA.exists():
        sys.exit(f"{DATA} not found")
    sc = _scorer()
    truth, urls = sc.load_truth(DATA)
    ids = sorted(truth)
    if args.meta:
        meta_report(
            [i for i in ids if not args.ids or i[0] in args.ids], args.pages or args.verbose
        )
        return
    preds, ms = predict(ids)
    if args.save:
        with open(args.save, "w", encoding="utf-8") as f:
            for i in ids:
                f.write(json.dumps({"id": i, "body": preds[i]}, ensure_ascii=False) + "\n")

    def sub(prefixes: str) -> dict[str, str]:
        return {i: truth[i] for i in ids if not prefixes or i[0] in prefixes}

    if args.ids:
        print(_line("subset", sc.score(sub(args.ids), preds)))
    else:
        print(_line("full", sc.score(truth, preds)))
        print(_line("0-7", sc.score(sub("01234567"), preds)))
        print(_line("8-f", sc.score(sub("89abcdef"), preds)))
    print(f"{ms:.2f} ms/page")
    if args.pages:
        rows = []
        for i in sub(args.ids):
            tp, fp, fn = sc.page_counts(truth[i], preds[i])
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            rows.append((f1, i, p, r, urls.get(i, "")))
        for f1, i, p, r, url in sorted(rows):
            print(f"{f1:.3f} P={p:.3f} R={r:.3f} {i[:8]} {url[:70]}")


if __name__ == "__main__":
    main()
