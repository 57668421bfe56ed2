"""The items of a list the article's last paragraph introduces ("The kit includes:") are the
article's, though none of them ends like a sentence (made-up page)."""

from __future__ import annotations

from bot.clean_text import clean_pasted_text

_HEADER = [
    "Home",
    "News",
    "Gardening",
    "Harbor library lends seed kits to new growers this spring",
    "By Dana Reyes",
    "March 3, 2021",
]
_BODY = [
    "The Harbor public library will lend seed kits to residents who want to start a vegetable"
    " garden this spring, the head librarian said on Tuesday at the council meeting.",
    "The kits go out on the first Saturday of April, and every card holder may borrow one for"
    " the whole growing season without paying any fee at all.",
    "Each kit holds:",
]
_ITEMS = [
    "twelve packets of vegetable seeds chosen for the local climate",
    "a booklet on sowing and watering written by volunteers",
    "a set of plant labels and a soft pencil for marking rows",
]
_FOOTER = [
    "Facebook",
    "Twitter",
    "Email",
    "Most Popular",
    "Harbor Council Backs New Rink",
    "Lakeside Coach Steps Down",
    "Terms of Service",
    "Privacy Notice",
    "© 2021 Example Media",
]


def _page(items: list[str]) -> str:
    return (
        "\n".join(_HEADER)
        + "\n\n"
        + "\n\n".join(_BODY)
        + "\n\n"
        + "\n".join(items)
        + "\n\n"
        + "\n".join(_FOOTER)
    )


def test_the_items_of_a_list_closing_the_text_stay() -> None:
    body = list(clean_pasted_text(_page(_ITEMS)).body)
    assert body[-len(_ITEMS) :] == _ITEMS
    assert "Each kit holds:" in body
    # Packed capitalised lines under the colon are links, not the text's list.
    links = ["Harbor Library Opens New Wing", "Seed Swap Returns To Town Hall"]
    body = list(clean_pasted_text(_page(links)).body)
    assert not set(links) & set(body)
