"""The same paste gives the same header in every worker process, whatever its hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = (
    "from bot.textmeta import _spelled_domain\n"
    "page = 'Harbourline\\nHARBOURLINE\\nNews\\nRead more at harbourline.com today\\n'\n"
    "print(_spelled_domain(page, page.splitlines()))\n"
)


def test_a_tie_between_two_spellings_goes_to_the_first_on_the_page() -> None:
    seen = set()
    for seed in ("0", "1", "2", "3", "7", "11"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, check=True,
                             capture_output=True, text=True).stdout.strip()
        seen.add(out)
    assert seen == {"Harbourline"}
