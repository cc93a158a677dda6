"""Helpers of the benchmark harness (scripts/bench.py): measuring a child process, the results file,
the duplicate-quality figures of a deduplicator, and the plot. Plain functions, tested without dbt.
"""

from __future__ import annotations

import csv
import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

# The layers in build order, each built by its own dbt process: a layer only reads earlier ones.
LAYERS = ("seed", "synthetic", "staging", "intermediate", "marts", "reports", "ml", "export")
# The columns of bench/results.csv, in this order; one row per size and step.
RESULT_COLUMNS = (
    "rows",
    "layer",
    "seconds",
    "peak_rss_bytes",
    "node_seconds",
    "cpu_seconds",
    "near_recall",
    "near_precision",
    "git_commit",
    "machine",
    "cpu_cores",
    "ram_bytes",
    "measured_at",
)
# What the plot draws: the layers, the test step and the two whole-build totals (the sum of the layer
# processes; one `dbt seed` plus one `dbt run`, bench.py --whole), then each comparison (ours, its peer).
PLOTTED_LAYERS = (*LAYERS, "test", "build", "whole_build")
COMPARISONS = (("near_duplicates", "near_duplicates_datatrove"), ("cheap_stages", "cheap_stages_floor"))


def layer_of_nodes(manifest: dict) -> dict[str, str | None]:
    """Each model's and seed's name with its layer: seeds are `seed`, a model its first tag in LAYERS
    (None when it has none)."""
    return {
        node["name"]: "seed"
        if node["resource_type"] == "seed"
        else next((tag for tag in node["tags"] if tag in LAYERS), None)
        for node in manifest["nodes"].values()
        if node["resource_type"] in ("model", "seed")
    }


def node_seconds_by_layer(manifest: dict, node_seconds: dict[str, float]) -> dict[str, float]:
    """The node seconds (name -> seconds) summed per layer, in build order; layers with no node left out.
    Nodes of no layer (the on-run-start and on-run-end hooks) are summed as `other`."""
    layer_of = layer_of_nodes(manifest)
    sums: dict[str, float] = {}
    for name, seconds in node_seconds.items():
        layer = layer_of.get(name) or "other"
        sums[layer] = sums.get(layer, 0.0) + seconds
    order = [*LAYERS, "other"]
    return {layer: sums[layer] for layer in order if layer in sums}


@dataclass
class Measured:
    """One child process: its wall seconds, the peak resident memory of its process tree, its exit code,
    and the CPU seconds (user + system) of the process and the children it waited for (workers included):
    the machine's speed varies from hour to hour, and CPU seconds let two runs of one hour be compared
    model by model."""

    seconds: float
    peak_rss_bytes: int
    returncode: int
    cpu_seconds: float


