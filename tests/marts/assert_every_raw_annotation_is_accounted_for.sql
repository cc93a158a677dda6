-- Every raw annotation row either voted for the label of a kept message or is quarantined, exactly once.
with

raw_rows as (

    select raw_row_id from {{ ref('int_annotations_unioned') }}

),

used as (

    select raw_row_id from {{ ref('int_annotations_resolved') }}
    where resolution = 'used'

),

quarantined as (

    select raw_row_id from {{ ref('quarantined_records') }}
    where record_type = 'annotation'

),

outcomes as (

    select raw_row_id from used
    union all
    select raw_row_id from quarantined

),

per_row as (

    select
        raw_rows.raw_row_id,
        count(outcomes.raw_row_id) as outcome_count,
    from raw_rows
    left join outcomes
        on raw_rows.raw_row_id = outcomes.raw_row_id
    group by raw_rows.raw_row_id

)

select * from per_row
where outcome_count != 1
