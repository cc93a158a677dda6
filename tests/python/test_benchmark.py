"""The real benchmark in data/benchmark/: its contract, its provenance, and that it never enters training."""

from __future__ import annotations

import re

import duckdb
import pytest
from conftest import PROJECT_DIR

BENCHMARK = PROJECT_DIR / "data" / "benchmark" / "benchmark.parquet"
COLUMNS = {
    "benchmark_id": "VARCHAR",
    "text": "VARCHAR",
    "is_privacy": "BOOLEAN",
    "intent": "VARCHAR",
    "source": "VARCHAR",
    "source_label": "VARCHAR",
    "source_url": "VARCHAR",
    "licence": "VARCHAR",
    "register": "VARCHAR",
    "language": "VARCHAR",
}
# Licences that allow redistribution (the benchmark is committed and shipped).
ALLOWED_LICENCE = re.compile(r"^(CC0 1\.0|CC BY [0-9.]+|MIT|Apache-2\.0)$")
# Sources reserved for an independent evaluation: nothing from them may be used here.
RESERVED = ("clinc", "oos-eval", "banking77", "task-specific-datasets", "privacyqa", "aakashsorathiya/sage")


def benchmark_rows(sql: str):
    with duckdb.connect() as connection:
        connection.sql(f"create view benchmark as select * from read_parquet('{BENCHMARK}')")
        return connection.sql(sql).fetchall()


def intent_labels() -> set[str]:
    with duckdb.connect() as connection:
        path = PROJECT_DIR / "seeds" / "intent_taxonomy.csv"
        return {row[0] for row in connection.sql(f"select intent from read_csv('{path}')").fetchall()}


def fingerprint(text: str) -> str:
    """Lower-case letters and digits only: survives the pipeline's normalisation and casing."""
    return re.sub(r"[^0-9a-z]+", "", text.lower())


def test_the_benchmark_has_the_documented_columns_and_size():
    with duckdb.connect() as connection:
        described = connection.sql(f"describe select * from read_parquet('{BENCHMARK}')").fetchall()
    assert {name: kind for name, kind, *_ in described} == COLUMNS
    (rows, ids, texts), *_ = benchmark_rows("select count(*), count(distinct benchmark_id), count(text) from benchmark")
    assert 2000 <= rows <= 5000
    assert ids == rows, "benchmark_id must be unique"
    assert texts == rows, "every row carries its text"


def test_every_row_keeps_its_provenance_and_a_redistributable_licence():
    missing = benchmark_rows(
        "select count(*) from benchmark where source is null or source_label is null or source_url is null "
        "or licence is null or register is null or language is null or is_privacy is null"
    )
    assert missing == [(0,)]
    licences = {licence for (licence,) in benchmark_rows("select distinct licence from benchmark")}
    assert all(ALLOWED_LICENCE.match(licence) for licence in licences), licences
    urls = {url.lower() for (url,) in benchmark_rows("select distinct source_url from benchmark")}
    assert not [url for url in urls if any(name in url for name in RESERVED)]
    readme = (BENCHMARK.parent / "README.md").read_text(encoding="utf-8")
    for source, url in benchmark_rows("select distinct source, source_url from benchmark"):
        assert source in readme and url in readme, f"{source} is not attributed in data/benchmark/README.md"


def test_labels_are_intents_or_null_and_both_classes_are_present():
    intents = {intent for (intent,) in benchmark_rows("select distinct intent from benchmark where intent is not null")}
    assert intents <= intent_labels()
    assert benchmark_rows("select count(*) from benchmark where intent = 'non_privacy' and is_privacy") == [(0,)]
    assert benchmark_rows("select count(*) from benchmark where intent <> 'non_privacy' and not is_privacy") == [(0,)]
    ((privacy, other),) = benchmark_rows(
        "select count(*) filter (is_privacy), count(*) filter (not is_privacy) from benchmark"
    )
    # Real privacy-related text under a redistributable licence is scarce (data/benchmark/README.md):
    # both classes must be there, the privacy rows in a number worth a recall figure.
    assert privacy >= 40 and other >= 1000


@pytest.mark.dbt
def test_no_benchmark_text_reaches_the_export(default_build):
    """The benchmark never enters training: no exported text (any split) equals a benchmark text."""
    benchmark = {fingerprint(text) for (text,) in benchmark_rows("select text from benchmark")}
    benchmark.discard("")
    texts = default_build.export_rows("select text from export where text is not null")
    exported = {fingerprint(text) for (text,) in texts}
    assert not benchmark & exported, sorted(benchmark & exported)[:5]


def test_no_benchmark_text_is_in_the_landing_zone():
    """The committed raw files (samples and public corpora) share no text with the benchmark."""
    benchmark = {fingerprint(text) for (text,) in benchmark_rows("select text from benchmark")}
    raw = PROJECT_DIR / "data" / "raw" / "messages"
    with duckdb.connect() as connection:
        texts = []
        for path in sorted(raw.iterdir()):
            if path.suffix == ".parquet":
                texts += connection.sql(f"select text from read_parquet('{path}')").fetchall()
            elif path.suffix == ".csv":
                texts += connection.sql(f"select text from read_csv('{path}', all_varchar = true)").fetchall()
            elif path.suffix == ".jsonl":
                texts += connection.sql(f"select text::varchar from read_json('{path}')").fetchall()
    landed = {fingerprint(text) for (text,) in texts if text}
    assert texts and not benchmark & landed, sorted(benchmark & landed)[:5]


@pytest.fixture(autouse=True)
def _require_benchmark():
    assert BENCHMARK.exists(), f"{BENCHMARK} is missing: the benchmark is committed with the project"
