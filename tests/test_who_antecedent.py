"""A "who" that reports is shown as the person before it, however the relative is set off.
Made-up paragraphs; the filter off (rule level)."""

from __future__ import annotations

from bot.attribution import extract_attributions
from bot.speakers import antecedent_before


def _speakers(body: list[str]) -> list[str | None]:
    return [a.speaker for a in extract_attributions(body, min_score=0.0)]


def test_a_dash_or_a_contraction_sets_the_relative_off() -> None:
    body = ["The plan is backed by Ann Lee — who’s called for lower fares — and the union."]
    assert "Ann Lee" in _speakers(body)
    body = ["The plan was championed by Ann Lee, who’s argued for years that fares must fall."]
    assert "Ann Lee" in _speakers(body)


def test_a_long_run_of_titles_ends_in_the_name() -> None:
    head = "The effort was led by North Dakota Party Committeeman Curly Haugland, "
    start = antecedent_before(head)
    assert start is not None and head[start:] == "Curly Haugland, "
    head = "The plan was backed by Harbour Board Deputy Chair John F. Kirby, "
    start = antecedent_before(head)
    assert start is not None and head[start:] == "John F. Kirby, "


def test_york_alone_is_a_surname_new_york_a_place() -> None:
    from bot.attribution import _person_mentions

    body = ["The songs were written by Caitlyn Smith and Kate York last year.",
            "“It’s a totally different muscle,” York said."]
    assert "Kate York" in _speakers(body)
    assert _person_mentions("He flew to New York on Monday with the New York Times.") == []
