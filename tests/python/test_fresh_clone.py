"""A fresh clone builds with plain dbt, without make: `dbt deps && dbt build && dbt test`.

The clone holds the files git would give (tracked, plus new files not ignored: what the next commit holds),
so no `output/`, `dbt_packages/`, `target/` or database: dbt must create what it needs. It runs the installed
dbt (this venv) in the clone's root with no PRIVACY_* or DBT_PROFILES_DIR variable, as a user would after
cloning; only `synthetic_messages` is lowered to keep CI quick."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT_DIR

pytestmark = pytest.mark.dbt

DBT = Path(sys.executable).parent / "dbt"
SMALL_VARS = "{synthetic_messages: 3000}"


def clone_working_tree(destination: Path) -> Path:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT_DIR,
        capture_output=True,
        check=False,
    )
    if listed.returncode != 0:
        pytest.skip(f"not a git checkout: {listed.stderr.decode(errors='replace').strip()}")
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = PROJECT_DIR / name
        if source.is_file() and not source.is_symlink():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination


def plain_dbt(args: list[str], clone: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PRIVACY_", "DBT_"))}
    return subprocess.run([str(DBT), *args], cwd=clone, env=env, capture_output=True, text=True, check=False)


def test_plain_dbt_deps_build_and_test_in_a_fresh_clone(tmp_path):
    clone = clone_working_tree(tmp_path / "clone")
    assert not (clone / "output").exists() and not (clone / "dbt_packages").exists()
    for args in (["deps"], ["build", "--vars", SMALL_VARS], ["test", "--vars", SMALL_VARS]):
        done = plain_dbt(args, clone)
        assert done.returncode == 0, f"dbt {' '.join(args)} failed:\n{done.stdout[-6000:]}\n{done.stderr[-2000:]}"
    for name in ("curated_training_data.parquet", "curated_training_data.manifest.json", "DATASET_CARD.md"):
        assert (clone / "output" / name).is_file(), name
    assert (clone / "privacy_curation.duckdb").is_file()
