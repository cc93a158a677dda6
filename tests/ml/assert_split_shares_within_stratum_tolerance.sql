-- Per-stratum proportions: in every stratum the split was made in, each split holds its ratio of
-- the stratum's rows within `split_stratum_tolerance` of the stratum (or within one row, for
-- strata too small for that). Control is taken first; the three ratios share the rest.
with

splits as (

    select * from {{ ref('ml_split_assignments') }}

),

ratios (split, ratio) as (

    {{ split_target_ratios() }}

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

compared as (

    select
        strata.split_stratum,
        ratios.split,
        strata.stratum_rows,
        coalesce(split_counts.split_rows, 0) as split_rows,
        strata.stratum_rows * ratios.ratio as expected_rows,
    from strata
    cross join ratios
    left join split_counts
        on
            strata.split_stratum = split_counts.split_stratum
            and ratios.split = split_counts.split

)

select * from compared
where abs(split_rows - expected_rows) > greatest(1, {{ var('split_stratum_tolerance') }} * stratum_rows)
