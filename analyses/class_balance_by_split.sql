-- Class balance per split of the export: real and synthetic examples per intent, each intent's
-- share of its split, and what balancing did (model sampling_report: rows before, target, rows
-- removed, fall-back). Compile with `dbt compile` and run the SQL in DuckDB.
with

export as (

    select * from {{ ref('curated_training_data') }}

),

sampling_report as (

    select * from {{ ref('sampling_report') }}

),

counts as (

    select
        split,
        intent,
        count(*) filter (where not is_synthetic) as real_examples,
        count(*) filter (where is_synthetic) as synthetic_examples,
        count(*) as examples,
    from export
    group by split, intent

),

final as (

    select
        counts.*,
        round(counts.examples / sum(counts.examples) over (partition by counts.split), 4) as share_of_split,
        sampling_report.real_rows_before,
        sampling_report.target_rows,
        sampling_report.real_rows_removed,
        sampling_report.fallback_reason,
    from counts
    left join sampling_report
        on counts.split = sampling_report.split and counts.intent = sampling_report.intent
    order by counts.split, counts.intent

)

select * from final
