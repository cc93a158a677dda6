"""One row per package of the runtime that shaped the export: its name and installed version.

imbalanced-learn is pinned in requirements.txt but not listed: no model imports it. It is the
oracle the tests compare the own SMOTE family with (tests/python/test_balancing_oracle.py).
"""

import time
from importlib import metadata

import pandas as pd

from privacy_curation.progress import log_progress

PACKAGES = (
    "dbt-core",
    "dbt-duckdb",
    "duckdb",
    "ftfy",
    "numpy",
    "pandas",
    "pyarrow",
    "scikit-learn",
)


def model(dbt, session):
    started = time.perf_counter()
    dbt.config(materialized="table")
    versions = pd.DataFrame(
        {"package_name": list(PACKAGES), "package_version": [metadata.version(name) for name in PACKAGES]}
    )
    # reads no table: 0 rows in
    return log_progress("ml_runtime_versions", 0, started, versions)
