"""The source a fact names itself: a time or a participle after it is no part of its name, and
a name cut at the pattern's length ends at a word's end. Made-up sentences only."""

from __future__ import annotations

from bot.facts import named_source


def test_a_time_or_participle_after_the_source_is_no_part_of_it() -> None:
    assert (
        named_source("Lund leads with 41 percent, according to a Harlow Post/KTV poll released on "
                     "Thursday.")
        == "Harlow Post/KTV poll"
    )
    assert (
        named_source("The toll rose to 40, according to figures published by the health ministry "
                     "on Monday.")
        == "health ministry"
    )
    # A name in capitals keeps its words ("TODAY" is no time there).
    assert (
        named_source("Donors gave $2 million, according to a tally by the Harlow Institute and "
                     "NORLAND TODAY.")
        == "NORLAND TODAY"
    )


def test_a_source_cut_at_its_length_ends_at_a_word() -> None:
    sentence = (
        "The prize will not be awarded next week, according to an email from the chair of the "
        "Norland Guild of Harbour Pilots obtained by The Westgate Herald."
    )
    source = named_source(sentence)
    assert source is not None
    assert source.split()[-1] in sentence.split()
