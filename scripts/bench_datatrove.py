"""datatrove's MinHash deduplication over a Parquet of texts: the benchmark's peer for near duplicates.

Runs in the bench-only environment `.venv-bench` (requirements-bench.txt), never in `.venv`:

    .venv-bench/bin/python scripts/bench_datatrove.py --texts texts.parquet --work DIR \
        --shingle-size 5 --bands 20 --rows-per-band 6 [--workers 2]

`texts.parquet` holds one row per text (column `text`), in the order the caller wants the document
numbers to follow (row i is document i). datatrove's four MinHash stages run as it documents them
(signatures, buckets, clusters, filter), with character shingles of `--shingle-size` characters
(a tokenizer that yields characters, and no text normalisation: the texts come normalised), and
`--bands` buckets of `--rows-per-band` hashes. datatrove has no similarity threshold: any band
match makes a pair. Writes to DIR:

- `pairs.parquet`: the pairs its buckets stage reported (`document_a`, `document_b`), distinct;
- `clusters.parquet`: each document of a cluster (`document`) with its cluster number (`cluster`);
- `kept.parquet`: the documents its filter stage kept (datatrove's own writer);
- `datatrove.json`: the seconds of each stage and the document counts.
"""

from __future__ import annotations

import argparse
import json
import struct
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.dedup.minhash import (
    MinhashConfig,
    MinhashDedupBuckets,
    MinhashDedupCluster,
    MinhashDedupFilter,
    MinhashDedupSignature,
)
from datatrove.pipeline.writers import ParquetWriter
from datatrove.utils.hashing import HashConfig
from datatrove.utils.text import TextNormConfig
from datatrove.utils.word_tokenizers import WordTokenizer


class CharacterTokenizer(WordTokenizer):
    """Each character is a token, so datatrove's n-grams are character shingles."""

    def word_tokenize(self, text: str) -> list[str]:
        return list(text)

    def sent_tokenize(self, text: str) -> list[str]:
        return [text]

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        return [(0, len(text))]


def shard_bounds(count: int, rank: int, world_size: int) -> tuple[int, int]:
    """The contiguous rows [start, stop) of task ``rank`` out of ``world_size``."""
    return count * rank // world_size, count * (rank + 1) // world_size


def reader(texts_path: Path):
    """A datatrove pipeline step that yields task ``rank``'s share of the texts as documents."""

    def read(data, rank: int = 0, world_size: int = 1):
        table = pq.read_table(texts_path, columns=["text"])
        start, stop = shard_bounds(table.num_rows, rank, world_size)
        for offset, text in enumerate(table.column("text").slice(start, stop - start).to_pylist()):
            yield Document(text=text, id=str(start + offset))

    return read


def read_records(path: Path, layout: str):
    size = struct.calcsize(layout)
    data = path.read_bytes()
    return [struct.unpack_from(layout, data, offset) for offset in range(0, len(data), size)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--shingle-size", type=int, required=True)
    parser.add_argument("--bands", type=int, required=True)
    parser.add_argument("--rows-per-band", type=int, required=True)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()

    work = options.work
    work.mkdir(parents=True, exist_ok=True)
    count = pq.read_metadata(options.texts).num_rows
    tasks = max(1, min(options.workers, count))
    config = MinhashConfig(
        n_grams=options.shingle_size,
        num_buckets=options.bands,
        hashes_per_bucket=options.rows_per_band,
        norm_config=TextNormConfig(
            lowercase=False,
            norm_whitespace=False,
            remove_punctuation=False,
            norm_unicode_diacritics=False,
            norm_numbers=False,
        ),
        hash_config=HashConfig(precision=64),
    )
    stages = {
        "signatures": LocalPipelineExecutor(
            pipeline=[
                reader(options.texts),
                MinhashDedupSignature(
                    output_folder=str(work / "signatures"), config=config, language=CharacterTokenizer()
                ),
            ],
            tasks=tasks,
            workers=options.workers,
            logging_dir=str(work / "logs" / "signatures"),
        ),
        "buckets": LocalPipelineExecutor(
            pipeline=[
                MinhashDedupBuckets(
                    input_folder=str(work / "signatures"), output_folder=str(work / "buckets"), config=config
                )
            ],
            tasks=options.bands,
            workers=options.workers,
            logging_dir=str(work / "logs" / "buckets"),
        ),
        "clusters": LocalPipelineExecutor(
            pipeline=[
                MinhashDedupCluster(
                    input_folder=str(work / "buckets"),
                    output_folder=str(work / "remove"),
                    config=config,
                    save_cluster_id=True,
                )
            ],
            tasks=1,
            logging_dir=str(work / "logs" / "clusters"),
        ),
        "filter": LocalPipelineExecutor(
            pipeline=[
                reader(options.texts),
                MinhashDedupFilter(input_folder=str(work / "remove")),
                ParquetWriter(output_folder=str(work / "kept"), output_filename="${rank}.parquet"),
            ],
            tasks=tasks,
            workers=options.workers,
            logging_dir=str(work / "logs" / "filter"),
        ),
    }
    seconds = {}
    for name, executor in stages.items():
        started = time.perf_counter()
        executor.run()
        seconds[name] = round(time.perf_counter() - started, 3)

    # document numbers: the rank's first row plus the document's position in the rank's stream
    starts = {rank: shard_bounds(count, rank, tasks)[0] for rank in range(tasks)}
    pairs = set()
    for dups in sorted((work / "buckets").glob("*.dups")):
        for file_a, doc_a, file_b, doc_b in read_records(dups, "<4I"):
            a, b = starts[file_a] + doc_a, starts[file_b] + doc_b
            pairs.add((min(a, b), max(a, b)))
    ordered = sorted(pairs)
    pq.write_table(
        pa.table(
            {
                "document_a": pa.array([a for a, _ in ordered], pa.int64()),
                "document_b": pa.array([b for _, b in ordered], pa.int64()),
            }
        ),
        work / "pairs.parquet",
    )
    members = []
    for rank in range(tasks):
        path = work / "remove" / f"{rank:06d}.clusters"
        if path.exists():
            members += [(starts[rank] + doc, cluster) for doc, cluster in read_records(path, "<2I")]
    members.sort()
    pq.write_table(
        pa.table(
            {
                "document": pa.array([doc for doc, _ in members], pa.int64()),
                "cluster": pa.array([cluster for _, cluster in members], pa.int64()),
            }
        ),
        work / "clusters.parquet",
    )
    remove_files = [work / "remove" / f"{rank:06d}.remove" for rank in range(tasks)]
    removed = sum(path.stat().st_size // 4 for path in remove_files if path.exists())
    kept = sum(pq.read_metadata(path).num_rows for path in (work / "kept").glob("*.parquet"))
    summary = {
        "documents": count,
        "kept": kept,
        "removed": removed,
        "pairs": len(ordered),
        "clustered": len(members),
        "stage_seconds": seconds,
        "workers": options.workers,
    }
    (work / "datatrove.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
