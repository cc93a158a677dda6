-- The quarantine: one row per rejected raw row (message or annotation), with a stable reason code
-- and the file it came from, so that nothing leaves the pipeline unexplained.
with

messages as (

    select * from {{ ref('int_messages_resolved') }}
    where resolution = 'quarantined'

),

annotations as (

    select * from {{ ref('int_annotations_resolved') }}
    where resolution = 'quarantined'

),

unioned as (

    select
        raw_row_id,
        'message' as record_type,
        reason_code,
        message_id,
        cast(null as varchar) as annotator_id,
        message_source,
        source_format,
        source_file,
    from messages
    union all
    select
        raw_row_id,
        'annotation' as record_type,
        reason_code,
        message_id,
        annotator_id,
        message_source,
        source_format,
        source_file,
    from annotations

),

final as (

    select * from unioned
    order by record_type, reason_code, source_file, raw_row_id

)

select * from final
