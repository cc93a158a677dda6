"""Unit tests of the one largest-remainder allocator that splitting, sampling and balancing share."""

from __future__ import annotations

import random

import pytest

from privacy_curation.allocation import largest_remainder


def test_each_item_gets_its_floor_and_the_rest_goes_to_the_largest_remainders():
    assert largest_remainder(10, [5, 3, 2]) == [5, 3, 2]
    # exact shares 3.33, 3.33, 3.33: one unit left, to the earliest of the tied items
    assert largest_remainder(10, [1, 1, 1]) == [4, 3, 3]
    # exact shares 2.5, 1.5, 1.0
    assert largest_remainder(5, [5, 3, 2]) == [3, 1, 1]
    assert largest_remainder(5, [2, 3, 5]) == [1, 2, 2]  # the tie of 1.5 and 2.5 goes to the earlier
    # exact shares 0.7, 0.15, 0.15, 0: the single row goes to the first
    assert largest_remainder(1, [0.7, 0.15, 0.15, 0.0]) == [1, 0, 0, 0]
    assert largest_remainder(3, [0.7, 0.15, 0.15, 0.0]) == [2, 1, 0, 0]


def test_a_share_a_hair_below_a_whole_number_counts_as_that_number():
    # 25 x 0.28 is 6.999999999999999 in binary floats
    assert largest_remainder(25, [0.28, 0.72]) == [7, 18]


def test_zero_and_empty_totals_and_bad_arguments():
    assert largest_remainder(0, [1, 2]) == [0, 0]
    assert largest_remainder(0, [0, 0]) == [0, 0]
    assert largest_remainder(0, []) == []
    assert largest_remainder(4, [0, 3, 0]) == [0, 4, 0]
    for total, weights in ((3, [0, 0]), (3, []), (-1, [1]), (2, [1, -1]), (2, [float("nan")]), (1.5, [1])):
        with pytest.raises(ValueError):
            largest_remainder(total, weights)


@pytest.mark.parametrize("seed", range(20))
def test_counts_sum_to_the_total_and_stay_within_one_unit_of_the_exact_share(seed):
    generator = random.Random(seed)
    weights = [generator.choice([0, 0.5, 1, 2, 7, 100]) * generator.random() for _ in range(generator.randint(1, 12))]
    weights[0] += 0.1
    for total in range(0, 200, 7):
        counts = largest_remainder(total, weights)
        assert sum(counts) == total and all(count >= 0 for count in counts)
        for count, weight in zip(counts, weights, strict=True):
            assert abs(count - total * weight / sum(weights)) < 1


def test_the_result_is_a_list_of_plain_ints():
    counts = largest_remainder(7, [0.25, 0.75])
    assert counts == [2, 5] and all(type(count) is int for count in counts)
