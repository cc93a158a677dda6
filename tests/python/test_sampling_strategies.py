"""Sampling before the split, stratification keys and the control split, on real dbt runs.

The default build is copied and the ML layer and what follows it (`ml_stratification_keys+`:
sample, split, balancer, report, export, manifest and all their tests) rebuilt with other vars.
Every rebuild must pass all its dbt tests, among them: no user or duplicate cluster in two splits,
each split within `split_stratum_tolerance` of its ratio in every stratum, every sampled message
exported once (or removed by the balancer) and no other.
"""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import duckdb
import pytest
from conftest import TEST_SYNTHETIC_MESSAGES, Build, copy_with_wal, failed_nodes, run_dbt

pytestmark = pytest.mark.dbt

RATIOS = {"train": 0.7 * 0.95, "validation": 0.15 * 0.95, "test": 0.15 * 0.95, "control": 0.05}
TOLERANCE = 0.05  # split_stratum_tolerance's default


def copy_build(default_build: Build, work_dir: Path) -> Path:
    return copy_with_wal(default_build.database, work_dir / "curation.duckdb")


def rebuild_ml(work_dir: Path, extra_vars: dict, expect_success: bool = True) -> Build:
    """Rebuild `ml_stratification_keys+` on the copied database with other vars."""
    vars_ = json.dumps({"synthetic_messages": TEST_SYNTHETIC_MESSAGES, **extra_vars})
    result = run_dbt(["build", "--select", "ml_stratification_keys+", "--vars", vars_], work_dir)
    if expect_success:
        assert result.success, f"{extra_vars}: dbt build failed: {result.exception}\n" + failed_nodes(result)
    return Build(work_dir, work_dir / "curation.duckdb", work_dir / "output", result)


@pytest.fixture(scope="module")
def sampled_builds(default_build, tmp_path_factory) -> dict[str, Build]:
    settings = {
        "stratified": {"sampling_strategy": "stratified", "sample_size": 0.5},
        "random": {"sampling_strategy": "random", "sample_size": 1500},
        "systematic": {"sampling_strategy": "systematic", "sample_size": 1500},
        "per_label": {"sampling_strategy": "per_label", "sample_per_label": {"non_privacy": 300, "access": 120}},
    }
    builds = {}
    for name, extra in settings.items():
        work_dir = tmp_path_factory.mktemp(f"sampling_{name}")
        copy_build(default_build, work_dir)
        builds[name] = rebuild_ml(work_dir, extra)
    return builds


def pool(build: Build) -> list[tuple]:
    return build.query(
        "select message_id, intent, sampling_stratum, is_sampled from ml_sampled_messages order by message_id"
    )


def manifest(build: Build) -> dict:
    return json.loads(build.manifest.read_text())


def test_stratified_sample_keeps_every_stratum_share(sampled_builds):
    rows = pool(sampled_builds["stratified"])
    # a share is rounded half up (sampling.sample_count), not to even as Python's round() would: 10,609 x 0.5 is 5,305
    assert math.floor(len(rows) * 0.5 + 0.5) == sum(sampled for *_, sampled in rows)
    by_stratum: dict[str, list[bool]] = {}
    for _, _, stratum, sampled in rows:
        by_stratum.setdefault(stratum, []).append(sampled)
    assert len(by_stratum) > 20
    for stratum, flags in by_stratum.items():
        assert abs(sum(flags) - 0.5 * len(flags)) <= 1, stratum


def test_random_and_systematic_samples_have_the_asked_size(sampled_builds):
    for name in ("random", "systematic"):
        build = sampled_builds[name]
        assert sum(sampled for *_, sampled in pool(build)) == 1500
        section = manifest(build)["sampling"]
        assert (section["sampling_strategy"], section["sampled_rows"]) == (name, 1500)
        assert section["pool_rows"] == section["sampled_rows"] + section["sampled_out_rows"]
        real = build.export_rows("select count(*) from export where not is_synthetic")[0][0]
        removed = build.query("select count(*) from ml_smote_examples where balance_action = 'remove'")[0][0]
        assert real + removed == 1500


def test_systematic_sample_is_evenly_spaced_in_time(sampled_builds):
    flags = [
        sampled
        for (sampled,) in sampled_builds["systematic"].query(
            "select is_sampled from ml_stratification_keys join ml_sampled_messages using (message_id) "
            "order by created_at nulls first, message_id"
        )
    ]
    positions = [index for index, sampled in enumerate(flags) if sampled]
    interval = len(flags) / 1500
    gaps = {b - a for a, b in itertools.pairwise(positions)}
    assert gaps <= {int(interval), int(interval) + 1}, gaps
    assert positions[0] < interval


def test_random_samples_differ_from_systematic_and_stratified_ones(sampled_builds):
    chosen = {
        name: {message_id for message_id, _, _, sampled in pool(build) if sampled}
        for name, build in sampled_builds.items()
    }
    assert chosen["random"] != chosen["systematic"]
    assert len(chosen["random"] & chosen["systematic"]) < 0.6 * 1500


def test_per_label_caps_listed_labels_and_keeps_the_others(sampled_builds):
    build = sampled_builds["per_label"]
    counts: dict[str, list[int]] = {}
    for _, intent, _, sampled in pool(build):
        counts.setdefault(intent, [0, 0])
        counts[intent][0] += 1
        counts[intent][1] += sampled
    assert counts["non_privacy"][1] == 300 and counts["access"][1] == 120
    assert all(pooled == kept for label, (pooled, kept) in counts.items() if label not in ("non_privacy", "access"))
    report = build.query(
        "select distinct intent, label_pool_rows, label_sampled_rows, label_sample_cap from sampling_report"
    )
    assert {(i, p, s, c) for i, p, s, c in report if c is not None} == {
        ("non_privacy", counts["non_privacy"][0], 300, 300),
        ("access", counts["access"][0], 120, 120),
    }


