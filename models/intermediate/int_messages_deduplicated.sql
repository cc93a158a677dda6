-- One row per valid raw message row with its duplicate cluster and the cluster's representative.
-- Exact duplicates share the matching text (normalised, redacted, lower-cased: two users who write
-- the same words give one training example); near duplicates are texts joined by verified pairs
-- (int_message_text_clusters). A cluster is the union of both: every message whose text is in a
-- near-duplicate cluster, plus every exact copy of those texts. The representative is the
-- earliest message of the cluster, ties broken by the smallest message id.
-- Narrow: the row's keys and its cluster, not the texts and attributes (int_messages_redacted and
-- int_messages_validated, joined on raw_row_id): writing 29 columns again cost twice the clustering
-- itself (1,000,000 messages: 6.0 against 2.0 CPU s for the narrow model, docs/benchmarks.md).
with

messages as (

    select * from {{ ref('int_messages_validated') }}
    where rejection_reason is null

),

near_clusters as (

    select * from {{ ref('int_message_text_clusters') }}

),

keyed as (

    select
        raw_row_id,
        message_source,
        message_id,
        created_at,
        md5(message_text_match) as text_key,
    from messages

),

clustered as (

    select
        keyed.*,
        coalesce(near_clusters.cluster_key, keyed.text_key) as duplicate_cluster_id,
    from keyed
    left join near_clusters
        on keyed.text_key = near_clusters.text_key

),

{#- The representative by a grouped arg_min over the narrow columns, joined back: a window would
    sort every wide row by cluster. Valid rows have distinct message ids and a send time, so the
    earliest (created_at, message_id) is one row. #}

representatives as (

    select
        duplicate_cluster_id,
        arg_min(message_id, (created_at, message_id)) as representative_message_id,
        arg_min(text_key, (created_at, message_id)) as representative_text_key,
    from clustered
    group by duplicate_cluster_id

),

ranked as (

    select
        clustered.*,
        representatives.representative_message_id,
        representatives.representative_text_key,
    from clustered
    inner join representatives
        on clustered.duplicate_cluster_id = representatives.duplicate_cluster_id

),

final as (

    select
        raw_row_id,
        message_source,
        message_id,
        created_at,
        text_key,
        duplicate_cluster_id,
        representative_message_id,
        message_id = representative_message_id as is_representative,
        case
            when message_id = representative_message_id then null
            when text_key = representative_text_key then 'exact'
            else 'near'
        end as duplicate_kind,
    from ranked

)

select * from final
