-- One row per synthetic annotation in the raw landing shape: one to three annotators per message
-- from the reliable pool (experts and average annotators, right with their own accuracy and
-- otherwise confusing the label with a neighbour, less sure when wrong), and on a few messages one
-- annotator from the unreliable pool (confusers, random and constant spammers, see
-- synthetic_annotator_profiles); plus a few defective rows (unknown label, confidence outside
-- [0, 1], unknown message, a repeated annotation, a missing annotator).
{%- set n_reliable = 34 %}
{%- set n_unreliable = 6 %}
{%- set unreliable_message_rate = 0.05 %}
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

    select * from {{ ref('synthetic_annotator_profiles') }}

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
        case
            when {{ synthetic_uniform('annotation_hash', 0) }} < 0.35 then 1
            when {{ synthetic_uniform('annotation_hash', 0) }} < 0.7 then 2
            else 3
        end as annotation_total,
        {{ synthetic_uniform('annotation_hash', 4) }} < {{ unreliable_message_rate }}
            as has_unreliable_annotator,
    from emitted

),

slots as (

    select
        messages.*,
        unnest(range(1, messages.annotation_total + 1)) as annotation_position,
    from messages

),

assigned as (

    select
        slots.*,
        case
            -- the last annotator of a few messages comes from the unreliable pool
            when slots.has_unreliable_annotator and slots.annotation_position = slots.annotation_total
                then {{ n_reliable }} + {{ hash_modulo('slots.annotation_hash >> 80', n_unreliable) }}
            -- distinct reliable annotators: a random start and a stride below half the pool
            else (
                {{ hash_modulo('slots.annotation_hash >> 16', n_reliable) }}
                + (slots.annotation_position - 1)
                * (1 + {{ hash_modulo('slots.annotation_hash >> 32', n_reliable // 2 - 1) }})
            ) % {{ n_reliable }}
        end as annotator_index,
        {{ synthetic_hash('label', "slots.emission_index || '-' || slots.annotation_position") }}
            as label_hash,
    from slots

),

drawn as (

    select
        assigned.emission_index,
        assigned.message_id,
        assigned.annotation_position,
        assigned.true_intent,
        assigned.true_created_at,
        assigned.label_hash,
        annotators.annotator_id,
        annotators.annotator_profile,
        {{ synthetic_uniform('assigned.label_hash', 3) }} as confidence_draw,
        case annotators.annotator_profile
            when 'random_spammer' then {{ pick_from_list('all_intents.intents',
                                                         synthetic_uniform('assigned.label_hash', 2)) }}
            when 'constant_spammer' then annotators.constant_intent
            when 'confuser'
                then
                    case
                        when
                            list_contains(annotators.confused_intents, assigned.true_intent)
                            and {{ synthetic_uniform('assigned.label_hash', 0) }} < annotators.confusion_rate
                            then taxonomy.confusable_with
                        when {{ synthetic_uniform('assigned.label_hash', 1) }} < annotators.accuracy
                            then assigned.true_intent
                        else taxonomy.confusable_with
                    end
            else
                case
                    when {{ synthetic_uniform('assigned.label_hash', 0) }} < annotators.accuracy
                        then assigned.true_intent
                    when
                        {{ synthetic_uniform('assigned.label_hash', 1) }}
                        < annotators.confusable_error_share
                        then taxonomy.confusable_with
                    else {{ pick_from_list(
                        'list_filter(all_intents.intents, lambda i: i != assigned.true_intent)',
                        synthetic_uniform('assigned.label_hash', 2)
                    ) }}
                end
        end as intent,
    from assigned
    inner join annotators
        on assigned.annotator_index = annotators.annotator_index
    inner join taxonomy
        on assigned.true_intent = taxonomy.intent
    cross join all_intents

),

labelled as (

    select
        emission_index,
        message_id,
        annotation_position,
        true_intent,
        annotator_id,
        annotator_profile,
        intent = true_intent as is_correct,
        intent,
        -- honest annotators are less sure when wrong; the unreliable are sure of themselves
        round(
            case
                when annotator_profile = 'random_spammer' then 0.5 + 0.5 * confidence_draw
                when annotator_profile = 'constant_spammer' then 0.7 + 0.3 * confidence_draw
                when annotator_profile = 'confuser' or intent = true_intent
                    then 0.6 + 0.4 * confidence_draw
                else 0.35 + 0.45 * confidence_draw
            end,
            3
        ) as confidence,
        true_created_at
        + to_seconds((3600 + (label_hash >> 64) % (20 * 86400))::bigint) as annotated_at,
        case
            when {{ synthetic_uniform('label_hash', 5) }} < {{ defect_rate }}
                then ['{{ defect_kinds | join("', '") }}'][
                    1 + {{ hash_modulo('label_hash >> 96', defect_kinds | length) }}::integer
                ]
        end as defect_kind,
    from drawn

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
        annotator_profile,
        is_correct,
        defect_kind,
    from with_repeats

)

select * from final
