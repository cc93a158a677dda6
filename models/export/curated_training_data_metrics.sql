-- The count series of `output/metrics.prom` (Prometheus text exposition format), one row per
-- line: the export's version, the row accounting (rows in, kept, duplicates, quarantined by
-- reason) and the examples per split. No timing here: the on-run-end hook `write_metrics_file`
-- appends the durations of the invocation, so these lines are identical for identical data.
with

export as (

    select * from {{ ref('curated_training_data') }}

),

accounting as (

    select * from {{ ref('row_accounting') }}

),

samples as (

    select
        1 as family_order,
        '{dataset_version="' || any_value(dataset_version) || '"}' as labels,
        1 as value,
    from export
    union all
    select
        2 as family_order,
        '{record_type="' || record_type || '"}' as labels,
        sum(row_count) as value,
    from accounting
    group by record_type
    union all
    select
        3 as family_order,
        '{record_type="' || record_type || '"}' as labels,
        sum(row_count) filter (where resolution in ('kept', 'used')) as value,
    from accounting
    group by record_type
    union all
    select
        4 as family_order,
        '{record_type="' || record_type || '"}' as labels,
        coalesce(sum(row_count) filter (where resolution = 'duplicate'), 0) as value,
    from accounting
    group by record_type
    union all
    select
        5 as family_order,
        '{record_type="' || record_type || '",reason="' || reason_code || '"}' as labels,
        row_count as value,
    from accounting
    where resolution = 'quarantined'
    union all
    select
        6 as family_order,
        '{split="' || split || '"}' as labels,
        count(*) as value,
    from export
    group by split
    union all
    select
        7 as family_order,
        '{split="' || split || '"}' as labels,
        count(*) filter (where is_synthetic) as value,
    from export
    group by split
    union all
    select
        8 as family_order,
        '{split="' || split || '",intent="' || intent || '"}' as labels,
        count(*) as value,
    from export
    group by split, intent

),

families as (

    select
        family.family_order,
        family.metric_name,
        family.help_text,
    from (
        values
        (1, 'privacy_curation_dataset_info', 'The dataset_version of the export (the value is always 1).'),
        (2, 'privacy_curation_raw_rows', 'Raw rows read, by record type.'),
        (3, 'privacy_curation_kept_rows', 'Raw rows kept (messages) or used (annotations).'),
        (4, 'privacy_curation_duplicate_rows', 'Raw rows removed as duplicates of a kept row.'),
        (5, 'privacy_curation_quarantined_rows', 'Raw rows quarantined, by record type and reason code.'),
        (6, 'privacy_curation_export_rows', 'Examples in the export, by split.'),
        (7, 'privacy_curation_export_synthetic_rows', 'Balancer-made examples in the export, by split.'),
        (8, 'privacy_curation_export_intent_rows', 'Examples in the export, by split and intent.')
    ) as family (family_order, metric_name, help_text)

),

lines as (

    select
        family_order,
        0 as part,
        '' as labels,
        format('# HELP {} {}', metric_name, help_text) as line,
    from families
    union all
    select
        family_order,
        1 as part,
        '' as labels,
        format('# TYPE {} gauge', metric_name) as line,
    from families
    union all
    select
        samples.family_order,
        2 as part,
        samples.labels,
        format('{}{} {}', families.metric_name, samples.labels, samples.value) as line,
    from samples
    inner join families
        on samples.family_order = families.family_order

),

final as (

    select
        row_number() over (order by family_order, part, labels) as line_number,
        line,
    from lines

)

select * from final
