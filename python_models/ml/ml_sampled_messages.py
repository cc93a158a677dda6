"""One row per curated message: whether the sample taken before splitting keeps it.

Var ``sampling_strategy`` (none, random, stratified, systematic, per_label) with ``sample_size``
or ``sample_per_label``; strata are the ``stratify_by`` keys merged by the small-strata rule
(``min_stratum_size``). Messages left out stay here with ``is_sampled = false``, so every curated
message is accounted for. See ``privacy_curation.sampling`` for each strategy.
"""

import time

import numpy as np
import pandas as pd

from privacy_curation.ml_config import read_ml_vars, sampling_config
from privacy_curation.progress import log_progress
from privacy_curation.sampling import parse_label_caps, sample_pool
from privacy_curation.splitting import collapse_strata


def model(dbt, session):
    started = time.perf_counter()
    dbt.config(materialized="table")
    ml_vars = read_ml_vars(dbt.config.get("ml_vars"))
    config = sampling_config(ml_vars)
    keys = dbt.ref("ml_stratification_keys")
    table = keys.project(
        ", ".join(["message_id", "intent", "created_at", *(f"{key} as key_{key}" for key in config["stratify_by"])])
    ).to_arrow_table()
    message_ids = table.column("message_id").to_pylist()
    labels = table.column("intent").to_pylist()
    strata = collapse_strata(
        {key: table.column(f"key_{key}").to_pylist() for key in config["stratify_by"]}, config["min_stratum_size"]
    )
    caps = parse_label_caps(config["per_label"], sorted(set(labels))) if config["strategy"] == "per_label" else {}
    sample = sample_pool(
        message_ids,
        strata,
        labels,
        # only systematic sampling reads the time order: no Python datetimes for the others
        table.column("created_at").to_pylist() if config["strategy"] == "systematic" else None,
        config["strategy"],
        config["seed"],
        size=config["size"],
        label_caps=caps,
    )
    # each sample row's position in the pool (the sample is sorted by key; keys are unique)
    position = pd.Index(message_ids).get_indexer(sample["key"])
    sampled = sample.assign(
        intent=np.asarray(labels, dtype=object)[position],
        sampling_stratum=np.asarray(strata, dtype=object)[position],
        sampling_strategy=config["strategy"],
    ).rename(columns={"key": "message_id"})[
        ["message_id", "intent", "sampling_stratum", "is_sampled", "sampling_strategy"]
    ]
    return log_progress("ml_sampled_messages", table.num_rows, started, sampled)
