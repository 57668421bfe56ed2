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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hangul has no capitals: a sentence after a full stop starts with any letter.
        (
            "시장은 새 다리를 열었다. 주민들은 환영했다.",
            ["시장은 새 다리를 열었다.", "주민들은 환영했다."],
        ),
        # CJK full stops end a sentence with no space after them; corner brackets close it.
        (
            "新しい橋が開通した。市長は「渡りやすい。」と述べた。住民は喜んだ！本当か？",
            [
                "新しい橋が開通した。",
                "市長は「渡りやすい。」と述べた。",
                "住民は喜んだ！",
                "本当か？",
            ],
        ),
        ("大桥今天通车。市民很高兴。", ["大桥今天通车。", "市民很高兴。"]),
        # The Devanagari danda; the Arabic question mark.
        ("पुल खुल गया। लोग खुश हैं।", ["पुल खुल गया।", "लोग खुश हैं।"]),
        ("هل فتح الجسر؟ نعم فتح اليوم.", ["هل فتح الجسر؟", "نعم فتح اليوم."]),
        # Without a space, only a CJK full stop ends a sentence.
        ("Visit example.com today. It paid 3.5% (e.g.in 2020).", [
            "Visit example.com today.", "It paid 3.5% (e.g.in 2020).",
        ]),
    ],
)
def test_split_scripts_without_capitals_or_spaces(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_state_and_month_abbreviations_need_their_capital() -> None:
    # "mass." and "ill." are words that end sentences; "Mass." and "Ill." are states.
    text = (
        "It saves several tons of mass. Hibernation would follow. He was ill. Hospitals "
        "filled. She moved to Boston, Mass. in May, to Peoria, Ill. in June. Meet at 5 p.m. "
        "Tuesday."
    )
    assert _split(text) == [
        "It saves several tons of mass.",
        "Hibernation would follow.",
        "He was ill.",
        "Hospitals filled.",
        "She moved to Boston, Mass. in May, to Peoria, Ill. in June.",
        "Meet at 5 p.m. Tuesday.",
    ]
