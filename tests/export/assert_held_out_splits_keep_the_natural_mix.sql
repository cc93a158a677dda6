-- Validation, test and control keep the natural mix: each label's count there stays within two
-- examples, or within one per stratum the label was split in (each stratum is split within one
-- row), of its share of the sampled pool.
with

pool as (

    select
        intent,
        count(*) as pool_count
    from {{ ref('ml_sampled_messages') }}
    where is_sampled
    group by intent

),

strata_per_intent as (

    select
        sampled.intent,
        count(distinct splits.split_stratum) as stratum_count,
    from {{ ref('ml_split_assignments') }} as splits
    inner join {{ ref('ml_sampled_messages') }} as sampled
        on splits.message_id = sampled.message_id
    group by sampled.intent

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
    where split in ('validation', 'test', 'control')
    group by split, intent

),

compared as (

    select
        held_out.split,
        held_out.intent,
        held_out.split_count,
        pool_share.share * sum(held_out.split_count) over (partition by held_out.split) as expected_count,
        greatest(2, strata_per_intent.stratum_count) as allowed_difference,
    from held_out
    inner join pool_share
        on held_out.intent = pool_share.intent
    inner join strata_per_intent
        on held_out.intent = strata_per_intent.intent

)

select * from compared
where abs(split_count - expected_count) > allowed_difference
