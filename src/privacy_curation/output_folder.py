"""dbt-duckdb plugin: make sure the export folder exists before dbt writes to it.

The export models, the card's post-hook and the metrics hook write into ``PRIVACY_OUTPUT_DIR``
(default ``output``), and DuckDB's ``copy ... to`` does not create missing folders. The dev profile
loads this plugin (``plugins:`` in profiles.yml), so every dbt invocation that opens the database
creates the folder first: a plain ``dbt build`` in a fresh clone, after ``make clean``, or with
``PRIVACY_OUTPUT_DIR`` pointing at a folder that does not exist yet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dbt.adapters.duckdb.plugins import BasePlugin


def ensure_output_folder(folder: str) -> Path:
    """Create the folder (and its parents) when missing; return it."""
    path = Path(folder.strip() or "output")
    path.mkdir(parents=True, exist_ok=True)
    return path


class Plugin(BasePlugin):
    """Creates the ``output_dir`` of the plugin config when dbt sets up a connection."""

    def initialize(self, plugin_config: dict[str, Any]) -> None:
        self.output_dir = str(plugin_config.get("output_dir") or "output")
        ensure_output_folder(self.output_dir)

    def configure_connection(self, conn) -> None:
        # again per connection: a folder removed since the plugin was set up is there when dbt writes
        ensure_output_folder(self.output_dir)
