-- depends_on: {{ ref('text_mojibake_map') }}
-- One row per raw message row with its text normalised for display (mojibake repaired, HTML
-- decoded, control and zero-width characters removed, NFC, quotes, dashes and spaces folded,
-- whitespace collapsed) by the normalize_text macro. Normalising the result again changes nothing
-- (tests/intermediate/assert_normalisation_is_idempotent.sql).
with

messages as (

    select * from {{ ref('int_messages_unioned') }}

),

final as (

    select
        *,
        {{ normalize_text("coalesce(message_text, '')") }} as message_text_clean,
    from messages

)

select * from final
