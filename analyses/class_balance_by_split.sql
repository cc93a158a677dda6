-- Class balance per split of the export: real and synthetic examples per intent, and each
-- intent's share of its split. Compile with `dbt compile` and run the SQL in DuckDB.
with

export as (

    select * from {{ ref('curated_training_data') }}

),

counts as (

    select
        split,
        intent,
        count(*) filter (where not is_synthetic) as real_examples,
        count(*) filter (where is_synthetic) as synthetic_examples,
        count(*) as examples,
    from export
    group by split, intent

),

final as (

    select
        *,
        round(examples / sum(examples) over (partition by split), 4) as share_of_split,
    from counts
    order by split, intent

)

select * from final
