"""An outlet's editor's note and its calls to the reader (follow, watch, read the rest) are
no key facts. Made-up stories only."""

from __future__ import annotations

from bot.facts import extract_facts

BODY = (
    "The Harlow county council voted on Tuesday to close the Eastgate bridge for repairs "
    "expected to last until next spring.",
    "Editor’s note: The Harlow Post has backed the bridge repairs in its editorials since "
    "the fire of 2017, which closed 3 lanes.",
    "Read the rest of the story at The Westgate Herald.",
    "Follow Ann Berg, who covered the council vote, on Twitter @annberg.",
    "Engineers found cracked beams in an inspection last month, the council said.",
    "For the full list of the council's 14 repair contracts, see this page.",
)


def test_notes_and_calls_to_the_reader_are_no_facts() -> None:
    texts = [f.text for f in extract_facts(BODY, [])]
    assert texts == [BODY[0], BODY[4]]
