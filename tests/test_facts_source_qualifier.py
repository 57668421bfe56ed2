"""A capital word qualifying a report named as a noun is no source of the fact: "Earlier
estimates from the Commerce Department put the share at 35%" is not "[Earlier]"."""

from __future__ import annotations

from bot.facts import named_source


def test_a_qualifier_before_a_noun_cue_is_no_source() -> None:
    assert named_source("Earlier estimates from the Harbour Office put the share at 35%.") != (
        "Earlier")
    assert named_source("Official estimates put the toll at 40.") is None
    assert named_source("Preliminary reports said 300 homes were flooded.") is None


def test_a_named_source_still_is_one() -> None:
    assert named_source("The ministry estimates 300 homes were flooded.") == "ministry"
    assert named_source("Ann Lee said 300 homes were flooded.") == "Ann Lee"
