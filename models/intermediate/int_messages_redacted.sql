-- One row per raw message row with PII replaced by typed placeholders (<URL>, <EMAIL>, <IBAN>,
-- <CARD>, <SSN>, <IP>, <PHONE>, <PERSON>), a lower-cased matching copy, and a count per PII type.
{%- set placeholders = pii_types() %}
with

messages as (

    select * from {{ ref('int_messages_normalized') }}

),

urls as (

    select *, {{ redact_urls('message_text_clean') }} as text_step,
    from messages

),

emails as (

    select * replace ({{ redact_emails('text_step') }} as text_step),
    from urls

),

ibans as (

    select * replace ({{ redact_ibans('text_step') }} as text_step),
    from emails

),

cards as (

    select * replace ({{ redact_cards('text_step') }} as text_step),
    from ibans

),

ssns as (

    select * replace ({{ redact_ssns('text_step') }} as text_step),
    from cards

),

ip_addresses as (

    select * replace ({{ redact_ip_addresses('text_step') }} as text_step),
    from ssns

),

phone_numbers as (

    select * replace ({{ redact_phone_numbers('text_step') }} as text_step),
    from ip_addresses

),

person_names as (

    select * replace ({{ redact_person_names('text_step') }} as text_step),
    from phone_numbers

),

final as (

    select
        * exclude (text_step),
        text_step as message_text_redacted,
        lower(text_step) as message_text_match,
        -- noqa: disable=LT02
        {%- for placeholder in placeholders %}
        (length(text_step) - length(replace(text_step, '<{{ placeholder | upper }}>', ''))) // {{ placeholder | length + 2 }}
            as pii_{{ placeholder }}_count,
        {%- endfor %}
        -- noqa: enable=LT02
    from person_names

)

select * from final
