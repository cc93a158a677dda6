"""Unit tests of the balancing helpers (targets, SMOTE family, Tomek links, output table), without dbt."""

from __future__ import annotations

import json

import numpy as np
import pytest

from privacy_curation.balance_table import added_table, parse_overrides, removed_table
from privacy_curation.balancing import (
    METHODS,
    balance,
    balance_targets,
    check_method,
    round_integral_columns,
    smote_class,
    smotenc_class,
    tomek_links,
)
from privacy_curation.sampling_report import report_table

FEATURES = ["f_a", "f_b", "f_c", "f_d"]


def rng(seed: int = 1) -> np.random.Generator:
    return np.random.default_rng(seed)


def imbalanced(seed: int = 1):
    """Four classes of 100, 25, 4 and 1 rows of small whole-number features, clustered per class."""
    generator = np.random.default_rng(seed)
    sizes = {"big": 100, "mid": 25, "tiny": 4, "one": 1}
    centres = {"big": 0, "mid": 3, "tiny": 6, "one": 9}
    features = np.vstack([generator.integers(0, 3, size=(n, 4)) + centres[label] for label, n in sizes.items()]).astype(
        np.float32
    )
    labels = [label for label, n in sizes.items() for _ in range(n)]
    return features, labels, sizes


# --- targets ------------------------------------------------------------------------------------


def test_targets_raise_small_classes_only():
    assert balance_targets({"a": 100, "b": 10, "c": 70}, 0.5) == {"a": 100, "b": 50, "c": 70}
    assert balance_targets({}, 0.5) == {}
    with pytest.raises(ValueError):
        balance_targets({"a": 1}, 0)


def test_targets_lower_large_classes_only():
    assert balance_targets({"a": 100, "b": 10, "c": 15}, 0.5, direction="lower") == {"a": 20, "b": 10, "c": 15}
    assert balance_targets({"a": 100, "b": 10}, 1.0, direction="lower") == {"a": 10, "b": 10}


def test_per_label_targets_override_the_ratio_as_ratio_or_count():
    counts = {"a": 100, "b": 10, "c": 10}
    assert balance_targets(counts, 0.5, {"b": 0.8, "c": 30}) == {"a": 100, "b": 80, "c": 30}
    assert balance_targets(counts, 0.5, {"a": 25}, direction="lower") == {"a": 25, "b": 10, "c": 10}
    with pytest.raises(ValueError, match="absent"):
        balance_targets(counts, 0.5, {"zzz": 0.5})


def test_overrides_var_is_read_from_json_or_mapping():
    assert parse_overrides("{}") == {} and parse_overrides(None) == {}
    assert parse_overrides('{"access": 0.8, "objection": 300}') == {"access": 0.8, "objection": 300.0}
    assert parse_overrides({"access": 1}) == {"access": 1.0}
    with pytest.raises(ValueError):
        parse_overrides("[1, 2]")


def test_unknown_method_is_refused():
    assert check_method("augment") == "augment" and "smote_tomek" in METHODS
    with pytest.raises(ValueError, match="balance_method"):
        check_method("smoot")


# --- SMOTE and its fall-backs -------------------------------------------------------------------


def test_smote_rows_lie_between_their_base_row_and_a_neighbour():
    real = rng(0).normal(size=(30, 3)).astype(np.float32)
    made = smote_class(real, 40, 5, rng(1))
    assert made.method == "smote" and made.k_neighbors == 5 and made.features.shape == (40, 3)
    assert made.fallback_reason is None
    for row, base, partner in zip(made.features, made.base, made.neighbour, strict=True):
        assert base != partner
        direction = real[partner] - real[base]
        gap = np.dot(row - real[base], direction) / np.dot(direction, direction)
        assert -1e-5 <= gap <= 1 + 1e-5
        assert np.allclose(real[base] + gap * direction, row, atol=1e-4)


def test_small_classes_fall_back_by_the_stated_rule():
    three = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], np.float32)
    made = smote_class(three, 4, 5, rng())
    assert made.method == "smote" and made.k_neighbors == 2 and len(made.features) == 4
    assert "k lowered to 2" in made.fallback_reason
    made = smote_class(np.array([[1.0, 2.0]], np.float32), 3, 5, rng())
    assert made.method == "random_oversample" and np.all(made.features == [1.0, 2.0])
    assert made.neighbour.tolist() == [-1, -1, -1] and "1 row" in made.fallback_reason


def test_integral_columns_stay_integral_and_in_range():
    real = np.array([[0, 1.5], [1, 2.5], [3, 0.25]], dtype=np.float32)
    synthetic = np.array([[0.4, 1.7], [2.6, 9.0]], dtype=np.float32)
    fixed = round_integral_columns(synthetic, real)
    assert fixed[:, 0].tolist() == [0, 3]
    assert fixed[1, 1] == pytest.approx(2.5)


