-- One row per PII value planted in a synthetic draft (zero to two per draft): its type, the value
-- and the cue phrase that carries it. Cards pass the Luhn check and IBANs their mod-97 check.
{%- set pii_weights = [('email', 0.30), ('phone', 0.25), ('person', 0.15), ('card', 0.08),
                       ('ip', 0.08), ('url', 0.06), ('iban', 0.05), ('ssn', 0.03)] %}
{%- set pii_share = var('synthetic_pii_rate', 0.22) %}
with

drafts as (

    select * from {{ ref('synthetic_draft_choices') }}

),

vocabulary as (

    select * from {{ ref('synthetic_vocabulary_listed') }}

),

counted as (

    select
        draft_index,
        language,
        first_name,
        last_name,
        slot_service,
        {{ synthetic_hash('pii_count', 'draft_index') }} as count_hash,
    from drafts

),

positions as (

    select
        counted.*,
        unnest(range(
            1,
            case
                when {{ synthetic_uniform('count_hash', 0) }} >= {{ pii_share }} then 1
                when {{ synthetic_uniform('count_hash', 1) }} < 0.3 then 3
                else 2
            end
        )) as pii_position,
    from counted

),

typed as (

    select
        positions.*,
        {{ synthetic_hash('pii_value', "draft_index || '-' || pii_position") }} as value_hash,
        {{ synthetic_uniform(synthetic_hash('pii_type', "draft_index || '-' || pii_position"), 0) }}
            as u_type,
    from positions

),

with_type as (

    select
        typed.* exclude (typed.u_type),
        case
            {%- set ns = namespace(cumulative=0.0) %}
            {%- for pii_type, weight in pii_weights[:-1] %}
                {%- set ns.cumulative = ns.cumulative + weight %}
                when typed.u_type < {{ ns.cumulative }} then '{{ pii_type }}'
            {%- endfor %}
            when typed.language = 'en' then 'ssn'
            else 'email'
        end as pii_type,
    from typed

),

with_checksum_bodies as (

    select
        *,
        ['4', '51', '52', '53', '54', '55'][1 + ((value_hash >> 72) % 6)::integer] as card_prefix,
        {{ random_digits('value_hash', 18) }} as iban_bban,
    from with_type

),

with_card_payload as (

    select
        *,
        card_prefix || left({{ random_digits('value_hash', 15) }}, 15 - length(card_prefix)) as card_payload,
    from with_checksum_bodies

),

with_check_digits as (

    select
        *,
        card_payload || ((10 - {{ luhn_sum("(card_payload || '0')") }}) % 10)::varchar as card_number,
        'DE' || lpad((98 - (iban_bban || '131400')::hugeint % 97)::varchar, 2, '0') || iban_bban as iban,
    from with_card_payload

),

with_values as (

    select
        draft_index,
        language,
        pii_position,
        pii_type,
        case pii_type
            when 'card'
                then
                    case ((value_hash >> 80) % 3)::integer
                        when 0 then array_to_string(regexp_extract_all(card_number, '\d{4}'), ' ')
                        when 1 then array_to_string(regexp_extract_all(card_number, '\d{4}'), '-')
                        else card_number
                    end
            when 'iban'
                then
                    case
                        when (value_hash >> 84) % 2 = 0
                            then array_to_string(regexp_extract_all(iban, '.{1,4}'), ' ')
                        else iban
                    end
            else {{ synthetic_pii_value('pii_type', 'value_hash', 'first_name', 'last_name', 'slot_service') }}
        end as pii_value,
        value_hash,
    from with_check_digits

),

final as (

    select
        with_values.draft_index,
        with_values.pii_position,
        with_values.pii_type,
        with_values.pii_value,
        replace(
            {{ pick_from_list(
                "case with_values.pii_type
                    when 'email' then vocabulary.phrases_email
                    when 'phone' then vocabulary.phrases_phone
                    when 'card' then vocabulary.phrases_card
                    when 'iban' then vocabulary.phrases_iban
                    when 'ip' then vocabulary.phrases_ip
                    when 'ssn' then vocabulary.phrases_ssn
                    when 'url' then vocabulary.phrases_url
                    else vocabulary.phrases_person
                end",
                synthetic_uniform('with_values.value_hash', 7)
            ) }},
            '{value}',
            with_values.pii_value
        ) as pii_phrase,
    from with_values
    inner join vocabulary
        on with_values.language = vocabulary.language

)

select * from final
