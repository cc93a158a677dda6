"""Every `balance_method`, on real dbt runs: the default build is copied and only the balancer and
what follows it (`ml_smote_examples+`: sampling report, export, manifest and their tests) rebuilt.

What must hold whatever the method: validation, test and control rows of the export are identical (all
columns but `dataset_version`, which hashes the whole set by design); the train split reaches the
target ratio; synthetic rows stay in train, keep whole-number features whole and name their
sources; augmented texts differ from their source; the same seed gives byte-identical files.
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import duckdb
import pytest
from card_claims import card_problems
from conftest import TEST_SYNTHETIC_MESSAGES, Build, copy_with_wal, failed_nodes, run_dbt

pytestmark = pytest.mark.dbt

RATIO = 0.5  # balance_target_ratio's default
DEFAULT_METHOD = "augment"  # balance_method's default: the default build is balanced with it
OTHER_METHODS = [
    "none",
    "random_oversample",
    "random_undersample",
    "smote",
    "smotenc",
    "adasyn",
    "borderline_smote",
    "smote_tomek",
]
HELD_OUT = "select * exclude (dataset_version) from export where split != 'train' order by example_id"


def rebuild_balancing(default_build: Build, work_dir: Path, extra_vars: dict) -> Build:
    """Copy the default build's database and rebuild `ml_smote_examples+` with other vars."""
    copy_with_wal(default_build.database, work_dir / "curation.duckdb")
    vars_ = json.dumps({"synthetic_messages": TEST_SYNTHETIC_MESSAGES, **extra_vars})
    result = run_dbt(["build", "--select", "ml_smote_examples+", "--vars", vars_], work_dir)
    assert result.success, f"{extra_vars}: dbt build failed: {result.exception}\n" + failed_nodes(result)
    return Build(work_dir, work_dir / "curation.duckdb", work_dir / "output", result)


@pytest.fixture(scope="module")
def method_builds(default_build, tmp_path_factory) -> dict[str, Build]:
    builds = {DEFAULT_METHOD: default_build}
    for method in OTHER_METHODS:
        builds[method] = rebuild_balancing(
            default_build, tmp_path_factory.mktemp(f"balance_{method}"), {"balance_method": method}
        )
    return builds


def train_counts(build: Build) -> dict[str, int]:
    return dict(build.export_rows("select intent, count(*) from export where split = 'train' group by intent"))


def real_train_counts(build: Build) -> dict[str, int]:
    return dict(
        build.query(
            "select intent, count(*) from curated_messages join ml_split_assignments using (message_id) "
            "where split = 'train' group by intent"
        )
    )


def test_validation_test_and_control_are_identical_whatever_the_method(method_builds):
    reference = method_builds[DEFAULT_METHOD].export_rows(HELD_OUT)
    assert {row[4] for row in reference} == {"validation", "test", "control"}  # column 5 is split
    for method, build in method_builds.items():
        assert build.export_rows(HELD_OUT) == reference, f"{method} changed validation, test or control"
        manifest = json.loads(build.manifest.read_text())
        assert manifest["vars"]["balance_method"] == method
        for split in ("validation", "test", "control"):
            assert manifest["synthetic_counts_by_split"][split] == 0


@pytest.mark.parametrize("method", [DEFAULT_METHOD, *OTHER_METHODS])
def test_every_method_reaches_its_target_on_train(method_builds, method):
    build = method_builds[method]
    real = real_train_counts(build)
    counts = train_counts(build)
    largest, smallest = max(real.values()), min(real.values())
    if method == "none":
        assert counts == real
        return
    assert min(counts.values()) >= RATIO * max(counts.values()), counts
    for intent, count in counts.items():
        goal = math.ceil(RATIO * largest)
        if method == "random_undersample":
            assert count == min(real[intent], math.floor(smallest / RATIO)), intent
        elif method == "smote_tomek":
            assert goal <= count <= max(real[intent], goal), intent
        else:
            assert count == max(real[intent], goal), intent
    report = dict(build.query("select intent, rows_after from sampling_report where split = 'train'"))
    assert report == counts


