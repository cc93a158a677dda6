-- One row per distinct raw message text that shows mojibake markers (has_mojibake_markers): the
-- only texts the ftfy repair (int_message_texts_repaired) reads, so that Python sees a few rows.
with

messages as (

    select * from {{ ref('int_messages_unioned') }}

),

final as (

    select distinct message_text,
    from messages
    where {{ has_mojibake_markers('message_text') }}

)

select * from final
