"""Hand the dataset over: copy the Parquet file, its manifest and its card to a training project's data folder.

Run through `make export DEST=<folder>`. The Parquet file is checked against the manifest's `parquet_sha256`
twice: in the output folder before copying (a file changed after the build is refused) and in the destination
after copying (a copy that went wrong is removed). Files land under temporary names and are renamed only once
every check has passed, so the destination never holds a half-written or unverified dataset. Exit status 1,
with the reason on stderr, on any failure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

PARQUET = "curated_training_data.parquet"
MANIFEST = "curated_training_data.manifest.json"
CARD = "DATASET_CARD.md"
HANDED_OVER = (PARQUET, MANIFEST, CARD)


class HandoverError(Exception):
    """The dataset cannot be handed over; the message says why."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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


def check_sha256(path: Path, expected: str, where: str) -> None:
    actual = sha256_of(path)
    if actual != expected:
        raise HandoverError(f"sha256 mismatch {where}: {path} has {actual}, the manifest says {expected}")


def export_dataset(source: Path, dest: Path) -> dict:
    """Copy, verify and publish the three files; return the manifest. Raises HandoverError."""
    manifest = read_manifest(source)
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
    args = parser.parse_args(argv)
    try:
        manifest = export_dataset(args.source, args.dest)
    except HandoverError as error:
        print(f"export failed: {error}", file=sys.stderr)
        return 1
    print(
        f"exported {manifest['dataset_version']} ({manifest['row_count']} rows) to {args.dest}: "
        f"{', '.join(HANDED_OVER)}; sha256 {manifest['parquet_sha256']} verified"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
