"""Deterministic, stratified, group-aware train/validation/test assignment."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

SPLITS = ("train", "validation", "test")


def normalise_ratios(ratios: Mapping[str, float]) -> dict[str, float]:
    """Check split ratios (non-negative, summing to 1 within 1e-6) and return them in split order."""
    missing = [name for name in SPLITS if name not in ratios]
    if missing:
        raise ValueError(f"split ratios are missing {missing}")
    values = {name: float(ratios[name]) for name in SPLITS}
    if any(value < 0 for value in values.values()):
        raise ValueError(f"split ratios must be non-negative, got {values}")
    if abs(sum(values.values()) - 1.0) > 1e-6:
        raise ValueError(f"split ratios must sum to 1, got {values} (sum {sum(values.values())})")
    return values


def stable_rank_key(seed: int, key: str) -> str:
    """A seeded ordering key for one row that depends on nothing but the seed and the row's key."""
    return hashlib.blake2b(f"{seed}:{key}".encode(), digest_size=8).hexdigest()


def allocate_counts(size: int, ratios: Mapping[str, float]) -> dict[str, int]:
    """Split ``size`` rows over the splits by the largest-remainder rule.

    Each split gets the floor of its exact share; the rows left over go one by one to the splits
    with the largest remainders (ties in split order: train, validation, test). So a stratum of
    one row goes to train, and no split ever gets more than one row above its exact share.
    """
    exact = {name: size * ratios[name] for name in SPLITS}
    counts = {name: int(np.floor(exact[name] + 1e-9)) for name in SPLITS}
    left_over = size - sum(counts.values())
    by_remainder = sorted(SPLITS, key=lambda name: (-(exact[name] - counts[name]), SPLITS.index(name)))
    for name in by_remainder[:left_over]:
        counts[name] += 1
    return counts


def connect_groups(keys: Sequence[str], *labellings: Sequence[str | None]) -> list[str]:
    """The group of every key: keys sharing a non-null label in any labelling are in one group.

    Groups are the connected components of the keys and labels (union-find), each named by its
    smallest key, so the result depends only on the (key, labels) rows, never on their order.
    For example, duplicate cluster and user pseudonym: two messages of one user, or of one
    cluster, or chained through both, end in the same group.
    """
    parent: dict[tuple[int, str], tuple[int, str]] = {}

    def find(node: tuple[int, str]) -> tuple[int, str]:
        root = node
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[node] != root:  # path compression
            parent[node], node = root, parent[node]
        return root

    def union(left: tuple[int, str], right: tuple[int, str]) -> None:
        left_root, right_root = find(left), find(right)
        if left_root != right_root:
            low, high = sorted((left_root, right_root))
            parent[high] = low

    for index, labels in enumerate(labellings, start=1):
        if len(labels) != len(keys):
            raise ValueError("every labelling needs one label per key")
        for key, label in zip(keys, labels, strict=True):
            if label is not None and not (isinstance(label, float) and np.isnan(label)):
                union((0, str(key)), (index, str(label)))
    names: dict[tuple[int, str], str] = {}
    for key in sorted(str(key) for key in keys):
        names.setdefault(find((0, key)), key)
    return [names[find((0, str(key)))] for key in keys]


