-- No IBAN that passes the mod-97 check survives PII redaction. An IBAN-like string with a wrong
-- check (a typo, an invented account, the generator's decoys) is text, not PII, and may stay.
with

redacted as (

    select
        raw_row_id,
        source_file,
        message_text_redacted,
        {{ valid_ibans_in('message_text_redacted') }} as valid_ibans,
    from {{ ref('int_messages_redacted') }}
    where regexp_matches(message_text_redacted, '(?i)\b[a-z]{2}\d{2}')

)

select * from redacted
where len(valid_ibans) > 0
