"""Recall of report candidates: which words start one, and which look like cues but are not.

Rule-level checks with the filter off (``min_score=0.0``), synthetic sentences only.
"""

from __future__ import annotations

from bot.attribution import extract_attributions
from bot.model import Attribution


def _all(body: list[str]) -> list[Attribution]:
    return extract_attributions(body, min_score=0.0)


def _contents(body: list[str]) -> list[str]:
    return [a.content for a in _all(body)]


def _one(body: list[str], cue: str) -> Attribution:
    hits = [a for a in _all(body) if a.cue == cue]
    assert len(hits) == 1, (cue, [(a.cue, a.content) for a in _all(body)])
    return hits[0]


def test_known_as_a_description_is_no_report() -> None:
    for body in (["Cheap refrigerants known as hydrofluorocarbons."],
                 ["The judge, a folk hero known to fans as Judge Judy, spoke."]):
        assert not [a for a in _all(body) if a.cue == "known"], (body, _contents(body))
    att = _one(["Doctors have known for years that the water was unsafe."], "known")
    assert att.content.startswith("that the water was unsafe")
