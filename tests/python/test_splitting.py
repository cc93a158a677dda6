"""Unit tests of the split helper, without dbt."""

from __future__ import annotations

import random

import pytest

from privacy_curation.splitting import allocate_counts, assign_splits, normalise_ratios

RATIOS = {"train": 0.7, "validation": 0.15, "test": 0.15}


def test_allocate_counts_sums_to_size_and_follows_largest_remainder():
    assert allocate_counts(100, RATIOS) == {"train": 70, "validation": 15, "test": 15}
    assert allocate_counts(1, RATIOS) == {"train": 1, "validation": 0, "test": 0}
    assert allocate_counts(2, RATIOS) == {"train": 2, "validation": 0, "test": 0}
    assert allocate_counts(3, RATIOS) == {"train": 2, "validation": 1, "test": 0}
    for size in range(0, 60):
        counts = allocate_counts(size, RATIOS)
        assert sum(counts.values()) == size
        for name, ratio in RATIOS.items():
            assert abs(counts[name] - size * ratio) < 1


def test_ratios_are_checked():
    with pytest.raises(ValueError, match="sum to 1"):
        normalise_ratios({"train": 0.8, "validation": 0.15, "test": 0.15})
    with pytest.raises(ValueError, match="missing"):
        normalise_ratios({"train": 1.0})


def test_splits_are_stratified_within_one_row():
    keys = [f"m{i}" for i in range(1000)]
    strata = ["a" if i % 10 else "b" for i in range(1000)]
    result = assign_splits(keys, strata, RATIOS, seed=1).set_index("key")["split"]
    for stratum in ("a", "b"):
        members = [k for k, s in zip(keys, strata, strict=False) if s == stratum]
        counts = result.loc[members].value_counts().to_dict()
        assert counts == allocate_counts(len(members), RATIOS)


def test_split_ignores_input_order_and_depends_on_seed():
    keys = [f"m{i}" for i in range(500)]
    strata = [str(i % 7) for i in range(500)]
    first = assign_splits(keys, strata, RATIOS, seed=3)
    pairs = list(zip(keys, strata, strict=False))
    random.Random(0).shuffle(pairs)
    shuffled = assign_splits([k for k, _ in pairs], [s for _, s in pairs], RATIOS, seed=3)
    assert first.equals(shuffled)
    other = assign_splits(keys, strata, RATIOS, seed=4)
    assert (first["split"] != other["split"]).sum() > 50


def test_empty_input_and_bad_keys():
    assert assign_splits([], [], RATIOS, seed=1).empty
    with pytest.raises(ValueError, match="unique"):
        assign_splits(["a", "a"], ["x", "x"], RATIOS, seed=1)
