"""Key facts skip what a scraper left as markup: an embedded post between its tags is the
poster's words, and a sentence holding a tag would display it. A title set in angle brackets
is the article's own words. Made-up stories only."""

from __future__ import annotations

from bot.facts import extract_facts, find_conflicts

BODY = (
    "The Harlow county council voted 7-2 on Tuesday to close the Eastgate bridge for repairs "
    "costing $3.4 million.",
    '<tweet tweet-author="@harlowmayor" tweet-date="May 4, 2021">Sad day for Eastgate. The '
    "bridge closes for 14 months, but we will reopen it stronger.<tweet/>.",
    '<tweet id="991" author="@roadsdesk" datetime="2021-05-04">Detour signs go up on Route 9 '
    "on Friday, 300 trucks a day rerouted.</tweet>.",
    "Engineers found 40 cracked beams in an inspection last month, the council said, which "
    'brings the total to 52.Watch the hearing at <a href="http://example.org">example.org</a>.',
    "Residents packed the hall to watch <The Bridge We Lost>, a film screened before the vote "
    "on Tuesday.",
    "The council approved a $200,000 fund for shops hit by the closure.",
    "The mayor called the closure <b>unavoidable</b> after the vote on Tuesday.",
)


def test_no_fact_holds_markup_or_an_embedded_post() -> None:
    texts = [f.text for f in extract_facts(BODY, [])]
    assert texts[0] == BODY[0]
    assert not any("tweet" in t or "href" in t or "/>" in t for t in texts)
    assert not any("Sad day" in t or "Detour signs" in t or "reopen it" in t for t in texts)
    # A title in angle brackets is no tag.
    assert any(t.startswith("Residents packed the hall") for t in texts)
    assert "The council approved a $200,000 fund for shops hit by the closure." in texts
    # A bare formatting tag wraps the article's own words (the renderer escapes it).
    assert BODY[-1] in texts


def test_an_embedded_post_gives_no_conflicting_count() -> None:
    body = (
        "Police said about 12 protesters were arrested outside the stadium on Saturday.",
        '<tweet id="5" author="@marchers">Organisers said some 40 protesters were arrested '
        "tonight.</tweet>.",
    )
    assert find_conflicts(body, []) == []
    # The same claim in the article's own words is a conflict.
    said = (body[0], "Organisers said some 40 protesters were arrested.")
    assert [c.subject for c in find_conflicts(said, [])] == ["protesters"]