def test_balance_reaches_targets_and_is_deterministic():
    features, labels, counts = imbalanced()
    result = balance(features, labels, counts, "smote", 0.5, 5, seed=9)
    made = {label: int((result.labels == label).sum()) for label in counts}
    assert made == {"big": 0, "mid": 25, "tiny": 46, "one": 49}
    fell_back = {entry["intent"] for entry in result.report if entry["fell_back"]}
    assert fell_back == {"tiny", "one"}
    again = balance(features, labels, counts, "smote", 0.5, 5, seed=9)
    assert np.array_equal(result.features, again.features) and result.sources == again.sources
    ids = [f"msg-{i:04d}" for i in range(len(labels))]
    table = added_table(result, ids, ["text"] * len(ids), ["email"] * len(ids), ["en-US"] * len(ids), FEATURES)
    example_ids = table.column("example_id").to_pylist()
    assert len(set(example_ids)) == len(example_ids) == 120
    assert set(table.column("synthesis_method").to_pylist()) == {"smote", "random_oversample"}


@pytest.mark.parametrize("method", ["random_oversample", "smote", "smotenc", "adasyn", "borderline_smote"])
def test_every_oversampler_hits_the_target_exactly_with_whole_features_and_sources(method):
    features, labels, counts = imbalanced()
    codes = (np.arange(len(labels)) % 3)[:, None]
    result = balance(features, labels, counts, method, 0.5, 5, seed=3, codes=codes)
    made = {label: int((result.labels == label).sum()) for label in counts}
    assert made == {"big": 0, "mid": 25, "tiny": 46, "one": 49}
    assert np.all(result.features == np.round(result.features)), "whole-number features became fractional"
    label_of = np.asarray(labels, dtype=object)
    for label, sources in zip(result.labels, result.sources, strict=True):
        assert 1 <= len(sources) <= 2 and all(label_of[s] == label for s in sources)
    # a class of one row cannot be interpolated: copied, and reported as a fall-back
    assert {entry["intent"]: entry["fell_back"] for entry in result.report}["one"] == (method != "random_oversample")


def test_smotenc_votes_the_category_of_the_neighbours():
    # two clusters far apart, each with its own channel: a new row of a cluster gets its channel
    real = np.vstack([np.zeros((6, 2)), np.full((6, 2), 50.0)]).astype(np.float32)
    real += rng(4).normal(scale=0.1, size=real.shape).astype(np.float32)
    codes = np.array([[0]] * 6 + [[1]] * 6)
    made = smotenc_class(real, codes, 30, 3, rng(5))
    assert made.method == "smotenc" and made.categorical.shape == (30, 1)
    assert np.array_equal(made.categorical[:, 0], (made.base >= 6).astype(int))


def test_adasyn_falls_back_to_smote_when_no_row_meets_another_class():
    far = np.vstack([np.zeros((10, 2)), np.full((3, 2), 100.0) + np.arange(3)[:, None]]).astype(np.float32)
    far[:10] += np.arange(10)[:, None] * 0.01
    labels = ["a"] * 10 + ["b"] * 3
    result = balance(far, labels, {"a": 10, "b": 3}, "adasyn", 1.0, 2, seed=1)
    entry = {e["intent"]: e for e in result.report}["b"]
    assert entry["synthetic_rows"] == 7 and entry["method"] == "smote"
    assert "ADASYN fell back to SMOTE" in entry["fallback_reason"]


def test_borderline_starts_from_rows_in_danger_only():
    generator = rng(6)
    majority = generator.normal(size=(200, 2)).astype(np.float32)
    inside = generator.normal(scale=0.3, size=(10, 2)).astype(np.float32)  # in the middle of the majority
    outside = (generator.normal(scale=0.3, size=(10, 2)) + 8).astype(np.float32)  # far away: safe
    features = np.vstack([majority, inside, outside])
    labels = ["major"] * 200 + ["minor"] * 20
    result = balance(features, labels, {"major": 200, "minor": 20}, "borderline_smote", 0.5, 5, seed=2)
    bases = {sources[0] for sources in result.sources}
    assert len(result.labels) == 80 and set(result.methods) == {"borderline_smote"}
    assert all(base < 210 for base in bases), "a safe row far from the majority was used as a base"


def test_tomek_links_are_mutual_nearest_neighbours_of_different_classes():
    points = np.array([[0.0], [1.0], [1.2], [5.0], [5.1]], np.float32)
    labels = np.array(["a", "a", "b", "b", "b"], dtype=object)
    assert tomek_links(points, labels).tolist() == [[1, 2]]


