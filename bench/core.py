"""Speed and memory of the news core, as ratios measured in one run.

    .venv/bin/python bench/core.py [--rounds N] [--digests N]

Cases: the page copy of about 1,000 words (the cleaning-dev page nearest 1,000 words when
../shared is present, else the bundled sample with an HTML page made from it), and, when
../shared is present, every cleaning-dev page. For each, it times

* the text path (clean pasted text, extract, render blocks and text),
* the HTML path (trafilatura-based cleaning, extract, render), and the cleaning step alone,
* ``trafilatura.extract`` alone on the same page's HTML,

interleaved round by round so that machine noise hits all of them alike, and prints
pages/s and the ratios the issue sets targets for (text >= 5x trafilatura; HTML <= 1.3x),
and the text path's time stage by stage (on the page, and per page over all pages).
Then it digests the page N times in one process and prints the resident memory along the way.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import html
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from bot.attribution import extract_attributions  # noqa: E402
from bot.clean_text import clean_pasted_text  # noqa: E402
from bot.errors import NewsdeskError  # noqa: E402
from bot.facts import facts_and_conflicts  # noqa: E402
from bot.model import InputMode, RawDocument  # noqa: E402
from bot.pipeline import build_digest, clean  # noqa: E402
from bot.quality import check_article  # noqa: E402
from bot.render import render_blocks, render_text  # noqa: E402
from bot.sentences import split_sentences  # noqa: E402
from config.settings import Settings  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "cleaning-dev"
SAMPLE = ROOT / "bot" / "samples" / "harbour-council-vote.txt"
SETTINGS = Settings()


def sample_pages() -> list[tuple[str, str, str]]:
    """(name, pasted text, html) cases."""
    if SHARED.exists():
        pages = []
        for text_path in sorted((SHARED / "text").glob("*.txt")):
            html_path = SHARED / "html" / (text_path.stem + ".html")
            pages.append((text_path.stem, text_path.read_text(), html_path.read_text()))
        return pages
    text = SAMPLE.read_text()
    return [("sample", text, html_from_page_copy(text))]


def html_from_page_copy(text: str) -> str:
    """A plain news-page HTML rendering of the bundled sample (for machines without ../shared)."""
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>Sample</title></head><body>"]
    parts.append(
        "<nav><ul>"
        + "".join(
            f"<li><a href='#'>{html.escape(line)}</a></li>" for line in blocks[0].splitlines()
        )
        + "</ul></nav>"
    )
    parts.append(f"<h1>{html.escape(blocks[2])}</h1><article>")
    parts += [f"<p>{html.escape(b)}</p>" for b in blocks[3:-6]]
    parts.append("</article><footer>" + "".join(f"<p>{html.escape(b)}</p>" for b in blocks[-6:]))
    parts.append("</footer></body></html>")
    return "".join(parts)


def text_path(text: str) -> None:
    try:
        article = clean(RawDocument(content=text, is_html=False), InputMode.TEXT, SETTINGS)
    except NewsdeskError:  # a refusal is a result too: it costs what it cost
        return
    digest = build_digest(article)
    render_blocks(digest)
    render_text(digest)


def html_path(page: str) -> None:
    try:
        article = clean(RawDocument(content=page, is_html=True), InputMode.HTML, SETTINGS)
    except NewsdeskError:
        return
    digest = build_digest(article)
    render_blocks(digest)
    render_text(digest)


def html_clean_only(page: str) -> None:
    with contextlib.suppress(NewsdeskError):
        clean(RawDocument(content=page, is_html=True), InputMode.HTML, SETTINGS)


def trafilatura_alone(page: str) -> None:
    trafilatura.extract(page)


def text_stages(text: str) -> dict[str, Callable[[], object]]:
    """The text path's stages, each on the previous stage's output (for the breakdown)."""
    article = clean_pasted_text(text)
    # As in build_digest: the body is split into sentences once, for both extractors.
    sentences = [split_sentences(p) for p in article.body]
    attributions = extract_attributions(article.body, sentences=sentences)
    digest = build_digest(article)

    def check() -> None:
        with contextlib.suppress(NewsdeskError):  # a refused page's check costs what it costs
            check_article(article, text)

    return {
        "clean_pasted_text": lambda: clean_pasted_text(text),
        "check_article": check,
        "split_sentences": lambda: [split_sentences(p) for p in article.body],
        "extract_attributions": lambda: extract_attributions(article.body, sentences=sentences),
        "facts_and_conflicts": lambda: facts_and_conflicts(
            article.body, attributions, sentences=sentences
        ),
        "render_blocks": lambda: render_blocks(digest),
        "render_text": lambda: render_text(digest),
    }


def time_rounds(cases: dict[str, Callable[[], None]], rounds: int) -> dict[str, float]:
    """Median CPU seconds per call for each case, the cases interleaved round by round.

    CPU time of this process, not wall time: other work on a shared machine then costs
    every case alike instead of whichever case it happened to land on.
    """
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for fn in cases.values():  # warm caches and lazy imports
        fn()
    for _ in range(rounds):
        for name, fn in cases.items():
            start = time.process_time()
            fn()
            samples[name].append(time.process_time() - start)
    return {name: statistics.median(values) for name, values in samples.items()}


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--digests", type=int, default=1000)
    args = parser.parse_args()

    pages = sample_pages()
    name, text, page = min(pages, key=lambda p: abs(len(p[1].split()) - 1000))
    print(f"page: {name} ({len(text.split())} words pasted, {len(page):,} bytes HTML)")
    t = time_rounds(
        {
            "text path": lambda: text_path(text),
            "html path": lambda: html_path(page),
            "html clean only": lambda: html_clean_only(page),
            "trafilatura.extract": lambda: trafilatura_alone(page),
        },
        args.rounds,
    )
    for case, seconds in t.items():
        print(f"  {case:22s} {seconds * 1000:8.2f} ms  {1 / seconds:8.1f} pages/s")
    traf = t["trafilatura.extract"]
    print(f"  text path speed vs trafilatura.extract: {traf / t['text path']:.1f}x  [target >= 5x]")
    ratio = t["html path"] / traf
    print(f"  html path time vs trafilatura.extract:  {ratio:.2f}x  [target <= 1.3x]")
    print(f"  html cleaning time vs trafilatura.extract: {t['html clean only'] / traf:.2f}x")
    with contextlib.suppress(NewsdeskError):
        stages = time_rounds(text_stages(text), args.rounds)
        print(
            "  text path by stage: "
            + ", ".join(f"{k} {v * 1000:.2f}" for k, v in stages.items())
            + " (ms)"
        )

    if len(pages) > 1:
        cases = ("text path", "html path", "html clean only", "trafilatura.extract")
        totals = dict.fromkeys(cases, 0.0)
        stage_totals: dict[str, float] = {}
        for _, p_text, p_html in pages:
            for stage, seconds in time_rounds(text_stages(p_text), 3).items():
                stage_totals[stage] = stage_totals.get(stage, 0.0) + seconds
            r = time_rounds(
                {
                    "text path": lambda p_text=p_text: text_path(p_text),
                    "html path": lambda p_html=p_html: html_path(p_html),
                    "html clean only": lambda p_html=p_html: html_clean_only(p_html),
                    "trafilatura.extract": lambda p_html=p_html: trafilatura_alone(p_html),
                },
                3,
            )
            for case in totals:
                totals[case] += r[case]
        traf = totals["trafilatura.extract"]
        print(f"all {len(pages)} cleaning-dev pages (sum of medians):")
        for case, seconds in totals.items():
            print(f"  {case:22s} {len(pages) / seconds:8.1f} pages/s")
        print(f"  text path speed vs trafilatura.extract: {traf / totals['text path']:.1f}x")
        print(f"  html path time vs trafilatura.extract:  {totals['html path'] / traf:.2f}x")
        cleaning = totals["html clean only"] / traf
        print(f"  html cleaning time vs trafilatura.extract: {cleaning:.2f}x")
        print(
            "  text path by stage, mean per page: "
            + ", ".join(f"{k} {v * 1000 / len(pages):.2f}" for k, v in stage_totals.items())
            + " (ms)"
        )

    gc.collect()
    marks = {}
    for i in range(1, args.digests + 1):
        text_path(text)
        if i in (10, args.digests // 10, args.digests // 2, args.digests):
            gc.collect()
            marks[i] = rss_mb()
    print(
        f"memory over {args.digests} digests in one process (RSS, MB): "
        + ", ".join(f"after {n}: {mb:.1f}" for n, mb in sorted(marks.items()))
    )
    first, last = marks[args.digests // 10], marks[args.digests]
    print(f"  growth from {args.digests // 10} to {args.digests} digests: {last - first:+.1f} MB")


if __name__ == "__main__":
    main()
