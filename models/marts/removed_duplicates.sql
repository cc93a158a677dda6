-- One row per raw message row removed because its normalised, redacted text repeats a kept
-- message (exact) or is a near duplicate of it (in the same near-duplicate cluster).
with

messages as (

    select * from {{ ref('int_messages_resolved') }}
    where resolution = 'duplicate'

),

final as (

    select
        raw_row_id,
        message_id,
        kept_message_id,
        duplicate_cluster_id,
        duplicate_kind,
        message_source,
        source_format,
        source_file,
    from messages
    order by kept_message_id, message_id

)

select * from final
