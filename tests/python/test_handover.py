"""`make export DEST=...` hands over the Parquet file, manifest and card that output/ holds (the last set a build
published) when a successful build recorded wrote them, names that build (and a later failed one), and verifies
the sha256."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess

import duckdb
import pytest
from conftest import PROJECT_DIR, copy_with_wal

pytestmark = pytest.mark.dbt

FILES = ("curated_training_data.parquet", "curated_training_data.manifest.json", "DATASET_CARD.md")


def load_script():
    spec = importlib.util.spec_from_file_location("export_dataset", PROJECT_DIR / "scripts" / "export_dataset.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def database_copy(build, tmp_path):
    """A copy of the build's database (dbt's in-process connection keeps the original open)."""
    return copy_with_wal(build.database, tmp_path / "copy" / "curation.duckdb")


def make_export(source, dest, database):
    return subprocess.run(
        ["make", "--no-print-directory", "-s", "export", f"DEST={dest}", f"PRIVACY_OUTPUT_DIR={source}"],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PRIVACY_DUCKDB_PATH": str(database)},
    )


def test_make_export_copies_and_verifies(default_build, tmp_path):
    dest = tmp_path / "trainer" / "data"
    database = database_copy(default_build, tmp_path)
    with duckdb.connect(str(database), read_only=True) as connection:
        invocation_id = connection.sql(
            "select invocation_id from audit.dbt_invocations where command = 'build' order by started_at desc limit 1"
        ).fetchall()[0][0]
    done = make_export(default_build.output_dir, dest, database)
    assert done.returncode == 0, done.stderr
    assert f"written by the successful dbt build {invocation_id} finished " in done.stdout
    assert sorted(path.name for path in dest.iterdir()) == sorted(FILES)
    for name in FILES:
        assert (dest / name).read_bytes() == (default_build.output_dir / name).read_bytes()
    manifest = json.loads((dest / FILES[1]).read_text())
    assert hashlib.sha256((dest / FILES[0]).read_bytes()).hexdigest() == manifest["parquet_sha256"]
    assert "verified" in done.stdout


def test_make_export_refuses_a_parquet_changed_after_the_build(default_build, tmp_path):
    source = tmp_path / "output"
    shutil.copytree(default_build.output_dir, source)
    with (source / FILES[0]).open("r+b") as handle:
        handle.seek(100)
        handle.write(b"\x00\x01\x02\x03")
    dest = tmp_path / "dest"
    done = make_export(source, dest, database_copy(default_build, tmp_path))
    assert done.returncode != 0
    assert "sha256 mismatch" in done.stderr
    assert not dest.exists() or not any(dest.iterdir())


def record_failed_build(database, invocation_id="failed-build"):
    """A later build in the audit trail that wrote the Parquet file to staging and then failed a test."""
    with duckdb.connect(str(database)) as connection:
        connection.execute(
            """
            insert into audit.dbt_invocations (invocation_id, command, started_at, finished_at, is_success, error_count)
            values (?, 'build', now()::timestamp, now()::timestamp, false, 1)
            """,
            [invocation_id],
        )
        connection.execute(
            "insert into audit.dbt_node_results (invocation_id, unique_id, status) values (?, ?, 'success')",
            [invocation_id, "model.privacy_curation.curated_training_data"],
        )


def test_make_export_hands_over_the_last_published_set_after_a_failed_build(default_build, tmp_path):
    """A later build that failed published nothing: output/ keeps the last good set, which is handed over, saying so."""
    database = database_copy(default_build, tmp_path)
    with duckdb.connect(str(database), read_only=True) as connection:
        invocation_id = connection.sql(
            "select invocation_id from audit.dbt_invocations where command = 'build' order by started_at desc limit 1"
        ).fetchall()[0][0]
    record_failed_build(database)
    dest = tmp_path / "dest"
    done = make_export(default_build.output_dir, dest, database)
    assert done.returncode == 0, done.stderr
    assert "dbt build failed-build finished" in done.stderr
    assert "failed (1 error(s)) and published nothing: handing over the last published export" in done.stderr
    assert f"written by the successful dbt build {invocation_id} finished " in done.stdout
    for name in FILES:
        assert (dest / name).read_bytes() == (default_build.output_dir / name).read_bytes()
    missing = make_export(default_build.output_dir, dest, tmp_path / "no.duckdb")
    assert missing.returncode != 0 and "no build database" in missing.stderr


def test_make_export_refuses_a_set_no_successful_build_wrote(default_build, tmp_path):
    """The manifest's dataset_version must be one a successful build recorded: else nothing is handed over."""
    database = database_copy(default_build, tmp_path)
    with duckdb.connect(str(database)) as connection:
        connection.execute("update audit.dbt_invocations set is_success = false, error_count = 2")
    dest = tmp_path / "dest"
    done = make_export(default_build.output_dir, dest, database)
    assert done.returncode != 0
    assert "no successful build recorded in" in done.stderr
    assert "failed with 2 error(s)" in done.stderr
    assert not dest.exists() or not any(dest.iterdir())


def test_a_corrupted_copy_is_caught_and_removed(default_build, tmp_path, monkeypatch):
    script = load_script()
    real_copy = shutil.copyfile

    def corrupting_copy(source, target):
        real_copy(source, target)
        if str(source).endswith(".parquet"):
            with open(target, "r+b") as handle:
                handle.seek(-20, 2)
                handle.write(b"corrupted in transit")

    monkeypatch.setattr(script.shutil, "copyfile", corrupting_copy)
    dest = tmp_path / "dest"
    database = database_copy(default_build, tmp_path)
    with pytest.raises(script.HandoverError, match="sha256 mismatch after copying"):
        script.export_dataset(default_build.output_dir, dest, database)
    assert list(dest.iterdir()) == [], "a failed handover must leave nothing behind"
    assert script.main([str(dest), "--source", str(tmp_path / "missing")]) == 1
