-- One row per value planted in a synthetic draft: zero to two PII values (positions 1 and 2) and,
-- for a share of drafts, one hard-negative decoy (position 3) that looks like PII but must not be
-- redacted (a Luhn-invalid order number, a tracking number, an IBAN with a wrong check, a date, a
-- time, a version, a price). Cards pass the Luhn check and IBANs their mod-97 check; decoys fail them.
{%- set pii_weights = [('email', 0.30), ('phone', 0.25), ('person', 0.15), ('card', 0.08),
                       ('ip', 0.08), ('url', 0.06), ('iban', 0.05), ('ssn', 0.03)] %}
{%- set decoy_kinds = [('decoy_order_number', 'card'), ('decoy_tracking_number', 'card'),
                       ('decoy_bad_iban', 'iban'), ('decoy_date', 'phone'), ('decoy_time', 'phone'),
                       ('decoy_version', 'ip'), ('decoy_price', 'phone')] %}
{%- set pii_share = var('synthetic_pii_rate', 0.22) %}
{%- set decoy_share = var('synthetic_pii_decoy_rate', 0.10) %}
{%- set iban_countries = [('DE', '', 18), ('FR', '', 23), ('ES', '', 20), ('NL', 'ABNA', 10),
                          ('GB', 'WEST', 14), ('BE', '', 12), ('AT', '', 16), ('PT', '', 21),
                          ('IT', 'X', 22), ('CH', '', 17)] %}
with

drafts as (

    select * from {{ ref('synthetic_draft_choices') }}

),

vocabulary as (

    select * from {{ ref('synthetic_vocabulary_listed') }}

),

decoy_phrases as (

    select
        language,
        pii_type as decoy_kind,
        list(phrase_text order by phrase_text) as phrases,
    from {{ ref('generator_pii_phrases') }}
    where pii_type like 'decoy\_%' escape '\'
    group by language, pii_type

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
        unnest(list_concat(
            range(
                1,
                case
                    when {{ synthetic_uniform('count_hash', 0) }} >= {{ pii_share }} then 1
                    when {{ synthetic_uniform('count_hash', 1) }} < 0.3 then 3
                    else 2
                end
            ),
            case when {{ synthetic_uniform('count_hash', 2) }} < {{ decoy_share }} then [3] else [] end
        )) as pii_position,
    from counted

),

typed as (

    select
        positions.*,
        positions.pii_position = 3 as is_decoy,
        {{ synthetic_hash('pii_value', "draft_index || '-' || pii_position") }} as value_hash,
        {{ synthetic_uniform(synthetic_hash('pii_type', "draft_index || '-' || pii_position"), 0) }}
            as u_type,
    from positions

),

with_type as (

    select
        typed.* exclude (typed.u_type),
        case
            {%- for kind, imitated in decoy_kinds %}
                when typed.is_decoy and typed.u_type < {{ loop.index / decoy_kinds | length }} then '{{ kind }}'
            {%- endfor %}
            {%- set ns = namespace(cumulative=0.0) %}
            {%- for pii_type, weight in pii_weights[:-1] %}
                {%- set ns.cumulative = ns.cumulative + weight %}
                when typed.u_type < {{ ns.cumulative }} then '{{ pii_type }}'
            {%- endfor %}
            when typed.language = 'en' then 'ssn'
            else 'email'
        end as pii_kind,
    from typed

),

with_checksum_bodies as (

    select
        *,
        case
            when {{ hash_modulo('value_hash >> 72', 4) }} = 0
                then ['34', '37'][1 + {{ hash_modulo('value_hash >> 74', 2) }}::integer]
            else ['4', '51', '52', '53', '54', '55'][1 + {{ hash_modulo('value_hash >> 76', 6) }}::integer]
        end as card_prefix,
        {{ random_digits('value_hash', 24) }} as bank_digits,
        {{ hash_modulo('value_hash >> 96', iban_countries | length) }}::integer as iban_country_index,
        {{ hash_modulo('value_hash >> 80', 9) }}::integer as order_digit_shift,
    from with_type

),

with_card_payload as (

    select
        *,
        card_prefix
        || left(bank_digits, case when card_prefix in ('34', '37') then 14 else 15 end - length(card_prefix))
            as card_payload,
        case iban_country_index
            {%- for country, letters, digits in iban_countries %}
                when {{ loop.index0 }} then '{{ country }}'
            {%- endfor %}
        end as iban_country,
        case iban_country_index
            {%- for country, letters, digits in iban_countries %}
                when {{ loop.index0 }} then '{{ letters }}' || left(bank_digits, {{ digits }})
            {%- endfor %}
        end as iban_bban,
    from with_checksum_bodies

),

