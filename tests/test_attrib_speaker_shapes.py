"""Speaker shapes around a cue: an adverb of time between subject and verb, and a title
that opens on a participle after an inverted cue (the filter is off: these check the
rules)."""

from __future__ import annotations

from tests.rule_helpers import one_attribution as _one


def test_now_between_the_subject_and_its_verb() -> None:
    body = ['The agency changed its website last month. "Every visitor counts," it now says, '
            'above a photograph of the harbour.']
    att = _one(body, "Every visitor")
    assert att.speaker_text == "it"
    assert att.content == '"Every visitor counts,"'


def test_now_with_a_named_subject() -> None:
    body = ['"We were wrong about the river," Ann Poole now says.']
    att = _one(body, "river")
    assert att.speaker_text == "Ann Poole"


def test_inverted_speaker_whose_title_opens_on_a_participle() -> None:
    body = ['"The plan is dead, so forget about it," said retired judge Ann Poole, asked '
            'about the council vote that had been delayed twice.']
    att = _one(body, "plan is dead")
    assert att.speaker_text == "retired judge Ann Poole"
    assert att.content == '"The plan is dead, so forget about it,"'
