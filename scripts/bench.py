"""Benchmark the pipeline: for each size, a fresh database built layer by layer, each layer timed.

    .venv/bin/python scripts/bench.py --rows 100000 [--rows-more 1000000 ...] [--threads 2] [--keep DIR]
    make bench ROWS=100000            make bench ROWS="100000 1000000"            make bench-sweep
    .venv/bin/python scripts/bench.py --rows 1000000 --whole --skip-tests
    .venv/bin/python scripts/bench.py --rows 1000000 --balance-methods all

For each size (synthetic messages), on a new database and output folder:

1. each layer (seed, synthetic, staging, intermediate, marts, reports, ml, export) is built by its
   own `dbt seed` / `dbt run --select tag:<layer>` process: wall seconds and peak memory (resident
   set of the process tree, sampled) per layer, printed as each finishes; tests excluded. With
   `--whole`, the build is instead one `dbt seed` and one `dbt run` of every model, as users run it
   (recorded as seed, run and whole_build; each layer's node seconds printed): dbt then builds
   independent models of different layers side by side, and starts twice instead of eight times;
2. `dbt test`, timed as its own step;
3. the near-duplicate models alone (`near_duplicates`), re-run in their own process on the built
   database, beside datatrove's MinHash deduplication (`near_duplicates_datatrove`, run by
   scripts/bench_datatrove.py in the bench-only environment .venv-bench) on the same texts, with
   the same shingle size and bands; both get near-duplicate recall and precision on the planted
   pairs, measured as report_duplicate_quality measures ours;
4. the cheap stages (`cheap_stages`: the node seconds of staging, of intermediate without the
   near-duplicate models, of marts, of the split models and of export) beside one tuned DuckDB
   query doing normalise, redact, exact dedup, features and split over the same raw rows
   (`cheap_stages_floor`, scripts/bench_floor.py);

then appends one row per size and step to bench/results.csv (--results), draws bench/results.png
(--plot) from every row of the current commit in that file, and prints the ratios.

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
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR / "src"))  # the project's library, as the dbt Python models see it

from privacy_curation import benchmarking  # noqa: E402
from privacy_curation.balancing import METHODS as BALANCE_METHODS  # noqa: E402

BENCH_PYTHON = PROJECT_DIR / ".venv-bench" / "bin" / "python"
DBT = Path(sys.executable).with_name("dbt")
# The first and the last model of the near-duplicate stage: the stage is every model on a path
# from the first to the last (found in the manifest, so a model added in between is counted).
NEAR_DUPLICATE_ENDS = ("int_message_texts_minhashed", "int_message_text_clusters")
# The ML models that belong to the cheap stages (sampling and splitting, not balancing).
SPLIT_MODELS = ("ml_stratification_keys", "ml_sampled_messages", "ml_split_assignments")


def project_vars() -> dict:
    import yaml

    return yaml.safe_load((PROJECT_DIR / "dbt_project.yml").read_text())["vars"]


def dbt_command(args: list[str], vars_: dict, work: Path, name: str) -> list[str]:
    return [
        str(DBT),
        *args,
        "--vars",
        json.dumps(vars_),
        "--project-dir",
        str(PROJECT_DIR),
        "--profiles-dir",
        str(PROJECT_DIR),
        "--target-path",
        str(work / f"target-{name}"),
        "--log-path",
        str(work / "logs"),
    ]


def run_results(work: Path, name: str) -> list[dict]:
    path = work / f"target-{name}" / "run_results.json"
    return json.loads(path.read_text())["results"] if path.exists() else []


def near_duplicate_models(manifest: dict) -> list[str]:
    """The models on a path from the first to the last near-duplicate model, by name."""
    nodes = {uid: node for uid, node in manifest["nodes"].items() if node["resource_type"] == "model"}
    by_name = {node["name"]: uid for uid, node in nodes.items()}
    first, last = (by_name.get(name) for name in NEAR_DUPLICATE_ENDS)
    if first is None or last is None:
        raise SystemExit(f"the near-duplicate models {', '.join(NEAR_DUPLICATE_ENDS)} are not in the project")
    parents = {uid: set(node["depends_on"].get("nodes", [])) for uid, node in nodes.items()}

    def ancestors(uid: str) -> set[str]:
        seen, pending = set(), [uid]
        while pending:
            for parent in parents.get(pending.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    pending.append(parent)
        return seen

    stage = {uid for uid in ancestors(last) if uid == first or first in ancestors(uid)} | {first, last}
    return sorted(nodes[uid]["name"] for uid in stage)


class SizeBench:
    """The benchmark of one size: its work folder, environment and the rows it records."""

    def __init__(self, rows: int, work: Path, threads: int, facts: dict, commit: str, datatrove_workers: int):
        self.rows = rows
        self.work = work
        self.threads = threads
        self.datatrove_workers = datatrove_workers
        self.vars = {"synthetic_messages": rows}
        self.database = work / "bench.duckdb"
        self.env = {
            **os.environ,
            "PRIVACY_DUCKDB_PATH": str(self.database),
            "PRIVACY_OUTPUT_DIR": str(work / "output"),
            "DBT_THREADS": str(threads),
        }
        self.common = {
            "git_commit": commit,
            **facts,
            "measured_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "rows": rows,
        }
        self.records: list[dict] = []
        self.node_seconds: dict[str, float] = {}
        self.parsed: Path | None = None

    def record(self, layer: str, seconds, peak, node_seconds=None, quality=None, cpu_seconds=None) -> dict:
        row = {
            **self.common,
            "layer": layer,
            "seconds": seconds,
            "peak_rss_bytes": peak,
            "node_seconds": node_seconds,
            "cpu_seconds": cpu_seconds,
            **{key: (quality or {}).get(key) for key in ("near_recall", "near_precision")},
        }
        self.records.append(row)
        return row

    def say(self, layer: str, seconds: float, peak: int | None, detail: str = "") -> None:
        memory = f"{peak / 2**30:7.2f} GiB" if peak else f"{'':>11}"
        print(f"[{self.rows:,}] {layer:<26}{seconds:>9.1f} s  {memory}  {detail}", flush=True)

    def dbt_step(self, layer: str, args: list[str]) -> tuple[benchmarking.Measured, list[dict]]:
        # dbt's partial parse file of the previous step: each step then skips re-parsing the unchanged
        # project (dbt checks the file against the project, vars and profile, and parses again if stale)
        target = self.work / f"target-{layer}"
        target.mkdir(exist_ok=True)
        if self.parsed is not None and self.parsed.exists():
            shutil.copyfile(self.parsed, target / "partial_parse.msgpack")
        measured = benchmarking.run_measured(
            dbt_command(args, self.vars, self.work, layer), self.work / "logs" / f"{layer}.out", self.env, PROJECT_DIR
        )
        results = run_results(self.work, layer)
        self.parsed = target / "partial_parse.msgpack"
        return measured, results

    def dbt_step_recorded(self, step: str, args: list[str], built: set[str]) -> tuple[benchmarking.Measured, float]:
        """Run one dbt step (stopping the bench when it fails), add its nodes' seconds and ids to
        node_seconds and built, record and print it; returns the measure and its node seconds."""
        measured, results = self.dbt_step(step, args)
        if measured.returncode != 0:
            self.fail(step)
        seconds = sum(result["execution_time"] for result in results)
        for result in results:
            self.node_seconds[result["unique_id"].split(".")[-1]] = result["execution_time"]
            built.add(result["unique_id"])
        self.record(step, measured.seconds, measured.peak_rss_bytes, seconds, cpu_seconds=measured.cpu_seconds)
        detail = f"{len(results)} nodes, {seconds:.1f} s in nodes, {measured.cpu_seconds:.1f} CPU s"
        self.say(step, measured.seconds, measured.peak_rss_bytes, detail)
        return measured, seconds

    def fail(self, layer: str) -> None:
        log = (self.work / "logs" / f"{layer}.out").read_text().splitlines()
        print("\n".join(log[-30:]), file=sys.stderr)
        raise SystemExit(f"{layer} failed at {self.rows:,} rows: see {self.work / 'logs'}")

    def build(self) -> None:
        """Every layer in its own dbt process, then the check that every model and seed was built."""
        built = set()
        for layer in benchmarking.LAYERS:
            args = ["seed"] if layer == "seed" else ["run", "--select", f"tag:{layer}"]
            self.dbt_step_recorded(layer, args, built)
        self.check_built(built, "target-export")
        layer_rows = [row for row in self.records if row["layer"] in benchmarking.LAYERS]
        total = sum(row["seconds"] for row in layer_rows)
        peak = max(row["peak_rss_bytes"] for row in layer_rows)
        cpu = sum(row["cpu_seconds"] for row in layer_rows)
        self.record("build", total, peak, sum(row["node_seconds"] for row in layer_rows), cpu_seconds=cpu)
        self.say("build (all layers)", total, peak)

    def build_whole(self) -> None:
        """The build as users run it: one `dbt seed`, then one `dbt run` of every model (dbt runs
        independent models of different layers side by side). Records seed, run and their sum
        (whole_build); each layer's node seconds are printed, not recorded (no process of its own)."""
        built = set()
        totals = {}
        for step, args in (("seed", ["seed"]), ("run", ["run"])):
            measured, seconds = self.dbt_step_recorded(step, args, built)
            totals[step] = (measured.seconds, measured.peak_rss_bytes, seconds, measured.cpu_seconds)
        self.check_built(built, "target-run")
        for layer, seconds in benchmarking.node_seconds_by_layer(self.manifest, self.node_seconds).items():
            print(f"[{self.rows:,}]   {layer:<24}{seconds:>9.1f} s in nodes", flush=True)
        total = sum(seconds for seconds, _, _, _ in totals.values())
        peak = max(peak for _, peak, _, _ in totals.values())
        cpu = sum(cpu for _, _, _, cpu in totals.values())
        self.record("whole_build", total, peak, sum(nodes for _, _, nodes, _ in totals.values()), cpu_seconds=cpu)
        self.say("whole_build (seed + run)", total, peak, f"{cpu:.1f} CPU s")

    def check_built(self, built: set[str], target: str) -> None:
        """Stop when a model or seed of the manifest was not built; keep the manifest."""
        manifest = json.loads((self.work / target / "manifest.json").read_text())
        expected = {
            uid
            for uid, node in manifest["nodes"].items()
            if node["resource_type"] in ("model", "seed") and node["config"].get("enabled", True)
        }
        missing = sorted(expected - built)
        if missing:
            raise SystemExit(f"no layer built {', '.join(missing)}: give each model one of the layer tags")
        self.manifest = manifest

    def test(self) -> None:
        measured, results = self.dbt_step("test", ["test"])
        failing = [result["unique_id"] for result in results if result["status"] in ("fail", "error")]
        node_seconds = sum(r["execution_time"] for r in results)
        self.record("test", measured.seconds, measured.peak_rss_bytes, node_seconds, cpu_seconds=measured.cpu_seconds)
        detail = f"{len(results)} tests" + (f", {len(failing)} failing or erroring" if failing else ", all pass")
        self.say("test", measured.seconds, measured.peak_rss_bytes, detail)
        for unique_id in failing[:20]:
            print(f"    not passing: {unique_id}", flush=True)

    def near_duplicates(self, project: dict) -> dict:
        """Our near-duplicate models alone, in their own process; then their quality."""
        models = near_duplicate_models(self.manifest)
        measured, results = self.dbt_step("near_duplicates", ["run", "--select", *models])
        if measured.returncode != 0:
            self.fail("near_duplicates")
        node_seconds = sum(result["execution_time"] for result in results)
        quality = self.quality_of_ours(project)
        row = self.record(
            "near_duplicates", measured.seconds, measured.peak_rss_bytes, node_seconds, quality, measured.cpu_seconds
        )
        self.say(
            "near_duplicates (ours)",
            measured.seconds,
            measured.peak_rss_bytes,
            f"{len(models)} models, {node_seconds:.1f} s in nodes; " + quality_text(quality),
        )
        return row

    def connect(self):
        import duckdb

        return duckdb.connect(str(self.database), read_only=True)

    def quality_of_ours(self, project: dict) -> dict:
        with self.connect() as connection:
            define_measured_messages(connection)
            connection.sql(
                "create temp view our_clusters as select text_key, cluster_key from int_message_text_clusters"
            )
            connection.sql(
                "create temp view our_pairs as select text_key_a, text_key_b from int_message_text_pairs_verified"
            )
            quality = benchmarking.duplicate_quality(
                connection,
                "measured_messages",
                "our_clusters",
                "our_pairs",
                project["near_duplicate_threshold"],
                project["near_duplicate_shingle_size"],
            )
            quality["texts"], quality["removed"] = connection.sql(
                "select (select count(*) from int_message_texts_minhashed), count(*) - count(distinct cluster_key) "
                "from int_message_text_clusters"
            ).fetchall()[0]
            reported = dict(
                connection.sql("select metric, value from report_duplicate_quality where slice = 'near'").fetchall()
            )
        quality["reported_recall"], quality["reported_precision"] = reported.get("recall"), reported.get("precision")
        return quality

    def export_inputs(self, project: dict) -> tuple[Path, Path]:
        """The texts of the near-duplicate stage and the raw message rows, as Parquet (not timed)."""
        texts, raw = self.work / "near_duplicate_texts.parquet", self.work / "raw_messages.parquet"
        shortest = int(project["near_duplicate_shingle_size"]) + int(project["near_duplicate_min_shingles"]) - 1
        with self.connect() as connection:
            connection.execute(f"""
                copy (
                    select md5(message_text_match) as text_key, message_text_match as text,
                    from (
                        select distinct message_text_match from int_messages_validated
                        where rejection_reason is null and length(message_text_match) >= {shortest}
                    )
                    order by text_key
                ) to '{texts}' (format parquet)
            """)
            connection.execute(f"""
                copy (
                    select message_id, message_text as text, channel, locale, created_at,
                    from int_messages_unioned
                ) to '{raw}' (format parquet)
            """)
        return texts, raw

    def datatrove(self, project: dict, texts: Path) -> dict | None:
        if not BENCH_PYTHON.exists():
            print(
                f"[{self.rows:,}] near_duplicates_datatrove  skipped: {BENCH_PYTHON} is missing "
                "(`make bench` creates it from requirements-bench.txt)",
                flush=True,
            )
            return None
        folder = self.work / "datatrove"
        shutil.rmtree(folder, ignore_errors=True)
        command = [
            str(BENCH_PYTHON),
            str(PROJECT_DIR / "scripts" / "bench_datatrove.py"),
            "--texts",
            str(texts),
            "--work",
            str(folder),
            "--shingle-size",
            str(project["near_duplicate_shingle_size"]),
            "--bands",
            str(project["near_duplicate_bands"]),
            "--rows-per-band",
            str(project["near_duplicate_rows_per_band"]),
            "--workers",
            str(self.datatrove_workers),
        ]
        measured = benchmarking.run_measured(command, self.work / "logs" / "datatrove.out", cwd=self.work)
        if measured.returncode != 0:
            self.fail("datatrove")
        summary = json.loads((folder / "datatrove.json").read_text())
        with self.connect() as connection:
            define_measured_messages(connection)
            connection.sql(f"""
                create temp view documents as
                select text_key, row_number() over (order by text_key) - 1 as document,
                from read_parquet('{texts}')
            """)
            connection.sql(f"""
                create temp view datatrove_clusters as
                select documents.text_key, min(documents.text_key) over (partition by members.cluster) as cluster_key,
                from read_parquet('{folder / "clusters.parquet"}') as members
                inner join documents on members.document = documents.document
            """)
            connection.sql(f"""
                create temp view datatrove_pairs as
                select a.text_key as text_key_a, b.text_key as text_key_b,
                from read_parquet('{folder / "pairs.parquet"}') as pairs
                inner join documents as a on pairs.document_a = a.document
                inner join documents as b on pairs.document_b = b.document
            """)
            quality = benchmarking.duplicate_quality(
                connection,
                "measured_messages",
                "datatrove_clusters",
                "datatrove_pairs",
                project["near_duplicate_threshold"],
                project["near_duplicate_shingle_size"],
            )
        quality["texts"], quality["removed"] = summary["documents"], summary["removed"]
        stages = ", ".join(f"{name} {seconds:.1f}" for name, seconds in summary["stage_seconds"].items())
        row = self.record(
            "near_duplicates_datatrove",
            measured.seconds,
            measured.peak_rss_bytes,
            sum(summary["stage_seconds"].values()),
            quality,
            measured.cpu_seconds,
        )
        self.say(
            "near_duplicates_datatrove",
            measured.seconds,
            measured.peak_rss_bytes,
            f"stages {stages} s; " + quality_text(quality),
        )
        return row

    def cheap_stages(self, raw: Path) -> tuple[dict, dict]:
        """Our cheap stages (node seconds) beside the floor query over the same raw rows."""
        near = set(near_duplicate_models(self.manifest))
        layer_of = benchmarking.layer_of_nodes(self.manifest)
        ours = sum(
            seconds
            for name, seconds in self.node_seconds.items()
            if name not in near
            and (layer_of.get(name) in ("staging", "intermediate", "marts", "export") or name in SPLIT_MODELS)
        )
        ours_row = self.record("cheap_stages", ours, None, ours)
        self.say("cheap_stages (ours)", ours, None, "node seconds of staging, intermediate, marts, split, export")
        command = [
            sys.executable,
            str(PROJECT_DIR / "scripts" / "bench_floor.py"),
            "--raw",
            str(raw),
            "--output",
            str(self.work / "floor.parquet"),
            "--threads",
            str(self.threads),
        ]
        measured = benchmarking.run_measured(command, self.work / "logs" / "floor.out")
        if measured.returncode != 0:
            self.fail("floor")
        floor_row = self.record(
            "cheap_stages_floor", measured.seconds, measured.peak_rss_bytes, cpu_seconds=measured.cpu_seconds
        )
        self.say("cheap_stages_floor", measured.seconds, measured.peak_rss_bytes, "one tuned DuckDB query")
        return ours_row, floor_row


