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

{#- the agent's name is drawn from the first language's first names (every language lists the same
    names), joined by position rather than carried along as a list #}

first_names as (

    select first_names from {{ ref('synthetic_vocabulary_listed') }}
    order by language
    limit 1

),

agent_names as (

    select
        unnest(range(1, len(first_names) + 1)) as name_position,
        unnest(first_names) as agent_name,
    from first_names

),

agent_name_count as (

    select len(first_names) as n_agent_names from first_names

),

pii_sentences as (

    -- positions are 1, 2 and 3 at most once each: the phrases and values in position order
    select
        draft_index,
        case
            when count(pii_phrase) > 0
                then concat_ws(
                    ' ',
                    {%- for position in [1, 2, 3] %}
                        any_value(pii_phrase) filter (where pii_position = {{ position }}){{ ',' if not loop.last }}
                    {%- endfor %}
                )
        end as pii_sentence,
        list_filter(
            [
                {%- for position in [1, 2, 3] %}
                    any_value({ 'pii_type': pii_type, 'pii_value': pii_value, 'is_decoy': is_decoy })
                    filter (where pii_position = {{ position }}){{ ',' if not loop.last }}
                {%- endfor %}
            ],
            lambda pii: pii is not null
        ) as planted_pii,
    from pii_planted
    group by draft_index

),

agent_draws as (

    select
        choices.*,
        {{ synthetic_hash('agent', 'choices.draft_index') }} as agent_hash,
        1 + floor(
            {{ synthetic_uniform('agent_hash', 0) }} * agent_name_count.n_agent_names
        )::integer as agent_name_position,
    from choices
    cross join agent_name_count

),

bodies as (

    select
        agent_draws.* exclude (agent_hash, agent_name_position),
        {%- set ns = namespace(expression='agent_draws.template_text') %}
        {%- for slot in slots %}
            {%- set ns.expression = "replace(" ~ ns.expression ~ ", '{" ~ slot ~ "}', agent_draws.slot_" ~ slot ~ ")" %}
        {%- endfor %}
        {{ ns.expression }} as body_text,
        pii_sentences.pii_sentence,
        coalesce(pii_sentences.planted_pii, []) as planted_pii,
        agent_names.agent_name,
        case
            when {{ synthetic_uniform('agent_draws.agent_hash', 1) }} < 1 / 3
                then agent_draws.first_name
            else agent_draws.first_name || ' ' || agent_draws.last_name
        end as signature_name,
    from agent_draws
    left join agent_names
        on agent_draws.agent_name_position = agent_names.name_position
    left join pii_sentences
        on agent_draws.draft_index = pii_sentences.draft_index

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
