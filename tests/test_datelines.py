"""Datelines opening a story's first paragraph (bot/datelines.py)."""

from __future__ import annotations

import pytest

from bot.datelines import dateline_end


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("WASHINGTON (Reuters) - The vote passed.", "WASHINGTON (Reuters) - "),
        ("HAYWARD, Calif. (AP) — The Latest on a stabbing.", "HAYWARD, Calif. (AP) — "),
        ("Hong Kong (CNN Business)A muddled view of trade.", "Hong Kong (CNN Business)"),
        ("MOSCOW, Oct 24 (Reuters) - Russian lawmakers voted.", "MOSCOW, Oct 24 (Reuters) - "),
        ("(Reuters) — The attorney general is investigating.", "(Reuters) — "),
        ("BEIRUT, Lebanon (AP) — Syrian forces advanced.", "BEIRUT, Lebanon (AP) — "),
        ("LONDON — Prices rose.", "LONDON — "),
        ("DUBAI, United Arab Emirates — The carrier ordered 30 jets.",
         "DUBAI, United Arab Emirates — "),
        ("SELMA, Ala. -- Trump said he would win.", "SELMA, Ala. -- "),
        ("WESTHAVEN (Harbour Wire) — “We are ready,” she said.", "WESTHAVEN (Harbour Wire) — "),
        # no dateline
        ("The State Duma (the lower house) voted 397-0.", ""),
        ("Trump (R) said on Monday that he would win.", ""),
        ("Mr. Smith (Reuters) said the talks failed.", ""),
        ("US President Joe Biden (pictured) said so.", ""),
        ("Ukrainian president Volodymyr Zelensky (left) — speaking on Monday.", ""),
        ("IT - is weird.", ""),
        ("NATO is a big alliance.", ""),
        ("WASHINGTON — ", ""),
        ("", ""),
    ],
)
def test_dateline_end(paragraph: str, dateline: str) -> None:
    assert paragraph[: dateline_end(paragraph)] == dateline