def define_measured_messages(connection) -> None:
    """The synthetic messages that reach deduplication, with their ground truth (temp view)."""
    connection.sql("""
        create temp view measured_messages as
        select
            deduplicated.message_id,
            deduplicated.text_key,
            truth.planted_match_text,
            truth.duplicate_of_message_id,
            truth.duplicate_kind,
            truth.is_countable_duplicate,
        from int_messages_deduplicated as deduplicated
        inner join synthetic_ground_truth as truth on deduplicated.message_id = truth.message_id
        where deduplicated.message_source = 'synthetic'
    """)


def quality_text(quality: dict) -> str:
    def figure(value):
        return "n/a" if value is None else f"{value:.4f}"

    return (
        f"near recall {figure(quality['near_recall'])} ({quality['near_recall_support']:,} planted pairs), "
        f"precision {figure(quality['near_precision'])} ({quality['near_precision_support']:,} pairs), "
        f"texts removed {quality['removed']:,} of {quality['texts']:,}"
    )


def ratio(numerator, denominator) -> str:
    return f"{numerator / denominator:.2f}x" if numerator and denominator else "n/a"


def print_ratios(rows: int, ours: dict, peer: dict | None, cheap: dict, floor: dict) -> None:
    print(f"\n[{rows:,}] ratios (ours / peer)", flush=True)
    if peer is None:
        print("  near duplicates, ours / datatrove: skipped (--no-datatrove, or no .venv-bench)")
    else:
        print(
            f"  near duplicates, ours / datatrove: time {ratio(ours['seconds'], peer['seconds'])}, "
            f"peak memory {ratio(ours['peak_rss_bytes'], peer['peak_rss_bytes'])}"
        )
    print(f"  cheap stages, ours / floor query: time {ratio(cheap['seconds'], floor['seconds'])}\n", flush=True)


