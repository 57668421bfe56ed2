"""How digest time grows with the size of a hostile paste.

    .venv/bin/python bench/adversarial.py [--sizes 50000,100000,200000]

A pasted text is untrusted: a page of nothing but quote marks, commas or cue words must not
hold a worker for minutes. For each shape, it digests the text cut to each size (as pasted
text and as clean text) and prints the CPU seconds and the growth per doubling of the size
(about 2 is linear; 4 would be quadratic). The largest default size is below the text cap
(``NEWSDESK_MAX_TEXT_CHARS``, 300,000 characters by default).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import time
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.errors import NewsdeskError  # noqa: E402
from bot.model import InputMode  # noqa: E402
from bot.pipeline import digest_text  # noqa: E402
from config.settings import Settings  # noqa: E402

_WORDS = [
    "the", "said", "he", "told", "that", "according", "to", "officials", "“", "”", '"', ",",
    ".", "Mr.", "U.S.", "3,000", "who", "which", "on", "Tuesday",
]


def shapes(size: int) -> dict[str, str]:
    rng = random.Random(1)  # the same text at every size, cut shorter
    random_words = " ".join(rng.choice(_WORDS) for _ in range(size // 3))
    random_paras = "\n\n".join(
        " ".join(rng.choice(_WORDS) for _ in range(60)) for _ in range(size // 200)
    )
    texts = {
        "quote after quote with cues": '"' + 'he said, "' * size,
        "alternating quotes": '"a" ' * size,
        "cue words, one paragraph": "Smith said that " * size,
        "random news words, one paragraph": random_words,
        "random news words, paragraphs": random_paras,
        "figures": "1,000 " * size,
        "abbreviations": "Mr. " * size,
        "commas": "a, " * size,
    }
    return {name: text[:size] for name, text in texts.items()}


def cpu_seconds(text: str, mode: InputMode, settings: Settings) -> float:
    start = time.process_time()
    with contextlib.suppress(NewsdeskError):  # a refusal is a result too
        digest_text(text, settings, mode)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50000,100000,200000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    settings = Settings.from_env({})
    by_size = {size: shapes(size) for size in sizes}
    worst = 0.0
    for name in by_size[sizes[0]]:
        for mode in (InputMode.TEXT, InputMode.CLEAN):
            times = [cpu_seconds(by_size[size][name], mode, settings) for size in sizes]
            growth = [b / a if a > 0.005 else float("nan") for a, b in pairwise(times)]
            worst = max([worst, *times])
            timings = zip(sizes, times, strict=True)
            print(
                f"{name:34s} {mode.value:5s} "
                + "  ".join(f"{size // 1000}k {t:6.2f}s" for size, t in timings)
                + "   growth per doubling: "
                + ", ".join(f"{g:.1f}" for g in growth),
                flush=True,
            )
    print(f"slowest digest: {worst:.2f} s CPU")


if __name__ == "__main__":
    main()
