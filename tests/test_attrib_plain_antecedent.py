"""A "he"/"she" opening the sentence after plain narration is the person that sentence
opens with, even where the article never says the person's sex; not after a quoted or
reporting sentence, whose opener may be someone else. Made-up text, shipped filter."""

from __future__ import annotations

from bot.attribution import extract_attributions


def _speakers(body: list[str]) -> list[str | None]:
    return [a.speaker for a in extract_attributions(body)]


def test_the_opener_of_plain_narration_before_she_said() -> None:
    body = ["Northbridge manager Carla Voss was furious about the free-kick decision. "
            '"It was never a foul," she told reporters.']
    assert _speakers(body) == ["Carla Voss"]


def test_not_after_a_reporting_sentence() -> None:
    # The sentence before reports Tester's words: its opener is what he said about McCain.
    body = ["McCain is in trouble in Arizona, Ann Tester said in an interview. He said the "
            "race would be close."]
    assert "McCain" not in _speakers(body)


def test_not_after_a_quoted_sentence() -> None:
    body = ['"Tom Voss was furious about it. We lost." He said the foul was never given.']
    assert "Tom Voss" not in _speakers(body)


def test_a_team_sheet_role_is_no_part_of_the_name() -> None:
    body = ["Captain Rui Santos then curled in a free-kick in stoppage time.",
            '"We never stopped believing," Santos said.']
    assert _speakers(body) == ["Rui Santos"]


def test_not_after_a_sentence_inside_an_open_quote() -> None:
    # The sentence before sits inside a quotation that opened earlier in the paragraph.
    body = ['Ann Lee spoke first. "We lost the vote. Tom Voss was furious about it. He said '
            'the count was wrong," she added.']
    assert "Tom Voss" not in _speakers(body)
