-- One row per stratum the split was made in (`split_stratum`) and split: the split's rows in the
-- stratum against its target (the stratum's rows x the split's share of the pool: control
-- first, the three other ratios sharing the rest), before balancing. Its test holds every row within
-- `split_stratum_tolerance` of the stratum, or one row, of the target.
with

splits as (

    select * from {{ ref('ml_split_assignments') }}

),

ratios (split, target_ratio) as (

    values
    ('train', {{ var('train_ratio') }} * (1 - {{ var('control_ratio') }})),
    ('validation', {{ var('validation_ratio') }} * (1 - {{ var('control_ratio') }})),
    ('test', {{ var('test_ratio') }} * (1 - {{ var('control_ratio') }})),
    ('control', {{ var('control_ratio') }})

),

strata as (

    select
        split_stratum,
        count(*) as stratum_rows,
    from splits
    group by split_stratum

),

split_counts as (

    select
        split_stratum,
        split,
        count(*) as split_rows,
    from splits
    group by split_stratum, split

),

final as (

    select
        strata.split_stratum,
        ratios.split,
        strata.stratum_rows,
        coalesce(split_counts.split_rows, 0) as split_rows,
        coalesce(split_counts.split_rows, 0) / strata.stratum_rows as split_share,
        ratios.target_ratio::double as target_ratio,
        (strata.stratum_rows * ratios.target_ratio)::double as target_rows,
        (coalesce(split_counts.split_rows, 0) - strata.stratum_rows * ratios.target_ratio)::double as rows_off_target,
    from strata
    cross join ratios
    left join split_counts
        on
            strata.split_stratum = split_counts.split_stratum
            and ratios.split = split_counts.split
    order by strata.split_stratum, ratios.split

)

select * from final
