"""Figures a fact shows are quantities: reference marks, records, model numbers, a range's
scale word and street numbers are read as what they are. Made-up sentences only."""

from __future__ import annotations

from bot.facts import extract_facts
from bot.figures import scan_figures


def _figures(sentence: str) -> list[str]:
    return [f.text for f in scan_figures(sentence)]


def test_reference_marks_are_no_counts() -> None:
    assert _figures("A trial in 40 adults cut snacking by 12% (7).") == ["40", "12%"]
    assert _figures("Other trials agree (14, 15, 16).") == []
    # A tie-break's points belong to the set's score.
    assert _figures("Berg won 6-4, 7-6 (5) on Sunday.") == ["6-4", "7-6"]
    # After a name, a number in brackets is an age.
    assert _figures("Lund (71), Berg (68) and Dahl (74) are the oldest.") == ["71", "68", "74"]


def test_records_codes_and_model_numbers_are_no_counts() -> None:
    assert _figures("The Hawks are on a 1-6-2 skid after a 9-2-1 start.") == []
    assert _figures("Savers may put $6,000 in a 403(b) plan.") == ["$6,000"]
    assert _figures("The ZTX 3070 card beats the ZTX 2060 by far.") == []
    assert _figures("The S&P 500 rose 1.2% while the H&Q 150 index fell.") == ["1.2%"]
    assert _figures("zPhone 9 refurbs sell for $199 and SoundBuds 3 for $89.") == ["$199", "$89"]
    # Words in capitals either side: a passage in capitals, whose number counts.
    assert _figures("AT LEAST 12 HURT IN BLAST The mayor said so.") == ["12"]
    # A possessive leads a count.
    assert _figures("McArthur's 300 stores closed on Monday.") == ["300"]


def test_a_range_keeps_its_scale_word() -> None:
    assert _figures("The toll fell to 350–375 million by then.") == ["350–375 million"]
    assert _figures("It needs $40-50 billion a year.") == ["$40"]


def test_a_street_number_after_a_compass_point_is_no_count() -> None:
    assert _figures("Ann Berg, 57, of 3170 W. County Road 600S, was held.") == ["57"]


def test_a_fact_shows_no_reference_mark() -> None:
    body = ("A trial in 40 adults found that a walk after meals cut snacking by 12% (7).",)
    assert extract_facts(body, [])[0].figures == ("40", "12%")