def fresh_work_dir(rows: int, keep: Path | None) -> Path:
    """An empty work folder for one size, with its output folder: keep/<rows> (emptied first) or a new
    temporary folder."""
    if keep is None:
        work = Path(tempfile.mkdtemp(prefix=f"privacy-bench-{rows}-"))
    else:
        work = keep / str(rows)
        if work.exists():
            shutil.rmtree(work)  # a fresh database for every size
        work.mkdir(parents=True)
    (work / "output").mkdir()
    return work


def bench_size(rows: int, options, facts: dict, commit: str) -> list[dict]:
    work = fresh_work_dir(rows, options.keep)
    print(f"\nbenchmark: {rows:,} synthetic messages, {options.threads} threads, work dir {work}", flush=True)
    size = SizeBench(rows, work, options.threads, facts, commit, options.datatrove_workers)
    project = project_vars()
    started = time.perf_counter()
    if options.whole:
        size.build_whole()
    else:
        size.build()
    if not options.skip_tests:
        size.test()
    ours = size.near_duplicates(project)
    texts, raw = size.export_inputs(project)
    peer = None if options.no_datatrove else size.datatrove(project, texts)
    cheap, floor = size.cheap_stages(raw)
    print_ratios(rows, ours, peer, cheap, floor)
    print(f"[{rows:,}] done in {time.perf_counter() - started:.0f} s", flush=True)
    if options.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return size.records


