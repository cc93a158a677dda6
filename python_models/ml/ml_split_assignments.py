"""One row per sampled curated message: its split (train, validation, test or control) and stratum.

Stratified by the ``stratify_by`` keys (default intent and channel), strata smaller than
``min_stratum_size`` merged by the small-strata rule (see ``collapse_strata``). Group-aware:
messages of one duplicate cluster or of one user (pseudonym) form a group, and a group lands in
one split, so that no near copy and no writer of a held-out example is seen in training. The
``control`` split (``control_ratio`` of the pool) is a stratified hold-out of the natural
distribution that balancing never touches. Seeded hashes order groups and messages, so the
result depends only on the sampled pool, its clusters and users, the vars and ``random_seed``.
"""

import time

import numpy as np
import pandas as pd

from privacy_curation.ml_config import read_ml_vars, split_config
from privacy_curation.progress import log_progress
from privacy_curation.splitting import assign_splits, collapse_strata, connect_groups


def model(dbt, session):
    started = time.perf_counter()
    dbt.config(materialized="table")
    ml_vars = read_ml_vars(dbt.config.get("ml_vars"))
    config = split_config(ml_vars)
    keys = dbt.ref("ml_stratification_keys").set_alias("keys")
    sampled = dbt.ref("ml_sampled_messages").filter("is_sampled").set_alias("sampled")
    table = (
        keys.join(sampled, "keys.message_id = sampled.message_id")
        .project(
            ", ".join(
                [
                    "keys.message_id",
                    "keys.user_pseudonym",
                    "keys.duplicate_cluster_id",
                    *(f"keys.{key} as key_{key}" for key in config["stratify_by"]),
                ]
            )
        )
        .to_arrow_table()
    )
    message_ids = table.column("message_id").to_pylist()
    strata = collapse_strata(
        {key: table.column(f"key_{key}").to_pylist() for key in config["stratify_by"]}, config["min_stratum_size"]
    )
    groups = connect_groups(
        message_ids,
        table.column("duplicate_cluster_id").to_pylist(),
        table.column("user_pseudonym").to_pylist(),
    )
    assigned = assign_splits(message_ids, strata, config["ratios"], config["seed"], groups=groups)
    # each assigned row's position in the pool (the result is sorted by key; keys are unique)
    position = pd.Index(message_ids).get_indexer(assigned["key"])
    assignments = assigned.assign(split_stratum=np.asarray(strata, dtype=object)[position]).rename(
        columns={"key": "message_id"}
    )
    return log_progress("ml_split_assignments", table.num_rows, started, assignments)
