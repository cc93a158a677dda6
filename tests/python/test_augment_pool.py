"""Unit tests of augmenting many classes (privacy_curation.augment_pool): the worker process gives
exactly what the calling process gives, and the work is split the same way every time."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest

from privacy_curation import augment_pool
from privacy_curation.augment import build_lexicon
from privacy_curation.augment_pool import augment_classes, halves, run_jobs
from privacy_curation.balance_table import augmented_table
from privacy_curation.seeding import stable_seed

LEXICON = build_lexicon([("en", "data", "information"), ("en", "delete", "erase"), ("de", "Daten", "Angaben")])
WORDS = ["please", "delete", "my", "data", "now", "and", "tell", "me", "<EMAIL>", "when", "done", "Daten", "bitte"]


def jobs(classes: int = 5, rows: int = 40, needed: int = 90) -> list:
    generator = np.random.default_rng(7)
    made = []
    for number in range(classes):
        label = f"intent_{number}"
        texts = [" ".join(generator.choice(WORDS, size=generator.integers(2, 12))) for _ in range(rows)]
        languages = [["en", "de", None][row % 3] for row in range(rows)]
        ids = [f"msg-{number:02d}{row:04d}" for row in range(rows)]
        made.append((label, texts, languages, ids, needed + 13 * number, stable_seed(42, label)))
    return made


def test_the_worker_process_gives_what_the_calling_process_gives():
    classes = jobs()
    assert augment_classes(classes, LEXICON, min_rows=0) == run_jobs(classes, LEXICON)


def test_small_work_stays_in_the_calling_process(monkeypatch):
    def no_worker(*args, **kwargs):
        raise AssertionError("a worker was started below min_rows")

    monkeypatch.setattr(augment_pool, "start_worker", no_worker)
    classes = jobs()
    assert augment_classes(classes, LEXICON) == run_jobs(classes, LEXICON)


def test_halves_balance_the_work_and_keep_every_class_once():
    classes = jobs(classes=7)
    first, second = halves(classes)
    assert sorted(job[0] for job in first + second) == sorted(job[0] for job in classes)
    load = [sum(job[4] for job in part) for part in (first, second)]
    assert abs(load[0] - load[1]) <= max(job[4] for job in classes)
    assert halves(list(reversed(classes))) == (first, second)


def test_classes_that_need_nothing_are_not_sent_to_the_worker():
    classes = [*jobs(classes=4), ("full", ["a text"] * 500, ["en"] * 500, [f"m{i}" for i in range(500)], 0, 1)]
    first, second = halves(classes)
    assert "full" in [job[0] for job in first] and "full" not in [job[0] for job in second]


def test_a_failing_worker_is_an_error(monkeypatch):
    monkeypatch.setattr(sys, "executable", str(Path(sys.executable).with_name("no-such-python")))
    with pytest.raises((RuntimeError, OSError)):
        augment_classes(jobs(), LEXICON, min_rows=0)


def test_augmented_table_takes_arrow_or_python_columns_alike():
    classes = jobs(classes=3)
    results = run_jobs(classes, LEXICON)
    ids = [row_id for job in classes for row_id in job[3]]
    channels = [["email", "chat", None][row % 3] for row in range(len(ids))]
    locales = ["en-GB"] * len(ids)
    features = np.arange(len(ids) * 2, dtype=np.float32).reshape(-1, 2)
    offsets = np.cumsum([0] + [len(job[3]) for job in classes])
    per_class = {job[0]: (results[job[0]], np.arange(offsets[i], offsets[i + 1])) for i, job in enumerate(classes)}
    from_lists = augmented_table(per_class, ids, channels, locales, features, ["f_a", "f_b"])
    from_arrow = augmented_table(
        per_class, pa.chunked_array([ids]), pa.array(channels), pa.array(locales), features, ["f_a", "f_b"]
    )
    assert from_lists.equals(from_arrow)
    first = from_lists.slice(0, 1).to_pylist()[0]
    assert first["example_id"] == "syn-intent_0-00000001" and first["balance_action"] == "add"
    assert first["source_example_ids"][0].startswith("msg-00")