def test_smote_tomek_removes_link_rows_but_keeps_the_ratio():
    generator = rng(7)
    big = generator.normal(size=(120, 2)).astype(np.float32)
    small = generator.normal(loc=0.5, size=(30, 2)).astype(np.float32)  # overlaps: many links
    features = np.vstack([big, small])
    labels = ["big"] * 120 + ["small"] * 30
    counts = {"big": 120, "small": 30}
    result = balance(features, labels, counts, "smote_tomek", 0.5, 5, seed=4)
    kept = int((~result.dropped).sum())
    after = {"big": 120 - len(result.removed), "small": 30 + kept}
    assert len(result.removed) > 0, "expected Tomek links between overlapping classes"
    assert after["small"] >= 60 and min(after.values()) >= 0.5 * max(after.values())
    assert set(result.removed_labels) <= {"big"}
    entry = {e["intent"]: e for e in result.report}["big"]
    assert entry["tomek_removed_real_rows"] == len(result.removed)


# --- the model's output table and the report ----------------------------------------------------


def test_added_table_carries_text_only_for_copies_and_names_sources():
    features, labels, counts = imbalanced()
    ids = [f"msg-{i:04d}" for i in range(len(labels))]
    texts = [f"text {i}" for i in range(len(labels))]
    channels = ["email"] * len(labels)
    for method in ("random_oversample", "smote"):
        result = balance(features, labels, counts, method, 0.5, 5, seed=1)
        table = added_table(result, ids, texts, channels, channels, FEATURES).to_pylist()
        assert len(table) == 120 and all(row["balance_action"] == "add" for row in table)
        copied = method == "random_oversample" or None
        for row in table:
            assert (row["text"] is not None) == (row["synthesis_method"] == "random_oversample")
            if copied:
                assert row["text"] == texts[ids.index(row["source_example_ids"][0])]
            assert all(source.startswith("msg-") for source in row["source_example_ids"])


def test_removed_table_lists_ids_without_features():
    table = removed_table(["msg-1", "msg-2"], ["a", "a"], ["random_undersample"] * 2, FEATURES).to_pylist()
    assert [row["example_id"] for row in table] == ["msg-1", "msg-2"]
    assert all(row["f_a"] is None and row["balance_action"] == "remove" for row in table)


def test_report_counts_before_after_and_fallbacks():
    before = {("train", "a"): 100, ("train", "b"): 10, ("test", "a"): 20, ("test", "b"): 2}
    changes = [
        {
            "intent": "b",
            "balance_action": "add",
            "synthesis_method": "smote",
            "is_synthetic_id": True,
            "rows": 40,
            "example_ids": None,
            "fallback_reasons": ["10 rows, fewer than ..."],
            "k_neighbors": 9,
        }
    ]
    rows = {(r["split"], r["intent"]): r for r in report_table(before, changes, "smote", 0.5, {}, {}).to_pylist()}
    assert rows[("train", "b")]["rows_after"] == 50 and rows[("train", "b")]["target_reached"]
    assert rows[("train", "b")]["fell_back"] and rows[("train", "b")]["k_neighbors_used"] == 9
    assert json.loads(rows[("train", "b")]["rows_added_by_method"]) == {"smote": 40}
    assert rows[("test", "b")]["rows_after"] == 2 and rows[("test", "b")]["target_rows"] is None
    short = report_table(before, [], "augment", 0.5, {}, {}).to_pylist()
    assert any(r["fallback_reason"] and "short" in r["fallback_reason"] for r in short)
    removed = [
        {
            "intent": "a",
            "balance_action": "remove",
            "synthesis_method": "random_undersample",
            "is_synthetic_id": False,
            "rows": 2,
            "example_ids": ["msg-2", "msg-1"],
            "fallback_reasons": None,
            "k_neighbors": None,
        }
    ]
    table = report_table(before, removed, "random_undersample", 0.5, {}, {}).to_pylist()
    rows = {(r["split"], r["intent"]): r for r in table}
    assert rows[("train", "a")]["removed_example_ids"] == ["msg-1", "msg-2"]
    assert rows[("train", "a")]["rows_after"] == 98


def test_tomek_search_can_be_bounded_per_class():
    generator = rng(7)
    features = np.vstack([generator.normal(size=(120, 2)), generator.normal(loc=0.5, size=(30, 2))]).astype(np.float32)
    labels = ["big"] * 120 + ["small"] * 30
    counts = {"big": 120, "small": 30}
    full = balance(features, labels, counts, "smote_tomek", 0.5, 5, seed=4)
    bounded = balance(features, labels, counts, "smote_tomek", 0.5, 5, seed=4, tomek_rows_per_class=20)
    assert len(bounded.removed) < len(full.removed)
    assert all(index < 20 or index >= 120 for index in bounded.removed), "a row outside the bound was removed"
