"""The benchmark harness (scripts/bench.py, privacy_curation.benchmarking, privacy_curation.progress):
its helpers on crafted inputs, and one small real run."""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import re
import subprocess
import sys
import time

import duckdb
import pytest
from conftest import PROJECT_DIR

from privacy_curation import benchmarking, progress


def result_row(rows: int, layer: str, seconds: float, peak: int | None, commit: str = "abc1234") -> dict:
    return {
        "rows": rows,
        "layer": layer,
        "seconds": seconds,
        "peak_rss_bytes": peak,
        "git_commit": commit,
        "machine": "Test CPU",
        "cpu_cores": 2,
        "ram_bytes": 24 * 2**30,
        "measured_at": "2026-12-02T03:00:00Z",
    }


def test_results_csv_has_a_fixed_header_and_appends(tmp_path):
    path = tmp_path / "bench" / "results.csv"
    benchmarking.append_results(path, [result_row(1000, "seed", 1.23456, 100)])
    benchmarking.append_results(path, [result_row(1000, "test", 2.0, None)])
    lines = path.read_text().splitlines()
    assert lines[0] == ",".join(benchmarking.RESULT_COLUMNS)
    assert len(lines) == 3, "the header is written once"
    rows = list(csv.DictReader(path.open()))
    assert [row["layer"] for row in rows] == ["seed", "test"]
    assert rows[0]["seconds"] == "1.2346" and rows[1]["seconds"] == "2"
    assert rows[1]["peak_rss_bytes"] == "" and rows[0]["near_recall"] == ""
    parsed = benchmarking.read_results(path)
    assert parsed[0]["rows"] == 1000 and parsed[0]["peak_rss_bytes"] == 100 and parsed[1]["peak_rss_bytes"] is None


def test_results_csv_refuses_other_columns(tmp_path):
    path = tmp_path / "results.csv"
    path.write_text("rows,layer,seconds\n1,seed,1\n")
    with pytest.raises(ValueError, match="other columns"):
        benchmarking.append_results(path, [result_row(1000, "seed", 1.0, 1)])
    with pytest.raises(ValueError, match="unknown result columns"):
        benchmarking.append_results(tmp_path / "new.csv", [{**result_row(1, "seed", 1.0, 1), "colour": "red"}])


def test_the_plot_is_written_from_the_rows_of_one_commit(tmp_path):
    path = tmp_path / "results.csv"
    rows = [
        result_row(size, layer, size / 1000 * factor, size * 10 * factor)
        for size in (1000, 10000)
        for factor, layer in enumerate(
            (*benchmarking.PLOTTED_LAYERS, "near_duplicates", "near_duplicates_datatrove"), 1
        )
    ]
    benchmarking.append_results(path, [*rows, result_row(5000, "seed", 9.0, 9, commit="other")])
    png = benchmarking.plot_results(path, tmp_path / "plot" / "results.png", "abc1234")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    latest = benchmarking.latest_by_size_and_layer(benchmarking.read_results(path), "abc1234")
    assert {size for size, _ in latest} == {1000, 10000}, "another commit's rows stay out of the plot"


# Four synthetic messages: m2 is a planted near duplicate of m1 (countable), m4 one of m3 (countable);
# the texts of m1/m2 are near duplicates, those of m3/m4 also, m5 stands alone.
NEAR_A = "please delete every piece of my personal data today"
NEAR_B = "please delete every piece of my personal data now"
OTHER_A = "how long do you keep the recordings of my calls"
OTHER_B = "how long do you keep the recordings of my chats"
ALONE = "what a lovely day for a walk in the park with the dog"


@pytest.fixture
def crafted():
    connection = duckdb.connect()
    connection.sql(f"""
        create table messages as
        select message_id, md5(planted_match_text) as text_key, planted_match_text,
            duplicate_of_message_id, duplicate_kind, is_countable_duplicate,
        from (values
            ('m1', '{NEAR_A}', null, null, false),
            ('m2', '{NEAR_B}', 'm1', 'near', true),
            ('m3', '{OTHER_A}', null, null, false),
            ('m4', '{OTHER_B}', 'm3', 'near', true),
            ('m5', '{ALONE}', null, null, false)
        ) as crafted (
            message_id, planted_match_text, duplicate_of_message_id, duplicate_kind, is_countable_duplicate
        )
    """)
    yield connection
    connection.close()


