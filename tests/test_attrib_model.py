"""The candidate filter's thresholds: weak-verb, quote-bearing and unquoted candidates."""

from __future__ import annotations

import json
from pathlib import Path

from bot.attrib_model import INDIRECT_FEATURE, WEAK_FEATURE, FilterModel, load_model, train


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
