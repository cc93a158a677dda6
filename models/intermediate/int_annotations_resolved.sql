-- One row per raw annotation row with its fate: used (it voted for the label of a kept message)
-- or quarantined with the reason code, message_quarantined when its message did not make it.
with

annotations as (

    select * from {{ ref('int_annotations_validated') }}

),

messages as (

    select * from {{ ref('int_messages_resolved') }}
    where resolution != 'quarantined'

),

final as (

    select
        annotations.raw_row_id,
        annotations.message_source,
        annotations.source_format,
        annotations.source_file,
        annotations.message_id,
        annotations.annotator_id,
        case
            when annotations.rejection_reason is null and messages.raw_row_id is not null then 'used'
            else 'quarantined'
        end as resolution,
        case
            when annotations.rejection_reason is not null then annotations.rejection_reason
            when messages.raw_row_id is null then 'message_quarantined'
        end as reason_code,
        messages.kept_message_id,
    from annotations
    left join messages
        on
            annotations.message_id = messages.message_id
            and annotations.rejection_reason is null

)

select * from final
