-- The curated pool: one row per kept message (one per exact-duplicate cluster), cleaned,
-- PII-redacted, labelled by annotator consensus and enriched with features.
with

enriched as (

    select * from {{ ref('int_messages_enriched') }}

),

final as (

    select
        message_id,
        message_text_redacted as message_text,
        intent,
        label_confidence,
        annotator_agreement,
        annotation_count,
        message_source,
        channel,
        locale,
        language,
        locale_language,
        language_confidence,
        jurisdiction,
        regulation,
        created_at,
        user_pseudonym,
        columns('^f_'),
    from enriched
    order by message_id

)

select * from final
