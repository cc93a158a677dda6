-- depends_on: {{ ref('text_mojibake_map') }}
-- Normalising twice changes nothing: normalize_text, the normalisation of int_messages_normalized,
-- applied again to every message_text_clean, must give it back unchanged. Returns the rows that a
-- second pass would alter.
with

normalized as (

    select
        raw_row_id,
        source_file,
        message_text_clean,
    from {{ ref('int_messages_normalized') }}

),

renormalized as (

    select
        *,
        {{ normalize_text('message_text_clean') }} as message_text_renormalized,
    from normalized

)

select * from renormalized
where message_text_renormalized != message_text_clean
