"""dbt-duckdb plugin: one line, not a traceback, when another process holds the database file.

DuckDB lets one process open a database file. A second ``dbt build`` (or ``dbt docs generate``, or a
Python session) on the same file gets DuckDB's lock error while dbt opens its connection, where dbt
prints it with about 220 lines of traceback. The dev profile loads this plugin (``plugins:`` in
profiles.yml); dbt-duckdb sets plugins up just before it opens the database, so the plugin opens the
file once itself and, when the lock is held elsewhere, stops the invocation with a dbt error of one
line: which process holds the file and what to do.
"""

from __future__ import annotations

import re
from typing import Any

try:  # the dbt-duckdb plugin; the helpers below need no dbt
    from dbt.adapters.duckdb.plugins import BasePlugin
except ImportError:  # pragma: no cover
    BasePlugin = object

LOCK_ERROR = "Could not set lock on file"
HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


def lock_message(path: str, error: str) -> str | None:
    """The one-line explanation of DuckDB's lock error ``error`` on ``path``; None for any other error."""
    if LOCK_ERROR not in error:
        return None
    holder = HOLDER.search(error)
    who = f"process {holder['pid']} ({holder['program']})" if holder else "another process"
    stop = f"wait for it to finish or stop it (kill {holder['pid']})" if holder else "wait for it to finish"
    return (
        f"The database {path} is in use by {who}: another dbt build, dbt docs generate or Python session "
        f"holds it. {stop[0].upper()}{stop[1:]}, or give this run its own file with PRIVACY_DUCKDB_PATH=<path>."
    )


def check_database_lock(path: str) -> None:
    """Open and close the DuckDB file; raise RuntimeError with one line when another process holds it.

    dbt-duckdb turns a RuntimeError raised while it connects into dbt's "Database Error", printed
    without a traceback."""
    import duckdb

    if not path or path == ":memory:" or path.startswith("md:"):
        return
    try:
        duckdb.connect(path).close()
    except duckdb.Error as error:
        message = lock_message(path, str(error))
        if message is None:  # not a lock: dbt-duckdb reports it when it opens the file
            return
        raise RuntimeError(message) from None


class Plugin(BasePlugin):
    """Checks, before dbt-duckdb opens it, that no other process holds the profile's database file."""

    def initialize(self, plugin_config: dict[str, Any]) -> None:
        path = getattr(self.creds, "path", None)
        check_database_lock(str(path) if path else "")
