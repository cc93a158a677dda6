-- A duplicate cluster never spans two splits, and is exported once: every raw message of a
-- cluster (kept or removed as a duplicate) is traced through int_messages_resolved to the
-- exported examples of its own message id or of its kept message; a cluster that reaches two
-- splits, or two examples, is a row here.
with

exported as (

    select * from {{ ref('curated_training_data') }}
    where message_id is not null

),

resolved as (

    select * from {{ ref('int_messages_resolved') }}
    where resolution in ('kept', 'duplicate')

),

final as (

    select
        resolved.duplicate_cluster_id,
        count(distinct exported.split) as split_count,
        count(distinct exported.example_id) as example_count,
    from resolved
    inner join exported
        on exported.message_id in (resolved.message_id, resolved.kept_message_id)
    group by resolved.duplicate_cluster_id
    having count(distinct exported.split) > 1 or count(distinct exported.example_id) > 1

)

select * from final
