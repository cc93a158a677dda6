-- depends_on: {{ ref('text_mojibake_map') }}
-- Normalising twice changes nothing: the steps of int_messages_normalized, applied again to every
-- message_text_clean, must give it back unchanged. Returns the rows that a second pass would alter.
with

normalized as (

    select
        raw_row_id,
        source_file,
        message_text_clean,
    from {{ ref('int_messages_normalized') }}

),

mojibake_repaired as (

    select
        *,
        {{ repair_mojibake('message_text_clean') }} as text_step,
    from normalized

),

html_decoded as (

    select * replace ({{ decode_html('text_step') }} as text_step),
    from mojibake_repaired

),

controls_stripped as (

    select * replace ({{ strip_control_characters('text_step') }} as text_step),
    from html_decoded

),

unicode_folded as (

    select * replace ({{ fold_unicode('text_step') }} as text_step),
    from controls_stripped

),

renormalized as (

    select
        * exclude (text_step),
        {{ collapse_whitespace('text_step') }} as message_text_renormalized,
    from unicode_folded

)

select * from renormalized
where message_text_renormalized != message_text_clean
