-- Union of the report_* models; filled by the issue-4 merge. Until then: no rows, typed columns.
-- One row per measured curation figure: the stage, the metric, the slice it covers, its value,
-- the target it is held to, whether it meets it, and how many rows support it.
with

final as (

    select
        cast(null as varchar) as stage,
        cast(null as varchar) as metric,
        cast(null as varchar) as slice,
        cast(null as double) as value,
        cast(null as double) as target,
        cast(null as boolean) as meets_target,
        cast(null as bigint) as support,
    where false

)

select * from final
