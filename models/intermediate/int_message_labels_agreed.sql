-- One row per duplicate cluster that has at least one valid annotation: the consensus label of the
-- annotations of every member of the cluster, weighted by confidence and by each annotator's
-- measured reliability (int_annotator_reliability).
--   vote weight of an annotation  w = confidence x vote_weight_scale(annotator)
--                                   = confidence x ln(1 + K * reliability / (1 - reliability))
--   label weight                  W(l) = sum of w over the annotations for label l (0 if none)
--   label_confidence              = exp(W(winner)) / sum over all K intents of exp(W(l)):
--                                   the posterior of the winner under a uniform prior and the
--                                   one-coin annotator model, in [0, 1]
--   label_margin                  = label_confidence minus the posterior of the runner-up
--   annotator_agreement           = share of the annotations that chose the winner
-- The winner has the largest W (ties: larger confidence sum, more annotations, label name).
-- A single annotation from a reliable, sure annotator gives a high label_confidence; one from a
-- spammer (reliability near 0) or two equally weighted annotations that disagree give under 0.5.
with

annotations as (

    select * from {{ ref('int_annotations_validated') }}
    where rejection_reason is null

),

messages as (

    select * from {{ ref('int_messages_deduplicated') }}

),

reliability as (

    select * from {{ ref('int_annotator_reliability') }}

),

taxonomy as (

    select count(*) as label_count from {{ ref('intent_taxonomy') }}

),

cluster_annotations as (

    select
        messages.representative_message_id,
        annotations.annotator_id,
        annotations.intent,
        annotations.confidence,
        annotations.confidence * reliability.vote_weight_scale as vote_weight,
    from annotations
    inner join messages
        on annotations.message_id = messages.message_id
    inner join reliability
        on annotations.annotator_id = reliability.annotator_id

),

votes as (

    select
        representative_message_id,
        intent,
        sum(vote_weight) as label_weight,
        sum(confidence) as confidence_sum,
        count(*) as vote_count,
    from cluster_annotations
    group by representative_message_id, intent

),

ranked as (

    select
        votes.*,
        max(votes.label_weight) over cluster as max_weight,
        count(*) over cluster as voted_labels,
        sum(votes.vote_count) over cluster as total_votes,
        taxonomy.label_count,
        row_number() over (
            partition by votes.representative_message_id
            order by
                votes.label_weight desc,
                votes.confidence_sum desc,
                votes.vote_count desc,
                votes.intent asc
        ) as vote_rank,
    from votes
    cross join taxonomy
    window cluster as (partition by votes.representative_message_id)

),

posteriors as (

    -- exp(W - max W) keeps every term in range; labels nobody chose have W = 0
    select
        *,
        exp(label_weight - max_weight) as relative_likelihood,
        sum(exp(label_weight - max_weight)) over (partition by representative_message_id)
        + greatest(label_count - voted_labels, 0) * exp(-max_weight) as normaliser,
    from ranked

),

final as (

    select
        winner.representative_message_id,
        winner.intent,
        round(winner.relative_likelihood / winner.normaliser, 6) as label_confidence,
        round(
            (
                winner.relative_likelihood
                - greatest(
                    coalesce(runner_up.relative_likelihood, 0),
                    case when winner.label_count > winner.voted_labels then exp(-winner.max_weight) else 0 end
                )
            ) / winner.normaliser,
            6
        ) as label_margin,
        round(winner.vote_count / winner.total_votes, 6) as annotator_agreement,
        winner.total_votes::integer as annotation_count,
    from posteriors as winner
    left join posteriors as runner_up
        on
            winner.representative_message_id = runner_up.representative_message_id
            and runner_up.vote_rank = 2
    where winner.vote_rank = 1

)

select * from final
