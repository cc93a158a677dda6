-- One row per language: slot values, PII cue phrases and person names as lists to draw from.
{%- set slots = ['service', 'data', 'account', 'marketing', 'sensitive', 'consent_target',
                 'field', 'destination', 'regulator', 'timeframe', 'thing', 'stars', 'city', 'amount'] %}
{%- set pii_types = ['email', 'phone', 'card', 'iban', 'ip', 'ssn', 'url', 'person'] %}
with

slot_values as (

    select * from {{ ref('generator_slot_values') }}

),

pii_phrases as (

    select * from {{ ref('generator_pii_phrases') }}

),

person_names as (

    select * from {{ ref('generator_person_names') }}

),

languages as (

    select distinct language from {{ ref('locale_jurisdictions') }}

),

slot_lists as (

    select
        languages.language,
        {%- for slot in slots %}
            list(slot_values.slot_value order by slot_values.slot_value)
            filter (where slot_values.slot = '{{ slot }}') as slot_{{ slot }},
        {%- endfor %}
    from languages
    inner join slot_values
        on slot_values.language in (languages.language, '*')
    group by languages.language

),

phrase_lists as (

    select
        languages.language,
        {%- for pii_type in pii_types %}
            list(pii_phrases.phrase_text order by pii_phrases.phrase_text)
            filter (where pii_phrases.pii_type = '{{ pii_type }}') as phrases_{{ pii_type }},
        {%- endfor %}
    from languages
    left join pii_phrases
        on languages.language = pii_phrases.language
    group by languages.language

),

name_lists as (

    select
        list(first_name order by first_name, last_name) as first_names,
        list(last_name order by last_name, first_name) as last_names,
    from person_names

),

final as (

    select
        slot_lists.*,
        phrase_lists.* exclude (language),
        name_lists.*,
    from slot_lists
    inner join phrase_lists
        on slot_lists.language = phrase_lists.language
    cross join name_lists

)

select * from final
