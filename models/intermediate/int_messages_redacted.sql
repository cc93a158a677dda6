-- One row per raw message row with PII replaced by typed placeholders (<URL>, <EMAIL>, <IBAN>,
-- <CARD>, <SSN>, <IP>, <PHONE>, <PERSON>), a lower-cased matching copy, and a count per PII type.
-- Redaction depends on the text alone, so each distinct text is redacted once and the result joined
-- back to its rows. The rows are not sorted back into the order of int_messages_normalized: no
-- model reads them in order, and at 10,000,000 messages that sort of every wide row ran out of
-- memory under the 3GB limit (docs/benchmarks.md).
{%- set placeholders = pii_types() %}
{%- set person_names = person_name_patterns() %}
with

messages as not materialized (

    select * from {{ ref('int_messages_normalized') }}

),

texts as (

    select distinct message_text_clean,
    from messages

),

urls as (

    select *, {{ redact_urls('message_text_clean') }} as text_step,
    from texts

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

letter_cases as (

    select *, {{ has_both_letter_cases('text_step') }} as is_mixed_case,
    from phone_numbers

),

cued_person_names as (

    select * replace ({{ redact_cued_person_names('text_step', 'is_mixed_case') }} as text_step),
    from letter_cases

),
{#- one step per context pattern, in order: the pattern's matches in the rows of its letter case,
    then the replacement, for the texts that have any; the others pass through as they are. Each
    step is a projection over the one before: nothing is materialised, so the texts stream through
    the chain (ten materialised copies of every text, one per step, spilled at 10,000,000 messages) #}
{%- set steps = [] %}
{%- for letter_case in ['mixed_case', 'monocase'] %}
    {%- for pattern in person_names[letter_case ~ '_patterns'] %}
        {%- do steps.append((letter_case, letter_case ~ '_person_names_' ~ loop.index, pattern)) %}
    {%- endfor %}
{%- endfor %}
{%- set ns = namespace(previous='cued_person_names') %}
-- noqa: disable=LT02
{%- for letter_case, step, pattern in steps %}

{{ step }}_matched as (

    select
        *,
        case
            when {{ 'not ' if letter_case == 'monocase' }}is_mixed_case
                then regexp_extract_all(text_step, {{ sql_string_literal(pattern) }}, 2)
            else []
        end as names,
    from {{ ns.previous }}

),

{{ step }} as (

    select
        * exclude (names)
        replace (
            case
                when len(names) = 0 then text_step
                else {{ redact_names_in_context('text_step', 'names', pattern, person_names['stop_words']) }}
            end as text_step
        ),
    from {{ step }}_matched

),
    {%- set ns.previous = step %}
{%- endfor %}
-- noqa: enable=LT02

person_names as (

    select * exclude (is_mixed_case),
    from {{ ns.previous }}

),

redacted_texts as (

    select
        message_text_clean,
        text_step as message_text_redacted,
        lower(text_step) as message_text_match,
        -- noqa: disable=LT02
        {%- for placeholder in placeholders %}
        case
            when contains(text_step, '<')
                then (length(text_step) - length(replace(text_step, '<{{ placeholder | upper }}>', '')))
                    // {{ placeholder | length + 2 }}
            else 0
        end as pii_{{ placeholder }}_count,
        {%- endfor %}
        -- noqa: enable=LT02
    from person_names

),

final as (

    select
        messages.*,
        redacted_texts.* exclude (message_text_clean),
    from messages
    inner join redacted_texts
        on messages.message_text_clean is not distinct from redacted_texts.message_text_clean

)

select * from final
