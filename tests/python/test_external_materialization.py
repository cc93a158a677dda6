"""The project's `external` materialization (macros/materializations/external.sql), on a project of its own.

A throwaway dbt project in a temporary folder carries a copy of the macro file and a few models:
rows and no rows, Parquet and JSON, a model that was a table before, and a model whose enforced
contract its query breaks. dbt runs it for real on a DuckDB file; each test reads the files and
the database back. The project's export models use the same file (test_export_contract,
test_determinism and test_publish check them on the real build).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest
from dbt.cli.main import dbtRunner

REPO_ROOT = Path(__file__).resolve().parents[2]
MATERIALIZATION = REPO_ROOT / "macros" / "materializations" / "external.sql"

PROJECT_FILE = """
name: external_check
version: "1.0.0"
config-version: 2
profile: external_check
macro-paths: ["macros"]
model-paths: ["models"]
models:
  external_check:
    +materialized: external
"""

PROFILES_FILE = """
external_check:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: "{database}"
      threads: 1
"""

MODELS = {
    "two_rows.sql": """
{{ config(location=var('out') ~ '/two_rows.parquet', format='parquet') }}
select * from (values (1, 'a'), (2, 'b')) as rows (id, word) order by id
""",
    "no_rows.sql": """
{{ config(location=var('out') ~ '/no_rows.parquet', format='parquet') }}
select cast(1 as integer) as id, 'a' as word where false
""",
    "no_rows_json.sql": """
{{ config(location=var('out') ~ '/no_rows.json', format='json') }}
select cast(1 as integer) as id, 'a' as word where false
""",
    "one_row_json.sql": """
{{ config(location=var('out') ~ '/one_row.json', format='json') }}
select cast(7 as integer) as id, 'seven' as word
""",
    "was_a_table.sql": """
{{ config(materialized=var('was_a_table_as', 'external'), location=var('out') ~ '/was_a_table.parquet') }}
select 3 as id
""",
    "contracted.sql": """
{{ config(location=var('out') ~ '/contracted.parquet', format='parquet') }}
select cast(1 as bigint) as id
""",
}

SCHEMA_FILE = """
version: 2
models:
  - name: contracted
    config:
      contract:
        enforced: true
    columns:
      - name: id
        data_type: "{contract_type}"
"""


def make_project(root: Path, contract_type: str = "bigint") -> Path:
    """Write the throwaway project under root; return its folder."""
    project = root / "project"
    (project / "macros").mkdir(parents=True, exist_ok=True)
    (project / "models").mkdir(exist_ok=True)
    shutil.copyfile(MATERIALIZATION, project / "macros" / "external.sql")
    (project / "dbt_project.yml").write_text(PROJECT_FILE)
    (project / "profiles.yml").write_text(PROFILES_FILE.format(database=root / "check.duckdb"))
    for name, text in MODELS.items():
        (project / "models" / name).write_text(text)
    (project / "models" / "schema.yml").write_text(SCHEMA_FILE.format(contract_type=contract_type))
    return project


def run(project: Path, root: Path, *args: str):
    """`dbt run` of the throwaway project from its folder (the views read relative paths)."""
    previous = Path.cwd()
    os.chdir(project)
    try:
        return dbtRunner().invoke(
            [
                "run",
                *args,
                "--project-dir",
                str(project),
                "--profiles-dir",
                str(project),
                "--target-path",
                str(root / "target"),
                "--log-path",
                str(root / "logs"),
            ]
        )
    finally:
        os.chdir(previous)


def read(root: Path, project: Path, sql: str):
    """Run SQL on the throwaway database from the project's folder."""
    previous = Path.cwd()
    os.chdir(project)
    try:
        with duckdb.connect(str(root / "check.duckdb")) as connection:
            return connection.sql(sql).fetchall()
    finally:
        os.chdir(previous)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("external_check")
    project = make_project(root)
    out = root / "out"
    out.mkdir()
    result = run(project, root, "--vars", f"{{out: '{out}'}}", "--exclude", "contracted")
    assert result.success, result.exception
    return root, project, out


def test_rows_go_to_the_file_and_the_relation_is_a_view_over_it(built):
    root, project, out = built
    with duckdb.connect() as connection:
        assert connection.sql(f"select id, word from '{out}/two_rows.parquet'").fetchall() == [(1, "a"), (2, "b")]
    assert read(root, project, "select id, word from two_rows order by id") == [(1, "a"), (2, "b")]
    kinds = dict(read(root, project, "select table_name, table_type from information_schema.tables"))
    assert kinds["two_rows"] == "VIEW"


def test_no_table_is_written_to_the_database_file(built):
    root, project, _ = built
    # the file is copied from a temporary table of the connection (dbt-duckdb's own copies it from a
    # table `<model>__dbt_tmp` of the database file, dropped afterwards)
    statement = (root / "target" / "run" / "external_check" / "models" / "two_rows.sql").read_text()
    assert statement.strip().startswith('copy temp.main."two_rows__dbt_rows" to ')
    assert read(root, project, "select table_name from duckdb_tables()") == []


@pytest.mark.parametrize(("model", "path"), [("no_rows", "no_rows.parquet"), ("no_rows_json", "no_rows.json")])
def test_a_model_with_no_rows_still_names_its_columns_and_reads_back_empty(built, model, path):
    root, project, out = built
    reader = "read_json" if path.endswith(".json") else "read_parquet"
    with duckdb.connect() as connection:
        # the one row of nulls that carries the columns into the file
        assert connection.sql(f"select id, word from {reader}('{out}/{path}')").fetchall() == [(None, None)]
    assert read(root, project, f"select count(*) from {model}") == [(0,)]
    columns = read(root, project, f"select column_name, column_type from (describe {model})")
    assert [name for name, _ in columns] == ["id", "word"]
    if path.endswith(".parquet"):
        # Parquet keeps the types too (JSON has no types for a null: DuckDB reads them back as NULL)
        assert columns == [("id", "INTEGER"), ("word", "VARCHAR")]


def test_a_json_model_with_rows_reads_back(built):
    root, project, out = built
    with duckdb.connect() as connection:
        assert connection.sql(f"select id, word from read_json('{out}/one_row.json')").fetchall() == [(7, "seven")]
    assert read(root, project, "select id, word from one_row_json") == [(7, "seven")]


def test_a_relation_that_was_a_table_becomes_the_view(tmp_path):
    project = make_project(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    first = run(project, tmp_path, "--select", "was_a_table", "--vars", f"{{out: '{out}', was_a_table_as: table}}")
    assert first.success, first.exception
    second = run(project, tmp_path, "--select", "was_a_table", "--vars", f"{{out: '{out}'}}")
    assert second.success, second.exception
    assert read(tmp_path, project, "select id from was_a_table") == [(3,)]
    kinds = dict(read(tmp_path, project, "select table_name, table_type from information_schema.tables"))
    assert kinds == {"was_a_table": "VIEW"}


def test_an_enforced_contract_the_query_breaks_stops_the_model_before_any_file(tmp_path):
    project = make_project(tmp_path, contract_type="varchar")
    out = tmp_path / "out"
    out.mkdir()
    result = run(project, tmp_path, "--select", "contracted", "--vars", f"{{out: '{out}'}}")
    assert not result.success
    messages = " ".join(str(r.message) for r in result.result.results)
    assert "contract" in messages.lower()
    assert not (out / "contracted.parquet").exists()
