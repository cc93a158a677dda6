-- One row per synthetic annotator with the behaviour the generator plants for it: experts and
-- average annotators (the reliable pool, who share most of the work), and a small unreliable pool
-- who label a few messages each: confusers who systematically swap some intents with their
-- confusable neighbour, random spammers and constant spammers (always the same label).
{%- set n_reliable = 34 %}
{%- set n_experts = 8 %}
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
        null::varchar as constant_intent,
        null::varchar[] as confused_intents,
        null::double as confusion_rate,
        false as is_unreliable,
    from range({{ n_reliable }})

),

unreliable as (

    -- accuracy of a confuser: on the intents it does not confuse
    select
        {{ n_reliable }} + pool.pool_index as annotator_index,
        pool.annotator_profile,
        pool.accuracy,
        pool.confusable_error_share,
        pool.constant_intent,
        pool.confused_intents,
        pool.confusion_rate,
        true as is_unreliable,
    from (
        values
        (
            0, 'confuser', 0.93, 1.0, null,
            ['non_privacy', 'deletion', 'consent_withdrawal', 'marketing_unsubscribe'], 0.85
        ),
        (
            1, 'confuser', 0.93, 1.0, null,
            ['access', 'portability', 'privacy_complaint', 'privacy_info_question', 'restriction', 'objection'], 0.85
        ),
        (2, 'random_spammer', null, null, null, null, null),
        (3, 'random_spammer', null, null, null, null, null),
        (4, 'constant_spammer', null, null, 'non_privacy', null, null),
        (5, 'constant_spammer', null, null, 'access', null, null)
    ) as pool (
        pool_index,
        annotator_profile,
        accuracy,
        confusable_error_share,
        constant_intent,
        confused_intents,
        confusion_rate
    )

),

annotators as (

    select * from reliable
    union all
    select * from unreliable

),

final as (

    select
        'syn-ann-' || lpad(annotator_index::varchar, 2, '0') as annotator_id,
        *,
    from annotators

)

select * from final
order by annotator_index
