"""Other stories set into the page are no part of the article: a box of cards under a "You may
also like" heading (in English or another language), each card a long summary with its own
share row; a card between the article's paragraphs; a "More:" box; short links packed between
paragraphs (made-up pages)."""

from __future__ import annotations

import pytest

from bot.clean_text import clean_pasted_text
from bot.clean_vocab import TAIL_RE, fold, maybe_furniture

_ROW = "WhatsApp Facebook Pinterest Save"
_ARTICLE = (
    "Learning to rest is a skill like any other, and the people who do it well tend to plan"
    " their quiet hours as carefully as their busy ones. They keep an evening free each week,"
    " they leave the phone in another room, and they stop treating a walk as time lost. None of"
    " this comes naturally at first. It takes a few weeks of practice before a free evening"
    " stops feeling like a missed chance, and most people give up before then because nobody"
    " told them that the first weeks would feel strange rather than restful."
)
_CARDS = [
    "Gratitude lives in small things: the first coffee of the day, a friend who calls back, a"
    " quiet street on the walk home, the moment the rain stops and the light comes back over"
    " the rooftops of the town after a long grey afternoon.",
    "A family is held together by patience more than by luck, by the meals shared on ordinary"
    " days, by the arguments settled before bedtime and by the habit of asking how the day"
    " went and then waiting long enough to hear the real answer.",
    "Strength is not the absence of fear but the decision to go on anyway, one small step at a"
    " time, trusting that the road will become clearer as it is walked and that help will come"
    " from people we did not expect to meet along the way.",
]


def _page(heading: str) -> str:
    parts = ["Home", "Life", "Search", "On resting well", _ROW, _ARTICLE, "Life, Wellbeing"]
    parts.append(heading)
    for card in _CARDS:
        parts += [_ROW, card]
    parts += [_ROW, "Topics", "Contact", "© 2021 Example Pages"]
    return "\n\n".join(parts)


_PARAGRAPHS = [
    "The council voted on Tuesday to close the old bridge to trucks while engineers study"
    " the cracks that inspectors found in two of its supports last month, a decision that"
    " several members said they took with regret because the bridge carries most of the"
    " freight that reaches the harbor from the farms in the valley.",
    "Drivers of heavy vehicles will be sent along the ring road, which adds about ten"
    " minutes to a crossing of the town at the busiest hours of the day, and the police"
    " will watch the approaches to the bridge for the first weeks to make sure that the"
    " ban is understood by the companies whose trucks use it every morning.",
    "The study should take six weeks, the engineers said, and the bridge could reopen to"
    " all traffic before the end of the summer if the repairs are small, though a longer"
    " closure would follow if the cracks turn out to reach the steel inside the supports,"
    " which the inspectors could not see from the river during their visit.",
]


@pytest.mark.parametrize("heading", ["You may also like...", "Você pode gostar..."])
def test_cards_under_a_may_like_heading_are_dropped(heading: str) -> None:
    body = list(clean_pasted_text(_page(heading)).body)
    assert body == [_ARTICLE]


def test_paragraphs_each_over_an_advertisement_marker_are_no_cards() -> None:
    """Article paragraphs each followed by an "Advertisement" marker under a "Related"
    heading stay (an advertisement marker is no share row), while the same paragraphs each
    over a share row go."""
    paragraphs = _PARAGRAPHS
    parts = ["Home", "News", "Bridge closed to trucks", "By Ann Lee", "May 1, 2021"]
    parts += [paragraphs[0], "Related", "Advertisement"]
    for p in paragraphs[1:]:
        parts += [p, "Advertisement"]
    parts += ["© 2021 Example News"]
    body = list(clean_pasted_text("\n\n".join(parts)).body)
    assert all(p in body for p in paragraphs)
    shared = "\n\n".join(parts).replace("Advertisement", _ROW)
    assert list(clean_pasted_text(shared).body) == paragraphs[:1]


