-- depends_on: {{ ref('text_mojibake_map') }}
-- Normalising twice changes nothing on every text that moves on: normalize_text, the normalisation
-- of int_messages_normalized, applied again to message_text_clean must give it back unchanged.
-- Texts for which it would not are quarantined as unstable_text by int_messages_validated, so
-- only those may differ. Returns the other rows that a second pass would alter.
with

normalized as (

    select
        raw_row_id,
        source_file,
        message_text_clean,
    from {{ ref('int_messages_normalized') }}

),

validated as (

    select
        raw_row_id,
        rejection_reason,
    from {{ ref('int_messages_validated') }}

),

renormalized as (

    select
        normalized.*,
        validated.rejection_reason,
        {{ normalize_text('normalized.message_text_clean') }} as message_text_renormalized,
    from normalized
    inner join validated
        on normalized.raw_row_id = validated.raw_row_id

)

select * from renormalized
where
    message_text_renormalized != message_text_clean
    and rejection_reason is distinct from 'unstable_text'
