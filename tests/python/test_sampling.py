"""Unit tests of the sampling helper (the sample taken before the split), without dbt."""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter
from datetime import datetime, timedelta

import pytest

from privacy_curation.sampling import (
    STRATEGIES,
    check_strategy,
    parse_label_caps,
    sample_count,
    sample_pool,
    stratum_quotas,
)

LABELS = ("billing", "billing", "billing", "refund", "refund", "cancel")
START = datetime(2024, 1, 1)


def make_pool(size: int = 1000, seed: int = 0) -> dict[str, list]:
    """Keys with strata, labels and distinct timestamps whose order is not the key order."""
    rng = random.Random(seed)
    minutes = list(range(size))
    rng.shuffle(minutes)
    return {
        "keys": [f"m{i:04d}" for i in range(size)],
        "strata": [rng.choice("aaaaabbbcd") for _ in range(size)],
        "labels": [rng.choice(LABELS) for _ in range(size)],
        "order": [START + timedelta(minutes=m) for m in minutes],
    }


POOL = make_pool()


def draw(pool: dict[str, list], strategy: str, seed: int = 1, size: object = None, caps=None):
    return sample_pool(
        pool["keys"], pool["strata"], pool["labels"], pool["order"], strategy, seed, size=size, label_caps=caps
    )


def sampled(result) -> set[str]:
    return set(result.loc[result["is_sampled"], "key"])


def time_positions(pool: dict[str, list], keys: set[str]) -> list[int]:
    """The positions of ``keys`` in the pool sorted by time, then key."""
    in_time_order = [key for _, key in sorted(zip(pool["order"], pool["keys"], strict=True))]
    return [position for position, key in enumerate(in_time_order) if key in keys]


def gaps(positions: list[int]) -> list[int]:
    return [b - a for a, b in itertools.pairwise(positions)]


def shuffled(pool: dict[str, list], seed: int = 5) -> dict[str, list]:
    rows = list(zip(pool["keys"], pool["strata"], pool["labels"], pool["order"], strict=True))
    random.Random(seed).shuffle(rows)
    return {name: [row[i] for row in rows] for i, name in enumerate(("keys", "strata", "labels", "order"))}


def count_by(pool: dict[str, list], keys: set[str], *columns: str) -> Counter:
    """Rows of ``keys`` per value (or tuple of values) of ``columns``."""
    values = zip(*(pool[column] for column in columns), strict=True)
    return Counter(
        value if len(columns) > 1 else value[0] for key, value in zip(pool["keys"], values, strict=True) if key in keys
    )


# --- the vars ---------------------------------------------------------------------------------


def test_check_strategy_accepts_the_five_strategies_and_names_the_var_otherwise():
    assert STRATEGIES == ("none", "random", "stratified", "systematic", "per_label")
    for strategy in STRATEGIES:
        assert check_strategy(strategy) == strategy
    for bad in ("bogus", "Random", "", None):
        with pytest.raises(ValueError, match="sampling_strategy"):
            check_strategy(bad)
    with pytest.raises(ValueError, match="sampling_strategy"):
        draw(POOL, "bogus", size=10)


def test_sample_count_takes_a_row_count_capped_at_the_pool():
    assert sample_count(10, 100) == 10
    assert sample_count(10.0, 100) == 10
    assert sample_count("25", 100) == 25
    assert sample_count(1, 100) == 1
    assert sample_count(100, 100) == 100
    assert sample_count(500, 100) == 100
    assert sample_count(1, 0) == 0


def test_sample_count_takes_a_share_rounded_half_up():
    assert sample_count(0.1, 100) == 10
    assert sample_count(0.25, 10) == 3  # 2.5 rounds up
    assert sample_count(0.5, 5) == 3  # 2.5 rounds up
    assert sample_count(0.125, 4) == 1  # 0.5 rounds up
    assert sample_count(0.375, 4) == 2  # 1.5 rounds up
    assert sample_count(0.24, 10) == 2
    assert sample_count(0.26, 10) == 3
    assert sample_count(0.04, 10) == 0
    assert sample_count("0.5", 9) == 5


# pool * share in binary floating point can fall just under a decimal half (25 * 0.58 = 14.499999999999998)
@pytest.mark.parametrize(("share", "pool", "expected"), [(0.58, 25, 15), (0.7, 45, 32), (0.145, 100, 15)])
def test_sample_count_rounds_decimal_halves_up(share, pool, expected):
    assert sample_count(share, pool) == expected