def run_models_in_child(models: tuple[str, ...], vars_: dict, work: Path, name: str) -> dict:
    """``dbt run`` of ``models`` in a child process: each model's seconds (from run_results.json, hooks
    left out), the process's wall time and its peak memory (dbt and its imports included)."""
    target = work / f"target-{name}"
    command = dbt_command(["run", "--quiet", "--select", *models], vars_, work, name)
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
    parser.add_argument("--rows", type=int, nargs="+", required=True, help="synthetic messages, one or more sizes")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep each size's database and exports in DIR/<rows>")
    parser.add_argument("--results", type=Path, default=PROJECT_DIR / "bench" / "results.csv")
    parser.add_argument("--plot", type=Path, default=PROJECT_DIR / "bench" / "results.png")
    parser.add_argument("--no-datatrove", action="store_true", help="leave datatrove out")
    parser.add_argument("--skip-tests", action="store_true", help="leave the `dbt test` step out")
    parser.add_argument(
        "--whole",
        action="store_true",
        help="build with one `dbt seed` and one `dbt run` (as users do) instead of one process per layer",
    )
    parser.add_argument("--datatrove-workers", type=int, help="datatrove's worker processes (default: --threads)")
    parser.add_argument(
        "--balance-methods",
        help="after the build, time the balancing model alone for each method: 'all' or a comma-separated list",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep and --balance-methods: reuse the database already built in DIR/<rows>, skip the build",
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
        if len(options.rows) != 1:
            parser.error("--balance-methods takes one size")
    if options.reuse and (options.keep is None or not methods):
        parser.error("--reuse needs --keep DIR and --balance-methods")
    options.datatrove_workers = options.datatrove_workers or options.threads
    if methods and options.keep is None:
        options.keep = Path(tempfile.mkdtemp(prefix="privacy-bench-"))
    os.chdir(PROJECT_DIR)

    if not options.reuse:
        facts, commit = benchmarking.machine_facts(), benchmarking.git_commit(PROJECT_DIR)
        for rows in options.rows:
            records = bench_size(rows, options, facts, commit)
            benchmarking.append_results(options.results, records)
            print(f"results: {options.results} (+{len(records)} rows)", flush=True)
        benchmarking.plot_results(options.results, options.plot, commit)
        print(f"plot: {options.plot}", flush=True)
    if methods:
        work = options.keep / str(options.rows[0])
        os.environ["PRIVACY_DUCKDB_PATH"] = str(work / "bench.duckdb")
        os.environ["PRIVACY_OUTPUT_DIR"] = str(work / "output")
        os.environ["DBT_THREADS"] = str(options.threads)
        return bench_balancing(methods, options.rows[0], work, options.inflate_curated)
    return 0


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
