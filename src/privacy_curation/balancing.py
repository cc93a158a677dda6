"""Class balancing of the train split: targets, fall-back rules and the samplers of ``balance_method``.

Every method works class by class on a seeded sample of the real train rows (at most
``max_rows_per_class`` per class, chosen in DuckDB by the model) and returns the rows it adds and
the sample rows it removes, each with the ids of the real rows it came from.

The SMOTE family (smote, smotenc, adasyn, borderline_smote, smote_tomek) follows the algorithms of
imbalanced-learn (Chawla et al. 2002; SMOTE-NC from the same paper; He et al. 2008; Han et al.
2005; Tomek links as in ``imblearn.under_sampling.TomekLinks``) but runs its own interpolation step
on scikit-learn's ``NearestNeighbors``: imbalanced-learn does not say which two rows a synthetic row
was drawn between, and its ADASYN rounds per row and so misses an exact target. Here every
synthetic row knows its base row and neighbour, and every class reaches its target exactly.
imbalanced-learn is the oracle of the tests (``tests/python/test_balancing_oracle.py``), not a
dependency of this module.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.neighbors import NearestNeighbors

from privacy_curation.allocation import largest_remainder
from privacy_curation.seeding import spread, stable_seed

METHODS = (
    "none",
    "random_oversample",
    "random_undersample",
    "smote",
    "smotenc",
    "adasyn",
    "borderline_smote",
    "smote_tomek",
    "augment",
)
# Methods that add rows (raise classes) and those that remove real rows.
OVERSAMPLERS = ("random_oversample", "smote", "smotenc", "adasyn", "borderline_smote", "smote_tomek", "augment")
UNDERSAMPLERS = ("random_undersample",)
# Methods whose rows are interpolated feature vectors: no text.
VECTOR_ONLY = ("smote", "smotenc", "adasyn", "borderline_smote", "smote_tomek")
# Exact neighbour search by k-d tree: on these few, mostly whole-number features it is several times
# faster than brute force (153k rows x 28 features, 1-NN: 44 s against 273 s on a loaded 2-core box).
# It suits the pipeline's features only: on dense real-valued features it is far slower than brute
# force (10,583 rows x 54 Gaussian features, 5-NN: 94 s against 3.3 s), and on 20 uniform columns of
# 0..3 it did not finish 50,000 rows in 6 minutes, so a rule by data shape needs more than integrality.
NEIGHBOUR_ALGORITHM = "kd_tree"


def check_method(method: str) -> str:
    if method not in METHODS:
        raise ValueError(f"balance_method must be one of {', '.join(METHODS)}; got {method!r}")
    return method


def label_goal(value: float, reference: int, direction: str) -> int:
    """One label's goal from a ratio (0 < value <= 1) or a row count (value > 1).

    Raising: a ratio means ``ceil(value * largest)``. Lowering: a ratio means
    ``floor(smallest / value)``. A count is taken as is.
    """
    if value <= 0:
        raise ValueError(f"a balance target must be positive, got {value}")
    if value > 1:
        return int(value)
    if direction == "raise":
        return math.ceil(value * reference)
    return math.floor(reference / value)


def balance_targets(
    class_counts: Mapping[str, int],
    target_ratio: float,
    overrides: Mapping[str, float] | None = None,
    direction: str = "raise",
) -> dict[str, int]:
    """Rows each class should have after balancing.

    ``direction="raise"`` (oversamplers): each class is raised to at least ``target_ratio`` x the
    largest class; classes already there keep their count. ``direction="lower"`` (undersampling):
    each class is lowered to at most ``smallest / target_ratio``; smaller classes keep their count.
    Either way the smallest class ends at least ``target_ratio`` x the largest. ``overrides`` maps a
    label to its own ratio (0 < value <= 1) or row count (value > 1), replacing the global ratio.
    """
    if not 0 < target_ratio <= 1:
        raise ValueError(f"balance_target_ratio must be in (0, 1], got {target_ratio}")
    if direction not in ("raise", "lower"):
        raise ValueError(f"direction must be raise or lower, got {direction!r}")
    overrides = dict(overrides or {})
    unknown = sorted(set(overrides) - set(class_counts))
    if unknown and class_counts:
        raise ValueError(f"balance_targets names labels absent from the train split: {', '.join(unknown)}")
    if not class_counts:
        return {}
    present = [count for count in class_counts.values() if count > 0] or [0]
    reference = max(present) if direction == "raise" else min(present)
    targets = {}
    for label, count in sorted(class_counts.items()):
        goal = label_goal(float(overrides.get(label, target_ratio)), reference, direction)
        targets[label] = max(count, goal) if direction == "raise" else min(count, goal)
    return targets


def round_integral_columns(synthetic: np.ndarray, real: np.ndarray) -> np.ndarray:
    """Round the columns that hold only whole numbers in the real data, and clip every column to the
    real data's range, so that counts and flags stay counts and flags after interpolation."""
    if synthetic.size == 0 or real.size == 0:
        return synthetic
    result = synthetic.copy()
    integral = np.all(np.equal(np.mod(real, 1), 0), axis=0)
    result[:, integral] = np.round(result[:, integral])
    return np.clip(result, real.min(axis=0), real.max(axis=0))