def _assign_groups(frame: pd.DataFrame, targets: pd.DataFrame, seed: int) -> dict[str, str]:
    """Greedily place each group of two or more keys in the split whose strata most lack rows.

    Groups go largest first, ties by a seeded hash of the group name. A group's score for a split
    is the sum, over its rows, of that split's remaining target in the row's stratum divided by
    the stratum's size; the best split wins (ties in split order).
    """
    sizes = frame.groupby("group", sort=False)["key"].transform("size")
    members = frame[sizes > 1]
    if members.empty:
        return {}
    stratum_sizes = frame.groupby("stratum")["key"].size()
    stratum_index = {stratum: position for position, stratum in enumerate(stratum_sizes.index)}
    size_array = stratum_sizes.to_numpy(dtype=float)
    # remaining share of each stratum (rows) each split (columns) still lacks
    deficit = targets.loc[stratum_sizes.index].to_numpy(dtype=float) / size_array[:, None]
    order = (
        members.groupby("group")["key"]
        .size()
        .rename("size")
        .reset_index()
        .assign(rank_key=lambda groups: [stable_rank_key(seed, f"group:{name}") for name in groups["group"]])
        .sort_values(["size", "rank_key", "group"], ascending=[False, True, True], kind="mergesort")
    )
    strata_of = members.groupby("group")["stratum"].agg(lambda column: [stratum_index[value] for value in column])
    placed: dict[str, str] = {}
    for name in order["group"]:
        rows = np.asarray(strata_of[name])
        best = int(np.argmax(deficit[rows].sum(axis=0)))  # first maximum: ties in split order
        placed[name] = SPLITS[best]
        np.subtract.at(deficit[:, best], rows, 1 / size_array[rows])
    return placed


def assign_splits(
    keys: Sequence[str],
    strata: Sequence[str],
    ratios: Mapping[str, float],
    seed: int,
    groups: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Assign every key to a split, stratum by stratum, in proportion to ``ratios``.

    Without ``groups`` (or when every group has one key), rows are ordered inside a stratum by a
    seeded hash of their key and cut by the counts of :func:`allocate_counts`, so each stratum
    is split within one row of the ratios. With ``groups``, a group of several keys always
    lands in one split: such groups are placed first (see :func:`_assign_groups`), then the
    single keys of each stratum fill what each split still lacks, by the same seeded order.
    The result depends only on the set of (key, stratum, group) rows, the ratios and the seed:
    never on input order or thread count. Keys must be unique.
    """
    ratios = normalise_ratios(ratios)
    frame = pd.DataFrame({"key": pd.Series(keys, dtype="string"), "stratum": pd.Series(strata, dtype="string")})
    if frame["key"].isna().any():
        raise ValueError("split keys must not be null")
    if frame["key"].duplicated().any():
        raise ValueError("split keys must be unique")
    if frame.empty:
        return pd.DataFrame({"key": pd.Series([], dtype="string"), "split": pd.Series([], dtype="string")})
    if groups is not None and len(groups) != len(frame):
        raise ValueError("groups need one entry per key")
    frame["group"] = frame["key"] if groups is None else pd.Series(groups, dtype="string").fillna(frame["key"])
    stratum_sizes = frame.groupby("stratum")["key"].size()
    targets = pd.DataFrame(
        [allocate_counts(int(size), ratios) for size in stratum_sizes], index=stratum_sizes.index, columns=list(SPLITS)
    ).astype(float)
    placed = _assign_groups(frame, targets, seed)
    split = frame["group"].map(placed).astype("string")

    singles = frame[split.isna()].copy()
    taken = frame.assign(split=split).dropna(subset=["split"]).groupby(["stratum", "split"])["key"].size()
    singles["rank_key"] = [stable_rank_key(seed, key) for key in singles["key"]]
    singles = singles.sort_values(["stratum", "rank_key", "key"], kind="mergesort")
    for stratum, rows in singles.groupby("stratum", sort=False):
        remaining = {name: max(targets.loc[stratum, name] - taken.get((stratum, name), 0), 0.0) for name in SPLITS}
        total = sum(remaining.values())
        weights = {name: remaining[name] / total for name in SPLITS} if total > 0 else ratios
        counts = allocate_counts(len(rows), weights)
        bounds = np.cumsum([counts[name] for name in SPLITS])
        positions = np.arange(len(rows))
        split.loc[rows.index] = np.array(SPLITS, dtype=object)[np.searchsorted(bounds, positions, side="right")]
    result = pd.DataFrame({"key": frame["key"], "split": split.astype("string")})
    return result.sort_values("key", kind="mergesort", ignore_index=True)
