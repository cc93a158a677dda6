-- One row per duplicate cluster that has at least one valid annotation: the consensus label by a
-- confidence-weighted vote over the annotations of every member of the cluster, with its share of
-- the vote weight (label_confidence) and the share of annotators who chose it (annotator_agreement).
with

annotations as (

    select * from {{ ref('int_annotations_validated') }}
    where rejection_reason is null

),

messages as (

    select * from {{ ref('int_messages_deduplicated') }}

),

cluster_annotations as (

    select
        messages.representative_message_id,
        annotations.annotator_id,
        annotations.intent,
        annotations.confidence,
    from annotations
    inner join messages
        on annotations.message_id = messages.message_id

),

votes as (

    select
        representative_message_id,
        intent,
        sum(confidence) as vote_weight,
        count(*) as vote_count,
    from cluster_annotations
    group by representative_message_id, intent

),

ranked as (

    select
        *,
        sum(vote_weight) over (partition by representative_message_id) as total_weight,
        sum(vote_count) over (partition by representative_message_id) as total_votes,
        row_number() over (
            partition by representative_message_id
            order by vote_weight desc, vote_count desc, intent asc
        ) as vote_rank,
    from votes

),

final as (

    select
        representative_message_id,
        intent,
        round(case when total_weight > 0 then vote_weight / total_weight else 0 end, 6)
            as label_confidence,
        round(vote_count / total_votes, 6) as annotator_agreement,
        total_votes::integer as annotation_count,
    from ranked
    where vote_rank = 1

)

select * from final
