"""Hand the dataset over: copy the Parquet file, its manifest and its card to a training project's data folder.

Run through `make export DEST=<folder>`. Only what the last successful build wrote is handed over: the audit
trail of the build's database (`audit.dbt_invocations`, `audit.dbt_node_results`, `audit.build_class_mix`)
names the last invocation that wrote `curated_training_data`; it must have succeeded (a build that failed a
test after writing the Parquet file is refused) and have written the manifest's `dataset_version`. The
Parquet file is checked against the manifest's `parquet_sha256` twice: in the output folder before copying
(a file changed after the build is refused) and in the destination after copying (a copy that went wrong is
removed). Files land under temporary names and are renamed only once every check has passed, so the
destination never holds a half-written or unverified dataset. Exit status 1, with the reason on stderr, on
any failure; on success the build (invocation id, finish time) is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # the project's library

from privacy_curation.output_folder import file_sha256

EXPORT_NODE = "model.privacy_curation.curated_training_data"
PARQUET = "curated_training_data.parquet"
MANIFEST = "curated_training_data.manifest.json"
CARD = "DATASET_CARD.md"
HANDED_OVER = (PARQUET, MANIFEST, CARD)


class HandoverError(Exception):
    """The dataset cannot be handed over; the message says why."""


def read_manifest(source: Path) -> dict:
    missing = [name for name in HANDED_OVER if not (source / name).is_file()]
    if missing:
        raise HandoverError(f"{source} lacks {', '.join(missing)}: run `make build` first")
    manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    if manifest.get("parquet_file") != PARQUET or not manifest.get("parquet_sha256"):
        raise HandoverError(f"{source / MANIFEST} names no sha256 for {PARQUET}")
    card = (source / CARD).read_text(encoding="utf-8")
    if f"`{manifest['dataset_version']}`" not in card:
        raise HandoverError(f"{source / CARD} is not the card of dataset_version {manifest['dataset_version']}")
    return manifest


def last_export_build(database: Path, dataset_version: str) -> dict:
    """The last invocation that wrote the export, from the audit trail; raises unless it succeeded and
    wrote this dataset_version."""
    import duckdb

    if not database.is_file():
        raise HandoverError(f"no build database at {database} (PRIVACY_DUCKDB_PATH): run `make build` first")
    try:
        connection = duckdb.connect(str(database), read_only=True)
    except duckdb.Error as error:
        raise HandoverError(f"cannot read the build database {database} (is dbt still running?): {error}") from None
    with connection:
        rows = connection.execute(
            """
            select invocations.invocation_id, invocations.command, invocations.finished_at, invocations.is_success,
                invocations.error_count,
                (select any_value(mix.dataset_version) from audit.build_class_mix as mix
                 where mix.invocation_id = invocations.invocation_id) as dataset_version,
            from audit.dbt_invocations as invocations
            where exists (
                select 1 from audit.dbt_node_results as results
                where results.invocation_id = invocations.invocation_id
                    and results.unique_id = ? and results.status = 'success'
            )
            order by invocations.started_at desc
            limit 1
            """,
            [EXPORT_NODE],
        ).fetchall()
    if not rows:
        raise HandoverError(f"{database} records no build that wrote {PARQUET}: run `make build` first")
    invocation_id, command, finished_at, is_success, error_count, written_version = rows[0]
    build = {"invocation_id": invocation_id, "command": command, "finished_at": f"{finished_at:%Y-%m-%d %H:%M:%S} UTC"}
    if not is_success:
        raise HandoverError(
            f"the last build that wrote {PARQUET} failed (dbt {command}, invocation {invocation_id}, finished "
            f"{build['finished_at']}, {error_count} error(s)): fix it and rebuild; nothing was handed over"
        )
    if written_version != dataset_version:
        raise HandoverError(
            f"the manifest's dataset_version {dataset_version} is not what the last build wrote "
            f"({written_version}, invocation {invocation_id}): rebuild"
        )
    return build


def check_sha256(path: Path, expected: str, where: str) -> None:
    actual = file_sha256(path)
    if actual != expected:
        raise HandoverError(f"sha256 mismatch {where}: {path} has {actual}, the manifest says {expected}")


def export_dataset(source: Path, dest: Path, database: Path) -> dict:
    """Copy, verify and publish the three files; return the manifest, with the build under `build`.
    Raises HandoverError."""
    manifest = read_manifest(source)
    manifest["build"] = last_export_build(database, manifest["dataset_version"])
    expected = manifest["parquet_sha256"]
    check_sha256(source / PARQUET, expected, "in the output folder (was the file changed after the build?)")
    dest.mkdir(parents=True, exist_ok=True)
    staged = {name: dest / f".{name}.partial" for name in HANDED_OVER}
    try:
        for name, partial in staged.items():
            shutil.copyfile(source / name, partial)
        check_sha256(staged[PARQUET], expected, "after copying")
        for name in (CARD, PARQUET, MANIFEST):  # the manifest last: its presence marks a complete handover
            os.replace(staged[name], dest / name)
    finally:
        for partial in staged.values():
            partial.unlink(missing_ok=True)
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dest", type=Path, help="the training project's data folder (created if missing)")
    parser.add_argument(
        "--source",
        type=Path,
        default=Path(os.environ.get("PRIVACY_OUTPUT_DIR", "output")),
        help="folder of the build's exports (default: $PRIVACY_OUTPUT_DIR or output)",
    )
    parser.add_argument(
        "--database",
        type=Path,
        default=Path(os.environ.get("PRIVACY_DUCKDB_PATH", "privacy_curation.duckdb")),
        help="the build's DuckDB database (audit trail; default: $PRIVACY_DUCKDB_PATH, privacy_curation.duckdb)",
    )
    args = parser.parse_args(argv)
    try:
        manifest = export_dataset(args.source, args.dest, args.database)
    except HandoverError as error:
        print(f"export failed: {error}", file=sys.stderr)
        return 1
    build = manifest["build"]
    print(
        f"exported {manifest['dataset_version']} ({manifest['row_count']} rows) to {args.dest}: "
        f"{', '.join(HANDED_OVER)}; sha256 {manifest['parquet_sha256']} verified; written by the successful "
        f"dbt {build['command']} {build['invocation_id']} finished {build['finished_at']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