@pytest.mark.parametrize(
    "size", [0, -1, 1.5, True, False, None, -0.5, 0.0, 1.0000001, float("nan"), float("inf"), "0", "abc"]
)
def test_sample_count_rejects_a_bad_size_naming_the_var(size):
    with pytest.raises(ValueError, match="sample_size"):
        sample_count(size, 100)


@pytest.mark.parametrize("strategy", ["random", "stratified", "systematic"])
@pytest.mark.parametrize("size", [0, -1, 1.5, True, None])
def test_sample_pool_rejects_a_bad_size_naming_the_var(strategy, size):
    with pytest.raises(ValueError, match="sample_size"):
        draw(POOL, strategy, size=size)


def test_parse_label_caps_takes_one_number_for_every_label():
    labels = ["billing", "cancel", "refund"]
    assert parse_label_caps(50, labels) == {"billing": 50, "cancel": 50, "refund": 50}
    assert parse_label_caps(50.0, labels) == {"billing": 50, "cancel": 50, "refund": 50}
    assert parse_label_caps("7", labels) == {"billing": 7, "cancel": 7, "refund": 7}
    assert parse_label_caps(0, labels) == {"billing": 0, "cancel": 0, "refund": 0}


def test_parse_label_caps_takes_a_mapping_or_its_json():
    labels = ["billing", "cancel", "refund"]
    assert parse_label_caps({"billing": 3}, labels) == {"billing": 3}
    assert parse_label_caps({"billing": 3.0, "refund": 0}, labels) == {"billing": 3, "refund": 0}
    assert parse_label_caps('{"billing": 3, "cancel": 4}', labels) == {"billing": 3, "cancel": 4}
    assert parse_label_caps("", labels) == {}
    assert parse_label_caps({}, labels) == {}


@pytest.mark.parametrize(
    "value",
    [-1, 1.5, -0.5, True, None, [1, 2], "[1]", {"billing": -1}, {"billing": 1.5}, {"billing": True}, '{"a": 2.5}'],
)
def test_parse_label_caps_rejects_bad_values_naming_the_var(value):
    with pytest.raises(ValueError, match="sample_per_label"):
        parse_label_caps(value, ["billing", "refund"])


def test_stratum_quotas_spreads_the_total_in_proportion():
    assert stratum_quotas(10, {"a": 5, "b": 3, "c": 2}) == {"a": 5, "b": 3, "c": 2}
    # exact shares 2.5, 1.5, 1.0: the one row left goes to the tie broken by name
    assert stratum_quotas(5, {"a": 5, "b": 3, "c": 2}) == {"a": 3, "b": 1, "c": 1}
    assert stratum_quotas(5, {"c": 5, "b": 3, "a": 2}) == {"c": 2, "b": 2, "a": 1}
    assert stratum_quotas(100, {"a": 1, "b": 2}) == {"a": 1, "b": 2}
    assert stratum_quotas(0, {"a": 1, "b": 2}) == {"a": 0, "b": 0}
    assert stratum_quotas(3, {"a": 0, "b": 0}) == {"a": 0, "b": 0}
    assert stratum_quotas(3, {}) == {}


def test_stratum_quotas_sums_to_the_total_and_stays_within_one_row():
    sizes = {"a": 501, "b": 302, "c": 97, "d": 60, "e": 1}
    pool = sum(sizes.values())
    for total in range(0, pool + 5):
        counts = stratum_quotas(total, sizes)
        assert sum(counts.values()) == min(total, pool)
        for name, size in sizes.items():
            assert 0 <= counts[name] <= size
            assert abs(counts[name] - min(total, pool) * size / pool) < 1


# --- the result -------------------------------------------------------------------------------


def test_result_has_one_row_per_key_sorted_by_key():
    result = draw(POOL, "random", size=10)
    assert list(result.columns) == ["key", "is_sampled"]
    assert list(result["key"]) == sorted(POOL["keys"])
    assert result["is_sampled"].dtype == bool


def test_empty_pool_gives_an_empty_result():
    for strategy in STRATEGIES:
        assert sample_pool([], [], [], [], strategy, seed=1, size=10, label_caps={}).empty


def test_duplicate_or_null_keys_are_rejected():
    with pytest.raises(ValueError, match="unique"):
        sample_pool(["a", "a"], ["x", "x"], ["l", "l"], [1, 2], "random", seed=1, size=1)
    with pytest.raises(ValueError, match="unique"):
        sample_pool(["a", None], ["x", "x"], ["l", "l"], [1, 2], "random", seed=1, size=1)


