"""One row per split and label: what balancing did, with the method, its parameters and every
fall-back, and what the sample taken before splitting kept of the label."""

import time

from privacy_curation.ml_config import balance_config, read_ml_vars, sampling_config
from privacy_curation.progress import log_progress
from privacy_curation.sampling import parse_label_caps
from privacy_curation.sampling_report import report_table, sampling_parameters

CHANGES_SQL = """
    select
        intent,
        balance_action,
        synthesis_method,
        starts_with(example_id, 'syn-') as is_synthetic_id,
        count(*) as rows,
        list(example_id order by example_id)
            filter (where balance_action = 'remove' and not starts_with(example_id, 'syn-')) as example_ids,
        list(distinct fallback_reason order by fallback_reason)
            filter (where fallback_reason is not null) as fallback_reasons,
        min(k_neighbors) as k_neighbors,
    from balancer
    group by all
    order by all
"""


def model(dbt, session):
    started = time.perf_counter()
    dbt.config(materialized="table")
    ml_vars = read_ml_vars(dbt.config.get("ml_vars"))
    config = balance_config(ml_vars)
    sample_config = sampling_config(ml_vars)

    curated = dbt.ref("curated_messages")
    splits = dbt.ref("ml_split_assignments")
    balancer = dbt.ref("ml_smote_examples")
    sampled = dbt.ref("ml_sampled_messages")

    pool = curated.join(splits.set_alias("s"), "message_id")
    counted = pool.aggregate("split, intent, count(*)", "split, intent").fetchall()
    before = {(split, intent): n for split, intent, n in counted}
    changes = balancer.query("balancer", CHANGES_SQL).to_arrow_table().to_pylist()
    by_label = sampled.aggregate("intent, count(*), count(*) filter (where is_sampled)", "intent").fetchall()
    caps = (
        parse_label_caps(sample_config["per_label"], sorted(label for label, _, _ in by_label))
        if sample_config["strategy"] == "per_label"
        else {}
    )
    sampling = {
        "strategy": sample_config["strategy"],
        "parameters": sampling_parameters(sample_config),
        "pool_rows": {label: pool_rows for label, pool_rows, _ in by_label},
        "sampled_rows": {label: kept for label, _, kept in by_label},
        "caps": caps,
    }
    params = {
        "balance_target_ratio": config["target_ratio"],
        "balance_targets": dict(sorted(config["overrides"].items())),
        "random_seed": config["seed"],
        "smote_k_neighbors": config["k_neighbors"],
        "smote_m_neighbors": config["m_neighbors"],
        "smote_max_rows_per_class": config["max_rows"],
    }
    report = report_table(
        before, changes, config["method"], config["target_ratio"], config["overrides"], params, sampling
    )
    return log_progress("sampling_report", sum(before.values()), started, report)
