"""Benchmark the pipeline: generate N synthetic messages, build on a fresh database, time each layer.

    .venv/bin/python scripts/bench.py --rows 1000000 [--threads 2] [--keep DIR]
    .venv/bin/python scripts/bench.py --rows 1000000 --balance-methods all

Runs `dbt seed` and `dbt run` in-process on a temporary database and output folder, then prints
the wall time and rows/s of each layer (from dbt's run_results.json) and of the whole run, and the
peak memory of the process.

With `--balance-methods` (`all` or a comma-separated list), the balancing model `ml_smote_examples`
is then re-run alone once per method, each in its own `dbt run` process, and the script prints the
model's time (from run_results.json), the process's wall time and its peak memory (the process's
own maximum resident set, dbt and its imports included: compare with `none`, which loads the same
libraries and balances nothing) and the rows the method added and removed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR / "src"))  # the project's library, as the dbt Python models see it

from privacy_curation.balancing import METHODS as BALANCE_METHODS  # noqa: E402

LAYERS = ("seeds", "synthetic", "staging", "intermediate", "marts", "ml", "export")


def layer_of(unique_id: str, original_path: str) -> str:
    """The layer a node belongs to, from its resource type and folder."""
    if unique_id.startswith("seed."):
        return "seeds"
    parts = Path(original_path).parts
    return parts[1] if len(parts) > 2 else parts[0]


def run_dbt(args: list[str]) -> dict:
    from dbt.cli.main import dbtRunner

    result = dbtRunner().invoke([*args, "--project-dir", str(PROJECT_DIR), "--profiles-dir", str(PROJECT_DIR)])
    if not result.success:
        raise SystemExit(f"dbt {' '.join(args)} failed: {result.exception or 'see the log above'}")
    return json.loads((PROJECT_DIR / "target" / "run_results.json").read_text())


def run_models_in_child(models: tuple[str, ...], vars_: dict, work: Path, name: str) -> dict:
    """``dbt run`` of ``models`` in a child process: each model's seconds (from run_results.json, hooks
    left out), the process's wall time and its peak memory (dbt and its imports included)."""
    target = work / f"target-{name}"
    command = [
        str(Path(sys.executable).with_name("dbt")),
        "run",
        "--quiet",
        "--select",
        *models,
        "--vars",
        json.dumps(vars_),
        "--project-dir",
        str(PROJECT_DIR),
        "--profiles-dir",
        str(PROJECT_DIR),
        "--target-path",
        str(target),
        "--log-path",
        str(work / "logs"),
    ]
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=PROJECT_DIR)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"dbt run of {', '.join(models)} ({name}) failed")
    results = json.loads((target / "run_results.json").read_text())["results"]
    return {
        "model_seconds": {
            result["unique_id"].split(".")[-1]: result["execution_time"]
            for result in results
            if result["unique_id"].startswith("model.")
        },
        "wall_seconds": wall,
        "peak_mb": usage.ru_maxrss / 1024,
    }


def bench_balance_method(method: str, rows: int, work: Path) -> dict:
    """Re-run the balancing model alone with ``method`` in a child process; its time and peak memory."""
    figures = run_models_in_child(
        ("ml_smote_examples",), {"synthetic_messages": rows, "balance_method": method}, work, method
    )
    return {"method": method, **figures, "model_seconds": figures["model_seconds"]["ml_smote_examples"]}


def count_changes(database: Path) -> dict[str, tuple[int, int]]:
    import duckdb

    with duckdb.connect(str(database), read_only=True) as connection:
        return {
            "rows": connection.sql(
                "select count(*) filter (where balance_action = 'add'), "
                "count(*) filter (where balance_action = 'remove') from ml_smote_examples"
            ).fetchall()[0]
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, required=True, help="synthetic messages to generate")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep the database and exports in this folder")
    parser.add_argument(
        "--balance-methods",
        help="after the build, time the balancing model alone for each method: 'all' or a comma-separated list",
    )
    parser.add_argument(
        "--reuse", action="store_true", help="with --keep: reuse the database already built there, skip the build"
    )
    parser.add_argument(
        "--inflate-curated",
        type=int,
        help="with --balance-methods: first grow the bench database's curated pool (and split) to this many "
        "messages by copying kept messages under new ids, to time balancing at a scale the build would take long "
        "to reach",
    )
    options = parser.parse_args()
    methods = []
    if options.balance_methods:
        methods = list(BALANCE_METHODS) if options.balance_methods == "all" else options.balance_methods.split(",")
        unknown = sorted(set(methods) - set(BALANCE_METHODS))
        if unknown:
            parser.error(f"unknown balance method(s): {', '.join(unknown)}")
    if options.reuse and options.keep is None:
        parser.error("--reuse needs --keep DIR")

    work = Path(tempfile.mkdtemp(prefix="privacy-bench-")) if options.keep is None else options.keep
    work.mkdir(parents=True, exist_ok=True)
    os.environ["PRIVACY_DUCKDB_PATH"] = str(work / "bench.duckdb")
    os.environ["PRIVACY_OUTPUT_DIR"] = str(work / "output")
    os.environ["DBT_THREADS"] = str(options.threads)
    (work / "output").mkdir(exist_ok=True)
    os.chdir(PROJECT_DIR)
    vars_json = json.dumps({"synthetic_messages": options.rows})

    if options.reuse:
        return bench_balancing(methods, options.rows, work, options.inflate_curated)
    started = time.perf_counter()
    seed_results = run_dbt(["seed", "--quiet", "--vars", vars_json])
    run_results = run_dbt(["run", "--quiet", "--vars", vars_json])
    total = time.perf_counter() - started

    manifest = json.loads((PROJECT_DIR / "target" / "manifest.json").read_text())
    nodes = {**manifest["nodes"]}
    seconds: dict[str, float] = defaultdict(float)
    for result in seed_results["results"] + run_results["results"]:
        node = nodes.get(result["unique_id"], {})
        seconds[layer_of(result["unique_id"], node.get("original_file_path", "models/x/y"))] += result["execution_time"]

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nbenchmark: {options.rows:,} synthetic messages, {options.threads} threads, work dir {work}")
    print(f"{'layer':<14}{'seconds':>10}{'rows/s':>14}")
    for layer in LAYERS:
        if layer in seconds:
            rate = options.rows / seconds[layer] if seconds[layer] > 0 else float("inf")
            print(f"{layer:<14}{seconds[layer]:>10.1f}{rate:>14,.0f}")
    print(f"{'total (wall)':<14}{total:>10.1f}{options.rows / total:>14,.0f}")
    print(f"peak memory of the dbt process: {peak_mb:,.0f} MB")
    # `dbt run` runs no test, so the export set stays in the staging folder (docs/export.md)
    export = work / "output" / ".staging" / "curated_training_data.parquet"
    if export.exists():
        print(f"export: {export} ({export.stat().st_size / 1e6:,.1f} MB)")
    if methods:
        # dbt's in-process connection keeps the database locked: continue in a fresh process
        sys.stdout.flush()
        os.execv(
            sys.executable,
            [sys.executable, __file__, "--rows", str(options.rows), "--threads", str(options.threads), "--keep",
             str(work), "--reuse", "--balance-methods", ",".join(methods),
             *(["--inflate-curated", str(options.inflate_curated)] if options.inflate_curated else [])],
        )  # fmt: skip
    if options.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


