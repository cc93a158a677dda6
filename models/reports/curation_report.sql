-- One row per measured curation figure: the union of the report_*_quality models, each of which
-- measures one curation stage against the generator's ground truth. Columns: the stage, the
-- metric, the slice it covers, its value, the target it is held to, whether it meets it, and how
-- many rows support it. Ordered so that the dataset card lists it the same way every time.
with
report_pii_quality as (

    select * from {{ ref('report_pii_quality') }}

),

report_language_quality as (

    select * from {{ ref('report_language_quality') }}

),

report_duplicate_quality as (

    select * from {{ ref('report_duplicate_quality') }}

),

report_label_quality as (

    select * from {{ ref('report_label_quality') }}

),

unioned as (

    select
        stage::varchar as stage,
        metric::varchar as metric,
        slice::varchar as slice,
        value::double as value,
        target::double as target,
        meets_target::boolean as meets_target,
        support::bigint as support,
    from report_pii_quality

    union all

    select
        stage::varchar as stage,
        metric::varchar as metric,
        slice::varchar as slice,
        value::double as value,
        target::double as target,
        meets_target::boolean as meets_target,
        support::bigint as support,
    from report_language_quality

    union all

    select
        stage::varchar as stage,
        metric::varchar as metric,
        slice::varchar as slice,
        value::double as value,
        target::double as target,
        meets_target::boolean as meets_target,
        support::bigint as support,
    from report_duplicate_quality

    union all

    select
        stage::varchar as stage,
        metric::varchar as metric,
        slice::varchar as slice,
        value::double as value,
        target::double as target,
        meets_target::boolean as meets_target,
        support::bigint as support,
    from report_label_quality

),

final as (

    select * from unioned
    order by stage, metric, slice

)

select * from final
