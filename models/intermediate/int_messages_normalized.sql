-- depends_on: {{ ref('text_mojibake_map') }}
-- One row per raw message row with its text normalised for display (mojibake repaired, HTML
-- decoded, control and zero-width characters removed, NFC, quotes, dashes and spaces folded,
-- whitespace collapsed), one step per CTE. Normalising the result again changes nothing
-- (tests/intermediate/assert_normalisation_is_idempotent.sql).
with

messages as (

    select * from {{ ref('int_messages_unioned') }}

),

mojibake_repaired as (

    select
        *,
        {{ repair_mojibake("coalesce(message_text, '')") }} as text_step,
    from messages

),

html_decoded as (

    select
        * replace ({{ decode_html('text_step') }} as text_step),
    from mojibake_repaired

),

controls_stripped as (

    select
        * replace ({{ strip_control_characters('text_step') }} as text_step),
    from html_decoded

),

unicode_folded as (

    select
        * replace ({{ fold_unicode('text_step') }} as text_step),
    from controls_stripped

),

final as (

    select
        * exclude (text_step),
        {{ collapse_whitespace('text_step') }} as message_text_clean,
    from unicode_folded

)

select * from final