def children_by_parent(proc: Path = Path("/proc")) -> dict[int, list[int]]:
    """Every running process id under its parent's id, read from ``/proc/<pid>/stat``."""
    children: dict[int, list[int]] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # the process ended meanwhile
            continue
        # the command name (field 2) is in brackets and may hold spaces: the parent id follows the last ')'
        parent = int(stat[stat.rindex(")") + 2 :].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    return children


def tree_rss_bytes(root: int, proc: Path = Path("/proc")) -> int:
    """The resident memory of ``root`` and all its descendants, summed (0 once they have ended)."""
    children = children_by_parent(proc)
    page = os.sysconf("SC_PAGE_SIZE")
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        pending.extend(children.get(pid, ()))
        try:
            total += int((proc / str(pid) / "statm").read_text().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue
    return total


def run_measured(command: list[str], log_path: Path, env: dict | None = None, cwd: Path | None = None) -> Measured:
    """Run ``command`` with its output in ``log_path``; wall seconds and peak memory of its process tree.

    The tree's resident memory is sampled every 0.1 s (the sum over every process, workers included);
    the largest single process's own peak (``ru_maxrss``, exact) is taken when it is higher, so a
    short spike between two samples of a one-process tree is not missed."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    peak = 0
    done = threading.Event()
    with log_path.open("w") as log:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=cwd)

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, tree_rss_bytes(child.pid))
                done.wait(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        child.returncode = os.waitstatus_to_exitcode(status)
    cpu_seconds = usage.ru_utime + usage.ru_stime
    return Measured(seconds, max(peak, usage.ru_maxrss * 1024), child.returncode, cpu_seconds)


def machine_facts() -> dict:
    """The machine a measurement comes from: CPU model, cores, total memory."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "machine": model,
        "cpu_cores": os.cpu_count() or 0,
        "ram_bytes": os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"),
    }


# The bench's own record: a run that follows another at the same commit changed only these, and is
# still a run of that commit (so that runs of several sizes at one commit are drawn together).
BENCH_RECORD_FILES = ("bench/results.csv", "bench/results.png")


def git_commit(project_dir: Path) -> str:
    """The short commit of the project, with ``-dirty`` when tracked files other than the bench's
    own record (``BENCH_RECORD_FILES``) differ from it."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=project_dir, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", "."]
            + [f":(exclude){path}" for path in BENCH_RECORD_FILES],
            cwd=project_dir,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{commit}-dirty" if dirty else commit


def format_cell(value) -> str:
    """A CSV cell: empty for None, floats with up to 4 decimals, everything else as text."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value == value else ""
    return str(value)


def append_results(path: Path, rows: list[dict]) -> None:
    """Append ``rows`` (dicts keyed by RESULT_COLUMNS) to the results CSV, writing the header first when
    the file is new. A file with another header is refused rather than mixed."""
    header = ",".join(RESULT_COLUMNS)
    if path.exists() and path.stat().st_size:
        first_line = path.read_text().splitlines()[0]
        if first_line != header:
            raise ValueError(f"{path} has other columns ({first_line}); move it away to start a new file")
        new = False
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        new = True
    unknown = sorted({key for row in rows for key in row} - set(RESULT_COLUMNS))
    if unknown:
        raise ValueError(f"unknown result columns: {', '.join(unknown)}")
    with path.open("a", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        if new:
            writer.writerow(RESULT_COLUMNS)
        for row in rows:
            writer.writerow([format_cell(row.get(column)) for column in RESULT_COLUMNS])


def read_results(path: Path) -> list[dict]:
    """The rows of a results CSV, numbers parsed (empty cells are None)."""
    numeric = {"rows", "cpu_cores", "ram_bytes", "peak_rss_bytes"}
    decimal = {"seconds", "node_seconds", "cpu_seconds", "near_recall", "near_precision"}
    rows = []
    with path.open(newline="") as handle:
        for raw in csv.DictReader(handle):
            row = {}
            for key, value in raw.items():
                if value == "":
                    row[key] = None
                elif key in numeric:
                    row[key] = int(value)
                elif key in decimal:
                    row[key] = float(value)
                else:
                    row[key] = value
            rows.append(row)
    return rows


def latest_by_size_and_layer(rows: list[dict], commit: str) -> dict[tuple[int, str], dict]:
    """The last row of each (rows, layer) among the rows measured at ``commit``."""
    latest: dict[tuple[int, str], dict] = {}
    for row in rows:
        if row["git_commit"] == commit:
            latest[(row["rows"], row["layer"])] = row
    return latest


def plot_results(results: Path, png: Path, commit: str) -> Path:
    """Draw wall seconds and peak memory per layer against rows (log-x) for the measurements of
    ``commit`` in ``results``, and the same for each comparison (ours against its peer); write ``png``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    latest = latest_by_size_and_layer(read_results(results), commit)
    sizes = sorted({size for size, _ in latest})
    figure, axes = plt.subplots(2, 2, figsize=(13, 9))
    panels = (
        (axes[0][0], PLOTTED_LAYERS, "seconds", "wall seconds per layer"),
        (axes[0][1], PLOTTED_LAYERS, "peak_rss_bytes", "peak memory per layer (GiB)"),
        (axes[1][0], [name for pair in COMPARISONS for name in pair], "seconds", "side by side: seconds"),
        (axes[1][1], [name for pair in COMPARISONS for name in pair], "peak_rss_bytes", "side by side: peak GiB"),
    )
    for axis, layers, field, title in panels:
        for layer in layers:
            points = [
                (size, latest[(size, layer)][field])
                for size in sizes
                if (size, layer) in latest and latest[(size, layer)][field] is not None
            ]
            if not points:
                continue
            xs = [size for size, _ in points]
            ys = [value / 2**30 if field == "peak_rss_bytes" else value for _, value in points]
            style = "--" if layer.endswith(("_datatrove", "_floor")) else "-"
            axis.plot(xs, ys, style, marker="o", label=layer)
        axis.set_xscale("log")
        axis.set_xlabel("generated messages")
        axis.set_title(title)
        axis.grid(True, which="both", alpha=0.3)
        if axis.lines:
            axis.legend(fontsize=8)
    machine = next(iter(latest.values()), {})
    figure.suptitle(
        f"privacy-curation bench at {commit}: {machine.get('cpu_cores', '?')} cores, "
        f"{(machine.get('ram_bytes') or 0) / 2**30:.0f} GiB, {machine.get('machine', '?')}"
    )
    figure.tight_layout()
    png.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(png, dpi=100)
    plt.close(figure)
    return png


def shingle_set_sql(text_expression: str, shingle_size: int) -> str:
    """SQL for the set (distinct list) of hashed character shingles of a text, as the dedup models
    shingle it: every substring of ``shingle_size`` characters, hashed by DuckDB's ``hash``."""
    return (
        f"list_distinct(list_transform(range(1, length({text_expression}) - {shingle_size} + 2), "
        f"lambda start_at: hash(substr({text_expression}, start_at, {shingle_size}))))"
    )


def duplicate_quality(connection, messages: str, clusters: str, pairs: str, threshold: float, shingle_size: int):
    """Near-duplicate recall and precision of one deduplicator against the generator's ground truth,
    measured as report_duplicate_quality measures the pipeline's own.

    ``messages``: a relation of the synthetic messages that reach deduplication, with ``message_id``,
    ``text_key`` (the md5 of the matching text), ``planted_match_text``, ``duplicate_of_message_id``,
    ``duplicate_kind`` and ``is_countable_duplicate`` (from synthetic_ground_truth).
    ``clusters``: ``text_key``, ``cluster_key`` for each text the deduplicator put in a cluster (a text
    outside it is its own cluster, as are its exact copies). ``pairs``: ``text_key_a``, ``text_key_b``,
    the text pairs the deduplicator declares near duplicates.

    Recall: of the countable planted near duplicates, the share in their original's cluster.
    Precision: of the declared pairs between texts of these messages, the share whose planted texts
    (of the smallest message id with each text) have a shingle Jaccard similarity of at least
    ``threshold``. Returns recall, its support, precision, its support.
    """
    shingles = shingle_set_sql("planted_match_text", shingle_size)
    [(recall, recall_support)] = connection.sql(f"""
        with keyed as (
            select messages.*, coalesce(clusters.cluster_key, messages.text_key) as cluster_key,
            from {messages} as messages
            left join {clusters} as clusters on messages.text_key = clusters.text_key
        )
        select avg((copies.cluster_key = originals.cluster_key)::integer), count(*)
        from keyed as copies
        inner join keyed as originals on copies.duplicate_of_message_id = originals.message_id
        where copies.duplicate_kind = 'near' and copies.is_countable_duplicate
    """).fetchall()
    [(precision, precision_support)] = connection.sql(f"""
        with witnesses as (
            select text_key, {shingles} as shingle_set,
            from (
                select text_key, arg_min(planted_match_text, message_id) as planted_match_text,
                from {messages}
                group by text_key
            )
        ),
        compared as (
            select
                len(list_intersect(a.shingle_set, b.shingle_set)) as shared,
                len(a.shingle_set) + len(b.shingle_set) as summed,
            from {pairs} as pairs
            inner join witnesses as a on pairs.text_key_a = a.text_key
            inner join witnesses as b on pairs.text_key_b = b.text_key
        )
        select avg((shared / (summed - shared) >= {threshold})::integer), count(*)
        from compared
    """).fetchall()
    return {
        "near_recall": recall,
        "near_recall_support": recall_support,
        "near_precision": precision,
        "near_precision_support": precision_support,
    }
