-- Class balance per split and stratum (language x channel) of the export: real and synthetic
-- examples per intent, each intent's share of its stratum within the split, and the same share in
-- the curated pool, to see where balancing (train only) moved the mix and where validation and
-- test follow the pool. Vector-only synthetic rows have no language or channel: stratum `(none)`.
-- Compile with `dbt compile --select class_balance_by_split_and_stratum` and run the SQL in DuckDB.
with

export as (

    select * from {{ ref('curated_training_data') }}

),

curated as (

    select * from {{ ref('curated_messages') }}

),

split_counts as (

    select
        split,
        coalesce(language, '(none)') as language,
        coalesce(channel, '(none)') as channel,
        intent,
        count(*) filter (where not is_synthetic) as real_examples,
        count(*) filter (where is_synthetic) as synthetic_examples,
        count(*) as examples,
    from export
    group by all

),

pool_counts as (

    select
        language,
        channel,
        intent,
        count(*) as pool_examples,
    from curated
    group by all

),

pool_shares as (

    select
        language,
        channel,
        intent,
        pool_examples / sum(pool_examples) over (partition by language, channel) as pool_share_of_stratum,
    from pool_counts

),

final as (

    select
        split_counts.split,
        split_counts.language,
        split_counts.channel,
        split_counts.intent,
        split_counts.real_examples,
        split_counts.synthetic_examples,
        split_counts.examples,
        round(
            split_counts.examples
            / sum(split_counts.examples) over (
                partition by split_counts.split, split_counts.language, split_counts.channel
            ),
            4
        ) as share_of_stratum,
        round(pool_shares.pool_share_of_stratum, 4) as pool_share_of_stratum,
    from split_counts
    left join pool_shares
        on
            split_counts.language = pool_shares.language
            and split_counts.channel = pool_shares.channel
            and split_counts.intent = pool_shares.intent
    order by split_counts.split, split_counts.language, split_counts.channel, split_counts.intent

)

select * from final
