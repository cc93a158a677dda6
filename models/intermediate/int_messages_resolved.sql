-- One row per raw message row with its fate: kept (the representative of its cluster, labelled
-- with enough confidence), duplicate (of a kept message, exact or near) or quarantined (with the
-- reason code). Carries the duplicate cluster, so that the split can keep a cluster together.
with

validated as (

    select * from {{ ref('int_messages_validated') }}

),

deduplicated as (

    select * from {{ ref('int_messages_deduplicated') }}

),

labels as (

    select * from {{ ref('int_message_labels_agreed') }}

),

cluster_outcomes as (

    select
        deduplicated.raw_row_id,
        deduplicated.duplicate_cluster_id,
        deduplicated.duplicate_kind,
        deduplicated.representative_message_id,
        deduplicated.is_representative,
        case
            when labels.representative_message_id is null then 'no_valid_annotation'
            when labels.label_confidence < {{ var('min_label_confidence') }} then 'low_agreement'
        end as label_rejection_reason,
    from deduplicated
    left join labels
        on deduplicated.representative_message_id = labels.representative_message_id

),

final as (

    select
        validated.raw_row_id,
        validated.message_source,
        validated.source_format,
        validated.source_file,
        validated.message_id,
        case
            when validated.rejection_reason is not null then 'quarantined'
            when cluster_outcomes.label_rejection_reason is not null then 'quarantined'
            when cluster_outcomes.is_representative then 'kept'
            else 'duplicate'
        end as resolution,
        coalesce(validated.rejection_reason, cluster_outcomes.label_rejection_reason) as reason_code,
        cluster_outcomes.representative_message_id as kept_message_id,
        cluster_outcomes.duplicate_cluster_id,
        case
            when validated.rejection_reason is null and cluster_outcomes.label_rejection_reason is null
                then cluster_outcomes.duplicate_kind
        end as duplicate_kind,
    from validated
    left join cluster_outcomes
        on validated.raw_row_id = cluster_outcomes.raw_row_id

)

select * from final