def test_held_out_splits_of_a_sample_are_stratified(sampled_builds):
    for name, build in sampled_builds.items():
        splits = dict(build.export_rows("select split, count(*) from export where not is_synthetic group by split"))
        assert set(splits) == {"train", "validation", "test", "control"}, name


def split_shares(build: Build) -> list[tuple[str, str, int, int]]:
    """(stratum, split, rows of the split in the stratum, rows of the stratum)."""
    return build.query(
        """
        select strata.split_stratum, splits.split, count(assigned.message_id), any_value(strata.stratum_rows)
        from (select split_stratum, count(*) as stratum_rows from ml_split_assignments group by all) as strata
        cross join (values ('train'), ('validation'), ('test'), ('control')) as splits (split)
        left join ml_split_assignments as assigned
            on assigned.split_stratum = strata.split_stratum and assigned.split = splits.split
        group by all
        """
    )


def assert_strata_within_tolerance(build: Build) -> int:
    rows = split_shares(build)
    for stratum, split, count, size in rows:
        assert abs(count - size * RATIOS[split]) <= max(1, TOLERANCE * size), (stratum, split, count, size)
    return len({stratum for stratum, *_ in rows})


def test_default_split_is_within_tolerance_in_every_stratum(default_build):
    assert assert_strata_within_tolerance(default_build) > 30
    labels = {stratum for (stratum,) in default_build.query("select distinct split_stratum from ml_split_assignments")}
    assert all(label.startswith("intent=") for label in labels)
    assert any(label.endswith("|channel=*") for label in labels)  # the small-strata rule was needed


def test_other_stratification_keys(default_build, tmp_path_factory):
    work_dir = tmp_path_factory.mktemp("stratify_other_keys")
    copy_build(default_build, work_dir)
    build = rebuild_ml(work_dir, {"stratify_by": ["intent", "semantic_density_bucket", "locale"], "control_ratio": 0.1})
    labels = {stratum for (stratum,) in build.query("select distinct split_stratum from ml_split_assignments")}
    assert any("semantic_density_bucket=low" in label for label in labels)
    assert any("|locale=" in label and not label.endswith("locale=*") for label in labels)
    global RATIOS
    saved, RATIOS = RATIOS, {"train": 0.63, "validation": 0.135, "test": 0.135, "control": 0.1}
    try:
        assert_strata_within_tolerance(build)
    finally:
        RATIOS = saved


def test_breaking_the_stratum_proportions_fails_the_tolerance_test(default_build, tmp_path):
    database = copy_build(default_build, tmp_path)
    with duckdb.connect(str(database)) as connection:
        connection.execute(
            """
            update ml_split_assignments set split = 'train'
            where split_stratum = (select min(split_stratum) from ml_split_assignments)
            """
        )
    vars_ = json.dumps({"synthetic_messages": TEST_SYNTHETIC_MESSAGES})
    result = run_dbt(["build", "--select", "ml_split_stratum_shares", "--vars", vars_], tmp_path)
    statuses = {
        r.node.unique_id.split(".")[2].split("_ml_split_stratum_shares")[0]: str(r.status)
        for r in result.result.results
        if r.node.resource_type == "test"
    }
    assert statuses["dbt_expectations_expression_is_true"] == "fail", statuses
    assert sorted(statuses.values()).count("fail") == 1, statuses


def test_split_ignores_the_row_order_of_its_inputs(default_build, tmp_path):
    """Rows of the curated pool and of the duplicate resolution stored in another order: same bytes."""
    database = copy_build(default_build, tmp_path)
    with duckdb.connect(str(database)) as connection:
        for table in ("curated_messages", "int_messages_resolved"):
            connection.execute(
                f"create or replace table {table} as select * from {table} order by md5(message_id || 'shuffle')"
            )
    build = rebuild_ml(tmp_path, {})
    assert build.parquet.read_bytes() == default_build.parquet.read_bytes()
    assert build.manifest.read_bytes() == default_build.manifest.read_bytes()


def test_a_bad_sampling_var_stops_the_build_naming_the_var(default_build, tmp_path):
    copy_build(default_build, tmp_path)
    result = rebuild_ml(tmp_path, {"sampling_strategy": "every_other"}, expect_success=False)
    assert not result.result.success
    # the vars are checked at on-run-start, before any model (tests/python/test_var_checks.py)
    error = str(result.result.exception)
    assert "var sampling_strategy must be one of" in error and "every_other" in error, error


def groups_in_two_splits(build: Build, column: str) -> list[tuple]:
    """The values of ``column`` (a user pseudonym or a duplicate cluster) found in more than one split."""
    return build.query(
        f"""
        select keys.{column}
        from ml_split_assignments as splits
        inner join ml_stratification_keys as keys using (message_id)
        where keys.{column} is not null
        group by keys.{column}
        having count(distinct splits.split) > 1
        """
    )


def test_no_user_or_duplicate_cluster_spans_two_splits(default_build, sampled_builds):
    for name, build in {"default": default_build, **sampled_builds}.items():
        for column in ("user_pseudonym", "duplicate_cluster_id"):
            assert groups_in_two_splits(build, column) == [], (name, column)
    [(users, clusters)] = default_build.query(
        "select count(distinct user_pseudonym) filter (where n > 1), count(distinct duplicate_cluster_id) "
        "from (select *, count(*) over (partition by user_pseudonym) as n from ml_stratification_keys)"
    )
    assert users > 100 and clusters > 20  # groups of several messages exist, so the check can fail
