"""One row per synthetic train example made by SMOTE: a feature vector and its intent.

Only the train split is balanced. SMOTE learns from at most ``smote_max_rows_per_class`` real rows
per class (a seeded sample chosen in DuckDB), so the Python side never holds the whole train split.
"""

import numpy as np

from privacy_curation.balancing import balance_with_smote, synthetic_frame


def model(dbt, session):
    dbt.config(materialized="table")
    seed = int(dbt.config.get("random_seed"))
    method = str(dbt.config.get("balance_method"))
    target_ratio = float(dbt.config.get("balance_target_ratio"))
    k_neighbors = int(dbt.config.get("smote_k_neighbors"))
    max_rows = int(dbt.config.get("smote_max_rows_per_class"))

    curated = dbt.ref("curated_messages")
    splits = dbt.ref("ml_split_assignments")
    feature_names = [name for name in curated.columns if name.startswith("f_")]

    train = curated.join(splits.filter("split = 'train'").set_alias("s"), "message_id")
    counts = dict(train.aggregate("intent, count(*)::bigint", "intent").fetchall())
    sample = train.query(
        "train",
        f"""
        select intent, {", ".join(feature_names)}
        from train
        qualify row_number() over (
            partition by intent order by md5('{seed}:' || message_id)
        ) <= {max_rows}
        order by intent, md5('{seed}:' || message_id)
        """,
    ).to_arrow_table()

    if method == "none" or sample.num_rows == 0:
        counts = {}
    features = (
        np.column_stack([sample.column(name).to_numpy().astype(np.float32) for name in feature_names])
        if sample.num_rows
        else np.empty((0, len(feature_names)), np.float32)
    )
    labels = sample.column("intent").to_pylist()
    result = balance_with_smote(features, labels, counts, target_ratio, k_neighbors, seed)
    return synthetic_frame(result, feature_names)
