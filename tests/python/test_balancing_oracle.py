"""The own SMOTE family checked against imbalanced-learn, its test oracle (not a runtime dependency).

Each test builds the same data for both: skewed classes in 20 continuous dimensions (and 100 for
SMOTE), with a class of one row and one of two rows, and compares what imbalanced-learn computes
(counts, neighbour sets, ADASYN weights, Borderline danger sets, Tomek links) with what
``privacy_curation.balancing`` does.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from imblearn.over_sampling import ADASYN, SMOTE, SMOTENC, BorderlineSMOTE
from imblearn.under_sampling import TomekLinks
from imblearn.utils import check_neighbors_object
from sklearn.neighbors import NearestNeighbors

from privacy_curation.balancing import (
    balance,
    balance_targets,
    danger_rows,
    other_class_share,
    smotenc_class,
    tomek_links,
)

SIZES = (400, 250, 160, 120, 90, 60, 40, 30, 20, 12, 6, 2, 1)


def skewed(width: int = 20, seed: int = 0, sizes: tuple[int, ...] = SIZES):
    """Thirteen classes of skewed sizes, overlapping Gaussian clouds, float32, no duplicate rows."""
    generator = np.random.default_rng(seed)
    labels = np.array([f"c{n:02d}" for n, size in enumerate(sizes) for _ in range(size)], dtype=object)
    centres = generator.normal(scale=0.5, size=(len(sizes), width))
    features = np.vstack([generator.normal(size=(size, width)) + centres[n] for n, size in enumerate(sizes)])
    counts = {label: int(count) for label, count in Counter(labels).items()}
    return features.astype(np.float32), labels, counts


def made_per_class(result) -> dict[str, int]:
    return {str(label): int(count) for label, count in Counter(result.labels).items()}


# --- counts -------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [20, 100])
def test_smote_makes_the_same_counts_as_imbalanced_learn(width):
    features, labels, counts = skewed(width)
    ours = balance(features, labels, counts, "smote", 1.0, 5, seed=3)
    after = {label: counts[label] + made_per_class(ours).get(label, 0) for label in counts}
    # imbalanced-learn's "not majority" raises every class to the largest, as a target ratio of 1 does
    oracle = SMOTE(k_neighbors=1, sampling_strategy="not majority", random_state=0)
    _, resampled = oracle.fit_resample(features[labels != "c12"], labels[labels != "c12"])
    expected = dict(Counter(resampled)) | {"c12": max(counts.values())}  # it refuses a class of 1 row
    assert after == expected


@pytest.mark.parametrize("ratio", [0.3, 0.5, 0.8])
def test_every_class_reaches_the_target_imbalanced_learn_is_given(ratio):
    features, labels, counts = skewed()
    targets = balance_targets(counts, ratio)
    keep = labels != "c12"
    for method, oracle in (
        ("smote", SMOTE(k_neighbors=1, random_state=0)),
        ("borderline_smote", BorderlineSMOTE(k_neighbors=1, m_neighbors=10, random_state=0)),
    ):
        ours = balance(features, labels, counts, method, ratio, 5, seed=3)
        after = {label: counts[label] + made_per_class(ours).get(label, 0) for label in counts}
        assert after == targets, method
        oracle.set_params(sampling_strategy={label: n for label, n in targets.items() if label != "c12"})
        _, resampled = oracle.fit_resample(features[keep], labels[keep])
        compared = set(counts) - {"c12"}
        if method == "borderline_smote":
            # imbalanced-learn leaves a class with no row in danger as it is; ours falls back to SMOTE and says so
            compared = {label for label, rows in oracle.in_danger_indices.items() if len(rows)}
            fell_back = {
                e["intent"] for e in ours.report if e["fallback_reason"] and "no row in danger" in e["fallback_reason"]
            }
            assert fell_back == {label for label in set(counts) - {"c12"} - compared if after[label] > counts[label]}
        got = Counter(resampled)
        assert {label: after[label] for label in compared} == {label: got[label] for label in compared}, method


def test_adasyn_hits_its_target_exactly_where_imbalanced_learn_rounds_row_by_row():
    features, labels, counts = skewed()
    targets = balance_targets(counts, 0.5)
    ours = balance(features, labels, counts, "adasyn", 0.5, 5, seed=3)
    assert {label: counts[label] + made_per_class(ours).get(label, 0) for label in counts} == targets
    keep = labels != "c12"
    strategy = {label: n for label, n in targets.items() if label not in ("c12", "c11") and n > counts[label]}
    _, resampled = ADASYN(n_neighbors=5, sampling_strategy=strategy, random_state=0).fit_resample(
        features[keep], labels[keep]
    )
    got = Counter(resampled)
    # each row's share is rounded on its own, so a class ends a few rows off its target
    assert all(abs(got[label] - target) <= counts[label] for label, target in strategy.items())


# --- segments and neighbours --------------------------------------------------------------------


@pytest.mark.parametrize("method", ["smote", "adasyn", "borderline_smote", "smote_tomek"])
@pytest.mark.parametrize("width", [20, 100])
def test_every_synthetic_row_lies_on_a_segment_to_one_of_its_bases_k_nearest_same_class_rows(method, width):
    k = 5
    features, labels, counts = skewed(width, seed=1)
    ours = balance(features, labels, counts, method, 0.6, k, seed=5)
    assert len(ours.labels) > 0
    wide = features.astype(np.float64)
    for label in counts:
        mine = np.flatnonzero(labels == label)
        if len(mine) < 2:
            continue
        # imbalanced-learn's neighbour search: k + 1 nearest rows of the class, the row itself first
        used = min(k, len(mine) - 1)
        distance, _ = NearestNeighbors(n_neighbors=used + 1).fit(wide[mine]).kneighbors(wide[mine])
        kth = dict(zip(mine.tolist(), distance[:, -1].tolist(), strict=True))
        for row in np.flatnonzero(ours.labels == label):
            base, partner = ours.sources[row]
            assert labels[base] == labels[partner] == label
            step = wide[partner] - wide[base]
            assert np.linalg.norm(step) <= kth[base] * (1 + 1e-6), "the partner is not among the k nearest"
            gap = np.dot(ours.features[row] - wide[base], step) / np.dot(step, step)
            assert -1e-4 <= gap <= 1 + 1e-4
            assert np.allclose(wide[base] + gap * step, ours.features[row], atol=1e-3)


def test_adasyn_weights_equal_imbalanced_learns():
    features, labels, _ = skewed(seed=2)
    # the neighbour estimator ADASYN(n_neighbors=5) builds, and its weighting step: the k + 1 nearest
    # rows over all classes, the first (the row itself) dropped, the share of other classes
    estimator = check_neighbors_object("n_neighbors", 5, additional_neighbor=1).fit(features)
    for label in ("c03", "c06", "c09", "c11"):
        nearest = estimator.kneighbors(features[labels == label], return_distance=False)[:, 1:]
        expected = np.sum(labels[nearest] != label, axis=1) / 5
        assert np.allclose(other_class_share(features, labels, label, 5), expected)


def test_borderline_danger_sets_equal_imbalanced_learns():
    features, labels, counts = skewed(seed=3)
    keep = labels != "c12"
    targets = {label: n for label, n in balance_targets(counts, 0.9).items() if label != "c12"}
    oracle = BorderlineSMOTE(k_neighbors=1, m_neighbors=10, sampling_strategy=targets, random_state=0)
    oracle.fit_resample(features[keep], labels[keep])
    ours = balance(features[keep], labels[keep], Counter(labels[keep]), "borderline_smote", 0.9, 1, seed=1)
    compared = 0
    for label, indices in oracle.in_danger_indices.items():
        mine = np.flatnonzero(labels[keep] == label)
        danger = mine[danger_rows(features[keep], labels[keep], label, 10)]
        assert danger.tolist() == sorted(indices.tolist()), label
        bases = {ours.sources[row][0] for row in np.flatnonzero(ours.labels == label)}
        assert bases <= set(danger.tolist()), "a new row started from a row not in danger"
        compared += len(danger) > 0
    assert compared >= 5


# --- SMOTE-NC -----------------------------------------------------------------------------------


def test_smotenc_spreads_tied_categories_like_imbalanced_learn():
    # 20 continuous features and one balanced 2-level category independent of them, k = 4: the
    # category barely moves distances, so 2-2 votes are common (the smallest code won them all before)
    generator = np.random.default_rng(11)
    minority = generator.normal(size=(200, 20)).astype(np.float32)
    codes = generator.permutation(np.repeat([0, 1], 100))[:, None]
    ours = smotenc_class(minority, codes, 4000, 4, np.random.default_rng(12))
    share_ours = float(np.mean(ours.categorical[:, 0] == 0))
    majority = generator.normal(size=(4200, 20)).astype(np.float32)
    frame = np.column_stack([np.vstack([minority, majority]), np.concatenate([codes[:, 0], np.zeros(4200)])])
    y = np.array(["minor"] * 200 + ["major"] * 4200)
    resampled, _ = SMOTENC(categorical_features=[20], k_neighbors=4, random_state=0).fit_resample(frame, y)
    share_oracle = float(np.mean(resampled[len(y) :, 20] == 0))
    assert abs(share_ours - share_oracle) <= 0.05, (share_ours, share_oracle)


def test_smotenc_ties_depend_on_the_seed_only():
    generator = np.random.default_rng(11)
    minority = generator.normal(size=(50, 1)).astype(np.float32)
    codes = generator.permutation(np.repeat([0, 1], 25))[:, None]
    first = smotenc_class(minority, codes, 300, 4, np.random.default_rng(1)).categorical
    again = smotenc_class(minority, codes, 300, 4, np.random.default_rng(1)).categorical
    other = smotenc_class(minority, codes, 300, 4, np.random.default_rng(2)).categorical
    assert np.array_equal(first, again) and not np.array_equal(first, other)


# --- Tomek links --------------------------------------------------------------------------------


def oracle_link_rows(features: np.ndarray, labels: np.ndarray) -> set[int]:
    """Rows in a Tomek link by imbalanced-learn's TomekLinks over every class."""
    oracle = TomekLinks(sampling_strategy="all")
    oracle.fit_resample(features, labels)
    return set(range(len(labels))) - set(oracle.sample_indices_.tolist())


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_tomek_links_equal_imbalanced_learns(seed):
    features, labels, _ = skewed(seed=seed)
    ours = tomek_links(features, labels)
    assert len(ours) > 10
    assert set(ours.ravel().tolist()) == oracle_link_rows(features, labels)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_bounded_smote_tomek_removes_only_rows_of_true_tomek_links(seed):
    features, labels, counts = skewed(seed=seed, sizes=(300, 300, 300, 120, 60))
    result = balance(features, labels, counts, "smote_tomek", 0.8, 5, seed=seed, tomek_rows_per_class=100)
    stacked = np.vstack([features, result.features])
    stacked_labels = np.concatenate([labels, result.labels])
    removed = set(result.removed.tolist()) | {len(features) + row for row in np.flatnonzero(result.dropped)}
    assert removed, "expected the bounded search to remove some rows"
    assert removed <= oracle_link_rows(stacked, stacked_labels)
