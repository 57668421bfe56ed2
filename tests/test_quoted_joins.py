"""Quotes of one speaker cut by narration or by a line break: one report, as an editor reads
it. Made-up paragraphs; the filter off (rule level)."""

from __future__ import annotations

from tests.rule_helpers import one_attribution, rule_attributions


def test_quote_goes_on_after_the_writers_sentence() -> None:
    # '"A," X said. <narration>. "B."': B is X's, in the same report.
    para = ("“The roads out there are long,” Hollis said. The towns also sit far from any "
            "television market. “That’s a hard place to campaign.”")
    a = one_attribution([para], "roads out there")
    assert a.speaker_text == "Hollis"
    assert a.content == "“The roads out there are long,” “That’s a hard place to campaign.”"


def test_narration_about_another_person_hands_over_the_floor() -> None:
    # The writer turns to someone else: the next bare quote is not joined to the first one.
    para = ("“It goes in one ear,” Tom Brandt said, pointing to his ears. Jane Brandt "
            "shook her head. “Tom is much calmer about it than I am.”")
    first = one_attribution([para], "in one ear")
    assert "calmer" not in first.content


def test_a_sentence_with_a_quote_of_its_own_ends_the_hold() -> None:
    para = ("“We will win the county,” Hollis said. Critics call that “wishful thinking” at "
            "best. “Watch us.”")
    first = one_attribution([para], "win the county")
    assert "Watch us" not in first.content


def test_question_quote_closing_on_an_inner_quote_takes_its_cue() -> None:
    # '... 'steal it?'" Mr. Rowe said.': the question closes the inner quote and the outer
    # one together; the cue after it is still its cue.
    para = ("\"Then you are trying to say, 'Well, where can we find votes?'\" Mr. Rowe said. "
            "\"'Where can we push a little more?'\"")
    a = one_attribution([para], "find votes")
    assert a.speaker_text == "Mr. Rowe"
    assert "push a little more" in a.content


def test_line_break_after_a_quoted_question_ends_its_sentence() -> None:
    # A live blog's lines in one paragraph: the next line's cue is not the question's.
    para = ("\"They complain,\" he said. \"Everybody complains, right?\"\n"
            "Later, Senator Ray Ortiz claimed that the budget was balanced.")
    found = rule_attributions([para])
    quote = next(a for a in found if "Everybody complains" in a.content)
    assert quote.speaker_text == "he"
    assert quote.content == "\"They complain,\" \"Everybody complains, right?\""
    claim = next(a for a in found if "budget was balanced" in a.content)
    assert claim.speaker_text == "Senator Ray Ortiz"
