"""One row per split and label: what balancing did, with the method, its parameters and every fall-back."""

from privacy_curation.balance_table import parse_overrides
from privacy_curation.balancing import check_method
from privacy_curation.sampling_report import report_table

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
    dbt.config(materialized="table")
    seed = int(dbt.config.get("random_seed"))
    method = check_method(str(dbt.config.get("balance_method")))
    target_ratio = float(dbt.config.get("balance_target_ratio"))
    overrides = parse_overrides(dbt.config.get("balance_targets"))
    k_neighbors = int(dbt.config.get("smote_k_neighbors"))
    m_neighbors = int(dbt.config.get("smote_m_neighbors"))
    max_rows = int(dbt.config.get("smote_max_rows_per_class"))

    curated = dbt.ref("curated_messages")
    splits = dbt.ref("ml_split_assignments")
    balancer = dbt.ref("ml_smote_examples")

    pool = curated.join(splits.set_alias("s"), "message_id")
    counted = pool.aggregate("split, intent, count(*)", "split, intent").fetchall()
    before = {(split, intent): n for split, intent, n in counted}
    changes = balancer.query("balancer", CHANGES_SQL).to_arrow_table().to_pylist()
    params = {
        "balance_target_ratio": target_ratio,
        "balance_targets": dict(sorted(overrides.items())),
        "random_seed": seed,
        "smote_k_neighbors": k_neighbors,
        "smote_m_neighbors": m_neighbors,
        "smote_max_rows_per_class": max_rows,
    }
    return report_table(before, changes, method, target_ratio, overrides, params)
