"""The outlet of a pasted page that names itself only by its domain ("Source:
Harbourwatch.com", "Harbourwatch.com" over the menu), where no brand line, copyright line or
URL names it. Made-up pages."""

from __future__ import annotations

import pytest

from bot.textmeta import find_outlet

_STORY = "The ferry terminal will close in March, the harbour board said on Monday."


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        # named twice as a domain, in prose: as printed
        (
            ["Last Updated : Nov 20, 2019 | Source: Harbourwatch.com", _STORY,
             "The views of experts on Harbourwatch.com are their own.",
             "Share on twitter.com", "Share on twitter.com", "Share on twitter.com"],
            "Harbourwatch.com",
        ),
        # named once as a domain, and by its name in the menu
        (["Support Quaynews", "Shop Quaynews", "Quaynews.com", _STORY], "Quaynews"),
        # a two-letter sister site ("In.com") is no name a menu spells
        (["In.com", "In Pictures", "In Depth", _STORY], None),
        # a platform the page links to names no publication
        (["Follow us on facebook.com", _STORY, "Like us: facebook.com"], None),
    ],
)
def test_a_domain_the_page_names_itself_by(lines: list[str], outlet: str | None) -> None:
    assert find_outlet(lines, None) == outlet
