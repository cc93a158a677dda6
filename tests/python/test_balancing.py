"""Unit tests of the SMOTE balancing helper, without dbt."""

from __future__ import annotations

import numpy as np
import pytest

from privacy_curation.balancing import (
    balance_targets,
    balance_with_smote,
    round_integral_columns,
    smote_class,
    synthetic_frame,
)


def test_targets_raise_small_classes_only():
    assert balance_targets({"a": 100, "b": 10, "c": 70}, 0.5) == {"a": 100, "b": 50, "c": 70}
    assert balance_targets({}, 0.5) == {}
    with pytest.raises(ValueError):
        balance_targets({"a": 1}, 0)


def test_smote_rows_lie_between_real_rows_of_the_class():
    rng = np.random.default_rng(0)
    real = rng.normal(size=(30, 3)).astype(np.float32)
    rows, method, k = smote_class(real, 40, 5, seed=1)
    assert method == "smote" and k == 5 and rows.shape == (40, 3)
    assert np.all(rows >= real.min(axis=0) - 1e-5) and np.all(rows <= real.max(axis=0) + 1e-5)


def test_small_classes_fall_back():
    rows, method, k = smote_class(np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], np.float32), 4, 5, seed=1)
    assert method == "smote" and k == 2 and len(rows) == 4
    rows, method, k = smote_class(np.array([[1.0, 2.0]], np.float32), 3, 5, seed=1)
    assert method == "random_oversample" and np.all(rows == [1.0, 2.0])


def test_integral_columns_stay_integral_and_in_range():
    real = np.array([[0, 1.5], [1, 2.5], [3, 0.25]], dtype=np.float32)
    synthetic = np.array([[0.4, 1.7], [2.6, 9.0]], dtype=np.float32)
    fixed = round_integral_columns(synthetic, real)
    assert fixed[:, 0].tolist() == [0, 3]
    assert fixed[1, 1] == pytest.approx(2.5)


def test_balance_reaches_targets_and_is_deterministic():
    rng = np.random.default_rng(1)
    features = rng.integers(0, 5, size=(130, 4)).astype(np.float32)
    labels = ["big"] * 100 + ["mid"] * 25 + ["tiny"] * 4 + ["one"]
    counts = {"big": 100, "mid": 25, "tiny": 4, "one": 1}
    result = balance_with_smote(features, labels, counts, 0.5, 5, seed=9)
    made = {label: int((result.labels == label).sum()) for label in counts}
    assert made == {"big": 0, "mid": 25, "tiny": 46, "one": 49}
    fell_back = {entry["intent"] for entry in result.report if entry["fell_back"]}
    assert fell_back == {"tiny", "one"}
    again = balance_with_smote(features, labels, counts, 0.5, 5, seed=9)
    assert np.array_equal(result.features, again.features)
    frame = synthetic_frame(result, ["f_a", "f_b", "f_c", "f_d"])
    assert frame["example_id"].is_unique and len(frame) == 120
    assert set(frame["synthesis_method"]) == {"smote", "random_oversample"}
