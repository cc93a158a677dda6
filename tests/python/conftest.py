"""Shared fixtures: real dbt builds of the project on temporary databases, once per session."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
# Small enough to keep the suite quick, large enough for every label to reach every split.
TEST_SYNTHETIC_MESSAGES = 6000


def copy_with_wal(database: Path, destination: Path) -> Path:
    """Copy a DuckDB file with its write-ahead log (changes dbt has not checkpointed yet)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(database, destination)
    wal = Path(f"{database}.wal")
    if wal.exists():
        shutil.copyfile(wal, f"{destination}.wal")
    return destination


def failed_nodes(result) -> str:
    """The nodes of a dbt result that errored or failed, one per line, with dbt's message."""
    return "\n".join(
        f"{r.node.unique_id}: {r.status} {r.message}"
        for r in (result.result.results if result.result else [])
        if str(r.status) in ("error", "fail")
    )


@dataclass
class Build:
    """A finished dbt build: where its database and exports are, and dbt's result."""

    work_dir: Path
    database: Path
    output_dir: Path
    result: object

    @property
    def parquet(self) -> Path:
        return self.output_dir / "curated_training_data.parquet"

    @property
    def manifest(self) -> Path:
        return self.output_dir / "curated_training_data.manifest.json"

    def query(self, sql: str):
        """Run SQL on a copy of the build's database (dbt's in-process connection keeps the file open)."""
        snapshot = copy_with_wal(self.database, self.work_dir / "snapshot.duckdb")
        try:
            with duckdb.connect(str(snapshot)) as connection:
                return connection.sql(sql).fetchall()
        finally:
            snapshot.unlink(missing_ok=True)
            Path(f"{snapshot}.wal").unlink(missing_ok=True)

    def export_rows(self, sql: str):
        """Run SQL over the exported Parquet file, visible as table `export`."""
        with duckdb.connect() as connection:
            connection.sql(f"create view export as select * from read_parquet('{self.parquet}')")
            return connection.sql(sql).fetchall()


def run_dbt(
    args: list[str], work_dir: Path, threads: int = 2, raw_dir: Path | None = None, output_dir: Path | None = None
):
    """Invoke dbt in-process from the project root, on the database and output folder of work_dir.

    dbt creates the output folder itself (the dev profile's plugin privacy_curation.output_folder)."""
    from dbt.cli.main import dbtRunner

    env = {
        "PRIVACY_DUCKDB_PATH": str(work_dir / "curation.duckdb"),
        "PRIVACY_OUTPUT_DIR": str(output_dir or work_dir / "output"),
        "DBT_THREADS": str(threads),
    }
    if raw_dir is not None:
        env["PRIVACY_RAW_DIR"] = str(raw_dir)
    saved = {key: os.environ.get(key) for key in [*env, "PRIVACY_RAW_DIR"]}
    previous_dir = Path.cwd()
    os.environ.update(env)
    if raw_dir is None:
        os.environ.pop("PRIVACY_RAW_DIR", None)
    try:
        os.chdir(PROJECT_DIR)
        paths = ["--project-dir", str(PROJECT_DIR), "--profiles-dir", str(PROJECT_DIR)]
        if args[0] != "deps":
            paths += ["--target-path", str(work_dir / "target"), "--log-path", str(work_dir / "logs")]
        return dbtRunner().invoke([*args, *paths])
    finally:
        os.chdir(previous_dir)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def build_project(
    work_dir: Path, vars_: dict | None = None, threads: int = 2, raw_dir=None, output_dir: Path | None = None
) -> Build:
    """`dbt build` of the whole project into work_dir; fails the test session if dbt fails."""
    work_dir.mkdir(parents=True, exist_ok=True)
    all_vars = {"synthetic_messages": TEST_SYNTHETIC_MESSAGES, **(vars_ or {})}
    deps = run_dbt(["deps", "--quiet"], work_dir)
    assert deps.success, f"dbt deps failed: {deps.exception}"
    output_dir = output_dir or work_dir / "output"
    result = run_dbt(
        ["build", "--vars", json.dumps(all_vars)], work_dir, threads=threads, raw_dir=raw_dir, output_dir=output_dir
    )
    return Build(work_dir, work_dir / "curation.duckdb", output_dir, result)


@pytest.fixture(scope="session")
def default_build(tmp_path_factory) -> Build:
    """The project built once with the test vars; shared by every test that only reads it."""
    build = build_project(tmp_path_factory.mktemp("default_build"))
    assert build.result.success, "dbt build failed:\n" + failed_nodes(build.result)
    return build


@pytest.fixture(scope="session")
def repeat_build(tmp_path_factory) -> Build:
    """The same build again, with another thread count: it must give identical exports."""
    build = build_project(tmp_path_factory.mktemp("repeat_build"), threads=1)
    assert build.result.success
    return build


@pytest.fixture(scope="session")
def other_seed_build(tmp_path_factory) -> Build:
    """The same build with another random_seed (7)."""
    build = build_project(tmp_path_factory.mktemp("other_seed_build"), vars_={"random_seed": 7})
    assert build.result.success
    return build


@pytest.fixture(scope="session")
def docs_target(default_build) -> Path:
    """`dbt docs generate` on the default build: the target folder holding manifest, catalog and index.html."""
    result = run_dbt(
        ["docs", "generate", "--vars", json.dumps({"synthetic_messages": TEST_SYNTHETIC_MESSAGES})],
        default_build.work_dir,
    )
    assert result.success, f"dbt docs generate failed: {result.exception}"
    return default_build.work_dir / "target"
