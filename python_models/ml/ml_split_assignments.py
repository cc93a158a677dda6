"""One row per curated message: the split (train, validation or test) it belongs to.

Stratified by intent, by a seeded hash of the message id, so that the result depends only on the
curated pool, the ratios and ``random_seed``.
"""

from privacy_curation.splitting import assign_splits


def model(dbt, session):
    dbt.config(materialized="table")
    seed = int(dbt.config.get("random_seed"))
    ratios = {
        "train": float(dbt.config.get("train_ratio")),
        "validation": float(dbt.config.get("validation_ratio")),
        "test": float(dbt.config.get("test_ratio")),
    }
    pool = dbt.ref("curated_messages").project("message_id, intent").to_arrow_table()
    keys = pool.column("message_id").to_pylist()
    strata = pool.column("intent").to_pylist()
    assigned = assign_splits(keys, strata, ratios, seed)
    return assigned.rename(columns={"key": "message_id"})
