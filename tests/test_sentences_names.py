"""Sentence splitting: a product name written with a full stop in capitals ("the ID. SPACE
VIZZION") carries its sentence on; one acronym at a sentence's end still ends it."""

from __future__ import annotations

import pytest

from bot.sentences import split_sentences


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Add a front motor, and the ZX. ORBIT TOURER 4Drive would offer 335 horsepower. "
            "It is a concept.",
            [
                "Add a front motor, and the ZX. ORBIT TOURER 4Drive would offer 335 horsepower.",
                "It is a concept.",
            ],
        ),
        # One acronym opens the next sentence.
        (
            "He flew to the US. NASA said the ZX. ORBIT TOURER is 195 inches long.",
            ["He flew to the US.", "NASA said the ZX. ORBIT TOURER is 195 inches long."],
        ),
        # Two short acronyms are no name.
        (
            "The deal was done with the EU. UK PM Boris Johnson hailed the ZX. ORBIT TOURER.",
            ["The deal was done with the EU.", "UK PM Boris Johnson hailed the ZX. ORBIT TOURER."],
        ),
        # A passage in capitals: every word is, and its stops end its sentences.
        (
            "THE VOTE WAS HELD IN THE USA. THE SENATE AGREED. The ZX. ORBIT TOURER won.",
            ["THE VOTE WAS HELD IN THE USA.", "THE SENATE AGREED.", "The ZX. ORBIT TOURER won."],
        ),
    ],
)
def test_name_in_capitals_keeps_the_sentence(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_a_quote_in_lower_case_carries_the_sentence_on() -> None:
    text = "The minister said the U.S. “clearly” needed more ships. He left."
    assert _split(text) == ["The minister said the U.S. “clearly” needed more ships.", "He left."]
    # A quote that opens in capitals after the U.S. opens a sentence.
    text = "He flew to the U.S. “We won,” he said."
    assert _split(text) == ["He flew to the U.S.", "“We won,” he said."]


def test_a_web_address_ends_its_sentence() -> None:
    text = "Send tips to desk@harlowpost.com. Editor’s note: the desk is shut."
    assert _split(text) == ["Send tips to desk@harlowpost.com.", "Editor’s note: the desk is shut."]
    # "U.S." and "a.m." are no web addresses.
    text = "It opened at 9 a.m. Tuesday in the U.S. Army base."
    assert _split(text) == [text]