SPLIT_MODELS = ("ml_stratification_keys", "ml_sampled_messages", "ml_split_assignments")


def inflate_curated(database: Path, rows: int) -> None:
    """Grow ``curated_messages`` to ``rows`` messages by copying them under new ids (``<id>~<copy>``).

    Each copy gets its own user pseudonym (``<pseudonym>~<copy>``), so users stay small groups, and
    its real-valued features are moved by a seeded jitter of up to 1%, so that neighbour searches
    do not meet exact ties; whole-number features and texts are copied as they are. Only for
    timing: the split is then made again by the real models on the grown pool.
    """
    import duckdb

    with duckdb.connect(str(database)) as connection:
        [(pool,)] = connection.sql("select count(*) from curated_messages").fetchall()
        if pool >= rows:
            return
        copies = -(-rows // pool)
        real_features = [
            name
            for name, data_type in connection.sql(
                "select column_name, data_type from information_schema.columns "
                "where table_name = 'curated_messages' and column_name like 'f\\_%' escape '\\'"
            ).fetchall()
            if data_type == "DOUBLE"
        ]
        jitter = ", ".join(
            f"case when copy_number = 0 then {name} else {name} * (1 + ((hash(message_id, copy_number, '{name}') "
            f"% 2001)::double - 1000) / 100000) end as {name}"
            for name in real_features
        )
        connection.execute(
            f"""
            create or replace table curated_messages as
            select * exclude (copy_number) replace (
                case when copy_number = 0 then message_id else message_id || '~' || copy_number end as message_id,
                case when copy_number = 0 then user_pseudonym else user_pseudonym || '~' || copy_number end
                    as user_pseudonym,
                {jitter}
            )
            from (select *, unnest(range({copies})) as copy_number from curated_messages)
            order by copy_number, message_id
            limit {rows}
            """
        )


def bench_split(rows: int, work: Path) -> None:
    """Re-run sampling and splitting on the grown pool, once, in a child process; print their times."""
    figures = run_models_in_child(SPLIT_MODELS, {"synthetic_messages": rows}, work, "split")
    times = ", ".join(f"{name} {figures['model_seconds'][name]:.1f} s" for name in SPLIT_MODELS)
    print(f"sampling and splitting on the grown pool: {times}; peak {figures['peak_mb']:,.0f} MB", flush=True)


def bench_balancing(methods: list[str], rows: int, work: Path, inflate: int | None = None) -> int:
    """Time the balancing model alone, once per method, on the database built in ``work``."""
    import duckdb

    database = work / "bench.duckdb"
    if inflate:
        inflate_curated(database, inflate)
        print(f"curated pool grown to {inflate:,} messages by copying kept messages under new ids")
        bench_split(rows, work)
    with duckdb.connect(str(database), read_only=True) as connection:
        [(curated_rows, train_rows)] = connection.sql(
            "select count(*), count(*) filter (where split = 'train') from ml_split_assignments"
        ).fetchall()
    print(
        f"\nbalancing alone: {rows:,} synthetic messages built, {curated_rows:,} curated messages, "
        f"{train_rows:,} train rows, work dir {work}"
    )
    print(f"{'method':<20}{'model s':>10}{'process s':>11}{'peak MB':>10}{'added':>11}{'removed':>11}")
    for method in methods:
        figures = bench_balance_method(method, rows, work)
        added, removed = count_changes(database)["rows"]
        print(
            f"{method:<20}{figures['model_seconds']:>10.1f}{figures['wall_seconds']:>11.1f}"
            f"{figures['peak_mb']:>10,.0f}{added:>11,}{removed:>11,}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
