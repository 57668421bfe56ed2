"""A list of other stories under two-word titles, each with a one-line summary, after the
article (made-up page)."""

from __future__ import annotations

from bot.clean_text import clean_pasted_text

_PARAS = [
    "The low-carbohydrate plan asks followers to cut bread, pasta and sugar for two weeks and "
    "then add some of them back slowly while watching how their weight responds to each.",
    "Dietitians say the first phase can bring a quick loss on the scales, most of it water, "
    "and warn that people with kidney trouble should speak to a doctor before they start.",
    "Over a year, studies find results close to those of other plans that cut calories, and "
    "the best diet is still the one a person can keep to without feeling hungry all the time.",
]
_TEASERS = [
    "Protein diet",
    "A popular plan for a busy life. Lose up to ten kilos in two weeks, the site promises.",
    "Buckwheat diet",
    "The best known plan of all. Up to twelve kilos in fourteen days, with two menus to pick.",
    "Cabbage diet",
    "A fast plan that drops up to ten kilos in ten days. Any kind of cabbage will do for it.",
    "Apple diet",
    "A simple plan with few limits on what you eat. Lose up to seven kilos in a single week.",
]


def test_a_list_of_two_word_titles_with_summaries_is_dropped() -> None:
    page = "Home\nDiets\nThe low-carb plan, explained\nBy Ann Lee\n" + "\n".join(_PARAS)
    page += "\nMost popular diets\n" + "\n".join(_TEASERS) + "\nContact\nPrivacy"
    assert list(clean_pasted_text(page).body) == _PARAS


def test_one_paragraph_under_a_name_is_no_list() -> None:
    """A caption's name over a paragraph, once or twice, is not a list of teasers."""
    page = "Home\nNews\nThe low-carb plan, explained\nBy Ann Lee\n" + _PARAS[0]
    page += "\nMia Park\n" + _PARAS[1] + "\nSee more photos:\nContact"
    body = list(clean_pasted_text(page).body)
    assert _PARAS[0] in body and _PARAS[1] in body
