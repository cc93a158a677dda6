-- Every sampled curated message is exported once as a real example, unless the balancer removed
-- it from the train split (random undersampling, Tomek links): then it is listed there and not
-- exported. A message the sample left out is neither. No real example is exported that the pool
-- does not hold.
with

curated as (

    select
        'msg-' || left(md5(message_id), 16) as example_id,
        is_sampled,
    from {{ ref('ml_sampled_messages') }}

),

exported as (

    select example_id from {{ ref('curated_training_data') }}
    where not is_synthetic

),

removed as (

    select example_id from {{ ref('ml_smote_examples') }}
    where balance_action = 'remove' and example_id like 'msg-%'

),

tallied as (

    select
        example_id,
        1 as in_pool,
        0 as in_export,
        0 as in_removed,
        is_sampled::integer as in_sample,
    from curated
    union all
    select
        example_id,
        0 as in_pool,
        1 as in_export,
        0 as in_removed,
        0 as in_sample,
    from exported
    union all
    select
        example_id,
        0 as in_pool,
        0 as in_export,
        1 as in_removed,
        0 as in_sample,
    from removed

),

counted as (

    select
        example_id,
        sum(in_pool) as pool_count,
        sum(in_export) as export_count,
        sum(in_removed) as removed_count,
        sum(in_sample) as sample_count,
    from tallied
    group by example_id

)

select * from counted
where pool_count != 1 or export_count + removed_count != sample_count
