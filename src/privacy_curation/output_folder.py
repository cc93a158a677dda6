"""dbt-duckdb plugin: the export folder, and the publishing of a tested export set.

The export models, the card's post-hook and the metrics hook write into the staging folder
``PRIVACY_OUTPUT_DIR/.staging`` (default ``output/.staging``), and DuckDB's ``copy ... to`` does not
create missing folders. The dev profile loads this plugin (``plugins:`` in profiles.yml), so every dbt
invocation that opens the database creates both folders first: a plain ``dbt build`` in a fresh clone,
after ``make clean``, or with ``PRIVACY_OUTPUT_DIR`` pointing at a folder that does not exist yet.

The plugin also registers the DuckDB function ``privacy_curation_publish_exports(staging, output)``,
which the on-run-end hook ``publish_exports`` calls once every test on the export models has passed:
it checks that the staged manifest names the sha256 of the staged Parquet file, then renames each
staged file into the output folder (``os.replace``: a reader sees the old file or the new one, never
part of one), the manifest last.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from dbt.adapters.duckdb.plugins import BasePlugin

STAGING_FOLDER = ".staging"
PUBLISH_FUNCTION = "privacy_curation_publish_exports"
PARQUET = "curated_training_data.parquet"
MANIFEST = "curated_training_data.manifest.json"
# The export set, in the order it is published: the manifest last, so that a manifest in the output
# folder always comes with the Parquet file it describes.
EXPORT_SET = (PARQUET, "DATASET_CARD.md", "metrics.prom", MANIFEST)


class PublishError(Exception):
    """The staged export set cannot be published; the message says why."""


def ensure_output_folder(folder: str) -> Path:
    """Create the folder, its parents and its staging folder when missing; return the folder."""
    path = Path(folder.strip() or "output")
    (path / STAGING_FOLDER).mkdir(parents=True, exist_ok=True)
    return path


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def publish_export_set(staging: Path, output: Path) -> list[str]:
    """Move the staged export set into ``output`` (manifest last); return the published file names.

    Raises PublishError, and moves nothing, when a file of the set is missing from ``staging`` or the
    staged manifest does not name the staged Parquet file's sha256."""
    staging, output = Path(staging), Path(output)
    missing = [name for name in EXPORT_SET if not (staging / name).is_file()]
    if missing:
        raise PublishError(f"{staging} lacks {', '.join(missing)}: nothing was published")
    manifest = json.loads((staging / MANIFEST).read_text(encoding="utf-8"))
    actual = file_sha256(staging / PARQUET)
    if manifest.get("parquet_sha256") != actual:
        raise PublishError(
            f"{staging / MANIFEST} names sha256 {manifest.get('parquet_sha256')} but {staging / PARQUET} has "
            f"{actual}: nothing was published"
        )
    output.mkdir(parents=True, exist_ok=True)
    for name in EXPORT_SET:
        os.replace(staging / name, output / name)
    return list(EXPORT_SET)


def publish_exports(staging: str, output: str) -> str:
    """The DuckDB function: publish and return the file names, comma-separated."""
    return ", ".join(publish_export_set(Path(staging), Path(output)))


class Plugin(BasePlugin):
    """Creates the ``output_dir`` of the plugin config when dbt sets up a connection, and registers
    ``privacy_curation_publish_exports(staging varchar, output varchar) -> varchar``."""

    def initialize(self, plugin_config: dict[str, Any]) -> None:
        self.output_dir = str(plugin_config.get("output_dir") or "output")
        ensure_output_folder(self.output_dir)

    def _register(self, connection) -> None:
        try:
            connection.create_function(
                PUBLISH_FUNCTION, publish_exports, ["VARCHAR", "VARCHAR"], "VARCHAR", side_effects=True
            )
        except Exception as error:  # already registered on this connection
            if "already" not in str(error).lower():
                raise

    def configure_connection(self, conn) -> None:
        # again per connection: a folder removed since the plugin was set up is there when dbt writes
        ensure_output_folder(self.output_dir)
        self._register(conn)

    def configure_cursor(self, cursor) -> None:
        self._register(cursor)
