-- One row per valid raw message row, grouped into exact-duplicate clusters on the normalised,
-- redacted, lower-cased text. The representative of a cluster is its earliest message (ties
-- broken by message id); every other member points at it.
with

messages as (

    select * from {{ ref('int_messages_validated') }}
    where rejection_reason is null

),

clustered as (

    select
        *,
        md5(message_text_match) as duplicate_cluster_id,
        first_value(message_id) over (
            partition by md5(message_text_match)
            order by created_at, message_id
        ) as representative_message_id,
    from messages

),

final as (

    select
        *,
        message_id = representative_message_id as is_representative,
    from clustered

)

select * from final
