"""The export set is built in output/.staging/ and published (renamed into output/, manifest last) only when
every test on the export models passed: a failed build leaves the previous export whole and consistent."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import TEST_SYNTHETIC_MESSAGES, Build, copy_with_wal, failed_nodes, run_dbt

from privacy_curation import output_folder
from privacy_curation.output_folder import EXPORT_SET, MANIFEST, PARQUET, PublishError, publish_export_set

VARS = json.dumps({"synthetic_messages": TEST_SYNTHETIC_MESSAGES})
# one real test-split message gets an e-mail address: the export's PII regex test must fail
LEAK_EMAIL = """
    update curated_messages set message_text = message_text || ' write to jane.doe@example.com'
    where message_id = (select min(message_id) from ml_split_assignments where split = 'test')
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stage(folder: Path, parquet: bytes = b"parquet bytes", manifest_sha: str | None = None) -> None:
    """A staged export set whose manifest names ``manifest_sha`` (default: the Parquet bytes' sha256)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / PARQUET).write_bytes(parquet)
    sha = manifest_sha or hashlib.sha256(parquet).hexdigest()
    (folder / MANIFEST).write_text(json.dumps({"parquet_sha256": sha}))
    (folder / "DATASET_CARD.md").write_text("card")
    (folder / "metrics.prom").write_text("metrics")


# --- the Python function the hook calls ------------------------------------------------------------


def test_publish_moves_the_set_manifest_last(tmp_path, monkeypatch):
    staging, output = tmp_path / "out" / ".staging", tmp_path / "out"
    stage(staging)
    moved = []
    real_replace = os.replace

    def recording_replace(source, target):
        moved.append(Path(target).name)
        real_replace(source, target)

    monkeypatch.setattr(output_folder.os, "replace", recording_replace)
    assert publish_export_set(staging, output) == list(EXPORT_SET)
    assert moved[-1] == MANIFEST and sorted(moved) == sorted(EXPORT_SET)
    assert list(staging.iterdir()) == []
    assert json.loads((output / MANIFEST).read_text())["parquet_sha256"] == sha256(output / PARQUET)


@pytest.mark.parametrize("defect", ["missing_card", "sha_mismatch"])
def test_publish_refuses_an_incomplete_or_inconsistent_set_and_moves_nothing(tmp_path, defect):
    staging, output = tmp_path / "out" / ".staging", tmp_path / "out"
    stage(output, parquet=b"previous")
    before = {name: (output / name).read_bytes() for name in EXPORT_SET}
    stage(staging, manifest_sha="0" * 64 if defect == "sha_mismatch" else None)
    if defect == "missing_card":
        (staging / "DATASET_CARD.md").unlink()
    with pytest.raises(PublishError, match="nothing was published"):
        publish_export_set(staging, output)
    assert {name: (output / name).read_bytes() for name in EXPORT_SET} == before
    assert (staging / PARQUET).is_file()


def test_the_plugin_creates_the_staging_folder(tmp_path):
    folder = tmp_path / "not" / "there"
    assert output_folder.ensure_output_folder(str(folder)) == folder
    assert (folder / ".staging").is_dir()


# --- real dbt builds -------------------------------------------------------------------------------


def build_exports(work_dir: Path):
    """`dbt build` of the export models and their tests on the database and output folder of work_dir."""
    return run_dbt(["build", "--select", "tag:export", "--vars", VARS], work_dir)


def view_reads(build: Build, view: str) -> str:
    return build.query(f"select sql from duckdb_views() where view_name = '{view}'")[0][0]


@pytest.fixture(scope="module")
def copied_build(default_build, tmp_path_factory) -> Build:
    """The default build's database and published exports, copied so that they can be rebuilt."""
    work_dir = tmp_path_factory.mktemp("publish")
    copy_with_wal(default_build.database, work_dir / "curation.duckdb")
    shutil.copytree(default_build.output_dir, work_dir / "output")
    return Build(work_dir, work_dir / "curation.duckdb", work_dir / "output", None)


def test_the_default_build_published_a_consistent_set(default_build):
    for name in EXPORT_SET:
        assert (default_build.output_dir / name).is_file(), name
    assert list((default_build.output_dir / ".staging").iterdir()) == []
    manifest = json.loads(default_build.manifest.read_text())
    assert manifest["parquet_sha256"] == sha256(default_build.parquet)
    # the relations of the external models read the published files
    assert f"'{default_build.parquet}'" in view_reads(default_build, "curated_training_data")
    assert f"'{default_build.manifest}'" in view_reads(default_build, "curated_training_data_manifest")


def test_a_failed_export_test_publishes_nothing_and_a_good_build_publishes(copied_build):
    output, staging = copied_build.output_dir, copied_build.output_dir / ".staging"
    before = {name: (output / name).read_bytes() for name in EXPORT_SET}
    with duckdb.connect(str(copied_build.database)) as connection:
        original = connection.sql(
            "select message_id, message_text from curated_messages "
            "where message_id = (select min(message_id) from ml_split_assignments where split = 'test')"
        ).fetchall()[0]
        connection.execute(LEAK_EMAIL)

    failed = build_exports(copied_build.work_dir)
    assert not failed.success
    assert "not_match_regex_list_curated_training_data_text" in failed_nodes(failed)
    # the previous export is untouched, byte for byte, and still agrees with its manifest
    assert {name: (output / name).read_bytes() for name in EXPORT_SET} == before
    assert json.loads((output / MANIFEST).read_text())["parquet_sha256"] == sha256(output / PARQUET)
    # the rejected Parquet file waits in the staging folder, and the database's relation reads it
    assert (staging / PARQUET).read_bytes() != before[PARQUET]
    with duckdb.connect() as connection:
        leaked = connection.sql(
            f"select count(*) from read_parquet('{staging / PARQUET}') where text like '%jane.doe@example.com%'"
        ).fetchall()[0][0]
    assert leaked == 1
    assert f"'{staging / PARQUET}'" in view_reads(copied_build, "curated_training_data")
    log = (copied_build.work_dir / "logs" / "dbt.log").read_text(encoding="utf-8")
    failed_test = "dbt_expectations_expect_column_values_to_not_match_regex_list_curated_training_data_text"
    assert f"Export NOT published: 1 export model(s) or test(s) failed: {failed_test}" in log

    with duckdb.connect(str(copied_build.database)) as connection:
        connection.execute("update curated_messages set message_text = ? where message_id = ?", original[::-1])
    good = build_exports(copied_build.work_dir)
    assert good.success, failed_nodes(good)
    assert list(staging.iterdir()) == []
    assert json.loads((output / MANIFEST).read_text())["parquet_sha256"] == sha256(output / PARQUET)
    # the same data as the default build: the same files (metrics.prom holds the invocation's timings)
    for name in (PARQUET, MANIFEST):
        assert (output / name).read_bytes() == before[name], name
    assert f"'{output / PARQUET}'" in view_reads(copied_build, "curated_training_data")
