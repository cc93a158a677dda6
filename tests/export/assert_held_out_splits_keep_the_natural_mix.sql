-- Validation and test are stratified by intent: each label's share there stays within two
-- examples of its share in the curated pool.
with

pool as (

    select
        intent,
        count(*) as pool_count
    from {{ ref('curated_messages') }}
    group by intent

),

pool_share as (

    select
        intent,
        pool_count / sum(pool_count) over () as share
    from pool

),

held_out as (

    select
        split,
        intent,
        count(*) as split_count
    from {{ ref('curated_training_data') }}
    where split in ('validation', 'test')
    group by split, intent

),

compared as (

    select
        held_out.split,
        held_out.intent,
        held_out.split_count,
        pool_share.share * sum(held_out.split_count) over (partition by held_out.split) as expected_count,
    from held_out
    inner join pool_share
        on held_out.intent = pool_share.intent

)

select * from compared
where abs(split_count - expected_count) > 2
