"""One row per package of the runtime that shaped the export: its name and installed version."""

from importlib import metadata

import pandas as pd

PACKAGES = (
    "dbt-core",
    "dbt-duckdb",
    "duckdb",
    "ftfy",
    "imbalanced-learn",
    "numpy",
    "pandas",
    "pyarrow",
    "scikit-learn",
)


def model(dbt, session):
    dbt.config(materialized="table")
    return pd.DataFrame(
        {"package_name": list(PACKAGES), "package_version": [metadata.version(name) for name in PACKAGES]}
    )
