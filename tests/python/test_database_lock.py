"""A second dbt run on a database file another process holds stops with one line naming the holder, not a
traceback (the dev profile's plugin privacy_curation.database_lock)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT_DIR

from privacy_curation.database_lock import check_database_lock, lock_message

DUCKDB_LOCK_ERROR = (
    'IO Error: Could not set lock on file "/data/x.duckdb": Conflicting lock is held in /usr/bin/python3.11 '
    "(PID 4543). See also https://duckdb.org/docs/current/connect/concurrency"
)

HOLD_THE_LOCK = """
import sys, duckdb
connection = duckdb.connect(sys.argv[1])
connection.sql("create table held as select 1 as one")
print("holding", flush=True)
sys.stdin.read()
"""


def test_the_message_names_the_holder_and_what_to_do():
    message = lock_message("/data/x.duckdb", DUCKDB_LOCK_ERROR)
    assert message.count("\n") == 0
    assert "/data/x.duckdb is in use by process 4543 (/usr/bin/python3.11)" in message
    assert "kill 4543" in message and "PRIVACY_DUCKDB_PATH" in message
    assert lock_message("/data/x.duckdb", "Catalog Error: Table with name t does not exist") is None


@pytest.fixture
def held_database(tmp_path):
    """A DuckDB file held open by another process until the test ends."""
    database = tmp_path / "held.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(database)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        yield database, holder.pid
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_the_check_raises_one_line_for_a_held_file_and_passes_a_free_one(held_database, tmp_path):
    database, pid = held_database
    with pytest.raises(RuntimeError, match=rf"in use by process {pid} .*kill {pid}"):
        check_database_lock(str(database))
    check_database_lock(str(tmp_path / "free.duckdb"))
    check_database_lock(":memory:")


@pytest.mark.dbt
def test_dbt_build_on_a_held_database_prints_one_line_not_a_traceback(held_database, tmp_path):
    database, pid = held_database
    env = {
        **os.environ,
        "PRIVACY_DUCKDB_PATH": str(database),
        "PRIVACY_OUTPUT_DIR": str(tmp_path / "output"),
        "DBT_PROFILES_DIR": str(PROJECT_DIR),
    }
    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "dbt"),  # the dbt of the venv running the tests
            "build",
            "--no-use-colors",
            "--target-path",
            str(tmp_path / "target"),
            "--log-path",
            str(tmp_path / "logs"),
        ],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    printed = done.stdout + done.stderr
    assert done.returncode != 0
    assert "Traceback" not in printed
    assert f"The database {database} is in use by process {pid} " in printed
    assert len(printed.splitlines()) < 20, printed
