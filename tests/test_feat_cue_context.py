"""The filter sees the words around the cue: a cue noun ("the company's show was
cancelled") is told from a cue verb ("polls show that ...")."""

from __future__ import annotations

from dataclasses import replace

from bot.attrib_model import CandidateView, cue_offset, features, load_model
from bot.attribution import candidate_attributions, extract_attributions
from bot.speakers import parse_speaker

NOUN = "The company's show was cancelled after one season on the network."
VERB = "The company's polls show that the senator is trailing in three states."


def _only(text: str) -> list[str]:
    (cand,) = candidate_attributions([text])
    return cand[1]


def test_cue_offset_finds_the_cue_on_the_right_side() -> None:
    text = '"We will win," she said, and then she said nothing.'
    assert cue_offset(text, "said", [(0, 14)], post=True) == text.index("said")
    pre = "Officials said that the plan failed."
    assert cue_offset(pre, "said", [(15, len(pre))], post=False) == 10
    # A headline capitalises the cue.
    head = "Obama Says Museum Will Open"
    assert cue_offset(head, "says", [(11, len(head))], post=False) == 6
    assert cue_offset(head, "", [(11, len(head))], post=False) == -1


def test_features_read_the_words_before_and_after_the_cue() -> None:
    noun = set(_only(NOUN))
    assert {"cue_p1=POSS", "cue_n1=AUX"} <= noun
    verb = set(_only(VERB))
    assert {"cue_p1=s", "cue_p2=POSS", "cue_n1=that"} <= verb
    quoted = set(_only('"We will win," she said.'))
    assert {"cue_p1=she", "cue_p2=\"", "cue_n1=."} <= quoted


def test_model_drops_the_cue_noun_and_keeps_the_cue_verb() -> None:
    model = load_model()
    assert model is not None
    noun, verb = _only(NOUN), _only(VERB)
    assert model.score(noun) < model.threshold_for(noun) < model.score(verb)
    assert extract_attributions([NOUN]) == []
    (kept,) = extract_attributions([VERB])
    assert kept.cue == "show" and kept.content.startswith("that the senator")


def test_a_view_without_a_cue_offset_has_no_cue_context() -> None:
    view = CandidateView(
        how="pre", cue="said", speaker_text="He", phrase=parse_speaker("He"), resolved=None,
        content="it rained", kind="indirect", paragraph=0, n_paragraphs=1,
        para_text="He said it rained.", span=(8, 17), n_in_paragraph=1,
    )
    assert view.cue_at == -1  # the default: views built without it stay valid
    assert not any(f.startswith(("cue_p1=", "cue_n1=")) for f in features(view))
    assert "cue_p1=he" in features(replace(view, cue_at=3))
