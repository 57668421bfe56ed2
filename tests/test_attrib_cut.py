"""Where the cut-point model may end unquoted reported content (bot/attrib_bounds.py):
which cuts it is offered, and that the fast scorer reads the same features as the named
ones."""

from __future__ import annotations

import zlib
from itertools import repeat

import pytest

from bot import attrib_bounds
from bot.attribution import quote_spans
from tests.test_attrib_fast_paths import _plain_cut_points


def _cuts(text: str, start: str, cue: str = "called", kind: str = "mixed") -> dict[str, str]:
    """Each cut of the content from ``start`` to the text's end: what it leaves -> cut word."""
    s = text.index(start)
    got = attrib_bounds.cut_points(text, s, len(text), cue, kind, quote_spans(text))
    return {text[s:pos]: feats[1].removeprefix("w=") for pos, feats in got}


@pytest.mark.parametrize("open_q, close_q", [('"', '"'), ("\u201c", "\u201d")])
def test_a_participle_after_a_closing_quote_is_a_cut(open_q: str, close_q: str) -> None:
    text = (f"The mayor called the plan {open_q}a costly mistake,{close_q} citing the overruns "
            "at the harbour depot.")
    cuts = _cuts(text, "the plan")
    assert cuts[f"the plan {open_q}a costly mistake,{close_q}"] == attrib_bounds.QUOTE_ING
    # The comma inside the quote stays no cut.
    assert f"the plan {open_q}a costly mistake" not in cuts


def test_saying_after_a_closing_quote_is_the_same_cut() -> None:
    text = 'The mayor called the plan "a costly mistake," saying the depot must wait.'
    assert _cuts(text, "the plan")['the plan "a costly mistake,"'] == attrib_bounds.QUOTE_ING
    # Elsewhere 'saying' is its own cut word.
    text = "The mayor criticised the plan, and the council, saying the depot must wait."
    assert _cuts(text, "the plan")["the plan, and the council,"] == "saying"


def test_only_a_lower_case_ing_word_after_a_closing_quote_is_a_cut() -> None:
    for after in ("Mr. Lee said.", "Building works stopped.", "the depot stood empty."):
        text = f'The mayor called the plan "a costly mistake," {after}'
        assert attrib_bounds.QUOTE_ING not in _cuts(text, "the plan").values()


def test_content_may_end_after_its_first_word() -> None:
    text = "The poll favoured Ms. Ward, giving her a lead of four points."
    assert _cuts(text, "Ms. Ward", cue="favoured", kind="indirect")["Ms. Ward"] == ","


TEXTS = [
    'The mayor called the plan "a costly mistake," citing the overruns, and "a folly," '
    "blaming the council, which had said \u201cno,\u201d adding that it was over.",
    "Ward, giving her a lead, \u201cwins,\u201d having said so; as \u201cthe polls\u201d "
    "showing that.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_cut_points_are_the_plain_ones(text: str) -> None:
    quotes = quote_spans(text)
    for s in (0, 4, 10):
        for e in (len(text), len(text) - 12, s + 40):
            got = attrib_bounds.cut_points(text, s, e, "called", "mixed", quotes)
            assert got == _plain_cut_points(text, s, e, "called", "mixed", quotes)


@pytest.mark.parametrize("text", TEXTS)
def test_fast_scores_are_the_named_sums(text: str) -> None:
    quotes = quote_spans(text)
    named = {f for _, feats in attrib_bounds.cut_points(text, 0, len(text), "said", "mixed",
                                                         quotes) for f in feats}
    assert f"w={attrib_bounds.QUOTE_ING}" in named
    weights = {f: (zlib.crc32(f.encode()) % 1000 - 500) / 997 for f in sorted(named)}
    fast = attrib_bounds._CutWeights(weights)
    lead_sub, cuts = attrib_bounds._scan(text, 0, len(text), quotes)
    for cut, (pos, feats) in zip(cuts, attrib_bounds.cut_points(text, 0, len(text), "said",
                                                                 "mixed", quotes), strict=True):
        assert cut[0] == pos
        assert fast.z(cut, "mixed", "said", lead_sub) == sum(map(weights.get, feats, repeat(0.0)))


def _cut_features(text: str, start: str, cue: str = "criticized") -> dict[str, list[str]]:
    s = text.index(start)
    got = attrib_bounds.cut_points(text, s, len(text), cue, "indirect", quote_spans(text))
    return {text[s:pos]: feats for pos, feats in got}


def test_a_cut_knows_a_past_form_follows_it() -> None:
    # "criticized Ms. Ward and challenged her": the subject's second verb, not the report's.
    text = "The mayor criticized Ms. Ward and challenged her to a debate."
    feats = _cut_features(text, "Ms. Ward")["Ms. Ward"]
    assert "w_next_ed=and|True" in feats
    text = "The mayor criticized Ms. Ward and the council for the delay."
    assert "w_next_ed=and|False" in _cut_features(text, "Ms. Ward")["Ms. Ward"]


@pytest.mark.parametrize("content, lead", [
    ("that the plan failed, and the council voted", "that"),
    ("to block the plan, and the council voted", "to"),
    ("whether the plan failed, and the council voted", "wh"),
    ("he had failed, and the council voted", "pron"),
    ("Ms. Ward, and the council voted", "other"),
])
def test_a_cut_knows_what_the_content_opens_with(content: str, lead: str) -> None:
    text = f"The mayor said {content}."
    feats = next(f for f in _cut_features(text, content, cue="said").values() if "w=," in f)
    assert f"lead={lead}|," in feats


def test_a_cut_knows_a_clause_of_its_own_follows_it() -> None:
    # ", his office has ...": a subject and its verb, the writer's next clause.
    text = "The mayor said that he opposed the depot, his office has carved out exceptions."
    feats = _cut_features(text, "that he", cue="said")["that he opposed the depot"]
    assert "w_clause=,|True" in feats
    # ", the harbour master" is an aside with no verb of its own.
    text = "The mayor said that Ms. Ward, the harbour master, opposed the depot."
    assert "w_clause=,|False" in _cut_features(text, "that Ms. Ward", cue="said")["that Ms. Ward"]
