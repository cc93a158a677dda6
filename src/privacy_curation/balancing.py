"""Class balancing of the train split with imbalanced-learn's SMOTE, on numeric features only."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE


@dataclass
class BalanceResult:
    """Synthetic rows made by the balancer, and how each class was treated."""

    features: np.ndarray
    labels: np.ndarray
    methods: np.ndarray
    report: list[dict] = field(default_factory=list)


def balance_targets(class_counts: Mapping[str, int], target_ratio: float) -> dict[str, int]:
    """Rows each class should have after balancing: at least ``target_ratio`` of the largest class.

    Classes already at or above the target keep their count (nothing is removed).
    """
    if not 0 < target_ratio <= 1:
        raise ValueError(f"balance_target_ratio must be in (0, 1], got {target_ratio}")
    if not class_counts:
        return {}
    largest = max(class_counts.values())
    goal = math.ceil(target_ratio * largest)
    return {label: max(count, goal) for label, count in sorted(class_counts.items())}


def round_integral_columns(synthetic: np.ndarray, real: np.ndarray) -> np.ndarray:
    """Round the columns that hold only whole numbers in the real data, and clip every column to the
    real data's range, so that counts and flags stay counts and flags after interpolation."""
    if synthetic.size == 0 or real.size == 0:
        return synthetic
    result = synthetic.copy()
    integral = np.all(np.equal(np.mod(real, 1), 0), axis=0)
    result[:, integral] = np.round(result[:, integral])
    return np.clip(result, real.min(axis=0), real.max(axis=0))


def smote_class(features: np.ndarray, needed: int, k_neighbors: int, seed: int) -> tuple[np.ndarray, str, int]:
    """``needed`` new rows for one class, from its real rows.

    SMOTE interpolates between a row and one of its ``k`` nearest same-class neighbours; a class
    with ``k`` rows or fewer is run with ``k = rows - 1``, and a class of one row falls back to
    random oversampling (copies). Returns the rows, the method used and the ``k`` used.
    """
    width = features.shape[1]
    if needed <= 0:
        return np.empty((0, width), dtype=np.float32), "none", 0
    size = len(features)
    if size < 2:
        picks = np.random.default_rng(seed).integers(0, size, needed)
        return features[picks].astype(np.float32), "random_oversample", 0
    k = min(k_neighbors, size - 1)
    # SMOTE needs a second class to fit; one dummy row far from the data never becomes a neighbour
    # of the real rows (neighbours are searched within the class being oversampled).
    dummy = np.full((1, width), np.float32(np.abs(features).max() * 10 + 1), dtype=np.float32)
    stacked = np.vstack([features, dummy]).astype(np.float32)
    labels = np.array([1] * size + [0])
    sampler = SMOTE(sampling_strategy={1: size + needed}, k_neighbors=k, random_state=seed)
    resampled, _ = sampler.fit_resample(stacked, labels)
    return resampled[size + 1 :].astype(np.float32), "smote", k


def balance_with_smote(
    features: np.ndarray,
    labels: Sequence[str],
    class_counts: Mapping[str, int],
    target_ratio: float,
    k_neighbors: int,
    seed: int,
) -> BalanceResult:
    """Synthetic rows that raise every class to its :func:`balance_targets` target.

    ``features`` and ``labels`` are the real train rows SMOTE may learn from (possibly a sample of
    each large class); ``class_counts`` are the full train counts the targets are computed from.
    Classes are processed in sorted order with a per-class seed, so the output is deterministic.
    """
    labels = np.asarray(labels, dtype=object)
    features = np.asarray(features, dtype=np.float32)
    width = features.shape[1] if features.ndim == 2 else 0
    targets = balance_targets(class_counts, target_ratio)
    parts, part_labels, part_methods, report = [], [], [], []
    for index, (label, target) in enumerate(sorted(targets.items())):
        real = features[labels == label]
        needed = target - int(class_counts[label])
        rows, method, k_used = smote_class(real, needed, k_neighbors, seed + index)
        rows = round_integral_columns(rows, real)
        parts.append(rows)
        part_labels.append(np.full(len(rows), label, dtype=object))
        part_methods.append(np.full(len(rows), method, dtype=object))
        report.append(
            {
                "intent": label,
                "real_rows": int(class_counts[label]),
                "rows_learned_from": len(real),
                "target_rows": int(target),
                "synthetic_rows": len(rows),
                "method": method,
                "k_neighbors": int(k_used),
                "fell_back": method == "random_oversample" or (method == "smote" and k_used < k_neighbors),
            }
        )
    if not parts:
        return BalanceResult(np.empty((0, width), np.float32), np.array([], object), np.array([], object), report)
    return BalanceResult(np.vstack(parts), np.concatenate(part_labels), np.concatenate(part_methods), report)


def synthetic_frame(result: BalanceResult, feature_names: Sequence[str]) -> pd.DataFrame:
    """The synthetic rows as a frame: a stable example id, the label, the method and the features."""
    frame = pd.DataFrame(result.features, columns=list(feature_names))
    counters = pd.Series(result.labels).groupby(result.labels).cumcount().to_numpy() if len(result.labels) else []
    frame.insert(
        0, "example_id", [f"syn-{label}-{n + 1:08d}" for label, n in zip(result.labels, counters, strict=False)]
    )
    frame.insert(1, "intent", pd.Series(result.labels, dtype="string"))
    frame.insert(2, "synthesis_method", pd.Series(result.methods, dtype="string"))
    return frame
