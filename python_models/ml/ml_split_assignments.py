"""One row per curated message: the split (train, validation or test) it belongs to.

Stratified by intent and group-aware: messages of one duplicate cluster or of one user (pseudonym)
form a group, and a group lands in one split, so that no near copy and no writer of a test example
is seen in training. Seeded hashes order groups and messages, so the result depends only on the
curated pool, its clusters and users, the ratios and ``random_seed``.
"""

from privacy_curation.splitting import assign_splits, connect_groups


def model(dbt, session):
    dbt.config(materialized="table")
    seed = int(dbt.config.get("random_seed"))
    ratios = {
        "train": float(dbt.config.get("train_ratio")),
        "validation": float(dbt.config.get("validation_ratio")),
        "test": float(dbt.config.get("test_ratio")),
    }
    pool = dbt.ref("curated_messages").set_alias("pool")
    clusters = dbt.ref("int_messages_resolved").filter("resolution = 'kept'").set_alias("clusters")
    rows = pool.join(clusters, "pool.message_id = clusters.message_id", how="left").project(
        "pool.message_id, pool.intent, pool.user_pseudonym, clusters.duplicate_cluster_id"
    )
    table = rows.to_arrow_table()
    keys = table.column("message_id").to_pylist()
    groups = connect_groups(
        keys,
        table.column("duplicate_cluster_id").to_pylist(),
        table.column("user_pseudonym").to_pylist(),
    )
    assigned = assign_splits(keys, table.column("intent").to_pylist(), ratios, seed, groups=groups)
    return assigned.rename(columns={"key": "message_id"})
