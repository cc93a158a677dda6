-- noqa: disable=ST03, LT02
-- (sqlfluff cannot parse the DuckDB struct literal below, so it misreads the CTEs that follow it)
{{ config(location=export_staging_location('curated_training_data.manifest.json'), format='json') }}

-- The manifest written beside the export: counts by split and intent, the vars used, package
-- versions, the sha256 of the Parquet file and the accounting of every raw row. One JSON object,
-- free of timestamps, so that identical inputs and vars give an identical file.
{%- set vars_used = ['random_seed', 'synthetic_messages', 'train_ratio', 'validation_ratio', 'test_ratio',
                     'control_ratio', 'stratify_by', 'min_stratum_size', 'split_stratum_tolerance',
                     'sampling_strategy', 'sample_size', 'sample_per_label',
                     'balance_method', 'balance_target_ratio', 'balance_targets', 'smote_k_neighbors',
                     'smote_m_neighbors', 'smote_max_rows_per_class', 'min_label_confidence',
                     'max_text_length', 'export_languages', 'language_min_score', 'language_min_margin'] %}
with

export as (

    select * from {{ ref('curated_training_data') }}

),

accounting as (

    select * from {{ ref('row_accounting') }}

),

versions as (

    select * from {{ ref('ml_runtime_versions') }}

),

sampling_report as (

    select * from {{ ref('sampling_report') }}

),

pool_sample as (

    select * from {{ ref('ml_sampled_messages') }}

),

pool_sample_by_intent as (

    select
        intent,
        count(*) as pool_rows,
        count(*) filter (where is_sampled) as sampled_rows,
    from pool_sample
    group by intent

),

sampling_by_split as (

    select
        split,
        map_from_entries(list((
            intent,
            {
                'before': real_rows_before,
                'target': target_rows,
                'added': rows_added,
                'added_by_method': rows_added_by_method::json,
                'real_removed': real_rows_removed,
                'synthetic_removed': synthetic_rows_removed,
                'after': rows_after,
                'k_neighbors_used': k_neighbors_used,
                'fallback_reason': fallback_reason,
                'target_reached': target_reached,
            }
        ) order by intent)) as by_intent,
    from sampling_report
    group by split

),

split_intent_counts as (

    select
        split,
        intent,
        count(*) as example_count,
        count(*) filter (where is_synthetic) as synthetic_count,
    from export
    group by split, intent

),

split_counts as (

    select
        split,
        sum(example_count)::bigint as example_count,
        sum(synthetic_count)::bigint as synthetic_count,
        map_from_entries(list((intent, example_count) order by intent)) as by_intent,
    from split_intent_counts
    group by split

),

accounting_by_type as (

    select
        record_type,
        sum(row_count)::bigint as raw_rows,
        coalesce(sum(row_count) filter (where resolution in ('kept', 'used')), 0)::bigint as kept_rows,
        coalesce(sum(row_count) filter (where resolution = 'duplicate'), 0)::bigint as duplicate_rows,
        coalesce(sum(row_count) filter (where resolution = 'quarantined'), 0)::bigint as quarantined_rows,
        coalesce(
            map_from_entries(list((reason_code, row_count) order by reason_code) filter (where resolution = 'quarantined')),
            map()
        ) as quarantined_by_reason,
    from accounting
    group by record_type

),

final as (

    select
        'curated_training_data' as dataset_name,
        (select any_value(dataset_version) from export) as dataset_version,
        'curated_training_data.parquet' as parquet_file,
        (select sha256(content) from read_blob('{{ export_staging_location("curated_training_data.parquet") }}'))
            as parquet_sha256,
        (select count(*) from export) as row_count,
        (select map_from_entries(list((split, example_count) order by split)) from split_counts)
            as counts_by_split,
        (select map_from_entries(list((split, by_intent) order by split)) from split_counts)
            as counts_by_split_and_intent,
        (select map_from_entries(list((split, synthetic_count) order by split)) from split_counts)
            as synthetic_counts_by_split,
        {
            {%- for name in vars_used %}
            {%- set value = var(name) %}
            '{{ name }}': {{ "'" ~ value ~ "'" if value is string else ("'" ~ tojson(value) ~ "'::json" if value is mapping or value is sequence or value is none else value) }},
            {%- endfor %}
        } as vars,
        (select map_from_entries(list((package_name, package_version) order by package_name)) from versions)
            as package_versions,
        (
            select map_from_entries(list((
                record_type || 's',
                {
                    'raw': raw_rows,
                    'kept': kept_rows,
                    'duplicates': duplicate_rows,
                    'quarantined': quarantined_rows,
                    'quarantined_by_reason': quarantined_by_reason,
                }
            ) order by record_type))
            from accounting_by_type
        ) as row_accounting,
        {
            'sampling_strategy': (select any_value(sampling_strategy) from sampling_report),
            'sampling_parameters': (select any_value(sampling_parameters) from sampling_report)::json,
            'pool_rows': (select sum(pool_rows)::bigint from pool_sample_by_intent),
            'sampled_rows': (select sum(sampled_rows)::bigint from pool_sample_by_intent),
            'sampled_out_rows': (select sum(pool_rows - sampled_rows)::bigint from pool_sample_by_intent),
            'pool_and_sample_by_intent': (
                select map_from_entries(list((
                    intent, {'pool': pool_rows, 'sampled': sampled_rows}
                ) order by intent))
                from pool_sample_by_intent
            ),
            'balance_method': (select any_value(balance_method) from sampling_report),
            'parameters': (select any_value(method_parameters) from sampling_report)::json,
            'by_split_and_intent': (
                select map_from_entries(list((split, by_intent) order by split)) from sampling_by_split
            ),
            'fell_back': (
                select coalesce(list(split || '/' || intent || ': ' || fallback_reason order by split, intent), [])
                from sampling_report
                where fell_back
            ),
            'removed_example_ids': (
                select coalesce(list_sort(flatten(list(removed_example_ids))), [])
                from sampling_report
            ),
        } as sampling,

)

select * from final
