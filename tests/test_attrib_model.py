"""The candidate filter's thresholds: weak-verb, quote-bearing and unquoted candidates."""

from __future__ import annotations

import json
from pathlib import Path

from bot.attrib_model import (
    INDIRECT_FEATURE,
    WEAK_FEATURE,
    CandidateView,
    FilterModel,
    features,
    load_model,
    train,
)
from bot.speakers import parse_speaker


def test_threshold_by_rule_and_kind() -> None:
    model = FilterModel({}, 0.55, 0.8, 0.3)
    assert model.threshold_for(["bias", WEAK_FEATURE, INDIRECT_FEATURE]) == 0.8
    assert model.threshold_for(["bias", INDIRECT_FEATURE]) == 0.55
    assert model.threshold_for(["bias", "kind=direct"]) == 0.3
    assert FilterModel({}, 0.5).threshold_for(["kind=direct"]) == 0.5


def test_load_model_reads_all_thresholds(tmp_path: Path) -> None:
    path = tmp_path / "filter.json"
    path.write_text(json.dumps({"threshold": 0.55, "threshold_weak": 0.8,
                                "threshold_quote": 0.3, "weights": {"bias": 1.0}}))
    model = load_model.__wrapped__(path)
    assert model is not None and model.threshold_quote == 0.3 and model.threshold_weak == 0.8


def test_training_averages_shuffles_into_one_model() -> None:
    samples = [(["bias", "good"], 1), (["bias", "bad"], 0)] * 20
    w = train(samples, seeds=3)
    assert w["good"] > 0 > w["bad"]
    assert train(samples, seeds=3) == w  # deterministic


def _view(para: str, content: str, *, kind: str = "indirect") -> CandidateView:
    s = para.index(content)
    return CandidateView(
        how="pre", cue="said", speaker_text="He", phrase=parse_speaker("He"), resolved=None,
        content=content, kind=kind, paragraph=0, n_paragraphs=1, para_text=para,
        span=(s, s + len(content)), n_in_paragraph=1,
    )


def test_edge_features_see_a_content_cut_mid_clause() -> None:
    para = "He said that the campaign's announcement was a mistake, aides said."
    cut = features(_view(para, "that the campaign's announcement"))
    assert {"next=w", "first_w=that", "last_w=w", "prev=w"} <= set(cut)
    whole = features(_view(para, "that the campaign's announcement was a mistake"))
    assert "next=," in whole
    opening = features(_view("Taxes will rise, he said.", "Taxes will rise"))
    assert {"prev=START", "first_w=CAP", "next=,"} <= set(opening)
