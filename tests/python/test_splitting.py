"""Unit tests of the split helper, without dbt."""

from __future__ import annotations

import random

import pytest

from privacy_curation.splitting import (
    allocate_counts,
    assign_splits,
    collapse_strata,
    connect_groups,
    normalise_ratios,
    split_ratios,
)

RATIOS = {"train": 0.7, "validation": 0.15, "test": 0.15}
WITH_CONTROL = split_ratios(0.7, 0.15, 0.15, control=0.1)


def test_allocate_counts_sums_to_size_and_follows_largest_remainder():
    assert allocate_counts(100, RATIOS) == {"train": 70, "validation": 15, "test": 15, "control": 0}
    assert allocate_counts(1, RATIOS) == {"train": 1, "validation": 0, "test": 0, "control": 0}
    assert allocate_counts(2, RATIOS) == {"train": 2, "validation": 0, "test": 0, "control": 0}
    assert allocate_counts(3, RATIOS) == {"train": 2, "validation": 1, "test": 0, "control": 0}
    assert allocate_counts(100, WITH_CONTROL) == {"train": 63, "validation": 14, "test": 13, "control": 10}
    for ratios in (RATIOS, WITH_CONTROL):
        for size in range(0, 60):
            counts = allocate_counts(size, ratios)
            assert sum(counts.values()) == size
            for name, ratio in ratios.items():
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
        assert counts == {name: n for name, n in allocate_counts(len(members), RATIOS).items() if n}


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
            assert abs(counts.get(name, 0) - target) <= 1, (stratum, name, counts)


def small_stratum_held_by_groups(seed: int):
    """A pooled stratum of 25 rows, 20 of them in groups that also hold rows of four large strata
    (the shape of `intent=rectification|channel=*` in the default build with random_seed 7)."""
    generator = random.Random(seed)
    keys, strata, groups = [], [], []

    def add(stratum: str, group: str | None) -> None:
        key = f"k{len(keys):04d}"
        keys.append(key)
        strata.append(stratum)
        groups.append(group or key)

    for _ in range(5):
        add("small", None)
    left, number = 20, 0
    while left > 0:
        in_small = min(left, generator.choice([1, 1, 1, 2]))
        group = f"g{number:03d}"
        number += 1
        for _ in range(in_small):
            add("small", group)
        for _ in range(generator.choice([1, 1, 2, 3, 5])):
            add(f"big{generator.randrange(4)}", group)
        left -= in_small
    for big in range(4):
        for _ in range(150):
            add(f"big{big}", None)
    return keys, strata, groups


@pytest.mark.parametrize("seed", range(6))
def test_groups_filling_a_small_stratum_leave_every_split_within_one_row(seed):
    # the greedy placement alone left `small` 1.4 to 2.4 rows off a split's share here
    keys, strata, groups = small_stratum_held_by_groups(seed)
    result = assign_splits(keys, strata, WITH_CONTROL, seed=seed, groups=groups).set_index("key")["split"]
    for stratum in sorted(set(strata)):
        members = [key for key, name in zip(keys, strata, strict=True) if name == stratum]
        counts = result.loc[members].value_counts().to_dict()
        for split, ratio in WITH_CONTROL.items():
            assert abs(counts.get(split, 0) - len(members) * ratio) <= 1 + 1e-9, (stratum, split, counts)
    placed = {}
    for key, group in zip(keys, groups, strict=True):
        assert placed.setdefault(group, result[key]) == result[key], "a group spans two splits"


def test_singleton_groups_split_like_no_groups_and_input_order_is_ignored():
    keys, strata, groups = grouped_pool(800, seed=1)
    assert assign_splits(keys, strata, RATIOS, seed=2, groups=keys).equals(assign_splits(keys, strata, RATIOS, seed=2))
    first = assign_splits(keys, strata, RATIOS, seed=2, groups=groups)
    rows = list(zip(keys, strata, groups, strict=True))
    random.Random(3).shuffle(rows)
    shuffled = assign_splits([r[0] for r in rows], [r[1] for r in rows], RATIOS, seed=2, groups=[r[2] for r in rows])
    assert first.equals(shuffled)


def test_control_is_carved_first_and_the_three_ratios_share_the_rest():
    assert split_ratios(0.7, 0.15, 0.15, control=0.1) == pytest.approx(
        {"train": 0.63, "validation": 0.135, "test": 0.135, "control": 0.1}
    )
    assert split_ratios(0.7, 0.15, 0.15)["control"] == 0
    with pytest.raises(ValueError, match="control_ratio"):
        split_ratios(0.7, 0.15, 0.15, control=1.0)


def test_control_is_a_stratified_group_aware_hold_out():
    keys, strata, groups = grouped_pool()
    result = assign_splits(keys, strata, WITH_CONTROL, seed=5, groups=groups).set_index("key")["split"]
    for stratum in "abcd":
        members = [k for k, s in zip(keys, strata, strict=True) if s == stratum]
        control = int((result.loc[members] == "control").sum())
        assert abs(control - 0.1 * len(members)) <= 2, (stratum, control, len(members))
    splits_per_group: dict[str, set[str]] = {}
    for key, group in zip(keys, groups, strict=True):
        splits_per_group.setdefault(group, set()).add(result[key])
    assert all(len(splits) == 1 for splits in splits_per_group.values())


def test_a_split_with_ratio_zero_never_gets_a_group():
    keys, strata, groups = grouped_pool(600, seed=4)
    result = assign_splits(keys, strata, RATIOS, seed=9, groups=groups)
    assert "control" not in set(result["split"])


def test_small_strata_are_pooled_key_by_key_and_nothing_is_dropped():
    intents = ["a"] * 30 + ["a"] * 3 + ["a"] * 2 + ["b"] * 4 + ["c"] * 25
    channels = ["x"] * 30 + ["y"] * 3 + ["z"] * 2 + ["x"] * 4 + ["x"] * 25
    labels = collapse_strata({"intent": intents, "channel": channels}, min_size=5)
    assert labels[:30] == ["intent=a|channel=x"] * 30
    # the 3 + 2 leftovers of intent a pool into one stratum of 5
    assert labels[30:35] == ["intent=a|channel=*"] * 5
    # intent b has 4 rows in all: the first key is never pooled, so b stays a stratum of its own
    assert labels[35:39] == ["intent=b|channel=*"] * 4
    assert labels[39:] == ["intent=c|channel=x"] * 25
    assert collapse_strata({"intent": intents, "channel": channels}, min_size=1) == [
        f"intent={i}|channel={c}" for i, c in zip(intents, channels, strict=True)
    ]
    assert collapse_strata({"intent": ["a", None]}, min_size=1) == ["intent=a", "intent=null"]
    with pytest.raises(ValueError, match="at least one key"):
        collapse_strata({}, min_size=5)


def test_small_strata_rule_ignores_row_order():
    rng = random.Random(2)
    rows = [(rng.choice("abcde"), rng.choice("uvwxyz"), rng.choice("pq")) for _ in range(400)]
    labels = collapse_strata({"i": [r[0] for r in rows], "c": [r[1] for r in rows], "d": [r[2] for r in rows]}, 8)
    order = list(range(len(rows)))
    rng.shuffle(order)
    shuffled = collapse_strata(
        {"i": [rows[k][0] for k in order], "c": [rows[k][1] for k in order], "d": [rows[k][2] for k in order]}, 8
    )
    assert shuffled == [labels[k] for k in order]
    sizes: dict[str, int] = {}
    for label in labels:
        sizes[label] = sizes.get(label, 0) + 1
    assert all(size >= 8 for label, size in sizes.items() if label.count("*") < 2)
