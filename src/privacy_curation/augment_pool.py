"""Augmenting many classes at once, on two processes when the work is large.

The augmenter is pure Python and each class is independent of the others (its texts, its need and
its seed), so at 1,000,000 messages a worker process takes about half of the classes while the
model's own process does the rest. The worker is a fresh interpreter (``python -m
privacy_curation.augment_pool``), never a fork of the dbt process, which holds DuckDB's threads;
it imports only NumPy and the augmenter, reads its classes as a pickle on stdin and writes their
results as a pickle on stdout. Each class gives the same result wherever it runs, and the results
are returned by label, so the output does not depend on the split of the work.

Below ``POOL_MIN_ROWS`` new rows in all (the default 20,000-message build needs about 10,000) the
classes run in the calling process: there a second interpreter's start-up would cost more than
it saves.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

from privacy_curation.augment import Augmented, Lexicon, augment_class
from privacy_curation.gc_paused import gc_paused

# fewest new rows (all classes together) worth a worker process
POOL_MIN_ROWS = 100_000

# one class: (label, texts, languages, example ids, rows needed, seed): the arguments of augment_class
ClassJob = tuple[str, Sequence[str], Sequence[str | None], Sequence[str], int, int]


def run_jobs(jobs: Sequence[ClassJob], lexicon: Lexicon) -> dict[str, Augmented]:
    """Each class's :func:`privacy_curation.augment.augment_class` result, by label, in this process."""
    return {
        label: augment_class(texts, languages, ids, needed, lexicon, seed)
        for label, texts, languages, ids, needed, seed in jobs
    }


def halves(jobs: Sequence[ClassJob]) -> tuple[list[ClassJob], list[ClassJob]]:
    """The classes in two parts of about equal work (rows needed): largest first, each to the
    lighter part (ties to the first part); classes that need nothing stay in the first part (the
    caller's), so their texts are never sent. Depends only on the jobs."""
    parts: tuple[list[ClassJob], list[ClassJob]] = ([], [])
    loads = [0, 0]
    for job in sorted(jobs, key=lambda job: (-max(job[4], 0), job[0])):
        side = 0 if loads[0] <= loads[1] or job[4] <= 0 else 1
        parts[side].append(job)
        loads[side] += max(job[4], 0)
    return parts


def start_worker(jobs: Sequence[ClassJob], lexicon: Lexicon) -> tuple[subprocess.Popen, threading.Thread]:
    """A worker interpreter augmenting ``jobs``; its input is written by a thread, so the caller goes on."""
    package_root = str(Path(__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    worker = subprocess.Popen(
        [sys.executable, "-m", "privacy_curation.augment_pool"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
    )
    payload = pickle.dumps((list(jobs), lexicon), protocol=pickle.HIGHEST_PROTOCOL)

    def write() -> None:
        try:
            worker.stdin.write(payload)
            worker.stdin.close()
        except BrokenPipeError:  # the worker died: its exit code tells
            pass

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    return worker, writer


def finish_worker(worker: subprocess.Popen, writer: threading.Thread) -> dict[str, Augmented]:
    """The worker's results, once it has finished; an error when it failed."""
    output = worker.stdout.read()
    writer.join()
    if worker.wait() != 0:
        raise RuntimeError(f"the augment worker process failed (exit code {worker.returncode}); see its error above")
    return pickle.loads(output)


def augment_classes(
    jobs: Sequence[ClassJob], lexicon: Lexicon, min_rows: int = POOL_MIN_ROWS
) -> Mapping[str, Augmented]:
    """Every class's augmented texts, by label: half of the work on a worker process when the
    classes need ``min_rows`` new rows or more, else all of it here. Same result either way."""
    if len(jobs) < 2 or sum(job[4] for job in jobs) < min_rows:
        return run_jobs(jobs, lexicon)
    mine, theirs = halves(jobs)
    worker, writer = start_worker(theirs, lexicon)
    try:
        results = run_jobs(mine, lexicon)
    except BaseException:
        worker.kill()
        worker.wait()
        raise
    return results | finish_worker(worker, writer)


def main() -> None:
    """The worker: classes and lexicon from stdin, their results to stdout (both pickles)."""
    with gc_paused():
        jobs, lexicon = pickle.load(sys.stdin.buffer)
        results = run_jobs(jobs, lexicon)
        sys.stdout.buffer.write(pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))
        sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
