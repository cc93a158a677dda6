-- One row per synthetic annotator with the behaviour the generator plants for it: experts and
-- average annotators (the reliable pool, who share most of the work), and a small unreliable pool
-- who label a few messages each: confusers who systematically swap some intents with their
-- confusable neighbour, random spammers and constant spammers (always the same label).
{%- set n_reliable = 34 %}
{%- set n_experts = 8 %}
{%- set confused_intents = [
    ['non_privacy', 'deletion', 'consent_withdrawal', 'marketing_unsubscribe'],
    ['access', 'portability', 'privacy_complaint', 'privacy_info_question', 'restriction', 'objection'],
] %}
{%- set unreliable = [
    ('confuser', none, 0),
    ('confuser', none, 1),
    ('random_spammer', none, none),
    ('random_spammer', none, none),
    ('constant_spammer', 'non_privacy', none),
    ('constant_spammer', 'access', none),
] %}
with

reliable as (

    select
        range as annotator_index,
        case when range < {{ n_experts }} then 'expert' else 'average' end as annotator_profile,
        case
            when range < {{ n_experts }}
                then 0.97 + 0.025 * {{ synthetic_uniform(synthetic_hash('annotator', 'range'), 0) }}
            else 0.88 + 0.08 * {{ synthetic_uniform(synthetic_hash('annotator', 'range'), 0) }}
        end as accuracy,
        case when range < {{ n_experts }} then 0.8 else 0.6 end as confusable_error_share,
        cast(null as varchar) as constant_intent,
        cast(null as varchar []) as confused_intents,
        cast(null as double) as confusion_rate,
        false as is_unreliable,
    from range({{ n_reliable }})

),

unreliable as (

    {%- for profile, constant_intent, confusion in unreliable %}
    select
        {{ n_reliable + loop.index0 }} as annotator_index,
        '{{ profile }}' as annotator_profile,
        {%- if profile == 'confuser' %}
        0.93 as accuracy,
        1.0 as confusable_error_share,
        cast(null as varchar) as constant_intent,
        ['{{ confused_intents[confusion] | join("', '") }}'] as confused_intents,
        0.85 as confusion_rate,
        {%- else %}
        cast(null as double) as accuracy,
        cast(null as double) as confusable_error_share,
        {{ "'" ~ constant_intent ~ "'" if constant_intent else 'cast(null as varchar)' }}
            as constant_intent,
        cast(null as varchar []) as confused_intents,
        cast(null as double) as confusion_rate,
        {%- endif %}
        true as is_unreliable,
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

final as (

    select
        'syn-ann-' || lpad(annotator_index::varchar, 2, '0') as annotator_id,
        *,
    from (
        select * from reliable
        union all
        select * from unreliable
    )

)

select * from final
order by annotator_index