def test_none_keeps_every_row_whatever_the_size():
    assert sampled(draw(POOL, "none")) == set(POOL["keys"])
    assert sampled(draw(POOL, "none", size=10)) == set(POOL["keys"])


# --- random -----------------------------------------------------------------------------------


def test_random_has_the_exact_size_as_a_count_or_a_share():
    assert len(sampled(draw(POOL, "random", size=137))) == 137
    assert len(sampled(draw(POOL, "random", size=0.25))) == 250
    assert len(sampled(draw(POOL, "random", size=0.0005))) == 1  # 0.5 rounds up
    assert len(sampled(draw(POOL, "random", size=5000))) == 1000


def test_random_changes_with_the_seed_and_repeats_for_a_seed():
    first = sampled(draw(POOL, "random", seed=1, size=200))
    assert sampled(draw(POOL, "random", seed=1, size=200)) == first
    other = sampled(draw(POOL, "random", seed=2, size=200))
    assert len(other) == 200
    assert len(first ^ other) > 100


def test_random_ignores_strata_labels_and_time():
    base = sampled(draw(POOL, "random", size=300))
    other = {**POOL, "strata": ["z"] * 1000, "labels": ["z"] * 1000, "order": list(range(1000))}
    assert sampled(draw(other, "random", size=300)) == base


def test_random_gives_every_row_the_same_chance():
    pool = make_pool(40)
    hits = Counter()
    for seed in range(400):
        hits.update(sampled(draw(pool, "random", seed=seed, size=10)))
    # each key is drawn with probability 1/4: expected 100 of 400, standard deviation about 8.7
    assert set(hits) == set(pool["keys"])
    assert all(50 < n < 150 for n in hits.values())


# --- stratified -------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 7, 100, 333, 999, 0.1, 0.5])
def test_stratified_keeps_every_stratum_within_one_row(size):
    chosen = sampled(draw(POOL, "stratified", size=size))
    total = sample_count(size, len(POOL["keys"]))
    assert len(chosen) == total
    strata = Counter(POOL["strata"])
    got = count_by(POOL, chosen, "strata")
    for stratum, members in strata.items():
        assert abs(got[stratum] - total * members / len(POOL["keys"])) < 1
    assert {s: got[s] for s in strata} == stratum_quotas(total, strata)


def test_stratified_rows_inside_a_stratum_change_with_the_seed():
    first = sampled(draw(POOL, "stratified", seed=1, size=300))
    other = sampled(draw(POOL, "stratified", seed=2, size=300))
    assert count_by(POOL, first, "strata") == count_by(POOL, other, "strata")
    assert len(first ^ other) > 100


# --- systematic -------------------------------------------------------------------------------


def test_systematic_takes_every_kth_row_in_time_order():
    chosen = sampled(draw(POOL, "systematic", size=100))
    positions = time_positions(POOL, chosen)
    assert len(positions) == 100
    assert 0 <= positions[0] < 10
    assert gaps(positions) == [10] * 99


def test_systematic_follows_time_not_key_order():
    chosen = sampled(draw(POOL, "systematic", size=100))
    key_positions = sorted(POOL["keys"].index(key) for key in chosen)
    assert set(gaps(key_positions)) != {10}


@pytest.mark.parametrize(("size", "wanted"), [(300, 300), (0.3, 300), (7, 7), (999, 999), (0.37, 370)])
def test_systematic_fractional_interval_keeps_the_exact_size_and_spacing(size, wanted):
    positions = time_positions(POOL, sampled(draw(POOL, "systematic", size=size)))
    assert len(positions) == wanted
    interval = len(POOL["keys"]) / wanted
    assert set(gaps(positions)) <= {math.floor(interval), math.ceil(interval)}
    # one start in [0, interval) explains every position: position i is floor(start + i * interval)
    lowest = max(max(p - i * interval for i, p in enumerate(positions)), 0.0)
    highest = min(min(p + 1 - i * interval for i, p in enumerate(positions)), interval)
    assert lowest < highest + 1e-9


def test_systematic_start_is_seeded():
    starts = {
        seed: time_positions(POOL, sampled(draw(POOL, "systematic", seed=seed, size=50)))[0] for seed in range(20)
    }
    assert all(0 <= start < 20 for start in starts.values())
    assert len(set(starts.values())) > 3
    assert time_positions(POOL, sampled(draw(POOL, "systematic", seed=7, size=50)))[0] == starts[7]


