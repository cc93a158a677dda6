-- One row per raw annotation row with the first rule it breaks (null when none): missing_message_id,
-- missing_annotator, unknown_intent, invalid_confidence, unparseable_timestamp, unknown_message,
-- message_rejected (every raw row of the message was rejected), then duplicate_annotation for
-- every repeat of a message and annotator pair but the first.
with

annotations as (

    select * from {{ ref('int_annotations_unioned') }}

),

taxonomy as (

    select * from {{ ref('intent_taxonomy') }}

),

messages as (

    select * from {{ ref('int_messages_validated') }}

),

message_status as (

    select
        message_id,
        bool_or(rejection_reason is null) as has_valid_row,
    from messages
    where message_id is not null
    group by message_id

),

row_rules as (

    select
        annotations.*,
        case
            when annotations.message_id is null then 'missing_message_id'
            when annotations.annotator_id is null then 'missing_annotator'
            when taxonomy.intent is null then 'unknown_intent'
            when annotations.confidence is null or not annotations.confidence between 0 and 1
                then 'invalid_confidence'
            when annotations.annotated_at is null then 'unparseable_timestamp'
            when message_status.message_id is null then 'unknown_message'
            when not message_status.has_valid_row then 'message_rejected'
        end as row_rule_violation,
    from annotations
    left join taxonomy
        on annotations.intent = taxonomy.intent
    left join message_status
        on annotations.message_id = message_status.message_id

),

ranked as (

    select
        *,
        row_number() over (
            partition by message_id, annotator_id, row_rule_violation is null
            order by annotated_at, source_file, raw_row_id
        ) as pair_occurrence,
    from row_rules

),

final as (

    select
        * exclude (row_rule_violation, pair_occurrence),
        case
            when row_rule_violation is not null then row_rule_violation
            when pair_occurrence > 1 then 'duplicate_annotation'
        end as rejection_reason,
    from ranked

)

select * from final
