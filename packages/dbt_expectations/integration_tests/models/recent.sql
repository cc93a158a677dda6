-- Three rows dated relative to "now" in UTC (the tests' default `dbt_date:time_zone`), for the recency tests.
-- A view: it is evaluated inside each test query, whose current_timestamp is the same, so the ages are exact.
with clock as (

    select cast(current_timestamp at time zone 'Etc/UTC' as timestamp) as now_at,

),

ages as (

    select *,
    from (
        values
            ('recent', 2, 1),
            ('stale', 72, 3),
            ('future', -240, -10)
    ) as age_rows (status, age_in_hours, age_in_days)

)

select
    ages.status,
    clock.now_at - ages.age_in_hours * interval 1 hour as event_at,
    cast(clock.now_at as date) - ages.age_in_days as event_day,
from ages
cross join clock
