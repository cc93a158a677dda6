"""Label consensus measured against the generator's ground truth (report_label_quality)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.dbt

TARGETS = {  # metric -> (target, True when the target is a lower bound)
    "noise_catch_rate": (0.8, True),
    "consensus_accuracy": (0.97, True),
    "false_quarantine_rate": (0.02, False),
}
PROFILES = {"expert", "average", "confuser", "random_spammer", "constant_spammer"}


def report(build) -> dict[tuple[str, str], tuple]:
    rows = build.query("select metric, slice, value, target, meets_target, support from report_label_quality")
    return {(metric, slice_): rest for metric, slice_, *rest in rows}


def test_report_has_one_row_per_metric_and_slice(default_build):
    rows = default_build.query("select stage, metric, slice from report_label_quality")
    assert len(rows) == len(set(rows))
    assert {stage for stage, _, _ in rows} == {"label_consensus"}
    figures = report(default_build)
    for metric in TARGETS:
        assert (metric, "all") in figures
    assert {slice_ for metric, slice_ in figures if metric == "annotator_reliability"} == PROFILES


@pytest.mark.parametrize("metric", sorted(TARGETS))
def test_label_consensus_meets_its_targets(default_build, metric):
    value, target, meets_target, support = report(default_build)[(metric, "all")]
    expected_target, is_lower_bound = TARGETS[metric]
    assert target == pytest.approx(expected_target)
    assert support >= 200, f"{metric}: too few messages ({support}) for the figure to mean anything"
    assert meets_target is (value >= target if is_lower_bound else value <= target)
    assert meets_target, f"{metric} = {value:.4f}, target {target}"


def test_planted_label_noise_is_substantial(default_build):
    """The generator plants enough noise for the catch rate to mean something."""
    value, _, _, support = report(default_build)[("label_noise_rate", "all")]
    assert value * support >= 200
    assert 0.04 <= value <= 0.2


def test_spammers_score_clearly_below_experts(default_build):
    rows = default_build.query(
        """
        select profiles.annotator_profile, reliability.reliability
        from int_annotator_reliability as reliability
        inner join synthetic_annotator_profiles as profiles
            on reliability.annotator_id = profiles.annotator_id
        """
    )
    by_profile: dict[str, list[float]] = {}
    for profile, reliability in rows:
        by_profile.setdefault(profile, []).append(reliability)
    assert set(by_profile) == PROFILES
    weakest_expert = min(by_profile["expert"])
    weakest_reliable = min(by_profile["expert"] + by_profile["average"])
    for profile in ("random_spammer", "constant_spammer"):
        assert max(by_profile[profile]) < 0.35, f"{profile}: {by_profile[profile]}"
        assert max(by_profile[profile]) < weakest_expert - 0.5
    assert max(by_profile["confuser"]) < weakest_reliable


def test_a_lone_spammer_label_is_quarantined(default_build):
    """A cluster whose only vote comes from a spammer never reaches the pool."""
    rows = default_build.query(
        """
        with spammer_votes as (
            select distinct message_id
            from synthetic_annotations
            where defect_kind is null and annotator_profile like '%spammer'
        )
        select resolved.resolution, resolved.reason_code, count(*)
        from spammer_votes
        inner join int_messages_resolved as resolved
            on spammer_votes.message_id = resolved.message_id
        inner join int_message_labels_agreed as labels
            on resolved.message_id = labels.representative_message_id
        where labels.annotation_count = 1
        group by all
        """
    )
    counts = {(resolution, reason): n for resolution, reason, n in rows}
    assert sum(counts.values()) >= 10
    assert counts.get(("kept", None), 0) == 0, counts