def quality(connection, clusters: list[tuple[str, str]], pairs: list[tuple[str, str]]) -> dict:
    def keyed(rows):
        return ", ".join(f"(md5('{a}'), md5('{b}'))" for a, b in rows) or "(null, null)"

    connection.sql(
        f"create or replace table clusters as select * from (values {keyed(clusters)}) c(text_key, cluster_key)"
    )
    connection.sql(f"create or replace table pairs as select * from (values {keyed(pairs)}) p(text_key_a, text_key_b)")
    return benchmarking.duplicate_quality(connection, "messages", "clusters", "pairs", 0.6, 5)


def test_the_commit_is_dirty_for_changes_outside_the_bench_record(tmp_path):
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / "bench").mkdir()
    (tmp_path / "model.sql").write_text("select 1\n")
    for name in benchmarking.BENCH_RECORD_FILES:
        (tmp_path / name).write_text("first run\n")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "c")
    commit = benchmarking.git_commit(tmp_path)
    assert re.fullmatch(r"[0-9a-f]{7,}", commit)
    for name in benchmarking.BENCH_RECORD_FILES:
        (tmp_path / name).write_text("second run\n")
    (tmp_path / "untracked.txt").write_text("x\n")
    assert benchmarking.git_commit(tmp_path) == commit
    (tmp_path / "model.sql").write_text("select 2\n")
    assert benchmarking.git_commit(tmp_path) == f"{commit}-dirty"


def test_duplicate_quality_counts_recall_by_cluster_and_precision_by_pair(crafted):
    both = quality(crafted, [(NEAR_A, NEAR_A), (NEAR_B, NEAR_A)], [(NEAR_A, NEAR_B)])
    assert (both["near_recall"], both["near_recall_support"]) == (0.5, 2), "one of the two planted pairs clustered"
    assert (both["near_precision"], both["near_precision_support"]) == (1.0, 1)

    chained = quality(
        crafted,
        [(text, NEAR_A) for text in (NEAR_A, NEAR_B, OTHER_A, OTHER_B, ALONE)],
        [(NEAR_A, NEAR_B), (OTHER_A, OTHER_B), (NEAR_B, ALONE)],
    )
    assert chained["near_recall"] == 1.0
    assert chained["near_precision"] == pytest.approx(2 / 3), "the pair with the lone text is below the threshold"

    nothing = quality(crafted, [], [])
    assert (
        nothing["near_recall"] == 0.0 and nothing["near_precision"] is None and nothing["near_precision_support"] == 0
    )


def test_shingle_sets_match_the_dedup_macro():
    with duckdb.connect() as connection:
        shingles = benchmarking.shingle_set_sql("'abcdefg'", 5)
        [(ours,)] = connection.sql(f"select {shingles}").fetchall()
        [(expected,)] = connection.sql("select list_distinct([hash('abcde'), hash('bcdef'), hash('cdefg')])").fetchall()
    assert sorted(ours) == sorted(expected)


def test_run_measured_times_a_child_and_its_memory(tmp_path):
    # 0.4 s of work, then 0.5 s asleep: wall seconds count both, CPU seconds the work only
    script = (
        "import time; block = bytearray(200 * 2**20); end = time.process_time() + 0.4\n"
        "while time.process_time() < end: pass\n"
        "time.sleep(0.5); print('done')"
    )
    measured = benchmarking.run_measured([sys.executable, "-c", script], tmp_path / "child.out")
    assert measured.returncode == 0 and measured.seconds >= 0.9
    assert 0.4 <= measured.cpu_seconds < measured.seconds - 0.3
    assert measured.peak_rss_bytes >= 200 * 2**20
    assert (tmp_path / "child.out").read_text() == "done\n"
    assert benchmarking.tree_rss_bytes(os.getpid()) > 0


