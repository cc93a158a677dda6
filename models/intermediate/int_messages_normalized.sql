-- depends_on: {{ ref('text_mojibake_map') }}
-- One row per raw message row with its text normalised for display: the ftfy repair of the texts
-- that show mojibake (int_message_texts_repaired) taken first, then the normalize_text macro
-- (mojibake pairs, HTML decoded, control and zero-width characters removed, NFC, quotes, dashes
-- and spaces folded, whitespace collapsed). Flags the texts normalisation cannot make stable
-- (normalising the result again would change it) and those that still show mojibake markers:
-- int_messages_validated quarantines them. Normalisation depends on the text alone, so each
-- distinct text is normalised once and the result joined back to its rows.
with

messages as (

    select * from {{ ref('int_messages_unioned') }}

),

repaired_texts as (

    select * from {{ ref('int_message_texts_repaired') }}

),

repaired as (

    select
        messages.*,
        coalesce(repaired_texts.message_text_repaired != messages.message_text, false)
            as is_encoding_repaired,
        coalesce(repaired_texts.message_text_repaired, messages.message_text, '') as text_input,
    from messages
    left join repaired_texts
        on messages.message_text = repaired_texts.message_text

),

texts as (

    select distinct text_input,
    from repaired

),

normalized_texts as (

    select
        text_input,
        {{ normalize_text('text_input') }} as message_text_clean,
    from texts

),

checked_texts as (

    select
        *,
        -- a text normalisation left unchanged is a fixed point; any other is normalised once more
        case
            when message_text_clean = text_input then true
            else {{ normalize_text('message_text_clean') }} = message_text_clean
        end as is_text_stable,
        {{ has_mojibake_markers('message_text_clean') }} as has_mojibake_left,
    from normalized_texts

),

final as (

    select
        repaired.* exclude (text_input),
        checked_texts.* exclude (text_input),
    from repaired
    inner join checked_texts
        on repaired.text_input = checked_texts.text_input

)

select * from final
