-- One row per synthetic annotation in the raw landing shape: one to three annotators per message,
-- each right with their own reliability and otherwise confusing the label with a neighbour,
-- plus a few defective rows (unknown label, confidence outside [0, 1], unknown message,
-- a repeated annotation, a missing annotator).
{%- set n_annotators = 40 %}
{%- set n_total = var('synthetic_messages') | int %}
{%- set defect_rate = var('synthetic_defect_rate', 0.003) %}
{%- set defect_kinds = ['unknown_intent', 'confidence_above_one', 'confidence_below_zero',
                        'unknown_message', 'repeated_annotation', 'missing_annotator'] %}
with

emitted as (

    select * from {{ ref('synthetic_messages_emitted') }}

),

taxonomy as (

    select * from {{ ref('intent_taxonomy') }}

),

annotators as (

    select
        range as annotator_index,
        'syn-ann-' || lpad(range::varchar, 2, '0') as annotator_id,
        case
            when range < 5 then 0.55 + 0.15 * {{ synthetic_uniform(synthetic_hash('annotator', 'range'), 0) }}
            else 0.86 + 0.13 * {{ synthetic_uniform(synthetic_hash('annotator', 'range'), 0) }}
        end as reliability,
    from range({{ n_annotators }})

),

all_intents as (

    select list(intent order by intent) as intents from taxonomy

),

messages as (

    select
        emission_index,
        'syn-' || lpad(emission_index::varchar, 10, '0') as message_id,
        true_intent,
        true_created_at,
        {{ synthetic_hash('annotation', 'emission_index') }} as annotation_hash,
    from emitted

),

slots as (

    select
        messages.*,
        unnest(range(
            1,
            case
                when {{ synthetic_uniform('annotation_hash', 0) }} < 0.4 then 2
                when {{ synthetic_uniform('annotation_hash', 0) }} < 0.7 then 3
                else 4
            end
        )) as annotation_position,
    from messages

),

assigned as (

    select
        slots.*,
        (
            (slots.annotation_hash >> 16) % {{ n_annotators }}
            + (slots.annotation_position - 1) * (1 + (slots.annotation_hash >> 32) % {{ n_annotators // 2 - 1 }})
        ) % {{ n_annotators }} as annotator_index,
        {{ synthetic_hash('label', "slots.emission_index || '-' || slots.annotation_position") }} as label_hash,
    from slots

),

labelled as (

    select
        assigned.emission_index,
        assigned.message_id,
        assigned.annotation_position,
        assigned.true_intent,
        annotators.annotator_id,
        {{ synthetic_uniform('assigned.label_hash', 0) }} < annotators.reliability as is_correct,
        case
            when {{ synthetic_uniform('assigned.label_hash', 0) }} < annotators.reliability
                then assigned.true_intent
            when {{ synthetic_uniform('assigned.label_hash', 1) }} < 0.7 then taxonomy.confusable_with
            else {{ pick_from_list(
                'list_filter(all_intents.intents, lambda i: i != assigned.true_intent)',
                synthetic_uniform('assigned.label_hash', 2)
            ) }}
        end as intent,
        round(
            case
                when {{ synthetic_uniform('assigned.label_hash', 0) }} < annotators.reliability
                    then 0.6 + 0.4 * {{ synthetic_uniform('assigned.label_hash', 3) }}
                else 0.35 + 0.45 * {{ synthetic_uniform('assigned.label_hash', 3) }}
            end,
            3
        ) as confidence,
        assigned.true_created_at
        + to_seconds((3600 + (assigned.label_hash >> 64) % (20 * 86400))::bigint) as annotated_at,
        case
            when {{ synthetic_uniform('assigned.label_hash', 5) }} < {{ defect_rate }}
                then ['{{ defect_kinds | join("', '") }}'][
                    1 + ((assigned.label_hash >> 96) % {{ defect_kinds | length }})::integer
                ]
        end as defect_kind,
    from assigned
    inner join annotators
        on assigned.annotator_index = annotators.annotator_index
    inner join taxonomy
        on assigned.true_intent = taxonomy.intent
    cross join all_intents

),

with_repeats as (

    select
        *,
        false as is_repeat
    from labelled
    union all
    select
        *,
        true as is_repeat
    from labelled
    where defect_kind = 'repeated_annotation'

),

final as (

    select
        emission_index,
        annotation_position,
        is_repeat,
        case when defect_kind = 'unknown_message' then message_id || '-unknown' else message_id end
            as message_id,
        case when defect_kind = 'missing_annotator' then '' else annotator_id end as annotator_id,
        case when defect_kind = 'unknown_intent' then 'spam' else intent end as intent,
        case
            when defect_kind = 'confidence_above_one' then '1.7'
            when defect_kind = 'confidence_below_zero' then '-0.2'
            else confidence::varchar
        end as confidence,
        strftime(annotated_at, '%Y-%m-%dT%H:%M:%SZ') as annotated_at,
        true_intent,
        is_correct,
        defect_kind,
    from with_repeats

)

select * from final