with_check_digits as (

    -- each check is worked out only for the kind that shows it
    select
        *,
        case
            when pii_kind = 'card'
                then card_payload || ((10 - {{ luhn_sum("(card_payload || '0')") }}) % 10)::varchar
        end as card_number,
        -- the last digit moved by 1 to 9 (mod 10): the Luhn check then fails
        case
            when pii_kind = 'decoy_order_number'
                then card_payload || ((10 - {{ luhn_sum("(card_payload || '0')") }} + 1 + order_digit_shift) % 10)::varchar
        end as order_number,
        case  -- noqa: LT02
            when pii_kind in ('iban', 'decoy_bad_iban')
                then 98 - {{ iban_mod97("iban_country || '00' || iban_bban") }}
        end as iban_check,
    from with_card_payload

),

with_ibans as (

    select
        *,
        iban_country || lpad(iban_check::varchar, 2, '0') || iban_bban as iban,
        -- any other check number in 02..98 fails mod 97
        -- (the hash part is cast first: integer + UHUGEINT is a DOUBLE, whose text '6.0' spoils the IBAN)
        iban_country
        || lpad((2 + (iban_check - 2 + 1 + {{ hash_modulo('value_hash >> 84', 95) }}::integer) % 97)::varchar, 2, '0')
        || iban_bban as bad_iban,
        case when pii_kind = 'card' then card_number else order_number end as card_digits,
    from with_check_digits

),

with_card_groups as (

    select
        *,
        case
            when length(card_digits) = 15
                then [card_digits[1:4], card_digits[5:10], card_digits[11:15]]
            else [card_digits[1:4], card_digits[5:8], card_digits[9:12], card_digits[13:16]]
        end as card_groups,
    from with_ibans

),

with_values as (

    select
        draft_index,
        language,
        pii_position,
        pii_kind,
        is_decoy,
        case pii_kind
            {%- for kind, imitated in decoy_kinds %}
                when '{{ kind }}' then '{{ imitated }}'
            {%- endfor %}
            else pii_kind
        end as pii_type,
        case
            when pii_kind in ('card', 'decoy_order_number')
                then
                    case {{ hash_modulo('value_hash >> 86', 5) }}::integer
                        when 0 then array_to_string(card_groups, ' ')
                        when 1 then array_to_string(card_groups, '-')
                        when 2 then card_groups[1] || '-' || card_groups[2] || ' ' || array_to_string(card_groups[3:], '-')
                        else card_digits
                    end
            when pii_kind = 'iban' and {{ hash_modulo('value_hash >> 88', 2) }} = 0
                then array_to_string(regexp_extract_all(iban, '.{1,4}'), ' ')
            when pii_kind = 'iban' then iban
            -- a spaced decoy whose digit groups happen to form a Luhn-valid card number would be a
            -- card, not a hard negative: such decoys are written compact
            when
                pii_kind = 'decoy_bad_iban'
                and {{ hash_modulo('value_hash >> 88', 2) }} = 0
                and len(list_filter(
                    regexp_extract_all(array_to_string(regexp_extract_all(bad_iban, '.{1,4}'), ' '), '\b\d(?:[ -]?\d){12,18}\b'),
                    lambda digit_run: {{ is_luhn_card_number('digit_run') }}
                )) = 0
                then array_to_string(regexp_extract_all(bad_iban, '.{1,4}'), ' ')
            when pii_kind = 'decoy_bad_iban' then bad_iban
            else {{ synthetic_pii_value('pii_kind', 'value_hash', 'first_name', 'last_name', 'slot_service') }}
        end as pii_value,
        value_hash,
    from with_card_groups

),

final as (

    select
        with_values.draft_index,
        with_values.pii_position,
        with_values.pii_type,
        with_values.is_decoy,
        case when with_values.is_decoy then with_values.pii_kind end as decoy_kind,
        with_values.pii_value,
        replace(
            {{ pick_from_list(
                "case with_values.pii_kind
                    when 'email' then vocabulary.phrases_email
                    when 'phone' then vocabulary.phrases_phone
                    when 'card' then vocabulary.phrases_card
                    when 'iban' then vocabulary.phrases_iban
                    when 'ip' then vocabulary.phrases_ip
                    when 'ssn' then vocabulary.phrases_ssn
                    when 'url' then vocabulary.phrases_url
                    when 'person' then vocabulary.phrases_person
                    else decoy_phrases.phrases
                end",
                synthetic_uniform('with_values.value_hash', 7)
            ) }},
            '{value}',
            with_values.pii_value
        ) as pii_phrase,
    from with_values
    inner join vocabulary
        on with_values.language = vocabulary.language
    left join decoy_phrases
        on
            with_values.language = decoy_phrases.language
            and with_values.pii_kind = decoy_phrases.decoy_kind

)

select * from final
