"""Rule-level attribution checks: the candidate filter off (``min_score=0.0``), so a test
sees what the rules find, not what the trained model keeps."""

from __future__ import annotations

from bot.attribution import extract_attributions
from bot.model import Attribution


def rule_attributions(body: list[str]) -> list[Attribution]:
    return extract_attributions(body, min_score=0.0)


def one_attribution(body: list[str], needle: str) -> Attribution:
    """The one attribution whose content holds ``needle`` (the test fails on none or two)."""
    found = rule_attributions(body)
    hits = [a for a in found if needle in a.content]
    assert len(hits) == 1, (needle, [(a.speaker, a.content) for a in found])
    return hits[0]
