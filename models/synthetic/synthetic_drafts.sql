-- One row per original synthetic message: its clean text (template with slots filled, PII cue
-- phrases and hard-negative decoy phrases added, wrapped in a channel frame), before noise,
-- duplication or defects. A frame may name the agent ({agent}: a first name) or sign with the
-- customer's name ({signature}: the full name, or the first name alone for one draft in three);
-- every name a frame writes is planted PII of type person.
{%- set slots = ['service', 'data', 'account', 'marketing', 'sensitive', 'consent_target',
                 'field', 'destination', 'regulator', 'timeframe', 'thing', 'stars', 'city', 'amount'] %}
with

choices as (

    select * from {{ ref('synthetic_draft_choices') }}

),

pii_planted as (

    select * from {{ ref('synthetic_pii_planted') }}

),

first_names as (

    select first_names from {{ ref('synthetic_vocabulary_listed') }}
    order by language
    limit 1

),

pii_sentences as (

    select
        draft_index,
        string_agg(pii_phrase, ' ' order by pii_position) as pii_sentence,
        list(
            { 'pii_type': pii_type, 'pii_value': pii_value, 'is_decoy': is_decoy } order by pii_position
        ) as planted_pii,
    from pii_planted
    group by draft_index

),

bodies as (

    select
        choices.*,
        {%- set ns = namespace(expression='choices.template_text') %}
        {%- for slot in slots %}
            {%- set ns.expression = "replace(" ~ ns.expression ~ ", '{" ~ slot ~ "}', choices.slot_" ~ slot ~ ")" %}
        {%- endfor %}
        {{ ns.expression }} as body_text,
        pii_sentences.pii_sentence,
        coalesce(pii_sentences.planted_pii, []) as planted_pii,
        {{ pick_from_list(
            'first_names.first_names',
            synthetic_uniform(synthetic_hash('agent', 'choices.draft_index'), 0)
        ) }} as agent_name,
        case
            when {{ synthetic_uniform(synthetic_hash('agent', 'choices.draft_index'), 1) }} < 1 / 3
                then choices.first_name
            else choices.first_name || ' ' || choices.last_name
        end as signature_name,
    from choices
    cross join first_names
    left join pii_sentences
        on choices.draft_index = pii_sentences.draft_index

),

with_pii as (

    select
        *,
        case
            when pii_sentence is null then body_text
            when draft_index % 3 = 0 then pii_sentence || ' ' || body_text
            else body_text || ' ' || pii_sentence
        end as body_with_pii,
    from bodies

),

final as (

    select
        draft_index,
        intent,
        locale,
        language,
        channel,
        template_id,
        is_hard_negative,
        created_at,
        user_id,
        list_concat(
            planted_pii,
            list_transform(
                list_filter(
                    [['{agent}', agent_name], ['{signature}', signature_name]],
                    lambda name_slot: contains(frame_text, name_slot[1])
                ),
                lambda name_slot: { 'pii_type': 'person', 'pii_value': name_slot[2], 'is_decoy': false }
            )
        ) as planted_pii,
        replace(
            replace(replace(replace(frame_text, '{body}', body_with_pii), '{service}', slot_service), '{agent}', agent_name),
            '{signature}',
            signature_name
        ) as clean_text,
    from with_pii

)

select * from final
