-- Each split's share of every stratum the split was made in (`split_stratum`, from the
-- `stratify_by` keys after the small-strata rule) against its target ratio, before balancing,
-- with the difference in rows. (Balancing, train only, comes after: see class_balance_by_split.)
-- Compile with `dbt compile --select split_shares_by_stratum` and run the SQL in DuckDB.
with

splits as (

    select * from {{ ref('ml_split_assignments') }}

),

ratios (split, target_ratio) as (

    {{ split_target_ratios() }}

),

stratum_rows as (

    select
        split_stratum,
        count(*) as stratum_rows,
    from splits
    group by split_stratum

),

split_rows as (

    select
        split_stratum,
        split,
        count(*) as split_rows,
    from splits
    group by split_stratum, split

),

final as (

    select
        stratum_rows.split_stratum,
        ratios.split,
        stratum_rows.stratum_rows,
        coalesce(split_rows.split_rows, 0) as split_rows,
        round(coalesce(split_rows.split_rows, 0) / stratum_rows.stratum_rows, 4) as split_share,
        round(ratios.target_ratio, 4) as target_ratio,
        round(coalesce(split_rows.split_rows, 0) - stratum_rows.stratum_rows * ratios.target_ratio, 2)
            as rows_off_target,
    from stratum_rows
    cross join ratios
    left join split_rows
        on
            stratum_rows.split_stratum = split_rows.split_stratum
            and ratios.split = split_rows.split
    order by stratum_rows.split_stratum, ratios.split

)

select * from final
