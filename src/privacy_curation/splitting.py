"""Deterministic, stratified train/validation/test assignment."""

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


def assign_splits(
    keys: Sequence[str],
    strata: Sequence[str],
    ratios: Mapping[str, float],
    seed: int,
) -> pd.DataFrame:
    """Assign every key to a split, stratum by stratum, in proportion to ``ratios``.

    Inside a stratum, rows are ordered by a seeded hash of their key and cut by the counts of
    :func:`allocate_counts`, so the result depends only on the set of (key, stratum) pairs, the
    ratios and the seed: never on input order or thread count. Keys must be unique.
    """
    ratios = normalise_ratios(ratios)
    frame = pd.DataFrame({"key": pd.Series(keys, dtype="string"), "stratum": pd.Series(strata, dtype="string")})
    if frame["key"].isna().any():
        raise ValueError("split keys must not be null")
    if frame["key"].duplicated().any():
        raise ValueError("split keys must be unique")
    if frame.empty:
        return pd.DataFrame({"key": pd.Series([], dtype="string"), "split": pd.Series([], dtype="string")})
    frame["rank_key"] = [stable_rank_key(seed, key) for key in frame["key"]]
    frame = frame.sort_values(["stratum", "rank_key", "key"], kind="mergesort", ignore_index=True)
    position = frame.groupby("stratum", sort=False).cumcount().to_numpy()
    sizes = frame.groupby("stratum", sort=False)["key"].transform("size").to_numpy()
    split = np.empty(len(frame), dtype=object)
    for size in np.unique(sizes):
        counts = allocate_counts(int(size), ratios)
        bounds = np.cumsum([counts[name] for name in SPLITS])
        rows = sizes == size
        split[rows] = np.array(SPLITS, dtype=object)[np.searchsorted(bounds, position[rows], side="right")]
    result = pd.DataFrame({"key": frame["key"], "split": pd.Series(split, dtype="string")})
    return result.sort_values("key", kind="mergesort", ignore_index=True)
