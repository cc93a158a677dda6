-- One row per record type (message, annotation) and outcome (kept or used, duplicate, quarantined
-- with its reason): how every raw row left the pipeline.
with

messages as (

    select * from {{ ref('int_messages_resolved') }}

),

annotations as (

    select * from {{ ref('int_annotations_resolved') }}

),

outcomes as (

    select
        'message' as record_type,
        resolution,
        coalesce(reason_code, '') as reason_code,
    from messages
    union all
    select
        'annotation' as record_type,
        resolution,
        coalesce(reason_code, '') as reason_code,
    from annotations

),

final as (

    select
        record_type,
        resolution,
        reason_code,
        count(*) as row_count,
    from outcomes
    group by record_type, resolution, reason_code
    order by record_type, resolution, reason_code

)

select * from final
