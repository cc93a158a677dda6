"""Hand the dataset over: copy the Parquet file, its manifest and its card to a training project's data folder.

Run through `make export DEST=<folder>`. What is handed over is the export set `output/` holds: the last one a
build published. A build publishes its export set only when every test on it passed (the on-run-end hook
publish_exports), so a build that failed leaves the previous set in place, whole and consistent. The audit trail
of the build's database (`audit.dbt_invocations`, `audit.dbt_node_results`, `audit.build_class_mix`) must name
a successful invocation that wrote the manifest's `dataset_version` (a content hash): that build is printed. When
later builds wrote the export and failed (or published nothing), the handover says so and names the last of them.
The Parquet file is checked against the manifest's `parquet_sha256` twice: in the output folder before copying
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


def describe_build(invocation_id: str, command: str, finished_at) -> str:
    finished = f"{finished_at:%Y-%m-%d %H:%M:%S} UTC" if finished_at else "never finished"
    return f"dbt {command} {invocation_id} finished {finished}"


def last_export_build(database: Path, dataset_version: str) -> dict:
    """The successful invocation that wrote the published export (this dataset_version), from the audit trail,
    with a note naming the newest later build that wrote the export without publishing it; raises when no
    successful invocation wrote this dataset_version."""
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
            order by invocations.started_at desc, invocations.invocation_id
            """,
            [EXPORT_NODE],
        ).fetchall()
    if not rows:
        raise HandoverError(f"{database} records no build that wrote {PARQUET}: run `make build` first")
    writers = [row for row in rows if row[3] and row[5] == dataset_version]
    if not writers:
        invocation_id, command, finished_at, is_success, error_count, written_version = rows[0]
        last = describe_build(invocation_id, command, finished_at)
        raise HandoverError(
            f"no successful build recorded in {database} wrote the dataset_version {dataset_version} of the "
            f"manifest (the last build that wrote {PARQUET}, {last}, "
            + ("succeeded" if is_success else f"failed with {error_count} error(s)")
            + f" and wrote {written_version}): rebuild; nothing was handed over"
        )
    invocation_id, command, finished_at, *_ = writers[0]
    build = {
        "invocation_id": invocation_id,
        "command": command,
        "finished_at": f"{finished_at:%Y-%m-%d %H:%M:%S} UTC",
        "note": None,
    }
    later = rows[: rows.index(writers[0])]
    if later:
        last_id, last_command, last_finished, last_success, last_errors, _ = later[0]
        outcome = (
            "succeeded but published nothing (a partial run)"
            if last_success
            else f"failed ({last_errors} error(s)) and published nothing"
        )
        build["note"] = (
            f"{len(later)} later build(s) wrote {PARQUET} without publishing it; the last, "
            f"{describe_build(last_id, last_command, last_finished)}, {outcome}: handing over the last "
            "published export"
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
    if build["note"]:
        print(f"note: {build['note']}", file=sys.stderr)
    print(
        f"exported {manifest['dataset_version']} ({manifest['row_count']} rows) to {args.dest}: "
        f"{', '.join(HANDED_OVER)}; sha256 {manifest['parquet_sha256']} verified; written by the successful "
        f"dbt {build['command']} {build['invocation_id']} finished {build['finished_at']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
