"""Where unquoted reported content starts after its cue: past the cue's own adjuncts.

Rule-level checks with the filter off (``min_score=0.0``), made-up sentences only.
"""

from __future__ import annotations

from tests.rule_helpers import one_attribution as _one
from tests.rule_helpers import rule_attributions as _all


def test_adjunct_closed_by_a_comma_is_the_cues() -> None:
    body = ["Ann Poole argued in her letter, the vote was rushed through without a hearing."]
    assert _one(body, "rushed").content.startswith("the vote was rushed")
    body = ["The mayor insisted on Monday, Mr. Hale would keep his post until spring."]
    assert _one(body, "post").content.startswith("Mr. Hale would keep")


def test_place_set_off_by_commas_stays_in_the_adjunct() -> None:
    body = ["Ann Poole argued at a rally in Dayton, Ohio, the plant would reopen by June."]
    assert _one(body, "reopen").content.startswith("the plant would reopen")


def test_object_with_an_appositive_is_not_an_adjunct() -> None:
    # No verb after the comma: an appositive of the object, not a clause the cue reports.
    body = ["The new campaign focuses on Dane County, the state's second largest county."]
    assert not any(a.content.startswith("the state's") for a in _all(body))


def test_title_in_the_adjunct_is_passed_on_the_way_to_that() -> None:
    body = ['Ms. Reyes acknowledged on KTV\'s "Morning Hour" that the budget was short.']
    assert _one(body, "budget").content.startswith("that the budget was short")


def test_leading_connective_is_the_writers() -> None:
    body = ["However, the mill will stay open through the winter, the owners said."]
    assert _one(body, "mill").content.startswith("the mill will stay open")
    body = ["For instance, the county spent $4 million on roads, according to its records."]
    assert _one(body, "county").content.startswith("the county spent")


def test_a_leading_time_stays_in_the_report() -> None:
    body = ["In 2014, the county spent $4 million on roads, according to its records."]
    assert _one(body, "county").content.startswith("In 2014, the county")



def test_source_set_off_by_commas_sources_the_whole_sentence() -> None:
    body = ["Other big gaps, according to the survey, include age and income."]
    att = _one(body, "income")
    assert att.content.startswith("Other big gaps") and "include age and income" in att.content
    body = ["But, according to the survey, most voters remain undecided."]
    assert _one(body, "undecided").content.startswith("most voters remain")


def test_source_followed_by_a_relative_clause_reports_the_lead() -> None:
    body = ["The mill will close in May, according to two managers, who asked not to be named."]
    att = _one(body, "mill")
    assert "asked not to be named" not in att.content


def test_only_where_or_when_it_was_said_is_no_report() -> None:
    body = ["Two other candidates spoke at the farm bureau conference."]
    assert not any(a.cue == "spoke" for a in _all(body))
    body = ["Ms. Poole insisted Thursday during a tour of radio stations."]
    assert not any(a.cue == "insisted" for a in _all(body))


def test_a_time_before_an_infinitive_or_a_clause_still_reports() -> None:
    body = ["The union vowed Tuesday to stay on strike through the harvest."]
    assert any(a.content.startswith(("Tuesday to stay", "to stay")) for a in _all(body))
    body = ["Mr. Hale hinted at a second run for the county board."]
    assert any(a.cue.startswith("hinted") for a in _all(body))
