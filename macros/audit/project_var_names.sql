{# The names of the project's vars (every key of `vars:` in dbt_project.yml): the one list the audit and the var checks read. #}
{% macro project_var_names() -%}
    {{ return([
        'random_seed', 'synthetic_messages', 'train_ratio', 'validation_ratio', 'test_ratio', 'control_ratio',
        'stratify_by', 'min_stratum_size', 'split_stratum_tolerance', 'sampling_strategy', 'sample_size',
        'sample_per_label',
        'balance_method', 'balance_target_ratio', 'balance_targets', 'smote_k_neighbors',
        'smote_m_neighbors', 'smote_max_rows_per_class', 'min_label_confidence', 'annotator_prior_strength',
        'max_text_length', 'max_quarantine_share', 'raw_data_max_age_days', 'near_duplicate_threshold',
        'near_duplicate_shingle_size', 'near_duplicate_bands', 'near_duplicate_rows_per_band',
        'near_duplicate_min_shingles', 'near_duplicate_cluster_rounds', 'export_languages',
        'language_min_score', 'language_min_margin', 'synthetic_exact_duplicate_rate',
        'synthetic_near_duplicate_rate', 'synthetic_defect_rate', 'synthetic_pii_rate',
        'synthetic_pii_decoy_rate', 'drift_max_volume_change', 'drift_max_label_share_change',
        'require_pseudonym_key',
    ]) }}
{%- endmacro %}
