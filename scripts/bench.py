"""Benchmark the pipeline: generate N synthetic messages, build on a fresh database, time each layer.

    .venv/bin/python scripts/bench.py --rows 1000000 [--threads 2] [--keep DIR]

Runs `dbt seed` and `dbt run` in-process on a temporary database and output folder, then prints
the wall time and rows/s of each layer (from dbt's run_results.json) and of the whole run, and the
peak memory of the process.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, required=True, help="synthetic messages to generate")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep the database and exports in this folder")
    options = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="privacy-bench-")) if options.keep is None else options.keep
    work.mkdir(parents=True, exist_ok=True)
    os.environ["PRIVACY_DUCKDB_PATH"] = str(work / "bench.duckdb")
    os.environ["PRIVACY_OUTPUT_DIR"] = str(work / "output")
    os.environ["DBT_THREADS"] = str(options.threads)
    (work / "output").mkdir(exist_ok=True)
    os.chdir(PROJECT_DIR)
    vars_json = json.dumps({"synthetic_messages": options.rows})

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
    export = work / "output" / "curated_training_data.parquet"
    if export.exists():
        print(f"export: {export} ({export.stat().st_size / 1e6:,.1f} MB)")
    if options.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