@pytest.mark.parametrize("method", [DEFAULT_METHOD, *OTHER_METHODS])
def test_the_cards_claims_hold_for_every_method(method_builds, method):
    """The dataset card each method's build wrote: its balancing sentence and every other checked claim."""
    given = {"synthetic_messages": TEST_SYNTHETIC_MESSAGES, "balance_method": method}
    assert card_problems(method_builds[method], given) == []


@pytest.mark.parametrize("method", [DEFAULT_METHOD, *OTHER_METHODS])
def test_synthetic_rows_stay_in_train_keep_whole_features_whole_and_name_their_sources(method_builds, method):
    build = method_builds[method]
    types = dict(build.export_rows("select column_name, column_type from (describe export)"))
    # whole-number features are typed so (counts BIGINT, 0/1 flags BOOLEAN), for real and synthetic rows alike
    assert types["f_word_count"] == "BIGINT" and types["f_lexicon_deletion"] == "BOOLEAN"
    doubles = [name for name, kind in types.items() if name.startswith("f_") and kind == "DOUBLE"]
    integral = [
        name
        for name in doubles
        if build.export_rows(f"select count(*) from export where not is_synthetic and {name} != round({name})")[0][0]
        == 0
    ]
    fractional = " or ".join(f"{name} != round({name})" for name in integral) or "false"
    [(outside, broken, unsourced)] = build.export_rows(
        f"""
        select
            count(*) filter (where split != 'train'),
            count(*) filter (where {fractional}),
            count(*) filter (where source_example_ids is null or len(source_example_ids) = 0),
        from export where is_synthetic
        """
    )
    assert (outside, broken, unsourced) == (0, 0, 0)
    origins = build.export_rows(
        "select synthesis_method, origin, has_text, count(*) filter (where has_text != (text is not null)) "
        "from export where is_synthetic group by all"
    )
    expected = {"random_oversample": ("balancer_copy", True), "augment": ("augmentation", True)}
    for synthesis_method, origin, has_text, wrong in origins:
        assert (origin, has_text, wrong) == (*expected.get(synthesis_method, ("interpolation", False)), 0)
    [(orphans,)] = build.export_rows(
        """
        select count(*) from (select unnest(source_example_ids) as source from export where is_synthetic) as s
        where source not in (select example_id from export where not is_synthetic and split = 'train')
        """
    )
    assert orphans == 0, "a synthetic row names a source that is not a real train example"


def test_vector_only_rows_have_no_text_and_copies_carry_their_source_text(method_builds):
    for method in ("smote", "smotenc", "adasyn", "borderline_smote", "smote_tomek"):
        [(with_text,)] = method_builds[method].export_rows(
            "select count(*) from export "
            "where is_synthetic and text is not null and synthesis_method != 'random_oversample'"
        )
        assert with_text == 0, method
    [(made, same)] = method_builds["random_oversample"].export_rows(
        """
        select count(*), count(*) filter (where copy.text = source.text)
        from export as copy join export as source on copy.source_example_ids[1] = source.example_id
        where copy.is_synthetic
        """
    )
    assert made > 0 and made == same
    [(voted,)] = method_builds["smotenc"].export_rows(
        "select count(*) from export where is_synthetic and (channel is null or locale is null)"
    )
    assert voted == 0, "SMOTE-NC rows should carry a voted channel and locale"


def test_augmented_rows_have_new_text_and_provenance(method_builds):
    build = method_builds["augment"]
    rows = build.export_rows(
        """
        select augmented.text, source.text, augmented.synthesis_method, augmented.message_id, source.intent,
            augmented.intent, source.split
        from export as augmented
        left join export as source on augmented.source_example_ids[1] = source.example_id
        where augmented.is_synthetic
        """
    )
    assert len(rows) > 1000
    for text, source_text, method, message_id, source_intent, intent, source_split in rows:
        assert method == "augment" and message_id is None
        assert text and source_text and text != source_text
        assert source_intent == intent and source_split == "train"
    edits = dict(build.query("select augment_edits, count(*) from ml_smote_examples group by all"))
    assert any("synonym" in edit for edit in edits), edits


