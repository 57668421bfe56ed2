"""Sentence splitting on news copy: abbreviations, initials, figures, quote marks."""

from __future__ import annotations

import pytest

from bot.sentences import split_sentences


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The report by E! News came out on Monday. Go! Now.",
            ["The report by E! News came out on Monday.", "Go!", "Now."],
        ),
        (
            "Mr. Smith met Gov. Brown on Jan. 5 in Washington. They talked.",
            ["Mr. Smith met Gov. Brown on Jan. 5 in Washington.", "They talked."],
        ),
        (
            "John F. Kennedy spoke. White House spokesperson John F Kirby said so.",
            ["John F. Kennedy spoke.", "White House spokesperson John F Kirby said so."],
        ),
        (
            "The vote was 397-0 and 3.5% of 3,000 troops left. The U.S. Army agreed.",
            ["The vote was 397-0 and 3.5% of 3,000 troops left.", "The U.S. Army agreed."],
        ),
        (
            "It was a win for the U.S. The next day was quiet.",
            ["It was a win for the U.S.", "The next day was quiet."],
        ),
        (
            "“We are ready.” He left. \"Really?\" she asked. \"Yes.\"",
            ["“We are ready.”", "He left.", '"Really?" she asked.', '"Yes."'],
        ),
        ("No punctuation at the end", ["No punctuation at the end"]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_spans_are_offsets_into_the_text() -> None:
    text = "  First one.   Second one!  "
    spans = split_sentences(text)
    assert spans == [(2, 12), (15, 26)]


def test_empty_text() -> None:
    assert split_sentences("") == []
    assert split_sentences("   ") == []


@pytest.mark.parametrize(
    "text",
    [
        "One. Two.  ",
        "\n One. Two!\n",
        "Stop! he said. Then he left.   \n",
        "“We are ready.”  He left.\u00a0Then “Go.”",
        "A. B. C.",
        "Ends with an abbreviation, e.g. ",
    ],
)
def test_spans_are_trimmed_ordered_and_cover_the_text(text: str) -> None:
    spans = split_sentences(text)
    assert spans, text
    previous_end = 0
    for start, end in spans:
        piece = text[start:end]
        assert piece and piece == piece.strip()
        assert not text[previous_end:start].strip()  # only whitespace between sentences
        previous_end = end
    assert not text[previous_end:].strip()
