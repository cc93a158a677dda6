"""Progress lines of the dbt Python models, written through dbt's own event logger.

A dbt-duckdb Python model runs inside the dbt process, so an event fired here reaches the same
places as dbt's node lines: the console and ``logs/dbt.log``. The line carries rows in, rows out
and seconds; it never enters a model's output (exports stay byte-identical).
"""

from __future__ import annotations

import time


def progress_message(model_name: str, rows_in: int, rows_out: int, seconds: float) -> str:
    """The progress line of one Python model: ``<model>: 1,200 rows in, 1,150 rows out, 0.4 s``."""
    return f"{model_name}: {rows_in:,} rows in, {rows_out:,} rows out, {seconds:.1f} s"


def log_progress(model_name: str, rows_in: int, started: float, frame):
    """Fire the progress line of ``model_name`` as a dbt info event and hand ``frame`` back.

    ``started`` is the model's ``time.perf_counter()`` reading at its start; ``frame`` is what the
    model returns (a pandas DataFrame or an Arrow table: anything with ``len``), so a model ends with
    ``return log_progress("name", rows_in, started, frame)``."""
    from dbt_common.events.functions import fire_event
    from dbt_common.events.types import Note

    fire_event(Note(msg=progress_message(model_name, rows_in, len(frame), time.perf_counter() - started)))
    return frame