# --- the pieces every SMOTE variant shares ------------------------------------------------------


@dataclass
class Generated:
    """Rows made for one class: values, the sample rows they came from, and how."""

    features: np.ndarray
    base: np.ndarray  # index (into the sample) of the row each new row starts from
    neighbour: np.ndarray  # index of the row it was interpolated towards; -1 for a copy
    method: str
    k_neighbors: int = 0
    fallback_reason: str | None = None
    categorical: np.ndarray | None = None


def empty_generated(width: int, method: str, reason: str | None = None, categories: int = 0) -> Generated:
    nothing = np.empty(0, dtype=np.int64)
    return Generated(
        np.empty((0, width), np.float32), nothing, nothing, method, 0, reason, np.empty((0, categories), np.int64)
    )


def same_class_neighbours(points: np.ndarray, k: int) -> np.ndarray:
    """The ``k`` nearest other rows of each row (a row is never its own neighbour, even if duplicated)."""
    return NearestNeighbors(n_neighbors=k, algorithm=NEIGHBOUR_ALGORITHM).fit(points).kneighbors(return_distance=False)


def interpolate(
    features: np.ndarray, base: np.ndarray, neighbours: np.ndarray, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """SMOTE's step: for each base row, a random one of its neighbours and a point on the segment between."""
    column = rng.integers(0, neighbours.shape[1], len(base))
    partner = neighbours[base, column]
    gap = rng.random(len(base), dtype=np.float32)[:, None]
    rows = features[base] + gap * (features[partner] - features[base])
    return rows.astype(np.float32), partner


def copies(features: np.ndarray, needed: int, rng: np.random.Generator, reason: str | None) -> Generated:
    """Random oversampling: ``needed`` copies of the class's rows, spread evenly."""
    base = spread(needed, len(features), rng)
    return Generated(features[base].astype(np.float32), base, np.full(needed, -1), "random_oversample", 0, reason, None)


def neighbours_to_use(size: int, k_neighbors: int) -> tuple[int, str | None]:
    """The stated fall-back rule for small classes: ``k = rows - 1`` when a class has ``k`` rows or fewer."""
    if size > k_neighbors:
        return k_neighbors, None
    return size - 1, f"{size} rows, fewer than k_neighbors + 1 = {k_neighbors + 1}: k lowered to {size - 1}"


def smote_class(
    features: np.ndarray, needed: int, k_neighbors: int, rng: np.random.Generator, bases: np.ndarray | None = None
) -> Generated:
    """``needed`` SMOTE rows for one class from its real rows.

    A class of one row falls back to copies (random oversampling); a class with ``k`` rows or fewer
    uses ``k = rows - 1`` neighbours. ``bases`` restricts the rows new rows start from (borderline).
    """
    width = features.shape[1]
    size = len(features)
    if needed <= 0:
        return empty_generated(width, "smote")
    if size == 0:
        return empty_generated(width, "smote", "no real train row to learn from")
    if size == 1:
        return copies(features, needed, rng, "1 row: no neighbour to interpolate with, copied (random_oversample)")
    k, reason = neighbours_to_use(size, k_neighbors)
    neighbours = same_class_neighbours(features, k)
    pool = np.arange(size) if bases is None else bases
    base = pool[spread(needed, len(pool), rng)]
    rows, partner = interpolate(features, base, neighbours, rng)
    return Generated(rows, base, partner, "smote", k, reason)


# --- the variants -------------------------------------------------------------------------------


def smotenc_class(
    features: np.ndarray, codes: np.ndarray, needed: int, k_neighbors: int, rng: np.random.Generator
) -> Generated:
    """SMOTE-NC: continuous features interpolated, categorical codes (channel, locale) voted.

    Distances use the continuous features plus one-hot categories scaled so that a differing category
    adds the median of the class's continuous standard deviations to the distance (Chawla et al.);
    a new row takes, per categorical column, the value most frequent among its base row's ``k``
    neighbours (ties broken at random for each new row by the class's seeded generator, as
    imbalanced-learn does, so that no category is favoured for sorting first).
    """
    width = features.shape[1]
    size = len(features)
    if needed <= 0 or size == 0:
        generated = empty_generated(width, "smotenc", None if needed <= 0 else "no real train row to learn from")
        generated.categorical = np.empty((0, codes.shape[1]), np.int64)
        return generated
    if size == 1:
        generated = copies(features, needed, rng, "1 row: no neighbour to interpolate with, copied (random_oversample)")
        generated.categorical = codes[generated.base]
        return generated
    k, reason = neighbours_to_use(size, k_neighbors)
    stds = features.std(axis=0) if width else np.zeros(1)
    median_std = float(np.median(stds)) if len(stds) else 0.0
    blocks = [features.astype(np.float64)]
    for column in codes.T:
        values = np.unique(column)
        one_hot = (column[:, None] == values[None, :]).astype(np.float64)
        blocks.append(one_hot * (median_std / math.sqrt(2)))
    neighbours = same_class_neighbours(np.hstack(blocks), k)
    base = spread(needed, size, rng)
    rows, partner = interpolate(features, base, neighbours, rng)
    voted = np.empty((needed, codes.shape[1]), dtype=np.int64)
    for j, column in enumerate(codes.T):
        values = np.unique(column)
        votes = (column[neighbours[base]][:, :, None] == values[None, None, :]).sum(axis=1)
        # votes are whole numbers: a seeded jitter below 1/2 only decides between tied values, row by row
        voted[:, j] = values[(votes + 0.5 * rng.random(votes.shape)).argmax(axis=1)]
    return Generated(rows, base, partner, "smotenc", k, reason, voted)


def other_class_share(features: np.ndarray, labels: np.ndarray, label: str, neighbours: int) -> np.ndarray:
    """For each row of ``label``, the share of its ``neighbours`` nearest rows (all classes) of another class."""
    index = NearestNeighbors(n_neighbors=neighbours, algorithm=NEIGHBOUR_ALGORITHM).fit(features)
    mine = np.flatnonzero(labels == label)
    nearest = index.kneighbors(features[mine], n_neighbors=neighbours + 1, return_distance=False)
    # drop the row itself (or one of its exact duplicates, which has the same label anyway)
    nearest = np.array([row[row != own][:neighbours] for row, own in zip(nearest, mine, strict=True)])
    return (labels[nearest] != label).mean(axis=1)


def danger_rows(features: np.ndarray, labels: np.ndarray, label: str, m_neighbors: int) -> np.ndarray:
    """Positions (within the class) of the rows of ``label`` "in danger": at least half, but not all,
    of their ``m_neighbors`` nearest rows (all classes) are of other classes (Han et al. 2005)."""
    share = other_class_share(features, labels, label, m_neighbors)
    return np.flatnonzero((share >= 0.5) & (share < 1))


def adasyn_class(
    features: np.ndarray,
    labels: np.ndarray,
    label: str,
    needed: int,
    k_neighbors: int,
    rng: np.random.Generator,
) -> Generated:
    """ADASYN: more new rows from the rows whose ``k`` nearest neighbours (all classes) are of other
    classes. The ``needed`` rows are spread over the class by the largest-remainder rule. When no row
    has a neighbour of another class ADASYN has nothing to weight by (imbalanced-learn raises); the
    class falls back to SMOTE and says so."""
    mine = features[labels == label]
    size = len(mine)
    if needed <= 0 or size < 2 or len(features) <= k_neighbors:
        return smote_class(mine, needed, k_neighbors, rng)
    weights = other_class_share(features, labels, label, k_neighbors)
    if weights.sum() == 0:
        generated = smote_class(mine, needed, k_neighbors, rng)
        generated.fallback_reason = "no row has a neighbour of another class: ADASYN fell back to SMOTE"
        return generated
    k, reason = neighbours_to_use(size, k_neighbors)
    neighbours = same_class_neighbours(mine, k)
    per_row = largest_remainder(needed, weights)
    base = np.repeat(np.arange(size), per_row)
    base = base[rng.permutation(len(base))]
    rows, partner = interpolate(mine, base, neighbours, rng)
    return Generated(rows, base, partner, "adasyn", k, reason)


def borderline_class(
    features: np.ndarray,
    labels: np.ndarray,
    label: str,
    needed: int,
    k_neighbors: int,
    m_neighbors: int,
    rng: np.random.Generator,
) -> Generated:
    """Borderline-SMOTE (variant 1): new rows start only from rows "in danger", whose ``m`` nearest
    neighbours (all classes) are at least half, but not all, of other classes. A class with no row in
    danger falls back to SMOTE over all its rows and says so."""
    mine = features[labels == label]
    size = len(mine)
    if needed <= 0 or size < 2 or len(features) <= m_neighbors:
        return smote_class(mine, needed, k_neighbors, rng)
    danger = danger_rows(features, labels, label, m_neighbors)
    if len(danger) == 0:
        generated = smote_class(mine, needed, k_neighbors, rng)
        generated.fallback_reason = "no row in danger (borderline): fell back to SMOTE over the whole class"
        return generated
    generated = smote_class(mine, needed, k_neighbors, rng, bases=danger)
    generated.method = "borderline_smote"
    return generated


def tomek_links(features: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Pairs (i, j), i < j, of rows of different classes that are each other's nearest neighbour."""
    if len(features) < 2:
        return np.empty((0, 2), dtype=np.int64)
    nearest = NearestNeighbors(n_neighbors=1, algorithm=NEIGHBOUR_ALGORITHM).fit(features)
    nearest = nearest.kneighbors(return_distance=False)[:, 0]
    rows = np.arange(len(features))
    linked = (nearest[nearest] == rows) & (labels[nearest] != labels) & (rows < nearest)
    return np.column_stack([rows[linked], nearest[linked]])


def confirmed_links(features: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Which candidate pairs (i, j) are Tomek links among all ``features``: no other row is nearer
    to i or to j than they are to each other (Tomek's definition; a row at the same distance does
    not break the link). One 1-NN query over all rows, for the candidates' rows only."""
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    if not len(pairs):
        return np.zeros(0, dtype=bool)
    points = np.asarray(features, dtype=np.float64)
    gap = np.linalg.norm(points[pairs[:, 0]] - points[pairs[:, 1]], axis=1)
    rows = np.unique(pairs)
    index = NearestNeighbors(n_neighbors=2, algorithm=NEIGHBOUR_ALGORITHM).fit(points)
    distance, nearest = index.kneighbors(points[rows], n_neighbors=2)
    # the nearest row other than the row itself (an exact duplicate may be listed before it)
    other = np.where(nearest[:, 0] == rows, distance[:, 1], distance[:, 0])
    nearest_other = dict(zip(rows.tolist(), other.tolist(), strict=True))
    slack = 1e-9 * np.maximum(gap, 1.0)
    first = np.array([nearest_other[i] for i in pairs[:, 0]])
    second = np.array([nearest_other[j] for j in pairs[:, 1]])
    return (first >= gap - slack) & (second >= gap - slack)


# --- the whole train split ----------------------------------------------------------------------


@dataclass
class BalanceResult:
    """What the balancer did to the train split (its sample): rows added and sample rows removed."""

    features: np.ndarray
    labels: np.ndarray
    methods: np.ndarray
    sources: list[list[int]] = field(default_factory=list)  # sample indices each added row came from
    fallback_reasons: list[str | None] = field(default_factory=list)
    k_used: list[int] = field(default_factory=list)
    categorical: np.ndarray | None = None
    # SMOTE rows a later cleaning step (Tomek links) removed again: made, then dropped
    dropped: np.ndarray = field(default_factory=lambda: np.empty(0, bool))
    removed: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))  # sample indices removed
    removed_labels: list[str] = field(default_factory=list)
    removed_methods: list[str] = field(default_factory=list)
    report: list[dict] = field(default_factory=list)


def balance(
    features: np.ndarray,
    labels: Sequence[str],
    class_counts: Mapping[str, int],
    method: str,
    target_ratio: float,
    k_neighbors: int,
    seed: int,
    overrides: Mapping[str, float] | None = None,
    codes: np.ndarray | None = None,
    m_neighbors: int = 10,
    tomek_rows_per_class: int | None = None,
) -> BalanceResult:
    """Rows that raise every class to its :func:`balance_targets` target with a SMOTE-family method
    or random oversampling (``augment`` edits text: see :mod:`privacy_curation.augment`).

    ``features``/``labels`` are the real train rows learned from (a sample of each large class, in a
    stable order); ``class_counts`` are the full train counts the targets come from. Each class has
    its own seed (from ``seed`` and its label), so the result is deterministic and does not depend on
    which other labels exist. ``codes`` holds the categorical codes SMOTE-NC votes on.
    """
    check_method(method)
    labels = np.asarray(labels, dtype=object)
    features = np.asarray(features, dtype=np.float32)
    width = features.shape[1] if features.ndim == 2 else 0
    if codes is None:
        codes = np.zeros((len(features), 0), dtype=np.int64)
    result = BalanceResult(np.empty((0, width), np.float32), np.array([], object), np.array([], object))
    if method in ("none", "random_undersample", "augment"):
        return result
    targets = balance_targets(class_counts, target_ratio, overrides)
    position = np.arange(len(features))
    parts, part_codes = [], []
    labels_out, methods_out = [], []
    for label, target in targets.items():
        rng = np.random.default_rng(stable_seed(seed, "balance", method, label))
        mine = labels == label
        real = features[mine]
        needed = target - int(class_counts[label])
        if method == "random_oversample":
            generated = copies(real, needed, rng, None) if needed > 0 and len(real) else empty_generated(width, method)
        elif method == "smotenc":
            generated = smotenc_class(real, codes[mine], needed, k_neighbors, rng)
        elif method == "adasyn":
            generated = adasyn_class(features, labels, label, needed, k_neighbors, rng)
        elif method == "borderline_smote":
            generated = borderline_class(features, labels, label, needed, k_neighbors, m_neighbors, rng)
        else:  # smote, smote_tomek
            generated = smote_class(real, needed, k_neighbors, rng)
        if needed > 0 and len(real) == 0:
            generated.fallback_reason = "no real train row to learn from"
        made = len(generated.features)
        parts.append(round_integral_columns(generated.features, real))
        if codes.shape[1]:
            voted = generated.categorical
            usable = voted is not None and voted.shape == (made, codes.shape[1])
            part_codes.append(voted if usable else codes[mine][generated.base])
        labels_out.append(np.full(made, label, dtype=object))
        methods_out.append(np.full(made, generated.method, dtype=object))
        local = position[mine]
        for base, partner in zip(generated.base, generated.neighbour, strict=True):
            result.sources.append([int(local[base])] if partner < 0 else [int(local[base]), int(local[partner])])
        result.fallback_reasons += [generated.fallback_reason] * made
        result.k_used += [generated.k_neighbors] * made
        result.report.append(
            {
                "intent": label,
                "real_rows": int(class_counts[label]),
                "rows_learned_from": len(real),
                "target_rows": int(target),
                "synthetic_rows": made,
                "method": generated.method if made else method,
                "k_neighbors": int(generated.k_neighbors),
                "fallback_reason": generated.fallback_reason,
                "fell_back": generated.fallback_reason is not None,
            }
        )
    if parts:
        result.features = np.vstack(parts).astype(np.float32)
        result.labels = np.concatenate(labels_out)
        result.methods = np.concatenate(methods_out)
        result.categorical = np.vstack(part_codes) if part_codes else None
    result.dropped = np.zeros(len(result.features), dtype=bool)
    if method == "smote_tomek":
        remove_tomek_links(result, features, labels, class_counts, target_ratio, overrides, tomek_rows_per_class)
    return result


def remove_tomek_links(
    result: BalanceResult,
    features: np.ndarray,
    labels: np.ndarray,
    class_counts: Mapping[str, int],
    target_ratio: float,
    overrides: Mapping[str, float] | None,
    rows_per_class: int | None = None,
) -> None:
    """SMOTE-Tomek's cleaning step, in place: find Tomek links among the sample and the SMOTE rows and
    remove, of each link, the row of the class that is larger after SMOTE. A class never drops below
    its raise goal (``ceil(ratio x largest)`` before balancing), so the target ratio still holds; the
    removed SMOTE rows are flagged in ``result.dropped``, the removed real rows are listed in
    ``result.removed``. To bound the cost of the neighbour search, at most ``rows_per_class`` rows
    per class take part: its learned-from rows first, then its first SMOTE rows. A link found among
    them is only a candidate: a row left out may be nearer to one of its two rows, so each candidate
    is confirmed against all rows (:func:`confirmed_links`) before anything is removed."""
    after = {label: int(count) for label, count in class_counts.items()}
    for label in result.labels:
        after[label] += 1
    largest = max(class_counts.values()) if class_counts else 0
    floor = {label: label_goal(float((overrides or {}).get(label, target_ratio)), largest, "raise") for label in after}
    allowed = {label: max(0, after[label] - floor[label]) for label in after}
    stacked = np.vstack([features, result.features]) if len(result.features) else features
    stacked_labels = np.concatenate([labels, result.labels])
    searched = np.arange(len(stacked))
    if rows_per_class is not None:
        rank = pd.Series(stacked_labels).groupby(stacked_labels).cumcount().to_numpy()
        searched = searched[rank < rows_per_class]
    candidates = searched[tomek_links(stacked[searched], stacked_labels[searched])]
    removed_real, removed_synthetic = [], []
    for i, j in candidates[confirmed_links(stacked, candidates)]:
        side = max((i, j), key=lambda row: (after[stacked_labels[row]], stacked_labels[row]))
        label = stacked_labels[side]
        if allowed[label] <= 0:
            continue
        allowed[label] -= 1
        (removed_real if side < len(features) else removed_synthetic).append(side)
    result.dropped = np.zeros(len(result.features), dtype=bool)
    result.dropped[np.asarray(removed_synthetic, dtype=np.int64) - len(features)] = True
    result.removed = np.asarray(sorted(removed_real), dtype=np.int64)
    result.removed_labels = [str(label) for label in labels[result.removed]]
    result.removed_methods = ["tomek_links"] * len(result.removed)
    removed_synthetic_labels = pd.Series(stacked_labels[np.asarray(removed_synthetic, dtype=np.int64)]).value_counts()
    removed_real_labels = pd.Series(labels[result.removed]).value_counts()
    for entry in result.report:
        entry["tomek_removed_synthetic_rows"] = int(removed_synthetic_labels.get(entry["intent"], 0))
        entry["tomek_removed_real_rows"] = int(removed_real_labels.get(entry["intent"], 0))
        entry["synthetic_rows"] -= entry["tomek_removed_synthetic_rows"]
        entry["synthetic_rows_made"] = entry["synthetic_rows"] + entry["tomek_removed_synthetic_rows"]


def synthetic_ids(labels: Sequence[str]) -> list[str]:
    """Stable ids of synthetic rows: ``syn-<intent>-<n>``, numbered per intent in row order."""
    labels = np.asarray(labels, dtype=object)
    if not len(labels):
        return []
    counters = pd.Series(labels).groupby(labels).cumcount().to_numpy()
    return [f"syn-{label}-{n + 1:08d}" for label, n in zip(labels, counters, strict=True)]
