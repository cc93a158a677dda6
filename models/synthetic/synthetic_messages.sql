-- One row per synthetic message in the raw landing shape (every column text, as a CSV file
-- would give it), so that it is staged exactly like the files in data/raw/messages/.
with

emitted as (

    select * from {{ ref('synthetic_messages_emitted') }}

),

final as (

    select
        message_id,
        message_text as text,
        channel,
        locale,
        created_at,
        user_id,
    from emitted

)

select * from final
