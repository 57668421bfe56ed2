"""Attribution never raises on text cut anywhere: every word-boundary prefix of the bundled
stories' paragraphs, and the paragraph with a late quote mark dropped (what a careless paste
or a truncated page gives)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.attribution import extract_attributions

ROOT = Path(__file__).resolve().parents[1]
STORIES = [*sorted((ROOT / "tests" / "fixtures" / "pasted").glob("*.txt")),
           ROOT / "bot" / "samples" / "harbour-council-vote.txt"]
# Sentences that end right after a cue, as truncated pastes do.
CUT_AFTER_CUES = ["When asked why, the mayor responded", "The council said", '"We will," she',
                  "According to", "Asked about the vote, Webb told", "He referred the call to"]


def _paragraphs(path: Path) -> list[str]:
    return [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.stem)
def test_every_prefix_of_every_paragraph_is_read_without_error(path: Path) -> None:
    for para in _paragraphs(path):
        ends = [m.start() for m in re.finditer(r"\s", para)] + [len(para)]
        for end in ends:
            extract_attributions([para[:end]])
        extract_attributions([para.replace("”", "", 1).replace('"', "", 1)])


def test_sentences_cut_right_after_their_cue() -> None:
    for text in CUT_AFTER_CUES:
        extract_attributions([text])
        extract_attributions(["The ferry will run.", text])