@pytest.mark.parametrize(
    "heading",
    [
        "Você também pode gostar",
        "Leia também:",
        "Te puede interesar",
        "Artículos relacionados",
        "Vous aimerez aussi",
        "Das könnte Sie auch interessieren",
        "Articoli correlati",
        "Читайте также",
        "Baca juga",
        "Lo más leído",
        "Похожие статьи",
        "Материалы по теме",
        "Ti potrebbe interessare",
        "Sur le même sujet",
        "You might also like",
        "You may also be interested in...",
    ],
)
def test_related_headings_in_other_languages_end_the_text(heading: str) -> None:
    assert TAIL_RE.match(heading)
    # The fast path that spares most lines the vocabulary search lets them through.
    assert maybe_furniture(fold(heading))
    assert maybe_furniture(fold("» " + heading))


_STORY = [
    "The water board approved a new rate plan on Monday that will raise the average household"
    " bill by four dollars a month, the first increase in six years, after a long meeting.",
    "Board members said the money would pay for replacing pipes laid in the 1950s, which break"
    " more often every winter and cost the district more each year in emergency repairs.",
    "Residents who spoke at the meeting were split, with some asking for a smaller increase"
    " spread over more years and others urging the board to move faster on the pipes.",
    "The new rates take effect in July, and the board will review them again in two years,"
    " when the first phase of the pipe work should be finished across the older districts.",
]
_CARD = [
    "Local",
    "Harbor library lends seed kits to new growers",
    "Local",
    "Harbor library lends seed kits to new growers",
    "The Harbor public library will lend seed kits to residents who want to start a garden.",
]


def _story_page(card: list[str]) -> str:
    head = "Home\nNews\nWater rates to rise in July\nBy Ann Lee\nMay 1, 2021"
    return "\n\n".join([head, *_STORY[:2], "\n".join(card), *_STORY[2:], "© 2021 Example News"])


def test_a_card_set_into_the_text_goes_with_its_summary() -> None:
    """A card (section, headline, again, and its summary packed under them) between two of
    the article's paragraphs is dropped, summary and all; the paragraphs stay."""
    body = list(clean_pasted_text(_story_page(_CARD)).body)
    assert body == _STORY
    # A packed paragraph under a line printed once there (no card) is the article's.
    card = [_CARD[1], _STORY[1]]
    page = _story_page(card).replace(_STORY[1] + "\n\n", "", 1)
    body = list(clean_pasted_text(page + "\n\nHarbor library lends seed kits to new growers").body)
    assert _STORY[1] in body


def test_a_more_heading_over_links_between_paragraphs_goes_with_its_links() -> None:
    """ "More:" packed over other stories' titles, between the article's paragraphs (which
    blank lines set apart), is a box of links, not a subhead with its lines."""
    links = ["More:", "The New Bridge Race", "Walking into history", "City tests its first ferry"]
    body = list(clean_pasted_text(_story_page(links)).body)
    assert body == _STORY


def test_short_links_packed_between_paragraphs_go_but_an_introduced_list_stays() -> None:
    """Two short capitalised lines without a stop, packed between paragraphs that blank lines
    set apart, are a box of links; under a paragraph ending with a colon they are its list."""
    links = ["Profile: Ann Lee", "Timeline of the dispute"]
    body = list(clean_pasted_text(_story_page(links)).body)
    assert body == _STORY
    page = _story_page(links).replace(_STORY[1], _STORY[1][:-1] + " in two parts:")
    body = list(clean_pasted_text(page).body)
    assert all(link in body for link in links)
    # Six such lines are a stanza quoted in the text, not a box of links.
    stanza = [
        "Down by the river",
        "Where the old mills stand",
        "We waited for the rain",
        "And the rain came down",
        "On the roofs of the town",
        "All the night long",
    ]
    body = list(clean_pasted_text(_story_page(stanza)).body)
    assert all(line in body for line in stanza)
