"""A chart's caption and its credit, packed together between paragraphs that blank lines set
apart, are furniture though no credit word names them (made-up page)."""

from __future__ import annotations

from bot.clean_text import clean_pasted_text

_BODY = [
    "Smog returned to the valley this week, and the city's air monitors recorded their worst"
    " readings since the winter of 2016, when schools closed for three days in a row.",
    "Doctors at the central hospital said they had seen more patients with breathing trouble"
    " than at any time this year, most of them children and people over seventy.",
    "The council will meet on Friday to decide whether to limit traffic in the old town and"
    " to ask the two factories on the river to slow their work until the air clears.",
]


def _page(figure: str) -> str:
    head = "Home\nScience\nSmog returns to the valley\nBy Ann Lee\nMay 1, 2021"
    parts = [head, _BODY[0], _BODY[1], figure, _BODY[2], "© 2021 Example News"]
    return "\n\n".join(parts)


def test_a_caption_and_a_capitalised_credit_packed_between_paragraphs_go() -> None:
    figure = "Air quality in the valley stayed unhealthy all week.\nRegional Air Board"
    article = clean_pasted_text(_page(figure))
    assert list(article.body) == _BODY
    # A lower-case line under the sentence is the text's (a list, a second line), not a credit.
    figure = "The council listed three steps.\nclosing two roads"
    assert "closing two roads" in clean_pasted_text(_page(figure)).body


def test_a_photo_label_in_another_language_marks_the_caption_over_it() -> None:
    """ "Фото" (or "Foto") alone under a short line is a picture's label: the line over it is
    the picture's caption, as over "Photo"."""
    for label in ("Фото", "Foto:"):
        figure = "Who would guess her age?\n" + label + "\n@annlee"
        body = list(clean_pasted_text(_page(figure)).body)
        assert body == _BODY
