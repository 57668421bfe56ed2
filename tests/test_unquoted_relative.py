"""A report inside a restrictive relative ends where the main clause's verb comes back.

Rule-level checks with the filter off, synthetic sentences only.
"""

from __future__ import annotations

from tests.rule_helpers import one_attribution as _one
from tests.rule_helpers import rule_attributions as _all


def test_infinitive_report_in_a_restrictive_relative_ends_before_the_main_verb() -> None:
    body = ["Donors who want to give more could shell out as much as $9,000 to the committee."]
    assert _one(body, "give more").content == "to give more"
    body = ["A supporter who wants to unseat the mayor is reaping rewards from the publicity."]
    assert _one(body, "unseat").content == "to unseat the mayor"


def test_infinitive_of_be_is_no_second_verb() -> None:
    # "to be" opens the report: its "be" is not the main clause's verb coming back.
    body = ["Workers who declined to be named said the plant would close in March."]
    assert all(a.content != "to" for a in _all(body))