def test_undersampling_lists_the_rows_it_removed(method_builds):
    build = method_builds["random_undersample"]
    manifest = json.loads(build.manifest.read_text())
    removed = manifest["sampling"]["removed_example_ids"]
    assert removed and removed == sorted(removed)
    exported = {example_id for (example_id,) in build.export_rows("select example_id from export")}
    assert not exported & set(removed)
    [(pool,)] = build.query("select count(*) from curated_messages")
    assert len(exported) + len(removed) == pool
    train = manifest["sampling"]["by_split_and_intent"]["train"]
    assert sum(entry["real_removed"] for entry in train.values()) == len(removed)
    assert manifest["sampling"]["balance_method"] == "random_undersample"


def test_smote_tomek_reports_what_tomek_links_removed(method_builds):
    report = method_builds["smote_tomek"].query(
        "select sum(real_rows_removed), sum(synthetic_rows_removed), sum(rows_added) from sampling_report"
    )[0]
    assert report[2] > 0 and report[0] + report[1] > 0, report


def test_per_label_targets_override_the_ratio(default_build, tmp_path_factory):
    targets = {"restriction": 0.9, "objection": 1000}
    build = rebuild_balancing(
        default_build,
        tmp_path_factory.mktemp("balance_targets"),
        {"balance_method": "random_oversample", "balance_targets": targets},
    )
    real = real_train_counts(build)
    counts = train_counts(build)
    assert counts["restriction"] == math.ceil(0.9 * max(real.values()))
    assert counts["objection"] == 1000
    assert counts["access"] == max(real["access"], math.ceil(RATIO * max(real.values())))
    manifest = json.loads(build.manifest.read_text())
    assert manifest["sampling"]["parameters"]["balance_targets"] == {"objection": 1000.0, "restriction": 0.9}


def test_augment_twice_with_the_same_seed_is_byte_identical(method_builds, default_build, tmp_path_factory):
    again = rebuild_balancing(
        default_build, tmp_path_factory.mktemp("balance_augment_again"), {"balance_method": "augment"}
    )
    assert again.parquet.read_bytes() == method_builds["augment"].parquet.read_bytes()
    assert again.manifest.read_bytes() == method_builds["augment"].manifest.read_bytes()


def corrupt_and_test(build: Build, sql: str, test_name: str, method: str, tmp_path: Path):
    """Rewrite the export with ``sql`` (over view ``export``), run one dbt test, restore the file."""
    original = tmp_path / "original.parquet"
    shutil.copyfile(build.parquet, original)
    try:
        with duckdb.connect() as connection:
            connection.sql(f"create view export as select * from read_parquet('{original}')")
            connection.sql(f"copy ({sql}) to '{build.parquet}' (format parquet)")
        vars_ = json.dumps({"synthetic_messages": TEST_SYNTHETIC_MESSAGES, "balance_method": method})
        return run_dbt(["test", "--select", test_name, "--vars", vars_], build.work_dir)
    finally:
        shutil.copyfile(original, build.parquet)


def test_an_augmented_row_equal_to_its_source_fails_its_test(method_builds, tmp_path):
    build = method_builds["augment"]
    sql = """
        select * replace (
            case when example_id = (select min(example_id) from export where synthesis_method = 'augment')
                then (select s.text from export a join export s on a.source_example_ids[1] = s.example_id
                      where a.example_id = (select min(example_id) from export where synthesis_method = 'augment'))
                else text end as text
        )
        from export
    """
    result = corrupt_and_test(build, sql, "assert_augmented_texts_differ_from_their_source", "augment", tmp_path)
    assert not result.success
    assert [str(r.status) for r in result.result.results if r.node.resource_type == "test"] == ["fail"]


def test_a_removed_row_left_in_the_export_fails_its_test(method_builds, tmp_path):
    build = method_builds["random_undersample"]
    removed = json.loads(build.manifest.read_text())["sampling"]["removed_example_ids"][0]
    sql = f"""
        select * from export
        union all
        select * replace ('{removed}' as example_id) from export
        where split = 'train' and not is_synthetic order by example_id limit 1
    """
    result = corrupt_and_test(
        build, sql, "assert_every_kept_message_is_exported_or_removed", "random_undersample", tmp_path
    )
    assert not result.success
    assert [str(r.status) for r in result.result.results if r.node.resource_type == "test"] == ["fail"]