def test_systematic_breaks_ties_in_time_by_key_whatever_the_input_order():
    tied = {**POOL, "order": [START + timedelta(hours=i % 10) for i in range(1000)]}
    first = draw(tied, "systematic", size=100)
    assert draw(shuffled(tied), "systematic", size=100).equals(first)
    assert gaps(time_positions(tied, sampled(first))) == [10] * 99
    same_time = shuffled({**POOL, "order": [START] * 1000})
    chosen = sampled(draw(same_time, "systematic", size=100))
    assert gaps([i for i, key in enumerate(sorted(POOL["keys"])) if key in chosen]) == [10] * 99


# --- per_label --------------------------------------------------------------------------------


def test_per_label_caps_every_label_with_one_number():
    sizes = Counter(POOL["labels"])
    caps = parse_label_caps(120, sorted(sizes))
    got = count_by(POOL, sampled(draw(POOL, "per_label", caps=caps)), "labels")
    assert sizes["cancel"] < 200
    assert got == {label: min(120, n) for label, n in sizes.items()}


def test_per_label_mapping_caps_listed_labels_and_keeps_unlisted_labels_whole():
    sizes = Counter(POOL["labels"])
    caps = parse_label_caps({"billing": 100}, sorted(sizes))
    got = count_by(POOL, sampled(draw(POOL, "per_label", caps=caps)), "labels")
    assert got == {"billing": 100, "refund": sizes["refund"], "cancel": sizes["cancel"]}


def test_per_label_label_under_its_cap_keeps_every_row():
    sizes = Counter(POOL["labels"])
    caps = {"billing": 10, "cancel": sizes["cancel"] + 50, "refund": sizes["refund"]}
    chosen = sampled(draw(POOL, "per_label", caps=caps))
    got = count_by(POOL, chosen, "labels")
    assert got == {"billing": 10, "cancel": sizes["cancel"], "refund": sizes["refund"]}
    keep = {key for key, label in zip(POOL["keys"], POOL["labels"], strict=True) if label != "billing"}
    assert keep <= chosen


def test_per_label_cap_of_zero_drops_the_label():
    got = count_by(POOL, sampled(draw(POOL, "per_label", caps={"billing": 0})), "labels")
    assert "billing" not in got
    assert got["refund"] > 0


def test_per_label_is_proportional_to_the_strata_inside_a_label():
    caps = {"billing": 101, "refund": 55, "cancel": 17}
    got = count_by(POOL, sampled(draw(POOL, "per_label", caps=caps)), "labels", "strata")
    members = count_by(POOL, set(POOL["keys"]), "labels", "strata")
    for label, cap in caps.items():
        sizes = {stratum: n for (lab, stratum), n in members.items() if lab == label}
        label_size = sum(sizes.values())
        for stratum, n in sizes.items():
            assert abs(got[(label, stratum)] - cap * n / label_size) < 1
        assert {s: got[(label, s)] for s in sizes} == stratum_quotas(cap, sizes)


def test_per_label_without_caps_keeps_every_row():
    assert sampled(draw(POOL, "per_label", caps={})) == set(POOL["keys"])
    assert sampled(draw(POOL, "per_label", caps=None)) == set(POOL["keys"])


# --- every strategy ---------------------------------------------------------------------------

EVERY_STRATEGY = [
    ("none", None, None),
    ("random", 250, None),
    ("random", 0.3, None),
    ("stratified", 250, None),
    ("stratified", 0.3, None),
    ("systematic", 250, None),
    ("systematic", 0.37, None),
    ("per_label", None, {"billing": 100, "refund": 60}),
]


@pytest.mark.parametrize(("strategy", "size", "caps"), EVERY_STRATEGY)
def test_every_strategy_ignores_input_order(strategy, size, caps):
    first = draw(POOL, strategy, seed=3, size=size, caps=caps)
    for seed in (5, 6):
        assert draw(shuffled(POOL, seed), strategy, seed=3, size=size, caps=caps).equals(first)


@pytest.mark.parametrize(("strategy", "size", "caps"), EVERY_STRATEGY)
def test_every_strategy_repeats_for_a_seed_and_changes_with_it(strategy, size, caps):
    first = draw(POOL, strategy, seed=3, size=size, caps=caps)
    assert draw(POOL, strategy, seed=3, size=size, caps=caps).equals(first)
    other = draw(POOL, strategy, seed=4, size=size, caps=caps)
    assert other["is_sampled"].sum() == first["is_sampled"].sum()
    if strategy != "none":
        assert not other.equals(first)
