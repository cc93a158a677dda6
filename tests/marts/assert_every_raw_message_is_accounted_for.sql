-- Every raw message row is kept, quarantined or removed as a duplicate of a kept message, exactly once.
-- Returns a row when the counts do not add up, or when a raw row is missing from every outcome.
with

raw_rows as (

    select raw_row_id from {{ ref('int_messages_unioned') }}

),

kept as (

    select resolved.raw_row_id
    from {{ ref('curated_messages') }} as curated
    inner join {{ ref('int_messages_resolved') }} as resolved
        on curated.message_id = resolved.message_id and resolved.resolution = 'kept'

),

quarantined as (

    select raw_row_id from {{ ref('quarantined_records') }}
    where record_type = 'message'

),

duplicates as (

    select raw_row_id from {{ ref('removed_duplicates') }}

),

outcomes as (

    select
        raw_row_id,
        'kept' as outcome
    from kept
    union all
    select
        raw_row_id,
        'quarantined' as outcome
    from quarantined
    union all
    select
        raw_row_id,
        'duplicate' as outcome
    from duplicates

),

per_row as (

    select
        raw_rows.raw_row_id,
        count(outcomes.outcome) as outcome_count,
    from raw_rows
    left join outcomes
        on raw_rows.raw_row_id = outcomes.raw_row_id
    group by raw_rows.raw_row_id

),

unexplained as (

    select
        raw_row_id,
        outcome_count
    from per_row
    where outcome_count != 1
    union all
    select
        outcomes.raw_row_id,
        -1 as outcome_count
    from outcomes
    anti join raw_rows
        on outcomes.raw_row_id = raw_rows.raw_row_id

)

select * from unexplained
