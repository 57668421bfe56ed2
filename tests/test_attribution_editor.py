"""Attribution rules for errors an editor sees in digests: nouns read as cues, objects and
hearers read as content, transfers read as reports, asides read as clause ends.

Rule-level checks with the filter off (``min_score=0.0``), synthetic sentences only.
"""

from __future__ import annotations

from bot.attribution import extract_attributions
from bot.model import Attribution


def _all(body: list[str]) -> list[Attribution]:
    return extract_attributions(body, min_score=0.0)


def test_plural_noun_before_from_or_a_list_is_no_cue() -> None:
    body = ["The app carries films and radio shows from Acme Studios, “Blue Hills,” and more.",
            "The archive keeps court reports such as “The Miller Case” and others."]
    assert [a.cue for a in _all(body)] == []


def test_report_verb_still_cues_after_its_subject() -> None:
    att = _all(["She says from long experience that the budget is short."])
    assert [a.cue for a in att] == ["says"]
