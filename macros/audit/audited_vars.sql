{# The project's vars (dbt_project.yml) with the values this invocation resolved them to. #}
{% macro audited_vars() -%}
    {%- set names = [
        'random_seed', 'synthetic_messages', 'synthetic_exact_duplicate_rate',
        'synthetic_near_duplicate_rate', 'synthetic_defect_rate', 'synthetic_pii_rate',
        'train_ratio', 'validation_ratio', 'test_ratio', 'balance_method', 'balance_target_ratio',
        'smote_k_neighbors', 'smote_max_rows_per_class', 'min_label_confidence', 'max_text_length',
        'max_quarantine_share', 'raw_data_max_age_days', 'drift_max_volume_change',
        'drift_max_label_share_change',
    ] -%}
    {%- set resolved = {} -%}
    {%- for name in names -%}
        {%- do resolved.update({name: var(name)}) -%}
    {%- endfor -%}
    {{ return(resolved) }}
{%- endmacro %}
