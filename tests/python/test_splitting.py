"""Unit tests of the split helper, without dbt."""

from __future__ import annotations

import random

import pytest

from privacy_curation.splitting import allocate_counts, assign_splits, connect_groups, normalise_ratios

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


def grouped_pool(size: int = 3000, seed: int = 0):
    """Keys with strata and groups of one to four keys (as users with a few messages each)."""
    rng = random.Random(seed)
    keys, strata, groups = [], [], []
    group = 0
    while len(keys) < size:
        members = rng.choice([1, 1, 1, 2, 2, 3, 4])
        for _ in range(members):
            keys.append(f"m{len(keys)}")
            strata.append(rng.choice("aaaaabbbcd"))
            groups.append(f"g{group}")
        group += 1
    return keys, strata, groups


def test_connect_groups_is_transitive_and_order_free():
    keys = ["a", "b", "c", "d", "e"]
    clusters = ["x", "x", None, "y", None]
    users = [None, "u1", "u1", None, None]
    assert connect_groups(keys, clusters, users) == ["a", "a", "a", "d", "e"]
    order = [4, 2, 0, 3, 1]
    shuffled = connect_groups([keys[i] for i in order], [clusters[i] for i in order], [users[i] for i in order])
    assert shuffled == ["e", "a", "a", "d", "a"]


def test_a_group_never_spans_two_splits():
    keys, strata, groups = grouped_pool()
    result = assign_splits(keys, strata, RATIOS, seed=5, groups=groups).set_index("key")["split"]
    splits_per_group: dict[str, set[str]] = {}
    for key, group in zip(keys, groups, strict=True):
        splits_per_group.setdefault(group, set()).add(result[key])
    assert len(splits_per_group) < 0.7 * len(keys)  # many groups of several keys
    assert all(len(splits) == 1 for splits in splits_per_group.values())


def test_grouped_split_stays_stratified():
    keys, strata, groups = grouped_pool()
    result = assign_splits(keys, strata, RATIOS, seed=5, groups=groups).set_index("key")["split"]
    for stratum in "abcd":
        members = [k for k, s in zip(keys, strata, strict=True) if s == stratum]
        counts = result.loc[members].value_counts().to_dict()
        for name, target in allocate_counts(len(members), RATIOS).items():
            assert abs(counts.get(name, 0) - target) <= 2, (stratum, name, counts)


def test_singleton_groups_split_like_no_groups_and_input_order_is_ignored():
    keys, strata, groups = grouped_pool(800, seed=1)
    assert assign_splits(keys, strata, RATIOS, seed=2, groups=keys).equals(assign_splits(keys, strata, RATIOS, seed=2))
    first = assign_splits(keys, strata, RATIOS, seed=2, groups=groups)
    rows = list(zip(keys, strata, groups, strict=True))
    random.Random(3).shuffle(rows)
    shuffled = assign_splits([r[0] for r in rows], [r[1] for r in rows], RATIOS, seed=2, groups=[r[2] for r in rows])
    assert first.equals(shuffled)
