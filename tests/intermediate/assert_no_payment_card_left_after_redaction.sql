-- No Luhn-valid run of 13 to 19 digits (spaces or dashes allowed) survives PII redaction. A regex
-- alone cannot tell a card from an order or gift-card number, so the check digit decides.
with

redacted as (

    select * from {{ ref('int_messages_redacted') }}

),

candidates as (

    select
        raw_row_id,
        source_file,
        unnest(regexp_extract_all(message_text_redacted, '\b\d(?:[ -]?\d){12,18}\b')) as candidate,
    from redacted

)

select * from candidates
where {{ luhn_sum("regexp_replace(candidate, '[^0-9]', '', 'g')") }} = 0
