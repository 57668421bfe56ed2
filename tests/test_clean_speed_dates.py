"""The month names grouped by first letter (``textmeta._MON_GROUPED``) match what their
plain alternation (``textmeta._MON``) matches, in the date patterns that use them: same
spans, same groups, on dates in several languages and cases and on fixture pages' lines."""

from __future__ import annotations

import random
import re
from pathlib import Path

from bot.textmeta import _DATE_PATTERNS, _MON, _MON_GROUPED, _MONTH_NAMES, _YEARLESS

PASTED = Path(__file__).parent / "fixtures" / "pasted"

_WORDS = [
    "Updated", "Posted", "Published:", "on", "de", "at", "PM", "a.m.", "EST", "|", ",", "—",
    "İ", "ı", "AOÛT", "Août", "MÄRZ", "ДЕКАБРЯ", "мая", "oKtober", "Sept.", "SEPT", "mAy",
]  # fmt: skip
_NUMBERS = ["1", "5", "12", "19", "24th", "31,", "2019", "2024", "1999", "201945", "20194:29"]


def _plain(pattern: re.Pattern[str]) -> re.Pattern[str]:
    assert _MON_GROUPED in pattern.pattern and _MON not in pattern.pattern
    return re.compile(pattern.pattern.replace(_MON_GROUPED, _MON), pattern.flags)


def _lines(rng: random.Random) -> list[str]:
    names = [re.sub(r"\(\?:|\)|\?", "", name) for name in _MONTH_NAMES.split("|")]
    lines = [ln for p in sorted(PASTED.glob("*.txt")) for ln in p.read_text().splitlines()]
    for _ in range(3000):
        parts = []
        for _ in range(rng.randrange(1, 8)):
            pick = rng.random()
            if pick < 0.35:
                name = rng.choice(names)
                parts.append(rng.choice([name, name.upper(), name.title(), name[:3]]))
            elif pick < 0.7:
                parts.append(rng.choice(_NUMBERS))
            else:
                parts.append(rng.choice(_WORDS))
        lines.append(rng.choice([" ", "  ", "\t"]).join(parts))
        # and whole dates, as the patterns read them, in any case and with a stop or not
        name = rng.choice(names)
        name = rng.choice([name, name.upper(), name.title(), name[:3] + "."])
        day, year = rng.randrange(1, 32), rng.choice(["2019", "1999", "2024"])
        lines.append(
            rng.choice(["Posted ", "Updated: ", "", "on "])
            + rng.choice([f"{name} {day}, {year}", f"{day} {name} {year}", f"{day}. {name} {year}"])
            + rng.choice(["", " 10:31 PM EST", " at 8:59 a.m.", ", 9:41 AM"])
        )
        lines.append(f"{rng.choice(['Posted', 'Published:', 'Updated'])} {name} {day}, 8:19 PM")
    return lines


def test_month_names_grouped_by_first_letter_match_as_the_plain_alternation() -> None:
    lines = _lines(random.Random(17))
    patterns = [p for p in (*_DATE_PATTERNS, _YEARLESS) if _MON_GROUPED in p.pattern]
    assert len(patterns) == 3
    found = 0
    for fast in patterns:
        plain = _plain(fast)
        for line in lines:
            a, b = fast.search(line), plain.search(line)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), line
            found += a is not None
    assert found > 300
