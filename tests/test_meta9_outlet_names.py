"""An outlet's name with small words between its capitalised ones, as a copyright line gives it."""

from __future__ import annotations

import pytest

from bot.textmeta import find_outlet

_STORY = "A nova ponte será aberta em março, disse a prefeitura na segunda-feira."


@pytest.mark.parametrize(
    ("footer", "outlet"),
    [
        ("© 2019 Jornal do Porto Velho", "Jornal do Porto Velho"),
        ("© 2019 Mensagens de Amizade", "Mensagens de Amizade"),
        ("Copyright 2019 Gazette of the Harbour. All rights reserved.", "Gazette of the Harbour"),
        ("© 2019 Diario de la Costa", "Diario de la Costa"),
    ],
)
def test_small_words_inside_a_name_stay_in_it(footer: str, outlet: str) -> None:
    assert find_outlet(["Início", _STORY, footer], None) == outlet


@pytest.mark.parametrize(
    ("footer", "outlet"),
    [
        # a small word the name does not go on after is none of it
        ("© 2019 Harbour Post de todos", "Harbour Post"),
        ("© 2019 Harbour Post, the best of the bay", "Harbour Post"),
    ],
)
def test_a_name_ends_where_no_capitalised_word_follows(footer: str, outlet: str) -> None:
    assert find_outlet(["Home", _STORY, footer], None) == outlet
