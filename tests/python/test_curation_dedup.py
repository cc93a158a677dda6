"""Deduplication measured against the generator's ground truth (report_duplicate_quality)."""

from __future__ import annotations

import pytest

TARGET = 0.95


@pytest.fixture(scope="module")
def report(default_build):
    rows = default_build.query(
        "select metric, slice, value, target, meets_target, support from report_duplicate_quality"
    )
    return {(metric, slice_): (value, target, meets, support) for metric, slice_, value, target, meets, support in rows}


@pytest.mark.parametrize("metric", ["recall", "precision"])
@pytest.mark.parametrize("slice_", ["exact", "near"])
def test_deduplication_meets_its_target(report, metric, slice_):
    value, target, meets, support = report[(metric, slice_)]
    assert target == TARGET
    assert support > 0, f"{metric} of {slice_} duplicates has nothing to measure"
    assert value >= TARGET, f"{metric} of {slice_} duplicates is {value:.3f} over {support} pairs"
    assert meets


def test_the_generator_plants_near_duplicates_on_both_sides_of_the_threshold(default_build):
    """The near-duplicate figures mean something only if some paraphrases are hard to call."""
    [(above, below, close_above, close_below)] = default_build.query(
        """
        select
            count(*) filter (where is_countable_duplicate),
            count(*) filter (where not is_countable_duplicate),
            count(*) filter (where duplicate_similarity between 0.8 and 0.85),
            count(*) filter (where duplicate_similarity between 0.7 and 0.8),
        from synthetic_ground_truth
        where duplicate_kind = 'near'
        """
    )
    assert above >= 20 and below >= 20
    assert close_above >= 5 and close_below >= 5


def test_no_duplicate_cluster_keeps_two_messages(default_build):
    [(clusters, kept)] = default_build.query(
        """
        select count(distinct duplicate_cluster_id), count(*) filter (where resolution = 'kept')
        from int_messages_resolved
        where duplicate_cluster_id in (
            select duplicate_cluster_id from int_messages_resolved where resolution = 'kept'
        )
        """
    )
    assert clusters == kept