def test_progress_lines_carry_rows_and_seconds():
    assert progress.progress_message("ml_split_assignments", 12000, 11500, 3.04) == (
        "ml_split_assignments: 12,000 rows in, 11,500 rows out, 3.0 s"
    )
    frame = [1, 2, 3]
    assert progress.log_progress("model_x", 5, time.perf_counter(), frame) is frame


@pytest.mark.dbt
def test_a_models_run_uses_the_one_dbt_command_line(tmp_path, monkeypatch):
    """run_models_in_child starts the command line dbt_command builds, not a copy of its own."""
    spec = importlib.util.spec_from_file_location("bench_script", PROJECT_DIR / "scripts" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    started = []

    def refuse(command, cwd):
        started.append(command)
        raise RuntimeError("not started")

    monkeypatch.setattr(bench.subprocess, "Popen", refuse)
    with pytest.raises(RuntimeError):
        bench.run_models_in_child(("model_a", "model_b"), {"synthetic_messages": 10}, tmp_path, "split")
    expected = bench.dbt_command(
        ["run", "--quiet", "--select", "model_a", "model_b"], {"synthetic_messages": 10}, tmp_path, "split"
    )
    assert started == [expected]


def test_each_size_gets_an_empty_work_folder_with_or_without_keep(tmp_path):
    """Without --keep a new temporary folder (the default `make bench` path); with it DIR/<rows>,
    emptied of an earlier run's files."""
    spec = importlib.util.spec_from_file_location("bench_script", PROJECT_DIR / "scripts" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    temporary = bench.fresh_work_dir(500, None)
    try:
        assert sorted(path.name for path in temporary.iterdir()) == ["output"]
    finally:
        for folder in (temporary / "output", temporary):
            folder.rmdir()
    (tmp_path / "500" / "output").mkdir(parents=True)
    (tmp_path / "500" / "old.duckdb").write_text("an earlier run")
    kept = bench.fresh_work_dir(500, tmp_path)
    assert kept == tmp_path / "500"
    assert sorted(path.name for path in kept.iterdir()) == ["output"]


def test_a_small_bench_run(tmp_path):
    """scripts/bench.py at 2,000 messages: every layer timed, tests timed, the results and the plot written;
    our near-duplicate figures equal report_duplicate_quality's (the same measurement)."""
    results, plot = tmp_path / "results.csv", tmp_path / "results.png"
    command = [
        sys.executable,
        str(PROJECT_DIR / "scripts" / "bench.py"),
        "--rows",
        "2000",
        "--results",
        str(results),
        "--plot",
        str(plot),
        "--keep",
        str(tmp_path / "work"),
        "--skip-tests",
    ]
    if not (PROJECT_DIR / ".venv-bench" / "bin" / "python").exists():
        print("no .venv-bench (make bench-env): the datatrove part of this run is skipped")
        command.append("--no-datatrove")
    run = subprocess.run(command, cwd=PROJECT_DIR, capture_output=True, text=True, timeout=2400)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    rows = benchmarking.read_results(results)
    layers = [row["layer"] for row in rows]
    assert layers[: len(benchmarking.LAYERS)] == list(benchmarking.LAYERS)
    assert {"build", "near_duplicates", "cheap_stages", "cheap_stages_floor"} <= set(layers)
    for row in rows:
        assert row["rows"] == 2000 and row["seconds"] >= 0 and row["cpu_cores"] >= 1
        if row["layer"] in benchmarking.LAYERS:
            assert row["peak_rss_bytes"] > 50 * 2**20, row
    for layer in benchmarking.LAYERS:
        assert f"[2,000] {layer}" in run.stdout, f"no progress line for {layer}"
    assert plot.read_bytes()[:4] == b"\x89PNG"
    # dbt rotates its log file at 10 MB (dbt.log.1, ...): read them all
    log = "".join(path.read_text() for path in (tmp_path / "work" / "2000" / "logs").glob("dbt.log*"))
    for name in ("int_message_texts_repaired", "ml_sampled_messages", "ml_split_assignments", "ml_smote_examples"):
        assert re.search(rf"{name}: [0-9,]+ rows in, [0-9,]+ rows out, [0-9.]+ s", log), f"no progress line of {name}"
    ours = next(row for row in rows if row["layer"] == "near_duplicates")
    with duckdb.connect(str(tmp_path / "work" / "2000" / "bench.duckdb"), read_only=True) as connection:
        reported = dict(
            connection.sql("select metric, value from report_duplicate_quality where slice = 'near'").fetchall()
        )
    assert ours["near_recall"] == pytest.approx(reported["recall"], abs=1e-4)
    assert ours["near_precision"] == pytest.approx(reported["precision"], abs=1e-4)
    summary = json.dumps(rows)
    assert "near_duplicates_datatrove" in summary or "--no-datatrove" in command


def test_node_seconds_are_summed_per_layer_in_build_order():
    manifest = {
        "nodes": {
            "seed.p.labels": {"name": "labels", "resource_type": "seed", "tags": []},
            "model.p.stg_a": {"name": "stg_a", "resource_type": "model", "tags": ["staging"]},
            "model.p.int_a": {"name": "int_a", "resource_type": "model", "tags": ["nightly", "intermediate"]},
            "model.p.int_b": {"name": "int_b", "resource_type": "model", "tags": ["intermediate"]},
            "model.p.loose": {"name": "loose", "resource_type": "model", "tags": []},
            "test.p.not_null": {"name": "not_null", "resource_type": "test", "tags": ["staging"]},
        }
    }
    assert benchmarking.layer_of_nodes(manifest) == {
        "labels": "seed",
        "stg_a": "staging",
        "int_a": "intermediate",
        "int_b": "intermediate",
        "loose": None,
    }
    seconds = {"int_b": 2.0, "loose": 0.5, "stg_a": 1.0, "int_a": 3.0, "labels": 0.25}
    by_layer = benchmarking.node_seconds_by_layer(manifest, seconds)
    assert list(by_layer.items()) == [("seed", 0.25), ("staging", 1.0), ("intermediate", 5.0), ("other", 0.5)]


def test_a_small_whole_build_bench_run(tmp_path):
    """scripts/bench.py --whole at 2,000 messages: one `dbt seed` and one `dbt run`, recorded as seed, run and
    whole_build (their sum), with each layer's node seconds printed."""
    results = tmp_path / "results.csv"
    command = [
        sys.executable,
        str(PROJECT_DIR / "scripts" / "bench.py"),
        "--rows",
        "2000",
        "--whole",
        "--results",
        str(results),
        "--plot",
        str(tmp_path / "results.png"),
        "--skip-tests",
        "--no-datatrove",
    ]
    run = subprocess.run(command, cwd=PROJECT_DIR, capture_output=True, text=True, timeout=2400)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    rows = {row["layer"]: row for row in benchmarking.read_results(results)}
    assert {"seed", "run", "whole_build", "near_duplicates", "cheap_stages"} <= set(rows)
    assert not set(rows) & (set(benchmarking.LAYERS) - {"seed"}), "no per-layer process in whole mode"
    assert rows["whole_build"]["seconds"] == pytest.approx(rows["seed"]["seconds"] + rows["run"]["seconds"], abs=0.01)
    assert rows["whole_build"]["peak_rss_bytes"] == max(rows["seed"]["peak_rss_bytes"], rows["run"]["peak_rss_bytes"])
    assert rows["seed"]["cpu_seconds"] > 0 and rows["run"]["cpu_seconds"] > 0
    whole_cpu = rows["seed"]["cpu_seconds"] + rows["run"]["cpu_seconds"]
    assert rows["whole_build"]["cpu_seconds"] == pytest.approx(whole_cpu, abs=0.01)
    for layer in ("synthetic", "intermediate", "ml", "export"):
        assert re.search(rf"\[2,000\]   {layer} +[0-9.]+ s in nodes", run.stdout), f"no node seconds for {layer}"
