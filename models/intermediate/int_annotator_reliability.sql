-- One row per annotator with a valid annotation on a deduplicated message: how reliable the
-- annotator is, measured against the other annotators of the same clusters.
--
-- An item is a duplicate cluster the annotator labelled and someone else labelled too. Its
-- reference label is the leave-one-annotator-out consensus: the label with the largest vote
-- weight among the OTHER annotators' annotations (ties: more annotators, then label name).
--   agreement      = share of items where the annotator's label equals the reference
--   chance         = agreement expected by chance: sum over labels of (share of the annotator's
--                    items they gave that label) x (share of their items with that reference)
-- Both are smoothed with a Beta prior of `annotator_prior_strength` pseudo-items at the pool
-- means, so an annotator with few items is shrunk to the pool. Reliability is the chance-corrected
-- agreement (Cohen's kappa form), which scores random and constant spammers near 0:
--   reliability    = clamp((agreement_s - chance_s) / (1 - chance_s), 0, 0.99)
--   vote_weight_scale = ln(1 + K * reliability / (1 - reliability)), K = number of intents
-- vote_weight_scale is the log likelihood ratio of a vote under a one-coin model (with probability
-- `reliability` the annotator gives the true label, otherwise a label at random); an annotation
-- weighs confidence x vote_weight_scale in int_message_labels_agreed.
--
-- Round 1 weighs the other annotators' votes by confidence only; each later round (Dawid-Skene
-- style refinement, three rounds in all) weighs them by confidence x the previous round's
-- vote_weight_scale and measures again. Bounded, deterministic, set-based.
{%- set n_rounds = 3 %}
{%- set prior_strength = var('annotator_prior_strength') %}
{#- With no message annotated twice there is no evidence at all: assume a fair pool. #}
{%- set fallback_agreement = 0.9 %}
with

annotations as (

    select * from {{ ref('int_annotations_validated') }}
    where rejection_reason is null

),

messages as (

    select * from {{ ref('int_messages_deduplicated') }}

),

taxonomy as (

    select count(*) as label_count from {{ ref('intent_taxonomy') }}

),

clustered as (

    -- clusters, annotators and labels are numbered next (labels and annotators in name order, so
    -- that "ties: label name" still holds): every join and aggregate below groups integers
    select
        messages.representative_message_id,
        annotations.annotator_id,
        annotations.intent,
        annotations.confidence,
    from annotations
    inner join messages
        on annotations.message_id = messages.message_id

),
{%- for numbered, key in [('item', 'representative_message_id'), ('annotator', 'annotator_id'), ('intent', 'intent')] %}

    {{ numbered }}_numbers as (

        select
            {{ key }},
            row_number() over (order by {{ key }}) as {{ numbered }}_number,
        from (select distinct {{ key }} from clustered) as distinct_values

    ),
{%- endfor %}

annotator_votes as (

    -- one row per cluster, annotator and label, with the annotator's confidence behind it
    select
        item_numbers.item_number,
        annotator_numbers.annotator_number,
        intent_numbers.intent_number,
        sum(clustered.confidence) as own_confidence,
        count(*) as own_annotations,
    from clustered
    inner join item_numbers
        on clustered.representative_message_id = item_numbers.representative_message_id
    inner join annotator_numbers
        on clustered.annotator_id = annotator_numbers.annotator_id
    inner join intent_numbers
        on clustered.intent = intent_numbers.intent
    group by item_numbers.item_number, annotator_numbers.annotator_number, intent_numbers.intent_number

),

annotator_labels as (

    -- the annotator's label for the cluster: their most confident one (ties: label name)
    select
        item_number,
        annotator_number,
        min(struct_pack(confidence_rank := -own_confidence, intent_number := intent_number)).intent_number
            as intent_number,
    from annotator_votes
    group by item_number, annotator_number

),

annotators as (

    select
        annotator_number,
        sum(own_annotations) as annotation_count,
    from annotator_votes
    group by annotator_number

),

round_0_scales as (

    select
        annotator_number,
        1.0::double as vote_weight_scale,
    from annotators

),
{%- for round in range(1, n_rounds + 1) %}

    round_{{ round }}_votes as (

        select
            annotator_votes.*,
            annotator_votes.own_confidence * scales.vote_weight_scale as own_weight,
        from annotator_votes
        inner join round_{{ round - 1 }}_scales as scales
            on annotator_votes.annotator_number = scales.annotator_number

    ),

    round_{{ round }}_totals as (

        select
            item_number,
            intent_number,
            sum(own_weight) as label_weight,
            count(*) as label_annotators,
        from round_{{ round }}_votes
        group by item_number, intent_number

    ),

    round_{{ round }}_candidates as (

        -- each label the other annotators gave an item the annotator labelled (leave the annotator
        -- out), with the other annotators' weight and number behind it
        select
            labels.item_number,
            labels.annotator_number,
            labels.intent_number as annotator_intent,
            totals.intent_number as reference_intent,
            totals.label_weight - coalesce(own.own_weight, 0) as other_weight,
            totals.label_annotators - (own.annotator_number is not null)::integer as other_annotators,
        from annotator_labels as labels
        inner join round_{{ round }}_totals as totals
            on labels.item_number = totals.item_number
        left join round_{{ round }}_votes as own
            on
                labels.item_number = own.item_number
                and labels.annotator_number = own.annotator_number
                and totals.intent_number = own.intent_number
        where
            totals.label_annotators - (own.annotator_number is not null)::integer > 0
            and totals.label_weight - coalesce(own.own_weight, 0) > 0

    ),

    round_{{ round }}_references as (

        -- the other annotators' consensus on each item: the largest weight, then more annotators,
        -- then label name, as the least of a struct whose fields sort in that order (one hash
        -- aggregate; a row_number window here sorted 2.4M rows per round at 1M messages)
        select
            item_number,
            annotator_number,
            annotator_intent,
            min(struct_pack(
                weight_rank := -other_weight,
                annotators_rank := -other_annotators,
                intent_number := reference_intent
            )).intent_number as reference_intent,
        from round_{{ round }}_candidates
        group by item_number, annotator_number, annotator_intent

    ),

    round_{{ round }}_own_mix as (

        select
            annotator_number,
            annotator_intent as intent_number,
            count(*) as own_items,
        from round_{{ round }}_references
        group by annotator_number, annotator_intent

    ),

    round_{{ round }}_reference_mix as (

        select
            annotator_number,
            reference_intent as intent_number,
            count(*) as reference_items,
        from round_{{ round }}_references
        group by annotator_number, reference_intent

    ),

    round_{{ round }}_chance as (

        -- sum over labels of (items the annotator gave it) x (items whose reference it is)
        select
            own_mix.annotator_number,
            sum(own_mix.own_items * reference_mix.reference_items) as chance_numerator,
        from round_{{ round }}_own_mix as own_mix
        inner join round_{{ round }}_reference_mix as reference_mix
            on
                own_mix.annotator_number = reference_mix.annotator_number
                and own_mix.intent_number = reference_mix.intent_number
        group by own_mix.annotator_number

    ),

    round_{{ round }}_measured as (

        select
            refs.annotator_number,
            count(*) as items,
            count(*) filter (where refs.annotator_intent = refs.reference_intent)
                as agreements,
            coalesce(any_value(chance.chance_numerator), 0) / count(*) as chance_items,
        from round_{{ round }}_references as refs
        left join round_{{ round }}_chance as chance
            on refs.annotator_number = chance.annotator_number
        group by refs.annotator_number

    ),

    round_{{ round }}_pool as (

        select
            coalesce(sum(agreements) / nullif(sum(items), 0), {{ fallback_agreement }})
                as pool_agreement,
            coalesce(sum(chance_items) / nullif(sum(items), 0), 0) as pool_chance,
        from round_{{ round }}_measured

    ),

    round_{{ round }}_smoothed as (

        -- Beta prior: prior_strength pseudo-items at the pool means
        select
            annotators.annotator_number,
            annotators.annotation_count,
            coalesce(measured.items, 0) as items,
            coalesce(measured.agreements, 0) as agreements,
            measured.agreements / measured.items as agreement,
            measured.chance_items / measured.items as chance_agreement,
            -- with no item and no prior, the pool means themselves
            coalesce(
                (coalesce(measured.agreements, 0) + {{ prior_strength }} * pool.pool_agreement)
                / nullif(coalesce(measured.items, 0) + {{ prior_strength }}, 0),
                pool.pool_agreement
            ) as agreement_smoothed,
            coalesce(
                (coalesce(measured.chance_items, 0) + {{ prior_strength }} * pool.pool_chance)
                / nullif(coalesce(measured.items, 0) + {{ prior_strength }}, 0),
                pool.pool_chance
            ) as chance_smoothed,
        from annotators
        left join round_{{ round }}_measured as measured
            on annotators.annotator_number = measured.annotator_number
        cross join round_{{ round }}_pool as pool

    ),

    round_{{ round }}_reliability as (

        select
            *,
            least(
                greatest(
                    case
                        when chance_smoothed < 1
                            then (agreement_smoothed - chance_smoothed) / (1 - chance_smoothed)
                        else 0
                    end,
                    0
                ),
                0.99
            ) as reliability,
        from round_{{ round }}_smoothed

    ),

    round_{{ round }}_scales as (

        select
            reliability.*,
            ln(1 + taxonomy.label_count * reliability.reliability / (1 - reliability.reliability))
                as vote_weight_scale,
        from round_{{ round }}_reliability as reliability
        cross join taxonomy

    ),
{%- endfor %}

final as (

    select
        annotator_numbers.annotator_id,
        scales.annotation_count::integer as annotation_count,
        scales.items::integer as items,
        scales.agreements::integer as agreements,
        round(scales.agreement, 6) as agreement,
        round(scales.chance_agreement, 6) as chance_agreement,
        round(scales.reliability, 6) as reliability,
        round(scales.vote_weight_scale, 6) as vote_weight_scale,
    from round_{{ n_rounds }}_scales as scales
    inner join annotator_numbers
        on scales.annotator_number = annotator_numbers.annotator_number

)

select * from final
